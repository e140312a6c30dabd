import type { TrackingStatus } from '../tracking/statuses';
import type { Order } from './order';

/** What remembers that (marketplace, external order id) was already taken, and by which request. */
export interface IdempotencyRecord {
  readonly orderId: string;
  readonly sellerId: string;
  /** sha-256 of the canonical request body: the same key with another body is a conflict. */
  readonly requestHash: string;
}

export type SaveOrderOutcome =
  | { readonly kind: 'created' }
  | { readonly kind: 'duplicate'; readonly existing: IdempotencyRecord };

/** An event to publish once the write that caused it has committed (the outbox). */
export interface PendingEvent {
  readonly eventId: string;
  readonly detailType: string;
  readonly source: string;
  readonly detail: unknown;
}

/** Port: stores a new order, its idempotency record and its event in one atomic write. */
export type SaveNewOrder = (order: Order, requestHash: string, event: PendingEvent) => Promise<SaveOrderOutcome>;

/** Port: reads an order by id. */
export type GetOrder = (orderId: string) => Promise<Order | undefined>;

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
