import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { NetworkPolicy, SubscriptionTarget } from '../../../domain/notifications';
import { VERIFICATION_TYPE } from '../../../domain/notifications';
import { postSafely, type ResolveHost } from './safe-http';

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

/** Port: sends one message; never throws for the receiver's failures, which come back as `ok: false` (`responseBody` is for the caller's checks only, never shown). */
export type SendMessage = (message: OutgoingMessage, options: { timeoutMs: number }) => Promise<SendResult>;

const MAX_RESPONSE_CHARS = 4_096;

/**
 * Adapter: an HTTPS target gets a POST that can reach only public addresses, resolved and checked
 * at this very send (safe-http.ts; redirects are not followed: a 3xx is a failure, so an endpoint
 * cannot bounce deliveries elsewhere); a bus target gets PutEvents, in the bus's region, shaped as
 * BUS_DETAIL_TYPES says. A failure says what happened (a status, a timeout, a refused address) and
 * never carries the receiver's answer: that text could be anything, from anywhere.
 */
export function buildSendMessage(
  eventsIn: (region: string) => EventBridgeClient,
  options: { readonly policy: NetworkPolicy; readonly resolve?: ResolveHost },
): SendMessage {
  return async (message, sendOptions) =>
    message.target.kind === 'https'
      ? post(message.target.url, message, sendOptions.timeoutMs, options)
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

async function post(
  url: string,
  message: OutgoingMessage,
  timeoutMs: number,
  options: { readonly policy: NetworkPolicy; readonly resolve?: ResolveHost },
): Promise<SendResult> {
  const result = await postSafely(url, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Enlace-Notifications/1',
      [HEADERS.signature]: message.signature,
      [HEADERS.deliveryId]: message.deliveryId,
      [HEADERS.eventType]: message.eventType,
    },
    body: message.body,
    timeoutMs,
    policy: options.policy,
    maxResponseChars: MAX_RESPONSE_CHARS,
    ...(options.resolve === undefined ? {} : { resolve: options.resolve }),
  });
  if (result.kind === 'failed') {
    return { ok: false, error: result.error };
  }
  return result.status >= 200 && result.status < 300 ? { ok: true, responseBody: result.body } : { ok: false, error: `HTTP ${result.status}` };
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
