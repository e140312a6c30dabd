import { DEFAULT_STALL_POLICY, stallThresholdsFor, type StallPolicy, type StallThresholds } from './stalls';
import { STATUS_DEFINITIONS } from './statuses';
import type { ShipmentTrackingState } from './timeline';

/**
 * When the stalled sweep should next look at a shipment. The sweep's index is ordered by this
 * "due" time rather than by the last carrier update, so one query per index shard returns exactly
 * the shipments whose silence has outlived their leg's threshold: none that are merely quiet
 * (a parcel in Brazilian customs may be silent for 120 h), and none twice.
 */

/**
 * Thresholds for a shipment's lane. Shipments carry a regional lane (`CN-BR-SP`, the unit KPIs
 * use); the policy's overrides are set per country (`CN-BR`) and, where it ever matters, per region.
 * The most specific override wins.
 */
export function stallThresholdsForLane(lane: string, policy: StallPolicy = DEFAULT_STALL_POLICY): StallThresholds {
  const country = lane.split('-').slice(0, 2).join('-');
  const countryThresholds = stallThresholdsFor(country, policy);
  return { defaultHours: countryThresholds.defaultHours, byLeg: { ...countryThresholds.byLeg, ...(policy.byLane[lane] ?? {}) } };
}

const HOUR_MS = 3_600_000;

/**
 * The instant after which the shipment counts as stalled if no new carrier event arrives (ISO),
 * or null when the sweep has nothing to watch: no carrier event yet, a terminal status, or the
 * stall of the current silence already raised (a new carrier event starts a new silence, see
 * timeline.ts, and with it a new due time).
 */
export function stallDueAt(state: ShipmentTrackingState, thresholds: StallThresholds): string | null {
  if (state.lastCarrierUpdateAt === null || state.stallAlertRaised !== null) return null;
  if (state.current !== null && STATUS_DEFINITIONS[state.current.status].terminal) return null;
  const leg = state.current?.leg ?? 'first-mile';
  const hours = thresholds.byLeg[leg] ?? thresholds.defaultHours;
  return new Date(Date.parse(state.lastCarrierUpdateAt) + hours * HOUR_MS).toISOString();
}

/**
 * The time the sweep's index should hold the shipment under, given the due time (`stallDueAt`) and
 * the time it is held under now. Moving an index entry costs two index writes, and every carrier
 * event moves the due time later, so the entry stays where it is while that time is not later
 * than the due time: the sweep only ever finds a shipment early, never late. Finding it early, the
 * sweep's decision is "within threshold" and it moves the entry to the due time then (once per
 * silence outlived, instead of once per carrier event). An earlier due time (a leg with a shorter
 * threshold) or none (terminal, stall raised) moves or removes it at once.
 */
export function stallCheckAt(due: string | null, heldAt: string | null): string | null {
  if (due === null) return null;
  return heldAt !== null && heldAt <= due ? heldAt : due;
}
