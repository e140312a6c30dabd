import { gunzipSync, gzipSync } from 'node:zlib';
import { type PendingEvent } from '../../../events/pending';
import { keys, TTL_ATTRIBUTE } from './keys';

/**
 * The transactional outbox, in two shapes; the table's stream hands both to the outbox relay:
 *
 * - an **outbox item** (`OUTBOX#<eventId>`), Put in the same transaction as the state it reports
 *   (orders, routing, customs); streamed as an INSERT, then expires. Its event detail is gzipped
 *   JSON in base64 (`detailGz`): a transaction bills each KB twice, and an `order.rated` of 3–4 KB
 *   gzips to about 1 KB; items written before carry the plain JSON in `detail`, and both are read;
 * - an **outbox attribute** on the item the write changes anyway: a write that must stay cheap (a
 *   tracking update) sets `outbox` to the events of that write and nothing else, and the stream
 *   record of that very write (NEW_IMAGE) carries them. The stream holds each modification of an
 *   item exactly once, in order, so every write's events are relayed once, with no extra item. The
 *   attribute is gzipped JSON, base64 (a string, so the stream filter tests it as Lambda's docs
 *   show): it stays on the item until the next write, and DynamoDB bills that write by the larger
 *   of the old and new item.
 *   Rule for every writer of such an item: SET `outbox` to this write's events, or leave it out of
 *   a Put / REMOVE it in an Update, so a later write never re-sends an earlier write's events.
 */

/** The attribute a write sets to the events it publishes (the relay's stream filter looks for it). */
export const OUTBOX_ATTRIBUTE = 'outbox';

/** Outbox items only need to live until the stream has handed them to the publisher (24 h of stream retention). */
const OUTBOX_RETENTION_SECONDS = 2 * 24 * 60 * 60;

export function outboxItem(event: PendingEvent, createdAt: string): Record<string, unknown> {
  return {
    ...keys.outbox(event.eventId),
    type: 'OutboxEvent',
    eventId: event.eventId,
    detailType: event.detailType,
    source: event.source,
    detailGz: gzipSync(JSON.stringify(event.detail)).toString('base64'),
    createdAt,
    [TTL_ATTRIBUTE]: Math.floor(Date.parse(createdAt) / 1000) + OUTBOX_RETENTION_SECONDS,
  };
}

/** The value of the `outbox` attribute: the write's events, in order, as gzipped JSON in base64. */
export function encodeOutbox(events: readonly PendingEvent[]): string {
  return gzipSync(JSON.stringify(events)).toString('base64');
}

/** The `outbox` attribute carrying `events`, or nothing when there are none (a Put then drops the last write's). */
export function outboxAttribute(events: readonly PendingEvent[]): Record<string, string> {
  return events.length === 0 ? {} : { [OUTBOX_ATTRIBUTE]: encodeOutbox(events) };
}

export function decodeOutbox(value: string): PendingEvent[] {
  return JSON.parse(gunzipSync(Buffer.from(value, 'base64')).toString('utf8')) as PendingEvent[];
}

export function pendingEventFromItem(item: Record<string, unknown>): PendingEvent {
  return {
    eventId: String(item.eventId),
    detailType: String(item.detailType),
    source: String(item.source),
    detail: JSON.parse(typeof item.detailGz === 'string' ? gunzipSync(Buffer.from(item.detailGz, 'base64')).toString('utf8') : String(item.detail)) as unknown,
  };
}

/** The events one stream record's new image carries: its outbox attribute's, or the outbox item's own. */
export function pendingEventsFromImage(image: Record<string, unknown>): PendingEvent[] {
  const attribute = image[OUTBOX_ATTRIBUTE];
  if (typeof attribute === 'string') {
    return decodeOutbox(attribute);
  }
  return image.type === 'OutboxEvent' ? [pendingEventFromItem(image)] : [];
}
