import type { OrderStatus } from '../order';
import { STATUS_DEFINITIONS, type TrackingStatus } from './statuses';

/**
 * What an order's status says once its parcel is with the carriers. The pipeline moves the stored
 * status up to `documents-ready`; from there the shipment's tracking speaks for the order, read when
 * the order is read, so a carrier scan never costs an order write (docs/tracking.md, "Write cost"):
 *
 * - `delivered` when the parcel is;
 * - `exception` when it is in trouble or not reaching the buyer: a customs hold, duties due, a failed
 *   attempt, damage, loss, or a return (under way or done);
 * - `in-transit` for any other carrier status past the label;
 * - the stored status while only a label exists, and always for `customs-held`: a documents problem
 *   is the seller's to fix, whatever the parcel does meanwhile (the tracking is shown beside it).
 */

/** Stored statuses after which the parcel's tracking decides the order's status. */
const FOLLOWS_TRACKING: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['routed', 'documents-ready']);

/** Stored statuses of an order that has a booked shipment (so tracking to show). */
export function hasBookedShipment(stored: OrderStatus): boolean {
  return FOLLOWS_TRACKING.has(stored) || stored === 'customs-held';
}

export function orderStatusWithTracking(stored: OrderStatus, tracking: TrackingStatus | null): OrderStatus {
  if (!FOLLOWS_TRACKING.has(stored) || tracking === null || tracking === 'label-created') {
    return stored;
  }
  if (tracking === 'delivered') {
    return 'delivered';
  }
  if (STATUS_DEFINITIONS[tracking].isException || tracking === 'returned') {
    return 'exception';
  }
  return 'in-transit';
}

/** Where an order's booked parcel stands, as the order's readers show it (current status only; the timeline has its own route). */
export interface OrderTracking {
  readonly shipmentId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  /** Null until a carrier has reported anything. */
  readonly status: TrackingStatus | null;
  readonly subStatus: string | null;
  readonly since: string | null;
  readonly stalled: boolean;
}

/** Port: the tracking of an order's booked shipment; undefined when none was booked. */
export type GetOrderTracking = (orderId: string) => Promise<OrderTracking | undefined>;
