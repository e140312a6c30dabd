import { kpiIncrementsFor, transitDaysBetween, type KpiFact, type KpiIncrement } from '../performance';
import { isLastMileCarrier as isRoutedCarrier, type LastMileCarrier as RoutedCarrier } from '../shared/carriers';
import { STATUS_DEFINITIONS } from './statuses';
import type { ApplyResult } from './timeline';

/**
 * What a batch of carrier updates tells the carrier/lane KPIs (domain/performance/kpis.ts), and the
 * rules that keep each count to once per shipment:
 * - shipped: not counted here. Routing counts it when it books the shipment (the denominator of
 *   every rate), in the same write as the booking.
 * - delivered: when the timeline raises its one `delivered` fact, whoever reported it; transit days
 *   run from booking (the promise `promisedBy` is booking date + the service's maximum days).
 * - exception, returned, lost: once per shipment, and only when the shipment's own carrier
 *   reported it: routing scores last-mile carriers, and a customs hold or a loss in the line-haul
 *   is not theirs.
 * - exception is counted from the timeline, not from the `exception` fact: a carrier's exception
 *   scan that arrives after later progress is history filled in (no fact, nothing to tell the
 *   seller), but the parcel still had the problem, so the carrier's exception rate must not depend
 *   on the order its webhooks arrived in. Its week is that of the earliest such event on the
 *   timeline when it is first counted.
 */

export const KPI_MARKS = ['exception', 'returned', 'lost'] as const;
export type KpiMark = (typeof KPI_MARKS)[number];

export interface KpiShipment {
  /** The last-mile carrier, as routing booked it. */
  readonly carrier: string;
  readonly lane: string;
  readonly bookedAt: string;
  readonly promisedBy: string;
}

export interface KpiOutcome {
  readonly increments: readonly KpiIncrement[];
  /** What has now been counted for this shipment (store it beside the tracking state). */
  readonly marks: readonly KpiMark[];
}

/** KPI increments for the result of one `applyUpdates`, given what was already counted. */
export function kpiOutcome(shipment: KpiShipment, result: Pick<ApplyResult, 'facts' | 'state'>, counted: readonly KpiMark[]): KpiOutcome {
  const marks = new Set<KpiMark>(counted);
  if (!isRoutedCarrier(shipment.carrier)) return { increments: [], marks: [...marks].sort() };
  const carrier: RoutedCarrier = shipment.carrier;
  const base = { carrier, lane: shipment.lane };
  const facts: KpiFact[] = [];
  const byKey = new Map(result.state.timeline.map((event) => [event.eventKey, event]));
  const ownCarrier = (eventKey: string) => byKey.get(eventKey)?.carrier === shipment.carrier;

  for (const fact of result.facts) {
    if (fact.kind === 'delivered') {
      facts.push({ ...base, kind: 'delivered', at: fact.occurredAt, shippedAt: shipment.bookedAt, promisedMaxDays: promisedMaxDays(shipment) });
    } else if (fact.kind === 'status-changed' && (fact.to === 'returned' || fact.to === 'lost') && !marks.has(fact.to) && ownCarrier(fact.eventKey)) {
      facts.push({ ...base, kind: fact.to, at: fact.occurredAt });
      marks.add(fact.to);
    }
  }
  if (!marks.has('exception')) {
    const problem = result.state.timeline.find(
      (event) => event.recognised && event.carrier === shipment.carrier && STATUS_DEFINITIONS[event.status].isException,
    );
    if (problem !== undefined) {
      facts.push({ ...base, kind: 'exception', at: problem.occurredAt, firstForShipment: true });
      marks.add('exception');
    }
  }
  const increments = mergeIncrements(facts.flatMap(kpiIncrementsFor)).sort((a, b) => (a.week === b.week ? 0 : a.week < b.week ? -1 : 1));
  return { increments, marks: [...marks].sort() };
}

export function promisedMaxDays(shipment: Pick<KpiShipment, 'bookedAt' | 'promisedBy'>): number {
  return transitDaysBetween(new Date(shipment.bookedAt), new Date(shipment.promisedBy));
}

/** One increment per KPI item (carrier, lane, week), so a batch touches each counter item once. */
export function mergeIncrements(increments: readonly KpiIncrement[]): KpiIncrement[] {
  const merged = new Map<string, { carrier: KpiIncrement['carrier']; lane: string; week: string; add: Record<string, number> }>();
  for (const increment of increments) {
    const key = `${increment.carrier}|${increment.lane}|${increment.week}`;
    const entry = merged.get(key) ?? { carrier: increment.carrier, lane: increment.lane, week: increment.week, add: {} };
    for (const [name, value] of Object.entries(increment.add)) entry.add[name] = (entry.add[name] ?? 0) + value;
    merged.set(key, entry);
  }
  return [...merged.values()];
}

/** Marks read back from storage; anything unknown is ignored. */
export function kpiMarksFrom(value: unknown): KpiMark[] {
  return Array.isArray(value) ? value.filter((mark): mark is KpiMark => (KPI_MARKS as readonly unknown[]).includes(mark)) : [];
}
