import type { Order } from '../order';
import type { KpiWeek } from '../performance';
import { laneKpis } from '../performance';
import type { RatingResult } from '../rating';
import type { Shipment } from '../shared/shipment';
import { BATTERY_TYPES, type BatteryType } from '../shared/shipping-terms';
import { bookWithFallback, recordBooking, timeoutFromSleep, type BookingConfirmation, type BookShipment } from './booking';
import { CARRIERS } from './data/carriers';
import { bookingShipmentFromOrder, routingInputFromOrder } from './from-order';
import { laneOf } from './lanes';
import { routeShipment } from './route';
import type { RoutingDecision, SellerPolicy } from './types';

const DAY_MS = 86_400_000;

/** A seller without a policy of its own gets the balanced profile and no rules. */
export const DEFAULT_SELLER_POLICY: SellerPolicy = { profile: 'best-value', rules: [] };

export interface RouteOrderInput {
  readonly order: Order;
  readonly quotes: RatingResult;
  /** KPI rows of the order's lane (any weeks; the window is chosen here). */
  readonly kpiRows: readonly KpiWeek[];
  readonly policy?: SellerPolicy;
  readonly book: BookShipment;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: Date;
  readonly newShipmentId: () => string;
}

export type RoutedOrder =
  | {
      readonly outcome: 'routed';
      readonly decision: RoutingDecision;
      readonly shipment: Shipment;
      readonly confirmation: BookingConfirmation;
      readonly acceptsBatteries: readonly BatteryType[];
    }
  | { readonly outcome: 'unroutable'; readonly decision: RoutingDecision };

/**
 * The routing use case: decide (constraints, score, explanation), then book with the best carrier,
 * falling back down the ranking; what happened is recorded on the decision either way.
 */
export async function routeOrder(input: RouteOrderInput): Promise<RoutedOrder> {
  const { order, now } = input;
  const routing = routingInputFromOrder(order, { at: now });
  const kpis = laneKpis(input.kpiRows, now, { lane: laneOf(routing.destination, routing.origin).id });
  const decision = routeShipment(routing, input.quotes, kpis, input.policy ?? DEFAULT_SELLER_POLICY);
  if (decision.status === 'unroutable') {
    return { outcome: 'unroutable', decision };
  }
  const outcome = await bookWithFallback(decision.ranking, bookingShipmentFromOrder(order, routing), input.book, {
    retries: 2,
    timeoutMs: 5_000,
    withTimeout: timeoutFromSleep(input.sleep),
    sleep: input.sleep,
  });
  const recorded = recordBooking(decision, outcome);
  if (outcome.status !== 'booked') {
    return { outcome: 'unroutable', decision: { ...recorded, status: 'unroutable' } };
  }
  const { target, confirmation } = outcome;
  const bookedAt = now.toISOString();
  const chosen = decision.ranking.find((candidate) => candidate.carrier === target.carrier && candidate.serviceId === target.serviceId) ?? decision.chosen!;
  const carrier = CARRIERS.find((profile) => profile.slug === target.carrier);
  return {
    outcome: 'routed',
    decision: recorded,
    confirmation,
    acceptsBatteries: acceptedBatteries(input.quotes, order, target),
    shipment: {
      shipmentId: input.newShipmentId(),
      orderId: order.orderId,
      sellerId: order.sellerId,
      carrier: target.carrier,
      carrierName: carrier?.name ?? chosen.carrierName,
      serviceId: target.serviceId,
      serviceLevel: chosen.serviceLevel,
      trackingNumber: confirmation.trackingNumber,
      lane: decision.lane.id,
      destinationCountry: order.shipTo.country,
      bookedAt,
      promisedBy: new Date(now.getTime() + chosen.transitDays.max * DAY_MS).toISOString(),
    },
  };
}

/**
 * Battery types the booked service carries: neither its rate card (as its stored quote says) nor
 * its last-mile carrier refuses them. A quote stored before quotes named their refused batteries
 * vouches only for the batteries the order was rated with, so those (and goods without batteries)
 * are all it accepts.
 */
function acceptedBatteries(rating: RatingResult, order: Order, target: { readonly serviceId: string; readonly carrier: string }): BatteryType[] {
  const quote = rating.quotes.find((candidate) => candidate.serviceId === target.serviceId);
  const refusedByCarrier = CARRIERS.find((profile) => profile.slug === target.carrier)?.refused.batteries ?? [];
  const acceptedByCard = (battery: BatteryType) =>
    quote?.refusedBatteries === undefined
      ? battery === 'none' || order.items.some((item) => item.batteryType === battery)
      : !quote.refusedBatteries.includes(battery);
  return BATTERY_TYPES.filter((battery) => acceptedByCard(battery) && !refusedByCarrier.includes(battery));
}
