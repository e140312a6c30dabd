import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { type PendingEvent } from '../../../events/pending';

/** Port: publishes events to the bus; rejects when any entry was not accepted. */
export type PublishEvents = (events: readonly PendingEvent[]) => Promise<void>;

export class PublishFailedError extends Error {
  constructor(readonly failures: readonly { eventId: string; code: string; message: string }[]) {
    super(`EventBridge rejected ${failures.length} event(s): ${failures.map((f) => `${f.eventId} ${f.code} ${f.message}`).join('; ')}`);
    this.name = 'PublishFailedError';
  }
}

const MAX_ENTRIES_PER_CALL = 10;

/**
 * The `resources` entry of an event whose seller has subscriptions: the notification fan-out's rule
 * matches only these (infra/constructs/notifications.ts), so an event of a seller nobody listens for
 * costs no queue message and no invocation. The event itself (`detail`) is untouched.
 */
export const SUBSCRIBERS_RESOURCE = 'enlace:notifications/subscribed';

/** Port: whether a seller has any subscription (active or not: the fan-out decides what each one wants). */
export type SellerHasSubscriptions = (sellerId: string) => Promise<boolean>;

const sellerOf = (event: PendingEvent): string | undefined => {
  const sellerId = (event.detail as { metadata?: { sellerId?: unknown } } | undefined)?.metadata?.sellerId;
  return typeof sellerId === 'string' ? sellerId : undefined;
};

/** The sellers of `events` that have subscriptions, asked once each. */
async function subscribedSellers(events: readonly PendingEvent[], hasSubscriptions: SellerHasSubscriptions | undefined): Promise<ReadonlySet<string>> {
  if (hasSubscriptions === undefined) return new Set();
  const sellers = [...new Set(events.map(sellerOf).filter((sellerId): sellerId is string => sellerId !== undefined))];
  const answers = await Promise.all(sellers.map(async (sellerId) => [sellerId, await hasSubscriptions(sellerId)] as const));
  return new Set(answers.filter(([, subscribed]) => subscribed).map(([sellerId]) => sellerId));
}

/**
 * Adapter: PutEvents, ten entries a call. With `hasSubscriptions`, an event whose seller has
 * subscriptions carries SUBSCRIBERS_RESOURCE, which routes it to the notification fan-out.
 */
export function buildPublishEvents(client: EventBridgeClient, busName: string, hasSubscriptions?: SellerHasSubscriptions): PublishEvents {
  return async (events) => {
    const subscribed = await subscribedSellers(events, hasSubscriptions);
    for (let start = 0; start < events.length; start += MAX_ENTRIES_PER_CALL) {
      const chunk = events.slice(start, start + MAX_ENTRIES_PER_CALL);
      const entries: PutEventsRequestEntry[] = chunk.map((event) => ({
        EventBusName: busName,
        Source: event.source,
        DetailType: event.detailType,
        Detail: JSON.stringify(event.detail),
        ...(subscribed.has(sellerOf(event) ?? '') ? { Resources: [SUBSCRIBERS_RESOURCE] } : {}),
      }));
      const result = await client.send(new PutEventsCommand({ Entries: entries }));
      if ((result.FailedEntryCount ?? 0) > 0) {
        const failures = (result.Entries ?? []).flatMap((entry, index) =>
          entry.ErrorCode === undefined ? [] : [{ eventId: chunk[index]?.eventId ?? '?', code: entry.ErrorCode, message: entry.ErrorMessage ?? '' }],
        );
        throw new PublishFailedError(failures);
      }
    }
  };
}
