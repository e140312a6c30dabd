import { createHash } from 'node:crypto';
import { subjectOf, type NotificationSubject } from './subject';

/** The version of the public notification format (not of any event's data, which has its own `version`). */
export const NOTIFICATION_FORMAT_VERSION = 1;
export const VERIFICATION_TYPE = 'enlace.verification';

/** The internal event as the fan-out reads it off the bus: envelope metadata and the event's data. */
export interface InternalEvent {
  readonly metadata: {
    readonly eventId: string;
    readonly type: string;
    readonly version: number;
    readonly occurredAt: string;
    /** The order id through the parcel pipeline; the inbound shipment (or adjustment) for inventory events. */
    readonly correlationId: string;
    readonly sellerId: string;
  };
  readonly data: unknown;
}

/**
 * What a seller receives (the body of each POST, or the detail on their bus). A public contract:
 * internal envelope fields (source, causation) stay inside; the order id is named as such (order
 * notifications only); the per-subject `sequence` lets a receiver put events of one order (or one
 * inbound shipment, one SKU's stock) in order whatever order they arrive in. JSON Schema:
 * events/public/schemas/notification.v1.json.
 */
export interface PublicNotification {
  readonly formatVersion: typeof NOTIFICATION_FORMAT_VERSION;
  readonly eventId: string;
  readonly type: string;
  /** Version of `data`'s schema for this type. */
  readonly version: number;
  readonly occurredAt: string;
  /** Present on order notifications (subject.kind "order"), equal to subject.id. */
  readonly orderId?: string;
  readonly subject: NotificationSubject;
  readonly sellerId: string;
  /** 1, 2, 3… per subject, in the order Enlace forwarded the subject's events. Gaps are events this subscription does not receive. */
  readonly sequence: number;
  readonly data: unknown;
}

export function toPublicNotification(event: InternalEvent, sequence: number): PublicNotification {
  const subject = subjectOf(event);
  return {
    formatVersion: NOTIFICATION_FORMAT_VERSION,
    eventId: event.metadata.eventId,
    type: event.metadata.type,
    version: event.metadata.version,
    occurredAt: event.metadata.occurredAt,
    ...(subject.kind === 'order' ? { orderId: subject.id } : {}),
    subject,
    sellerId: event.metadata.sellerId,
    sequence,
    data: event.data,
  };
}

/** The handshake Enlace sends before the first delivery; the endpoint answers 2xx echoing `challenge`. */
export interface VerificationRequest {
  readonly type: typeof VERIFICATION_TYPE;
  readonly formatVersion: typeof NOTIFICATION_FORMAT_VERSION;
  readonly challenge: string;
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly sentAt: string;
}

export function verificationRequest(subscription: { subscriptionId: string; sellerId: string }, challenge: string, now: Date): VerificationRequest {
  return {
    type: VERIFICATION_TYPE,
    formatVersion: NOTIFICATION_FORMAT_VERSION,
    challenge,
    subscriptionId: subscription.subscriptionId,
    sellerId: subscription.sellerId,
    sentAt: now.toISOString(),
  };
}

/** The endpoint proved it read the handshake: its body is the challenge, or JSON `{ "challenge": … }`. */
export function challengeAnswered(responseBody: string, challenge: string): boolean {
  const body = responseBody.trim();
  if (body === challenge) {
    return true;
  }
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed !== null && typeof parsed === 'object' && (parsed as { challenge?: unknown }).challenge === challenge;
  } catch {
    return false;
  }
}

/**
 * The idempotency id of one event's delivery to one subscription: the same on every retry, on a
 * redelivered fan-out message and on a replay, so a receiver deduplicates on it.
 */
export function deliveryIdFor(eventId: string, subscriptionId: string): string {
  return `dlv_${createHash('sha256').update(`${eventId}\n${subscriptionId}`).digest('hex').slice(0, 32)}`;
}
