import type { Logger } from '@aws-lambda-powertools/logger';
import type { Shipment } from '../../../domain/shared/shipment';
import type { GetShipmentTracking, TrackingAlias, TrackingUpdate } from '../../../domain/tracking';
import {
  applyUpdates,
  kpiOutcome,
  stallCheckAt,
  stallDueAt,
  stallThresholdsForLane,
  type ShipmentTrackingState,
  type TimelineEvent,
  type TrackingFact,
} from '../../../domain/tracking';
import { metrics } from '../observability';
import type { SaveTracking } from '../store/tracking-writes';
import { trackingEvents } from '../tracking-events';

/** Attempts of a queued batch before its records are retried by SQS. */
export const MAX_CONFLICT_RETRIES = 5;

export class TrackingConflictError extends Error {
  constructor(
    readonly shipmentId: string,
    attempts: number,
  ) {
    super(`shipment ${shipmentId}: the tracking item kept changing under ${attempts} attempts; its updates will be retried`);
    this.name = 'TrackingConflictError';
  }
}

/** One record's updates for one shipment. */
export interface Contribution {
  readonly deliveryId: string;
  readonly receivedAt: string;
  readonly updates: TrackingUpdate[];
}

export interface ShipmentGroup {
  readonly shipment: Shipment;
  readonly contributions: Map<string, Contribution>;
  readonly aliases: Map<string, TrackingAlias>;
}

export interface IngestionOutcome {
  readonly shipmentId: string;
  readonly written: boolean;
  readonly newEvents: number;
  readonly facts: readonly TrackingFact['kind'][];
  readonly itemsWritten: number;
}

export interface WriteShipmentDeps {
  readonly getTracking: GetShipmentTracking;
  readonly saveTracking: SaveTracking;
  readonly newEventId: () => string;
  readonly now: () => Date;
  readonly log: Logger;
  readonly backoff: (attempt: number) => Promise<void>;
  /** Reads and writes before giving up on a conflict (MAX_CONFLICT_RETRIES unless told). */
  readonly maxAttempts?: number;
}

/**
 * Folds every update a batch brought for one shipment into its timeline (domain) and writes the
 * result once, conditional on the version read; on a conflict (another writer got there first, or
 * the first, eventually consistent read was stale) it re-reads, strongly consistent, and folds
 * again, up to maxAttempts times (then TrackingConflictError: the caller retries later). Updates that are all duplicates cost the read alone: the
 * timeline only grows, so what a stale read already holds, the item holds too. The stalled sweep's
 * index entry moves only when it must (stallCheckAt).
 */
export function buildWriteShipment(deps: WriteShipmentDeps) {
  const { getTracking, saveTracking, newEventId, now, log, backoff, maxAttempts = MAX_CONFLICT_RETRIES } = deps;
  return async (group: ShipmentGroup): Promise<IngestionOutcome> => {
    const contributions = [...group.contributions.values()].sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      // The first read may be stale (eventually consistent, half the units): the write is conditional on its version.
      const stored = await getTracking(group.shipment.shipmentId, { shipment: group.shipment, consistentRead: attempt > 1 });
      if (stored === undefined) {
        throw new Error(`shipment ${group.shipment.shipmentId} disappeared while its tracking was being written`);
      }
      let state: ShipmentTrackingState = stored.state;
      const facts: TrackingFact[] = [];
      const added: TimelineEvent[] = [];
      let crossSourceDuplicates = 0;
      for (const contribution of contributions) {
        const result = applyUpdates(state, contribution.updates, { receivedAt: contribution.receivedAt });
        state = result.state;
        facts.push(...result.facts);
        added.push(...result.newEvents);
        crossSourceDuplicates += result.crossSourceDuplicates;
      }
      if (crossSourceDuplicates > 0) {
        // The same scan by two sources (a push and a poll, an aggregator and the carrier): absorbed, but worth watching.
        metrics.addMetric('CrossSourceDuplicates', 'Count', crossSourceDuplicates);
      }
      const aliases = [...group.aliases.values()];
      if (added.length === 0 && aliases.length === 0) {
        return { shipmentId: group.shipment.shipmentId, written: false, newEvents: 0, facts: [], itemsWritten: 0 };
      }
      const at = now().toISOString();
      const kpi = kpiOutcome(stored.shipment, { state, facts }, stored.kpiMarks);
      const write = {
        shipment: stored.shipment,
        state,
        kpiMarks: kpi.marks,
        expectedVersion: stored.version,
        stallDueAt: stallCheckAt(stallDueAt(state, stallThresholdsForLane(stored.shipment.lane)), stored.stallCheckAt, at),
        events: trackingEvents(stored.shipment, state, facts, { newEventId, at }),
        kpiIncrements: kpi.increments,
        aliases,
        at,
      };
      const saved = await saveTracking(write);
      if (saved.outcome === 'saved') {
        const unrecognised = added.filter((event) => !event.recognised);
        if (unrecognised.length > 0) {
          // New carrier codes stay on the timeline without moving the status; count them so the mapping gets them.
          log.warn('unrecognised carrier codes', {
            shipmentId: stored.shipment.shipmentId,
            codes: unrecognised.map((event) => `${event.carrier}:${event.carrierCode}`),
          });
          metrics.addMetric('UnrecognisedCarrierCodes', 'Count', unrecognised.length);
        }
        metrics.addMetric('TrackingEventsAdded', 'Count', added.length);
        log.info('tracking updated', {
          shipmentId: stored.shipment.shipmentId,
          correlationId: stored.shipment.orderId,
          added: added.length,
          status: state.current?.status ?? null,
          facts: facts.map((fact) => fact.kind),
          version: stored.version + 1,
        });
        return {
          shipmentId: stored.shipment.shipmentId,
          written: true,
          newEvents: added.length,
          facts: facts.map((fact) => fact.kind),
          itemsWritten: saved.itemsWritten,
        };
      }
      metrics.addMetric('TrackingWriteConflicts', 'Count', 1);
      if (attempt < maxAttempts) await backoff(attempt);
    }
    throw new TrackingConflictError(group.shipment.shipmentId, maxAttempts);
  };
}

/** Full jitter, 20–200 ms: two writers of one shipment rarely collide twice. */
export async function jitter(attempt: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** Math.min(attempt, 3) + 20));
}
