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
