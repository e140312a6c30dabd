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
 * How far ahead an index entry must be for a carrier event to leave it where it is. Cost policy,
 * not carrier data: a carrier event that moves the entry pays one index write more (two instead of
 * the one its changed status costs anyway); an entry left behind that the sweep reaches before the
 * due time costs the sweep a write of the whole tracking item and two index writes to move it. A
 * moving parcel is scanned about daily (the line-haul and last-mile scripts of the sandbox: gaps of
 * 2 to 24 h), so an entry more than a day ahead will most likely be passed by another event, or the
 * parcel is silent and the sweep has a stall to raise there anyway; within a day, it is moved now.
 * On the sandbox journey (booking + 6, 12, 30, 52, 76, 84, 86, 93, 106 h, delivered at 111 h) the
 * entry moves twice instead of nine times and the sweep never has to move it (unit-tested).
 */
export const STALL_ENTRY_KEPT_IF_HOURS_AHEAD = 24;

/**
 * The time the sweep's index should hold the shipment under at `now`, given the due time
 * (`stallDueAt`) and the time it is held under (`heldAt`). Moving an index entry costs two index
 * writes, and nearly every carrier event moves the due time later, so the entry stays where it is
 * while it is not later than the due time and still more than STALL_ENTRY_KEPT_IF_HOURS_AHEAD away:
 * the sweep only ever finds a shipment early, never late. Finding it early, the sweep's decision is
 * "within threshold" and it moves the entry to the due time then. An earlier due time (a leg with a
 * shorter threshold) or none (terminal, stall raised) moves or removes it at once.
 */
export function stallCheckAt(due: string | null, heldAt: string | null, now: string): string | null {
  if (due === null) return null;
  const keep = heldAt !== null && heldAt <= due && Date.parse(heldAt) - Date.parse(now) > STALL_ENTRY_KEPT_IF_HOURS_AHEAD * HOUR_MS;
  return keep ? heldAt : due;
}
