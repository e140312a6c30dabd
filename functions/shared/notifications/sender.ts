import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { SubscriptionTarget } from '../../../domain/notifications';
import { VERIFICATION_TYPE } from '../../../domain/notifications';

/**
 * How Enlace's events look on a seller's bus: source `enlace.notifications`, one fixed detail-type
 * (as partner event sources do), and the public payload as the detail, whose `type` says what
 * happened. A fixed detail-type can never be mistaken for an internal `<entity>.<fact>` event.
 */
export const NOTIFICATION_SOURCE = 'enlace.notifications';
export const BUS_DETAIL_TYPES = { notification: 'Enlace Notification', verification: 'Enlace Verification' } as const;
export const HEADERS = {
  signature: 'Enlace-Signature',
  deliveryId: 'Enlace-Delivery-Id',
  eventType: 'Enlace-Event-Type',
} as const;

/** One signed message for one target: a delivery, or a verification handshake. */
export interface OutgoingMessage {
  readonly target: SubscriptionTarget;
  /** The exact bytes that were signed. */
  readonly body: string;
  readonly eventType: string;
  readonly deliveryId: string;
  /** The `Enlace-Signature` value (HTTP only: a bus delivery is authenticated by IAM). */
  readonly signature: string;
}

export type SendResult = { readonly ok: true; readonly responseBody: string } | { readonly ok: false; readonly error: string };

/** Port: sends one message; never throws for the receiver's failures, which come back as `ok: false`. */
export type SendMessage = (message: OutgoingMessage, options: { timeoutMs: number }) => Promise<SendResult>;

const MAX_RESPONSE_CHARS = 4_096;

/**
 * Adapter: an HTTPS target gets a POST (redirects are not followed: a 3xx is a failure, so an
 * endpoint cannot bounce deliveries elsewhere); a bus target gets PutEvents, in the bus's region,
 * shaped as BUS_DETAIL_TYPES says.
 */
export function buildSendMessage(eventsIn: (region: string) => EventBridgeClient, fetchImpl: typeof fetch = fetch): SendMessage {
  return async (message, options) =>
    message.target.kind === 'https'
      ? post(fetchImpl, message.target.url, message, options.timeoutMs)
      : put(eventsIn(regionOf(message.target.arn)), message.target.arn, message);
}

/** PutEvents goes to the region of the bus (`arn:aws:events:<region>:…`). */
const regionOf = (arn: string): string => arn.split(':')[3] ?? '';

/** One client per region, made on first use (a seller's bus may live in any region). */
export function eventBridgeClients(make: (region: string) => EventBridgeClient): (region: string) => EventBridgeClient {
  const clients = new Map<string, EventBridgeClient>();
  return (region) => {
    let client = clients.get(region);
    if (client === undefined) {
      client = make(region);
      clients.set(region, client);
    }
    return client;
  };
}

async function post(fetchImpl: typeof fetch, url: string, message: OutgoingMessage, timeoutMs: number): Promise<SendResult> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Enlace-Notifications/1',
        [HEADERS.signature]: message.signature,
        [HEADERS.deliveryId]: message.deliveryId,
        [HEADERS.eventType]: message.eventType,
      },
      body: message.body,
    });
    const text = (await response.text()).slice(0, MAX_RESPONSE_CHARS);
    if (response.status >= 200 && response.status < 300) {
      return { ok: true, responseBody: text };
    }
    return { ok: false, error: `HTTP ${response.status}${text.length > 0 ? `: ${text.slice(0, 200)}` : ''}` };
  } catch (error) {
    return { ok: false, error: describeFetchError(error, timeoutMs) };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = error as Error & { cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const code = cause?.code ?? cause?.message;
  return code === undefined ? message : `${message} (${code})`;
}

async function put(events: EventBridgeClient, arn: string, message: OutgoingMessage): Promise<SendResult> {
  try {
    const result = await events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: arn,
            Source: NOTIFICATION_SOURCE,
            DetailType: message.eventType === VERIFICATION_TYPE ? BUS_DETAIL_TYPES.verification : BUS_DETAIL_TYPES.notification,
            Detail: message.body,
          },
        ],
      }),
    );
    const entry = result.Entries?.[0];
    if ((result.FailedEntryCount ?? 0) > 0 || entry?.ErrorCode !== undefined) {
      return { ok: false, error: `PutEvents refused the event: ${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`.trim() };
    }
    return { ok: true, responseBody: '' };
  } catch (error) {
    return { ok: false, error: `PutEvents failed: ${(error as Error).name}: ${(error as Error).message}` };
  }
}
