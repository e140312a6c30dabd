/**
 * SANDBOX history for the KPI store until tracking produces real counters: weekly counters per
 * (carrier, lane) for 2026-W38 … 2026-W49, generated from the invented profiles below. Every row
 * is marked `sandbox: true`, and so is every LaneKpis built from it.
 *
 * Domestic lanes (MX-MX-CMX, BR-BR-SP, US-US-1: from the destination warehouses) have their own
 * rows, in days, so local fulfilment is ranked on its own history rather than the prior.
 *
 * Chosen so routing has something to show: Loggi's exception rate in São Paulo (about 9%) is above
 * the default 5% threshold, so volume shifts to Jadlog and Correios there; Serpost's in Lima (about
 * 6%) is too, but Peru has only two carriers, so the keep-two rule keeps it available.
 */
import type { LastMileCarrier } from '../shared/carriers';
import { type KpiCounters, type KpiWeek, TRANSIT_BUCKET_MAX_DAYS, transitBucketIndex, weeksEndingWith } from './kpis';

interface SeedProfile {
  readonly carrier: LastMileCarrier;
  readonly lane: string;
  readonly weeklyShipments: number;
  readonly onTimeRate: number;
  readonly exceptionRate: number;
  readonly lossRate: number;
  readonly returnRate: number;
  /** Transit days: a triangular spread from min to max, peaking at mode. */
  readonly transit: readonly [min: number, mode: number, max: number];
}

const seed = (
  carrier: LastMileCarrier,
  lane: string,
  weeklyShipments: number,
  onTimeRate: number,
  exceptionRate: number,
  transit: SeedProfile['transit'],
  lossRate = 0.003,
  returnRate = 0.008,
): SeedProfile => ({ carrier, lane, weeklyShipments, onTimeRate, exceptionRate, lossRate, returnRate, transit });

/** Invented performance (sandbox). */
export const SEED_PROFILES: readonly SeedProfile[] = [
  seed('jadlog', 'CN-BR-SP', 420, 0.93, 0.031, [10, 13, 18], 0.002),
  seed('correios', 'CN-BR-SP', 510, 0.88, 0.042, [11, 14, 20], 0.004, 0.01),
  seed('loggi', 'CN-BR-SP', 300, 0.91, 0.091, [10, 12, 16], 0.006, 0.012),
  seed('total-express', 'CN-BR-SP', 180, 0.9, 0.035, [14, 17, 22]),
  seed('estafeta', 'CN-MX-CMX', 380, 0.92, 0.028, [8, 10, 12], 0.002, 0.006),
  seed('jt-express', 'CN-MX-CMX', 450, 0.86, 0.044, [9, 12, 15], 0.004, 0.01),
  seed('99minutos', 'CN-MX-CMX', 260, 0.95, 0.022, [7, 8, 10], 0.001, 0.004),
  seed('dhl-express', 'CN-MX-CMX', 90, 0.97, 0.012, [3, 4, 6], 0, 0.002),
  seed('estafeta', 'CN-MX-CHP', 70, 0.84, 0.038, [10, 13, 17], 0.004, 0.01),
  seed('jt-express', 'CN-MX-CHP', 55, 0.8, 0.044, [11, 15, 20], 0.006, 0.012),
  seed('usps', 'CN-US-1', 600, 0.9, 0.025, [8, 11, 15]),
  seed('ups', 'CN-US-1', 240, 0.94, 0.018, [6, 8, 10], 0.001, 0.004),
  seed('fedex', 'CN-US-1', 200, 0.95, 0.016, [6, 8, 10], 0.001, 0.004),
  seed('blue-express', 'CN-CL-83', 150, 0.9, 0.03, [10, 13, 18]),
  seed('chilexpress', 'CN-CL-83', 120, 0.93, 0.02, [9, 12, 16]),
  seed('starken', 'CN-CL-83', 140, 0.86, 0.045, [11, 15, 22]),
  seed('servientrega', 'CN-CO-11', 160, 0.89, 0.035, [10, 13, 18]),
  seed('coordinadora', 'CN-CO-11', 130, 0.92, 0.025, [9, 12, 16]),
  seed('inter-rapidisimo', 'CN-CO-11', 150, 0.87, 0.04, [11, 15, 20]),
  seed('olva', 'CN-PE-15', 140, 0.9, 0.03, [10, 13, 18]),
  seed('serpost', 'CN-PE-15', 110, 0.8, 0.061, [12, 17, 24], 0.008, 0.015),
  // Domestic lanes (local fulfilment from the destination warehouses): days, not weeks.
  seed('estafeta', 'MX-MX-CMX', 520, 0.93, 0.024, [1, 2, 4], 0.001, 0.006),
  seed('jt-express', 'MX-MX-CMX', 610, 0.87, 0.041, [1, 3, 5], 0.003, 0.01),
  seed('99minutos', 'MX-MX-CMX', 700, 0.96, 0.018, [1, 1, 2], 0.001, 0.004),
  seed('dhl-express', 'MX-MX-CMX', 120, 0.97, 0.01, [1, 1, 2], 0, 0.002),
  seed('correios', 'BR-BR-SP', 640, 0.89, 0.038, [1, 2, 5], 0.003, 0.01),
  seed('jadlog', 'BR-BR-SP', 380, 0.92, 0.03, [1, 2, 4], 0.002),
  seed('loggi', 'BR-BR-SP', 450, 0.93, 0.033, [1, 2, 3], 0.002, 0.008),
  seed('usps', 'US-US-1', 820, 0.92, 0.02, [2, 3, 5]),
  seed('ups', 'US-US-1', 410, 0.95, 0.015, [1, 2, 4], 0.001, 0.004),
  seed('fedex', 'US-US-1', 260, 0.96, 0.012, [1, 2, 3], 0.001, 0.004),
];

/** The weeks seeded, oldest first. */
export const SEED_WEEKS: readonly string[] = weeksEndingWith('2026-W49', 12);

/** Week-to-week wobble so the history does not look flat (deterministic). */
const WOBBLE = [1.0, 1.04, 0.97, 1.03, 0.99, 1.02, 0.96, 1.01, 1.0, 0.98, 1.03, 0.99] as const;

/** `total` split over integer weights by largest remainder (ties to the earlier), summing exactly. */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, w) => acc + w, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - shares.reduce((acc, s) => acc + s, 0);
  const order = weights.map((w, i) => ({ i, rest: (total * w) % sum })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

function histogram(delivered: number, [min, mode, max]: SeedProfile['transit']): number[] {
  const days = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const perDay = split(
    delivered,
    days.map((d) => (d <= mode ? d - min + 1 : max - d + 1)),
  );
  const buckets = TRANSIT_BUCKET_MAX_DAYS.map(() => 0);
  days.forEach((d, i) => {
    const index = transitBucketIndex(d);
    buckets[index] = (buckets[index] ?? 0) + (perDay[i] ?? 0);
  });
  return buckets;
}

function counters(profile: SeedProfile, weekIndex: number): KpiCounters {
  const shipments = Math.round(profile.weeklyShipments * (WOBBLE[weekIndex % WOBBLE.length] ?? 1));
  const lost = Math.round(shipments * profile.lossRate);
  const returned = Math.round(shipments * profile.returnRate);
  const delivered = shipments - lost - returned;
  return {
    shipments,
    delivered,
    onTime: Math.round(delivered * profile.onTimeRate),
    exceptions: Math.round(shipments * profile.exceptionRate),
    returned,
    lost,
    transit: histogram(delivered, profile.transit),
  };
}

/** The seeded KPI items, ready to load into a KPI store (or to pass to laneKpis). */
export const KPI_SEED: readonly KpiWeek[] = SEED_PROFILES.flatMap((profile) =>
  SEED_WEEKS.map((week, weekIndex) => ({ carrier: profile.carrier, lane: profile.lane, week, counters: counters(profile, weekIndex), sandbox: true })),
);
