import type { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import type { FindStallCandidates, StallCandidate } from '../../domain/tracking';
import {
  DEFAULT_STALL_POLICY,
  emptyTrackingState,
  stallDecision,
  stallDueAt,
  stallThresholdsForLane,
  type ShipmentTrackingState,
  type StallPolicy,
} from '../../domain/tracking';
import { newId } from '../shared/ids';
import { logger as defaultLogger, metrics } from '../shared/observability';
import { type RaiseStall, type RescheduleStallCheck } from '../shared/store/tracking-writes';
import { stalledEvent } from '../shared/tracking-events';

/** The EventBridge "Scheduled Event": only its time matters, and it is the sweep's "now". */
export const scheduledEventSchema = z.looseObject({ time: z.iso.datetime({ offset: true }) });

export interface StalledSweepDeps {
  readonly findCandidates: FindStallCandidates;
  readonly raiseStall: RaiseStall;
  readonly rescheduleCheck: RescheduleStallCheck;
  readonly policy?: StallPolicy;
  readonly newEventId?: () => string;
  readonly logger?: Logger;
}

export interface SweepSummary {
  readonly now: string;
  /** Shipments the index returned as due. */
  readonly examined: number;
  readonly raised: readonly string[];
  /** Due by the index but not stalled by the decision, by reason (a policy raised since, a terminal status…). */
  readonly skipped: Readonly<Record<string, number>>;
  /** Found before their due time (carrier events since moved it later): their index entries moved to it. */
  readonly rescheduled: number;
  /** Raised by another sweep, or a carrier event arrived between the query and the write. */
  readonly lostRaces: number;
}

/** Only what stallDecision reads of the state; the timeline stays in the table. */
function stateOf(candidate: StallCandidate): ShipmentTrackingState {
  return { ...emptyTrackingState(), current: candidate.current, lastCarrierUpdateAt: candidate.lastCarrierUpdateAt, lastEventAt: candidate.lastEventAt };
}

const CONCURRENCY = 10;

/**
 * Schedule (rate 15 minutes) → the stalled sweep: one query per shard of the in-transit index for
 * shipments whose stall check is due (never a scan), the domain's decision for each with its lane's
 * thresholds, and for each stalled one a conditional write that records the stall, takes it out of
 * the index and puts shipment.stalled in the outbox: once per silence, even with sweeps overlapping.
 * A shipment found before its due time (its entry stays put while carrier events move the due time
 * later, stall-schedule.ts) has its entry moved to the due time, so it is looked at again then.
 * "Now" is the scheduled event's time, so a replayed or test event sweeps as of its own time.
 */
export function buildStalledSweep(deps: StalledSweepDeps) {
  const { findCandidates, raiseStall, rescheduleCheck, policy = DEFAULT_STALL_POLICY, newEventId = () => newId('evt') } = deps;
  const log = deps.logger ?? defaultLogger;
  return async (event: unknown): Promise<SweepSummary> => {
    const now = new Date(scheduledEventSchema.parse(event).time).toISOString();
    const candidates = await findCandidates(now);
    const raised: string[] = [];
    const skipped: Record<string, number> = {};
    let lostRaces = 0;
    let rescheduled = 0;
    for (let start = 0; start < candidates.length; start += CONCURRENCY) {
      await Promise.all(
        candidates.slice(start, start + CONCURRENCY).map(async (candidate) => {
          const thresholds = stallThresholdsForLane(candidate.lane, policy);
          const decision = stallDecision(stateOf(candidate), now, thresholds);
          if (!decision.stalled) {
            skipped[decision.reason] = (skipped[decision.reason] ?? 0) + 1;
            const due = decision.reason === 'within-threshold' ? stallDueAt(stateOf(candidate), thresholds) : null;
            // Found early: the entry moves to the due time (a lost race means a carrier event or a stall moved it already).
            if (due !== null && due > now && (await rescheduleCheck(candidate, due))) rescheduled += 1;
            return;
          }
          const stalled = stalledEvent(candidate, decision, { newEventId, at: now });
          if (await raiseStall(candidate, decision.stallKey, stalled, now)) {
            raised.push(candidate.shipmentId);
            log.info('shipment stalled', {
              shipmentId: candidate.shipmentId,
              correlationId: candidate.orderId,
              leg: decision.leg,
              hoursSilent: Math.round(decision.hoursSilent),
              thresholdHours: decision.thresholdHours,
            });
          } else {
            lostRaces += 1;
          }
        }),
      );
    }
    metrics.addMetric('ShipmentsStalled', 'Count', raised.length);
    const summary = { now, examined: candidates.length, raised, skipped, rescheduled, lostRaces };
    log.info('stalled sweep done', { ...summary, raised: raised.length });
    return summary;
  };
}
