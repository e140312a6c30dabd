import { gunzipSync, gzipSync } from 'node:zlib';
import type { KpiIncrement } from '../../../domain/performance';
import type { Shipment } from '../../../domain/shared/shipment';
import type { KpiMark, StallCandidate, TrackingAlias } from '../../../domain/tracking';
import { emptyTrackingState, type CurrentStatus, type ShipmentTrackingState, type TimelineEvent } from '../../../domain/tracking';
import type { PendingEvent } from '../../../events/pending';
import { keys } from './keys';
import { outboxAttribute } from './outbox';
import { shipmentItem } from './shipment-store';

/**
 * A shipment's tracking lives in one item beside the shipment (`SHIPMENT#<id>` / `TRACKING`): the
 * current status, the stall bookkeeping and the whole timeline, gzipped JSON (a 22-event journey is
 * about 9 KB as JSON, under 2 KB gzipped, and every write rewrites the item, so its size is the
 * write's cost). One item means one conditional write per batch of updates, and a read of the
 * timeline is one GetItem. The events a write publishes ride on that same write, in its `outbox`
 * attribute (store/outbox.ts), so an ordinary update is ONE item written, as a plain conditional
 * Put; a KPI counter or a new line-haul alias makes it a transaction: 1 + the KPI weeks touched +
 * the new aliases (2 for a single update, docs/tracking.md "Write cost"). The
 * carrier's raw payload is not kept on the timeline (it stays in the logs and, when unparseable, in
 * the DLQ); everything Enlace derived from it is.
 */

const TRACKING_TYPE = 'ShipmentTracking';

/** Everything one batch of carrier updates changes for one shipment, written at once. */
export interface TrackingWrite {
  readonly shipment: Shipment;
  readonly state: ShipmentTrackingState;
  readonly kpiMarks: readonly KpiMark[];
  readonly expectedVersion: number;
  /** When the stalled sweep should look at the shipment; null takes it out of the sweep's index. */
  readonly stallDueAt: string | null;
  readonly events: readonly PendingEvent[];
  readonly kpiIncrements: readonly KpiIncrement[];
  readonly aliases: readonly TrackingAlias[];
  readonly at: string;
}

export type Item = Record<string, unknown>;

export function encodeTimeline(timeline: readonly TimelineEvent[]): Uint8Array {
  return gzipSync(JSON.stringify(timeline.map(({ raw: _raw, ...event }) => event)));
}

export function decodeTimeline(value: unknown): TimelineEvent[] {
  if (value instanceof Uint8Array) {
    return JSON.parse(gunzipSync(value).toString('utf8')) as TimelineEvent[];
  }
  return [];
}

export function trackingItem(write: TrackingWrite): Item {
  const { shipment, state } = write;
  return {
    ...keys.shipmentTracking(shipment.shipmentId),
    type: TRACKING_TYPE,
    shipmentId: shipment.shipmentId,
    orderId: shipment.orderId,
    sellerId: shipment.sellerId,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    lane: shipment.lane,
    ...(state.current === null ? {} : { current: state.current, status: state.current.status }),
    ...(state.lastCarrierUpdateAt === null ? {} : { lastCarrierUpdateAt: state.lastCarrierUpdateAt }),
    ...(state.lastEventAt === null ? {} : { lastEventAt: state.lastEventAt }),
    ...(state.deliveredFactRaisedFor === null ? {} : { deliveredFactRaisedFor: state.deliveredFactRaisedFor }),
    ...(state.stallAlertRaised === null ? {} : { stallAlertRaised: state.stallAlertRaised }),
    ...(write.stallDueAt === null ? {} : { ...keys.inTransit(shipment.shipmentId, write.stallDueAt), stallDueAt: write.stallDueAt }),
    eventCount: state.timeline.length,
    timeline: encodeTimeline(state.timeline),
    kpiMarks: [...write.kpiMarks],
    version: write.expectedVersion + 1,
    updatedAt: write.at,
    ...outboxAttribute(write.events),
  };
}

export function trackingStateFromItem(item: Item | undefined): ShipmentTrackingState {
  if (item === undefined) {
    return emptyTrackingState();
  }
  const timeline = decodeTimeline(item.timeline);
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    current: (item.current as CurrentStatus | undefined) ?? null,
    lastCarrierUpdateAt: text(item.lastCarrierUpdateAt),
    lastEventAt: text(item.lastEventAt),
    timeline,
    seenEventKeys: timeline.map((event) => event.eventKey).sort(),
    deliveredFactRaisedFor: text(item.deliveredFactRaisedFor),
    stallAlertRaised: text(item.stallAlertRaised),
  };
}

/** An item that makes gsi2 find the shipment under another carrier's number (see keys.ts). */
export function aliasItem(shipment: Shipment, carrier: string, trackingNumber: string): Item {
  const { gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, ...item } = shipmentItem(shipment);
  return {
    ...item,
    ...keys.trackingAlias(shipment.shipmentId, carrier, trackingNumber),
    ...keys.shipmentByTracking(carrier, trackingNumber),
    type: 'ShipmentAlias',
  };
}

export function candidateFromItem(item: Item): StallCandidate {
  return {
    shipmentId: String(item.shipmentId),
    orderId: String(item.orderId),
    sellerId: String(item.sellerId),
    carrier: String(item.carrier),
    trackingNumber: String(item.trackingNumber),
    lane: String(item.lane),
    current: (item.current as CurrentStatus | undefined) ?? null,
    lastCarrierUpdateAt: String(item.lastCarrierUpdateAt),
    lastEventAt: typeof item.lastEventAt === 'string' ? item.lastEventAt : null,
  };
}
