import type { Logger } from '@aws-lambda-powertools/logger';
import type { DeliveryJob, GetSubscription, SaveDeadLetter } from '../../domain/notifications';
import { nextRetry, signingSecrets, type RetryPolicy } from '../../domain/notifications';
import { signatureHeader } from '../../domain/shared/signature';
import type { DelayRetry } from '../shared/notifications/delivery-queue';
import type { SendMessage } from '../shared/notifications/sender';

export interface NotificationDeliveryDeps {
  readonly getSubscription: GetSubscription;
  readonly send: SendMessage;
  readonly saveDeadLetter: SaveDeadLetter;
  readonly delayRetry: DelayRetry;
  readonly policy: RetryPolicy;
  /** How long a receiver has to answer one delivery. */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
  readonly jitter?: () => number;
}

/** Which attempt this is, and the handle that lets the delivery set its own backoff. */
export interface Attempt {
  readonly receiveCount: number;
  readonly receiptHandle: string;
}

export type DeliveryOutcome = 'delivered' | 'dead-lettered' | 'dropped';

/** The receiver did not take the delivery; it comes back after `retryInSeconds`. */
export class DeliveryFailedError extends Error {
  constructor(
    readonly deliveryId: string,
    readonly reason: string,
    readonly retryInSeconds: number,
  ) {
    super(`delivery ${deliveryId} failed (${reason}); retrying in ${retryInSeconds} s`);
    this.name = 'DeliveryFailedError';
  }
}

export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;

/**
 * One delivery attempt: read the subscription (its current target and secrets, so a rotation or
 * a deletion takes effect on the next retry) → sign → send. Accepted: done. Refused: within the
 * retry window, hide the message for the backoff and throw (the record is reported as failed);
 * past the window, park it in the seller's dead letters and let the message go.
 */
export function buildDeliverNotification(deps: NotificationDeliveryDeps) {
  const {
    getSubscription,
    send,
    saveDeadLetter,
    delayRetry,
    policy,
    timeoutMs = DEFAULT_DELIVERY_TIMEOUT_MS,
    now = () => new Date(),
    jitter = Math.random,
  } = deps;
  return async (job: DeliveryJob, attempt: Attempt, log: Logger): Promise<DeliveryOutcome> => {
    const subscription = await getSubscription(job.sellerId, job.subscriptionId);
    if (subscription === undefined || subscription.status !== 'active') {
      log.info('subscription deleted or not active; delivery dropped', { subscriptionId: job.subscriptionId });
      return 'dropped';
    }
    if (subscription.sellerId !== job.payload.sellerId) {
      // Cannot happen through the fan-out; if a job were ever forged or corrupted, it still must not cross tenants.
      log.error('delivery for another seller refused', { subscriptionId: job.subscriptionId, payloadSellerId: job.payload.sellerId });
      return 'dropped';
    }
    const sentAt = now();
    const body = JSON.stringify(job.payload);
    const signature = signatureHeader(signingSecrets(subscription, sentAt), Math.floor(sentAt.getTime() / 1000), body);
    const result = await send({ target: subscription.target, body, eventType: job.payload.type, deliveryId: job.deliveryId, signature }, { timeoutMs });
    if (result.ok) {
      log.info('notification delivered', { deliveryId: job.deliveryId, type: job.payload.type, attempt: attempt.receiveCount });
      return 'delivered';
    }
    const decision = nextRetry({ attempt: attempt.receiveCount, firstAttemptAt: new Date(job.firstAttemptAt), now: now(), policy, jitter: jitter() });
    if (decision.kind === 'dead-letter') {
      await saveDeadLetter({ ...job, deadAt: now().toISOString(), attempts: attempt.receiveCount, lastError: result.error });
      log.warn('delivery dead-lettered after the retry window', { deliveryId: job.deliveryId, attempts: attempt.receiveCount, lastError: result.error });
      return 'dead-lettered';
    }
    try {
      await delayRetry(attempt.receiptHandle, decision.delaySeconds);
    } catch (error) {
      // The message then comes back after the queue's own visibility timeout: later or sooner, never lost.
      log.warn('could not set the retry delay', { deliveryId: job.deliveryId, error: (error as Error).message });
    }
    throw new DeliveryFailedError(job.deliveryId, result.error, decision.delaySeconds);
  };
}
