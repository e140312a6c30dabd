/**
 * Carrier KPIs per (carrier, lane, ISO week), kept as plain counters so a store can maintain them
 * with atomic ADDs (DynamoDB `ADD #delivered :1, #transit_12 :1`) as tracking facts arrive: no
 * scans, no read-modify-write. Transit times are a histogram of fixed day buckets for the same
 * reason; percentiles are read from it.
 *
 * Counting rule (event time): each fact counts in the ISO week it happened — a shipment in the
 * week it was handed to the carrier, a delivery in the week it was delivered. Rates over a window
 * of weeks then mix cohorts; with steady volume that approximates the per-shipment rate, with
 * growing volume it reads slightly low, with shrinking volume slightly high. The alternative
 * (counting everything in the shipment's week) needs no such caveat but leaves recent weeks
 * incomplete for as long as parcels are in transit (two to four weeks on these lanes).
 *
 * Exceptions count once per shipment: the tracking side sends `firstForShipment: true` on the
 * first exception of a parcel only, so the exception rate is "share of shipments that had one".
 */
import type { LastMileCarrier } from '../shared/carriers';

// ------------------------------------------------------------------ ISO weeks

const DAY_MS = 86_400_000;

/** "2026-W47": the ISO 8601 week (Monday first; week 1 holds the year's first Thursday) of a UTC instant. */
export function isoWeek(date: Date): string {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export class InvalidIsoWeekError extends Error {
  override readonly name = 'InvalidIsoWeekError';
}

/** Monday 00:00 UTC of an ISO week. */
export function isoWeekStart(week: string): Date {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new InvalidIsoWeekError(`"${week}" is not an ISO week such as 2026-W47`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const start = new Date(mondayOfWeek1 + (number - 1) * 7 * DAY_MS);
  if (number < 1 || isoWeek(start) !== week) throw new InvalidIsoWeekError(`${week} does not exist`);
  return start;
}

/** The `count` ISO weeks ending with `lastWeek`, oldest first. */
export function weeksEndingWith(lastWeek: string, count: number): string[] {
  const end = isoWeekStart(lastWeek).getTime();
  const weeks: string[] = [];
  for (let i = count - 1; i >= 0; i--) weeks.push(isoWeek(new Date(end - i * 7 * DAY_MS)));
  return weeks;
}

// ------------------------------------------------------------------ counters

/**
 * Transit-day buckets, by inclusive upper bound: one per day up to 30 days, then 35, 40, 45,
 * 50 and 60, then everything longer. Fixed forever, because stored counters are named after them.
 */
export const TRANSIT_BUCKET_MAX_DAYS: readonly number[] = [...Array.from({ length: 30 }, (_, i) => i + 1), 35, 40, 45, 50, 60, Number.POSITIVE_INFINITY];

/** The counter attribute of each bucket: transit_01 … transit_60, transit_over. */
export const TRANSIT_BUCKET_NAMES: readonly string[] = TRANSIT_BUCKET_MAX_DAYS.map((max) =>
  Number.isFinite(max) ? `transit_${String(max).padStart(2, '0')}` : 'transit_over',
);

export function transitBucketIndex(days: number): number {
  const index = TRANSIT_BUCKET_MAX_DAYS.findIndex((max) => days <= max);
  return index === -1 ? TRANSIT_BUCKET_MAX_DAYS.length - 1 : index;
}

export const COUNTER_NAMES = ['shipments', 'delivered', 'onTime', 'exceptions', 'returned', 'lost'] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];

export interface KpiCounters {
  readonly shipments: number;
  readonly delivered: number;
  /** Delivered within the transit time promised when the shipment was routed. */
  readonly onTime: number;
  readonly exceptions: number;
  readonly returned: number;
  readonly lost: number;
  /** Deliveries per transit-day bucket, aligned with TRANSIT_BUCKET_MAX_DAYS. */
  readonly transit: readonly number[];
}

/** One stored KPI item: the counters of a carrier on a lane in one ISO week. */
export interface KpiWeek {
  readonly carrier: LastMileCarrier;
  readonly lane: string;
  readonly week: string;
  readonly counters: KpiCounters;
  /** Seeded sandbox history rather than measured. */
  readonly sandbox?: boolean;
}

export function emptyCounters(): KpiCounters {
  return { shipments: 0, delivered: 0, onTime: 0, exceptions: 0, returned: 0, lost: 0, transit: TRANSIT_BUCKET_MAX_DAYS.map(() => 0) };
}

// ------------------------------------------------------------------ tracking facts → increments

interface FactBase {
  readonly carrier: LastMileCarrier;
  /** Lane id, e.g. "CN-BR-SP" (see lanes.ts). */
  readonly lane: string;
  /** When it happened, ISO-8601 UTC. */
  readonly at: string;
}

/** What tracking (or booking) tells the KPI store. */
export type KpiFact =
  | (FactBase & { readonly kind: 'shipped' })
  | (FactBase & { readonly kind: 'delivered'; readonly shippedAt: string; readonly promisedMaxDays: number })
  | (FactBase & { readonly kind: 'exception'; readonly firstForShipment: boolean })
  | (FactBase & { readonly kind: 'returned' })
  | (FactBase & { readonly kind: 'lost' });

/** Counters to ADD on one KPI item; names are the stored attribute names. */
export interface KpiIncrement {
  readonly carrier: LastMileCarrier;
  readonly lane: string;
  readonly week: string;
  readonly add: Readonly<Record<string, number>>;
}

export class InvalidKpiFactError extends Error {
  override readonly name = 'InvalidKpiFactError';
}

function instant(value: string, what: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidKpiFactError(`${what} "${value}" is not an ISO-8601 timestamp`);
  return date;
}

/** Whole calendar days (UTC) from hand-over to delivery; 0 when delivered the same day. */
export function transitDaysBetween(shippedAt: Date, deliveredAt: Date): number {
  const day = (d: Date): number => Math.floor(d.getTime() / DAY_MS);
  return Math.max(0, day(deliveredAt) - day(shippedAt));
}

/**
 * The counters a tracking fact increments, e.g. delivered on time → delivered +1, onTime +1,
 * its transit bucket +1. A repeated exception of the same shipment increments nothing.
 */
export function kpiIncrementsFor(fact: KpiFact): KpiIncrement[] {
  const at = instant(fact.at, 'at');
  const key = { carrier: fact.carrier, lane: fact.lane, week: isoWeek(at) };
  switch (fact.kind) {
    case 'shipped':
      return [{ ...key, add: { shipments: 1 } }];
    case 'delivered': {
      const days = transitDaysBetween(instant(fact.shippedAt, 'shippedAt'), at);
      const bucket = TRANSIT_BUCKET_NAMES[transitBucketIndex(days)] ?? 'transit_over';
      const add: Record<string, number> = { delivered: 1, [bucket]: 1 };
      if (days <= fact.promisedMaxDays) add.onTime = 1;
      return [{ ...key, add }];
    }
    case 'exception':
      return fact.firstForShipment ? [{ ...key, add: { exceptions: 1 } }] : [];
    case 'returned':
      return [{ ...key, add: { returned: 1 } }];
    case 'lost':
      return [{ ...key, add: { lost: 1 } }];
  }
}

/** Applies an increment to counters in memory (what the store's ADD does), returning new counters. */
export function applyIncrement(counters: KpiCounters, increment: KpiIncrement): KpiCounters {
  const next: { -readonly [K in CounterName]: number } & { transit: number[] } = { ...counters, transit: [...counters.transit] };
  for (const [name, value] of Object.entries(increment.add)) {
    const bucket = TRANSIT_BUCKET_NAMES.indexOf(name);
    if (bucket >= 0) next.transit[bucket] = (next.transit[bucket] ?? 0) + value;
    else if ((COUNTER_NAMES as readonly string[]).includes(name)) next[name as CounterName] += value;
    else throw new InvalidKpiFactError(`unknown KPI counter ${name}`);
  }
  return next;
}

// ------------------------------------------------------------------ percentiles and windows

/**
 * The p-th percentile (0 < p ≤ 100, nearest rank) of a transit histogram, as the upper bound of
 * the bucket holding that rank, in days: "90% of parcels arrived within N days". Infinity when
 * the rank falls in the open last bucket; undefined for an empty histogram.
 */
export function percentile(histogram: readonly number[], p: number): number | undefined {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const total = histogram.reduce((acc, n) => acc + n, 0);
  if (total === 0) return undefined;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0;
    if (seen >= rank) return TRANSIT_BUCKET_MAX_DAYS[i] ?? Number.POSITIVE_INFINITY;
  }
  return Number.POSITIVE_INFINITY;
}

/** One carrier's totals over the window, with the rates routing scores on. */
export interface CarrierLaneKpis extends KpiCounters {
  readonly carrier: LastMileCarrier;
  /** onTime / delivered; undefined with no deliveries. */
  readonly onTimeRate: number | undefined;
  /** exceptions / shipments; undefined with no shipments. */
  readonly exceptionRate: number | undefined;
  readonly lossRate: number | undefined;
  readonly returnRate: number | undefined;
  readonly transitDaysP50: number | undefined;
  readonly transitDaysP90: number | undefined;
  /** Some of the weeks are seeded sandbox history. */
  readonly sandbox: boolean;
}

export interface LaneKpis {
  readonly lane: string;
  readonly window: { readonly weeks: readonly string[]; readonly label: string };
  readonly carriers: Readonly<Partial<Record<LastMileCarrier, CarrierLaneKpis>>>;
}

const ratio = (num: number, den: number): number | undefined => (den > 0 ? num / den : undefined);

function summarise(carrier: LastMileCarrier, counters: KpiCounters, sandboxed: boolean): CarrierLaneKpis {
  return {
    carrier,
    ...counters,
    onTimeRate: ratio(counters.onTime, counters.delivered),
    exceptionRate: ratio(counters.exceptions, counters.shipments),
    lossRate: ratio(counters.lost, counters.shipments),
    returnRate: ratio(counters.returned, counters.shipments),
    transitDaysP50: percentile(counters.transit, 50),
    transitDaysP90: percentile(counters.transit, 90),
    sandbox: sandboxed,
  };
}

function addCounters(a: KpiCounters, b: KpiCounters): KpiCounters {
  return {
    shipments: a.shipments + b.shipments,
    delivered: a.delivered + b.delivered,
    onTime: a.onTime + b.onTime,
    exceptions: a.exceptions + b.exceptions,
    returned: a.returned + b.returned,
    lost: a.lost + b.lost,
    transit: a.transit.map((n, i) => n + (b.transit[i] ?? 0)),
  };
}

/**
 * KPIs of every carrier on `lane` over the `windowWeeks` ISO weeks ending with the week of `now`
 * (the current, partial week included: rates are ratios, so a partial week is still evidence).
 */
export function laneKpis(weeks: readonly KpiWeek[], now: Date, options: { readonly lane: string; readonly windowWeeks?: number }): LaneKpis {
  const windowWeeks = options.windowWeeks ?? 4;
  const window = weeksEndingWith(isoWeek(now), windowWeeks);
  const inWindow = new Set(window);
  const totals = new Map<LastMileCarrier, { counters: KpiCounters; sandbox: boolean }>();
  for (const row of weeks) {
    if (row.lane !== options.lane || !inWindow.has(row.week)) continue;
    const previous = totals.get(row.carrier);
    totals.set(row.carrier, {
      counters: addCounters(previous?.counters ?? emptyCounters(), row.counters),
      sandbox: (previous?.sandbox ?? false) || row.sandbox === true,
    });
  }
  const carriers: Partial<Record<LastMileCarrier, CarrierLaneKpis>> = {};
  for (const [carrier, { counters, sandbox }] of totals) carriers[carrier] = summarise(carrier, counters, sandbox);
  return { lane: options.lane, window: { weeks: window, label: `the last ${windowWeeks} weeks` }, carriers };
}

/** No history at all on a lane (a new lane, or before tracking exists). */
export function emptyLaneKpis(lane: string, now: Date, windowWeeks = 4): LaneKpis {
  return laneKpis([], now, { lane, windowWeeks });
}
