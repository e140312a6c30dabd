import type { NotificationSubject } from './subject';
import type { PublicNotification } from './public-notification';
import type { Subscription } from './subscription';

/** One event on its way to one subscription: what the delivery queue carries. */
export interface DeliveryJob {
  /** The idempotency id (`Enlace-Delivery-Id`). */
  readonly deliveryId: string;
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly payload: PublicNotification;
  /** When the retry window started: the first attempt, or the replay. */
  readonly firstAttemptAt: string;
}

/** A delivery that failed for the whole retry window, kept for the seller to inspect and replay. */
export interface DeadLetter {
  readonly deliveryId: string;
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly payload: PublicNotification;
  readonly firstAttemptAt: string;
  readonly deadAt: string;
  readonly attempts: number;
  readonly lastError: string;
}

export class SubscriptionChangedError extends Error {
  constructor(readonly subscriptionId: string) {
    super(`subscription ${subscriptionId} was changed by another request`);
    this.name = 'SubscriptionChangedError';
  }
}

/** A seller already has MAX_SUBSCRIPTIONS_PER_SELLER subscriptions: the new one was not stored. */
export class SubscriptionLimitError extends Error {
  constructor(
    readonly sellerId: string,
    readonly limit: number,
  ) {
    super(`seller ${sellerId} already has ${limit} subscriptions`);
    this.name = 'SubscriptionLimitError';
  }
}

/**
 * Port: stores a subscription. A new one (revision 1) must not exist yet, and is stored only while
 * its seller has fewer than MAX_SUBSCRIPTIONS_PER_SELLER, atomically (else SubscriptionLimitError,
 * however many requests race); a changed one is written only if the stored revision is the one
 * before it, else SubscriptionChangedError.
 */
export type SaveSubscription = (subscription: Subscription) => Promise<void>;
/** Port: one seller's subscriptions (at most MAX_SUBSCRIPTIONS_PER_SELLER). */
export type ListSubscriptions = (sellerId: string) => Promise<Subscription[]>;
/** Port: a subscription by id, looked for only among the given sellers' (the caller's tenancy). */
export type FindSubscription = (sellerIds: readonly string[], subscriptionId: string) => Promise<Subscription | undefined>;
export type GetSubscription = (sellerId: string, subscriptionId: string) => Promise<Subscription | undefined>;
/** Port: removes a subscription and its dead letters. */
export type DeleteSubscription = (sellerId: string, subscriptionId: string) => Promise<void>;

/**
 * Port: the sequence number of an event within its subject (an order, or a seller's inbound
 * shipment or SKU stock): 1, 2, 3… in the order events are asked about, and the same number every
 * time the same event is asked about again.
 */
/** Inventory subjects are counted per seller (two sellers may hold the same SKU code). */
export type SequenceSubject = NotificationSubject & { readonly sellerId: string };

export type NextSequence = (subject: SequenceSubject, eventId: string) => Promise<number>;

/** Port: puts delivery jobs on the delivery queue. */
export type EnqueueDeliveries = (jobs: readonly DeliveryJob[]) => Promise<void>;

export type SaveDeadLetter = (deadLetter: DeadLetter) => Promise<void>;
export interface DeadLetterPage {
  readonly items: readonly DeadLetter[];
  /** Pass back to read the next page; absent on the last one. */
  readonly cursor?: string;
}
export type ListDeadLetters = (sellerId: string, subscriptionId: string, page: { limit: number; cursor?: string }) => Promise<DeadLetterPage>;
export type GetDeadLetter = (sellerId: string, subscriptionId: string, deliveryId: string) => Promise<DeadLetter | undefined>;
export type DeleteDeadLetter = (sellerId: string, subscriptionId: string, deliveryId: string) => Promise<void>;

export { InvalidCursorError } from '../shared/page';
