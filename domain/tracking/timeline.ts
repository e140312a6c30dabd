import { canLeaveTerminal, STATUS_DEFINITIONS, type StatusDefinition, type TrackingLeg, type TrackingStatus } from './statuses';
import { eventKey, type TrackingSourceKind, type TrackingUpdate } from './update';

/**
 * A shipment's tracking timeline and current status, folded from carrier updates.
 *
 * The rules, and why they make the result independent of the order updates arrive in:
 * - An event is identified by (carrier, carrierEventId); a second copy is ignored, whatever its
 *   content (a carrier that corrects an event must give it a new id).
 * - The same scan can reach Enlace by two sources (a carrier's push and Enlace's poll of its API, or
 *   an aggregator and the carrier itself), with ids that need not agree (17TRACK has no carrier
 *   code). An update is a duplicate of an event from ANOTHER source when both are the same carrier's,
 *   for the same number, with the same status, in the same minute (`scanKey`); it is absorbed (not
 *   added, counted in `crossSourceDuplicates`). Within one source, two events with different ids are
 *   two scans, even in the same minute.
 * - The timeline is kept sorted by event time (then event key, so ties are stable).
 * - The current status is recomputed by walking the whole timeline in event-time order with the
 *   rules of statuses.ts (`StatusKind`): progress never goes back below the highest rank reached,
 *   exceptions are superseded by later progress, terminal statuses are left only through
 *   TERMINAL_EXITS. Because the status is a function of the set of events, a shuffled or
 *   duplicated delivery of the same events ends in the same state.
 * - Unrecognised carrier codes stay on the timeline and never move the status.
 *
 * Facts (what the ingestion handler publishes):
 * - `status-changed` for each change of canonical status along the events this call added at the
 *   end of the timeline (a batch "in transit, out for delivery, delivered" gives three), from the
 *   status the shipment had before the call. Sub-status changes alone are not a status change.
 *   A late event inserted in the past that does not change the outcome publishes nothing.
 * - `delivered` once per shipment, the first time the walk reaches `delivered` (even if a return
 *   that followed arrived first).
 * - `exception` when the shipment enters an exception status, or its exception sub-status changes.
 */

export interface TimelineEvent extends TrackingUpdate {
  readonly eventKey: string;
  /** When Enlace first received this event. */
  readonly receivedAt: string;
}

export interface CurrentStatus {
  readonly status: TrackingStatus;
  readonly subStatus: string;
  /** Event time of the event that set the status. */
  readonly since: string;
  readonly eventKey: string;
  /** For the stall sweep: an anywhere-exception keeps the leg of the last progress step. */
  readonly leg: TrackingLeg;
}

export interface ShipmentTrackingState {
  readonly current: CurrentStatus | null;
  /** When Enlace last received a new (non-duplicate) carrier event; the stall clock starts here. */
  readonly lastCarrierUpdateAt: string | null;
  /** The latest event time on the timeline. */
  readonly lastEventAt: string | null;
  readonly timeline: readonly TimelineEvent[];
  /** Event keys (carrier:carrierEventId) already on the timeline, sorted. */
  readonly seenEventKeys: readonly string[];
  /** Event time of the delivery the `delivered` fact was raised for; null until then. */
  readonly deliveredFactRaisedFor: string | null;
  /** The stallKey of the stall alert raised since the last carrier update (stalls.ts). */
  readonly stallAlertRaised: string | null;
}

export type TrackingFact =
  | {
      readonly kind: 'status-changed';
      readonly from: TrackingStatus | null;
      readonly to: TrackingStatus;
      readonly subStatus: string;
      readonly occurredAt: string;
      readonly eventKey: string;
    }
  | { readonly kind: 'delivered'; readonly occurredAt: string; readonly eventKey: string }
  | {
      readonly kind: 'exception';
      readonly status: TrackingStatus;
      readonly subStatus: string;
      readonly occurredAt: string;
      readonly eventKey: string;
      readonly carrierCode: string;
      readonly carrierDescription: string;
    };

export interface ApplyResult {
  readonly state: ShipmentTrackingState;
  /** Events actually added by this call (duplicates left out), in event-time order. */
  readonly newEvents: readonly TimelineEvent[];
  readonly facts: readonly TrackingFact[];
  /** Updates absorbed as the same scan already reported by another source. */
  readonly crossSourceDuplicates: number;
}

/** How an event reached Enlace; events stored before sources were recorded all came by webhook. */
export const sourceOf = (event: Pick<TrackingUpdate, 'source'>): TrackingSourceKind => event.source ?? 'webhook';

/** The identity of a scan across sources: carrier, number, canonical status and the minute it happened. */
export function scanKey(update: Pick<TrackingUpdate, 'carrier' | 'trackingNumber' | 'status' | 'occurredAt'>): string {
  const minute = new Date(Math.floor(Date.parse(update.occurredAt) / 60_000) * 60_000).toISOString();
  return `${update.carrier}|${update.trackingNumber}|${update.status}|${minute}`;
}

export class InvalidTrackingTimeError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`${field} "${value}" is not an ISO 8601 date-time`);
    this.name = 'InvalidTrackingTimeError';
  }
}

export function emptyTrackingState(): ShipmentTrackingState {
  return {
    current: null,
    lastCarrierUpdateAt: null,
    lastEventAt: null,
    timeline: [],
    seenEventKeys: [],
    deliveredFactRaisedFor: null,
    stallAlertRaised: null,
  };
}

function utc(field: string, value: string): string {
  const epoch = Date.parse(value);
  if (Number.isNaN(epoch)) throw new InvalidTrackingTimeError(field, value);
  return new Date(epoch).toISOString();
}

/** Event time, then event key: a total order, the same on every run. */
export function compareEvents(a: Pick<TimelineEvent, 'occurredAt' | 'eventKey'>, b: Pick<TimelineEvent, 'occurredAt' | 'eventKey'>): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
  if (a.eventKey === b.eventKey) return 0;
  return a.eventKey < b.eventKey ? -1 : 1;
}

interface Step {
  readonly event: TimelineEvent;
  readonly leg: TrackingLeg;
}

function moves(from: TrackingStatus, to: StatusDefinition, highestRank: number): boolean {
  if (STATUS_DEFINITIONS[from].terminal) return canLeaveTerminal(from, to.status);
  if (to.kind === 'anywhere-exception') return true;
  return to.rank >= highestRank;
}

/** The events that set the status, in event-time order; the last one is the current status. */
function walk(timeline: readonly TimelineEvent[]): Step[] {
  const steps: Step[] = [];
  let current: TrackingStatus | undefined;
  let highestRank = 0;
  let progressLeg: TrackingLeg = 'first-mile';
  for (const event of timeline) {
    if (!event.recognised) continue;
    const definition = STATUS_DEFINITIONS[event.status];
    if (current !== undefined && !moves(current, definition, highestRank)) continue;
    if (definition.kind !== 'anywhere-exception') {
      highestRank = Math.max(highestRank, definition.rank);
      progressLeg = definition.leg;
    }
    current = event.status;
    steps.push({ event, leg: definition.kind === 'anywhere-exception' ? progressLeg : definition.leg });
  }
  return steps;
}

function currentOf(step: Step | undefined): CurrentStatus | null {
  return step === undefined
    ? null
    : { status: step.event.status, subStatus: step.event.subStatus, since: step.event.occurredAt, eventKey: step.event.eventKey, leg: step.leg };
}

function stepFacts(previous: Pick<CurrentStatus, 'status' | 'subStatus'> | null, step: Step): TrackingFact[] {
  const { event } = step;
  const facts: TrackingFact[] = [];
  if (previous === null || previous.status !== event.status) {
    facts.push({
      kind: 'status-changed',
      from: previous?.status ?? null,
      to: event.status,
      subStatus: event.subStatus,
      occurredAt: event.occurredAt,
      eventKey: event.eventKey,
    });
  }
  const newProblem = previous === null || previous.status !== event.status || previous.subStatus !== event.subStatus;
  if (STATUS_DEFINITIONS[event.status].isException && newProblem) {
    facts.push({
      kind: 'exception',
      status: event.status,
      subStatus: event.subStatus,
      occurredAt: event.occurredAt,
      eventKey: event.eventKey,
      carrierCode: event.carrierCode,
      carrierDescription: event.carrierDescription,
    });
  }
  return facts;
}

function factsOf(before: ShipmentTrackingState, steps: readonly Step[], added: ReadonlySet<string>): TrackingFact[] {
  // Only the steps after the last already-known one are news; earlier ones are history filled in.
  let lastKnown = -1;
  steps.forEach((step, index) => {
    if (!added.has(step.event.eventKey)) lastKnown = index;
  });
  const facts: TrackingFact[] = [];
  let previous: Pick<CurrentStatus, 'status' | 'subStatus'> | null = before.current;
  for (const step of steps.slice(lastKnown + 1)) {
    facts.push(...stepFacts(previous, step));
    previous = step.event;
  }
  const final = steps.at(-1);
  if (final !== undefined && previous !== null && previous.status !== final.event.status) {
    facts.push(...stepFacts(previous, final));
  }
  const delivery = steps.find((step) => step.event.status === 'delivered');
  if (delivery !== undefined && before.deliveredFactRaisedFor === null) {
    facts.push({ kind: 'delivered', occurredAt: delivery.event.occurredAt, eventKey: delivery.event.eventKey });
  }
  return facts;
}

/**
 * Adds carrier updates to a shipment's tracking state. Pure: the time the updates were received
 * comes from the caller. All updates must belong to the same shipment.
 */
export function applyUpdates(state: ShipmentTrackingState | undefined, updates: readonly TrackingUpdate[], context: { receivedAt: string }): ApplyResult {
  const before = state ?? emptyTrackingState();
  const receivedAt = utc('receivedAt', context.receivedAt);
  const seen = new Set(before.seenEventKeys);
  const scans = new Map<string, Set<TrackingSourceKind>>();
  const noteScan = (event: TimelineEvent) => {
    const key = scanKey(event);
    scans.set(key, (scans.get(key) ?? new Set<TrackingSourceKind>()).add(sourceOf(event)));
  };
  before.timeline.forEach(noteScan);
  const newEvents: TimelineEvent[] = [];
  let crossSourceDuplicates = 0;
  for (const update of updates) {
    const key = eventKey(update);
    if (seen.has(key)) continue;
    const event: TimelineEvent = { ...update, occurredAt: utc('occurredAt', update.occurredAt), eventKey: key, receivedAt };
    const reportedBy = scans.get(scanKey(event));
    if (reportedBy !== undefined && !reportedBy.has(sourceOf(event))) {
      crossSourceDuplicates += 1;
      continue;
    }
    seen.add(key);
    noteScan(event);
    newEvents.push(event);
  }
  if (newEvents.length === 0) return { state: before, newEvents: [], facts: [], crossSourceDuplicates };
  newEvents.sort(compareEvents);

  const timeline = [...before.timeline, ...newEvents].sort(compareEvents);
  const steps = walk(timeline);
  const facts = factsOf(before, steps, new Set(newEvents.map((event) => event.eventKey)));
  const delivered = facts.find((fact) => fact.kind === 'delivered');
  const lastCarrierUpdateAt = before.lastCarrierUpdateAt !== null && before.lastCarrierUpdateAt > receivedAt ? before.lastCarrierUpdateAt : receivedAt;

  return {
    state: {
      current: currentOf(steps.at(-1)),
      lastCarrierUpdateAt,
      lastEventAt: timeline.at(-1)?.occurredAt ?? null,
      timeline,
      seenEventKeys: [...seen].sort(),
      deliveredFactRaisedFor: before.deliveredFactRaisedFor ?? delivered?.occurredAt ?? null,
      // A new carrier event ends the silence: the next stall is a new one.
      stallAlertRaised: null,
    },
    newEvents,
    facts,
    crossSourceDuplicates,
  };
}
