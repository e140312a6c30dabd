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

export function buildPublishEvents(client: EventBridgeClient, busName: string): PublishEvents {
  return async (events) => {
    for (let start = 0; start < events.length; start += MAX_ENTRIES_PER_CALL) {
      const chunk = events.slice(start, start + MAX_ENTRIES_PER_CALL);
      const entries: PutEventsRequestEntry[] = chunk.map((event) => ({
        EventBusName: busName,
        Source: event.source,
        DetailType: event.detailType,
        Detail: JSON.stringify(event.detail),
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
