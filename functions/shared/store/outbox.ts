import type { PendingEvent } from '../../../domain/order/ports';
import { TTL_ATTRIBUTE, keys } from './keys';

/** Outbox items only need to live until the stream has handed them to the publisher (24 h of stream retention). */
const OUTBOX_RETENTION_SECONDS = 2 * 24 * 60 * 60;

export function outboxItem(event: PendingEvent, createdAt: string): Record<string, unknown> {
  return {
    ...keys.outbox(event.eventId),
    type: 'OutboxEvent',
    eventId: event.eventId,
    detailType: event.detailType,
    source: event.source,
    detail: JSON.stringify(event.detail),
    createdAt,
    [TTL_ATTRIBUTE]: Math.floor(Date.parse(createdAt) / 1000) + OUTBOX_RETENTION_SECONDS,
  };
}

export function pendingEventFromItem(item: Record<string, unknown>): PendingEvent {
  return {
    eventId: String(item.eventId),
    detailType: String(item.detailType),
    source: String(item.source),
    detail: JSON.parse(String(item.detail)) as unknown,
  };
}
