import type { Order } from '../order';
import { ratingRequestFromOrder } from './from-order';
import { rateShipment } from './rate';
import type { EligibleQuote, RatingResult } from './types';
import { InvalidRatingRequestError } from './validate';

export interface ServiceReasons {
  readonly serviceId: string;
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
}

export type OrderRating =
  | { readonly outcome: 'rated'; readonly result: RatingResult }
  | { readonly outcome: 'unrateable'; readonly result?: RatingResult; readonly reasons: readonly ServiceReasons[] };

/**
 * Prices an order on every service of its lane, as of the day it was received (so a retry or a
 * replay prices it the same). No eligible service, or an order the engine cannot read, makes it
 * unrateable, with every reason.
 */
export function rateOrder(order: Order): OrderRating {
  let result: RatingResult;
  try {
    result = rateShipment(ratingRequestFromOrder(order), { at: new Date(order.receivedAt) });
  } catch (error) {
    if (error instanceof InvalidRatingRequestError) {
      return { outcome: 'unrateable', reasons: [{ serviceId: '*', reasons: [{ code: 'INVALID_SHIPMENT', message: error.message }] }] };
    }
    throw error;
  }
  const ineligible = result.ineligible.map((quote) => ({ serviceId: quote.serviceId, reasons: quote.reasons.map(({ code, message }) => ({ code, message })) }));
  return result.quotes.length === 0 ? { outcome: 'unrateable', result, reasons: ineligible } : { outcome: 'rated', result };
}

/** The bus-sized summary of a quote. */
export function summariseQuote(quote: EligibleQuote) {
  return {
    serviceId: quote.serviceId,
    serviceName: quote.serviceName,
    serviceLevel: quote.serviceLevel,
    carriers: quote.carriers,
    chargeableWeightGrams: quote.chargeableWeightGrams,
    shippingTotal: quote.shippingTotal,
    dutiesAndTaxes: quote.dutiesAndTaxes.total,
    // order.rated v1 knows only seller and buyer: a domestic quote owes no duties (total zero) and
    // its seller pays the whole charge, so it is summarised as the seller's; the stored quote says 'none'.
    dutiesPayer: quote.dutiesAndTaxes.payer === 'none' ? ('seller' as const) : quote.dutiesAndTaxes.payer,
    totalCharges: quote.totalCharges,
    landedCost: quote.landedCost,
    transitDays: quote.transitDays,
  };
}
