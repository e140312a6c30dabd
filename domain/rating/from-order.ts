import type { Order } from '../order';
import { fulfilmentWarehouse, MARKETPLACE_PROGRAMMES } from '../order';
import type { Currency } from '../shared/money';
import type { RecipientKind } from './duties/types';
import type { RatingRequest } from './types';

/**
 * A parcel whose dimensions the marketplace did not send (and Enlace could not derive) is rated on
 * its actual weight: a 1 mm cube has no volumetric weight. The warehouse measures it before booking.
 */
const UNKNOWN_SIDE_MM = 1;

/** The rating engine's view of an order: where it goes, what it weighs, what it holds and who pays the taxes. */
export function ratingRequestFromOrder(order: Order, quoteCurrency: Currency = order.currency): RatingRequest {
  const programmes = MARKETPLACE_PROGRAMMES[order.marketplace];
  const warehouse = fulfilmentWarehouse(order);
  return {
    // A domestic (warehouse) order is rated on its warehouse's domestic services only.
    ...(warehouse === undefined ? {} : { origin: { warehouseCode: warehouse.code } }),
    destination: {
      ...order.destination,
      // A two-letter code (a Brazilian UF such as "SP") is passed on; a spelled-out name is left for the CEP to decide.
      ...(/^[A-Z]{2}$/.test(order.shipTo.state) ? { state: order.shipTo.state } : {}),
    },
    parcels: order.parcels.map((parcel) => ({
      weightGrams: parcel.weightGrams,
      lengthMm: parcel.dimensions?.lengthMm ?? UNKNOWN_SIDE_MM,
      widthMm: parcel.dimensions?.widthMm ?? UNKNOWN_SIDE_MM,
      heightMm: parcel.dimensions?.heightMm ?? UNKNOWN_SIDE_MM,
    })),
    items: order.items.map((item) => ({
      quantity: item.quantity,
      unitValue: item.unitDeclaredValue,
      hsCode: item.hsCode,
      battery: item.batteryType,
      description: item.description,
      ...(item.category === undefined ? {} : { category: item.category }),
    })),
    incoterm: order.incoterm,
    insured: order.insured,
    quoteCurrency,
    seller: { remessaConforme: programmes.remessaConforme, chileVatRegistered: programmes.chileVatRegistered },
    recipient: recipientKind(order.shipTo.taxId),
  };
}

/** CNPJ length, digits or (from July 2026) letters and digits, once punctuation is dropped. */
const CNPJ_LENGTH = 14;

/** A company when the recipient's tax id is a CNPJ (named, or 14 characters long); else an individual. */
export function recipientKind(taxId: { readonly type?: string; readonly value: string } | undefined): RecipientKind {
  if (taxId === undefined) return 'individual';
  if (taxId.type !== undefined) return taxId.type === 'CNPJ' ? 'company' : 'individual';
  return taxId.value.replace(/[^0-9A-Za-z]/g, '').length === CNPJ_LENGTH ? 'company' : 'individual';
}
