import { STATUS_DEFINITIONS, type TrackingLeg, type TrackingStatus } from './statuses';
import type { ShipmentTrackingState } from './timeline';

/**
 * The stalled-shipment sweep: a shipment that has not had a new carrier event for longer than its
 * current leg allows raises shipment.stalled, once per silence.
 *
 * Thresholds are Enlace policy, not carrier data. The 48-hour default comes from the sellers' own
 * checklist in the seed articles (shared/seeds/000_4a76620fc6d6adc8.txt, pitfalls list:
 * "未设置异常预警机制 :建议配置延迟超48小时自动提醒规则" — no exception alerting set up; configure an
 * automatic reminder for delays over 48 hours; article 003 also promises a 48-hour answer on a
 * stalled node). The per-leg values are our judgement of each leg's normal silence, to be tuned
 * with the KPI data: a flight plus transshipment shows no scan for days (line-haul 72 h); import
 * customs in Latin America routinely sits 3–4 days (96 h; the seed articles warn that customs
 * efficiency varies widely by country); a parcel waiting at a pickup point waits for the buyer
 * (120 h); returns are slow and nobody is waiting (168 h). The aggregators we compare with
 * (shared/reference/tracking-and-webhooks.md) document no such per-leg alert.
 */

export interface StallThresholds {
  readonly defaultHours: number;
  readonly byLeg: Readonly<Partial<Record<TrackingLeg, number>>>;
}

export interface StallPolicy extends StallThresholds {
  /** Per-lane overrides (lane = "<origin>-<destination>", e.g. "CN-BR"), leg by leg. */
  readonly byLane: Readonly<Record<string, Readonly<Partial<Record<TrackingLeg, number>>>>>;
}

export const DEFAULT_STALL_POLICY: StallPolicy = {
  defaultHours: 48,
  byLeg: {
    'first-mile': 48,
    'export-customs': 48,
    'line-haul': 72,
    'import-customs': 96,
    'last-mile': 48,
    'awaiting-recipient': 120,
    return: 168,
  },
  byLane: {
    // Policy choice: Brazil's postal import (Correios + Receita Federal inspection, then payment)
    // is the slowest customs step of the network; alerting at 96 h would fire on most parcels.
    'CN-BR': { 'import-customs': 120 },
  },
};

/** The thresholds for one lane: the lane's overrides over the policy's per-leg values. */
export function stallThresholdsFor(lane: string, policy: StallPolicy = DEFAULT_STALL_POLICY): StallThresholds {
  return { defaultHours: policy.defaultHours, byLeg: { ...policy.byLeg, ...(policy.byLane[lane] ?? {}) } };
}

export type StallDecision =
  | {
      readonly stalled: false;
      readonly reason: 'no-carrier-updates' | 'terminal' | 'within-threshold' | 'already-raised';
    }
  | {
      readonly stalled: true;
      readonly hoursSilent: number;
      readonly thresholdHours: number;
      readonly leg: TrackingLeg;
      readonly status: TrackingStatus;
      readonly silentSince: string;
      /** Same value for the whole silence; a new carrier event starts a new one. */
      readonly stallKey: string;
    };

const HOUR_MS = 3_600_000;

/**
 * Is this shipment stalled at `now`? "Silent" is measured from the last time Enlace received a new
 * carrier event (not from the event's own time), so a carrier that reports with a lag, or backfills
 * history, does not look stalled. Silence longer than the threshold (strictly) is a stall.
 */
export function stallDecision(state: ShipmentTrackingState, now: string, thresholds: StallThresholds): StallDecision {
  const current = state.current;
  const silentSince = state.lastCarrierUpdateAt;
  if (silentSince === null) return { stalled: false, reason: 'no-carrier-updates' };
  if (current !== null && STATUS_DEFINITIONS[current.status].terminal) return { stalled: false, reason: 'terminal' };
  // Only unrecognised events so far: the parcel is somewhere before our first known step.
  const leg = current?.leg ?? 'first-mile';
  const thresholdHours = thresholds.byLeg[leg] ?? thresholds.defaultHours;
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now "${now}" is not an ISO 8601 date-time`);
  const hoursSilent = (nowMs - Date.parse(silentSince)) / HOUR_MS;
  if (hoursSilent <= thresholdHours) return { stalled: false, reason: 'within-threshold' };
  const stallKey = `stall:${leg}:${silentSince}`;
  if (state.stallAlertRaised === stallKey) return { stalled: false, reason: 'already-raised' };
  return { stalled: true, hoursSilent, thresholdHours, leg, status: current?.status ?? 'in-transit', silentSince, stallKey };
}

/** Records that the stall alert was raised, so the next sweep over the same silence stays quiet. */
export function markStallRaised(state: ShipmentTrackingState, stallKey: string): ShipmentTrackingState {
  return { ...state, stallAlertRaised: stallKey };
}
