import type { EnlaceEvent } from './envelope';

/**
 * An event to publish once the write that caused it has committed: what the outbox holds (an
 * `OUTBOX#` item or a write's `outbox` attribute) until the relay puts it on the bus.
 */
export interface PendingEvent {
  readonly eventId: string;
  /** The EventBridge detail-type: the event's `metadata.type`. */
  readonly detailType: string;
  /** The EventBridge source: the event's `metadata.source`. */
  readonly source: string;
  /** The EventBridge detail: the whole event, `{ metadata, data }`. */
  readonly detail: unknown;
}

/** The outbox entry of a built (and therefore validated) event. */
export function toPending(event: EnlaceEvent): PendingEvent {
  return { eventId: event.metadata.eventId, detailType: event.metadata.type, source: event.metadata.source, detail: event };
}
