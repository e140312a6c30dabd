import type { PollLimits } from './sources';
import { STATUS_DEFINITIONS, type TrackingStatus } from './statuses';

/**
 * When to ask a polled carrier about a parcel again: spaced by how recently the parcel moved, not
 * every parcel on every run. A parcel that just moved is likely to move again soon (a hand-over, a
 * sort, out for delivery); one quiet for days is waiting somewhere, and asking hourly would only
 * spend the carrier's quota.
 *
 * POLICY, not carrier data: the intervals are Enlace's judgement of a last-mile journey (the
 * scripted sandbox journey moves within hours, real last miles in 1–5 days), to be tuned with the
 * KPI data; a carrier's own cap on fetches per parcel (DHL asks for at most 10 a day) always wins.
 * Out for delivery is the one moment a seller waits for news within the hour.
 */
export interface PollPolicy {
  /** First question after booking: before that the parcel is with the line-haul, and the carrier has nothing. */
  readonly firstPollAfterHours: number;
  /** While the carrier has reported nothing about the parcel yet. */
  readonly waitingEveryHours: number;
  /** The interval by how long ago the parcel last moved (the first band that holds wins). */
  readonly bands: readonly { readonly movedWithinHours: number; readonly everyHours: number }[];
  /** Quieter than every band. */
  readonly quietEveryHours: number;
  readonly outForDeliveryEveryHours: number;
  /** Stop asking this long after booking (the stalled sweep has long raised the alarm by then). */
  readonly giveUpAfterDays: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = {
  firstPollAfterHours: 24,
  waitingEveryHours: 12,
  bands: [
    { movedWithinHours: 6, everyHours: 2 },
    { movedWithinHours: 24, everyHours: 4 },
    { movedWithinHours: 72, everyHours: 8 },
  ],
  quietEveryHours: 12,
  outForDeliveryEveryHours: 1,
  giveUpAfterDays: 60,
};

/** What the last poll told about a parcel. */
export interface PollState {
  readonly bookedAt: string;
  /** The newest carrier event time the carrier has reported for the parcel, or null while it has none. */
  readonly lastEventAt: string | null;
  /** The status of that newest event (by event time), or null. */
  readonly lastStatus: TrackingStatus | null;
}

export type PollDecision = { readonly next: string } | { readonly stop: 'terminal' | 'gave-up' };

const HOUR_MS = 3_600_000;

/** When to first ask about a parcel booked at `bookedAt`. */
export function firstPollAt(bookedAt: string, policy: PollPolicy = DEFAULT_POLL_POLICY): string {
  return new Date(Date.parse(bookedAt) + policy.firstPollAfterHours * HOUR_MS).toISOString();
}

/** The interval, in hours, after a poll at `now` that found `state`. */
export function pollIntervalHours(
  state: PollState,
  now: string,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
  limits?: Pick<PollLimits, 'maxPollsPerParcelPerDay'>,
): number {
  const floor = limits?.maxPollsPerParcelPerDay === undefined ? 0 : 24 / limits.maxPollsPerParcelPerDay;
  let hours: number;
  if (state.lastEventAt === null) {
    hours = policy.waitingEveryHours;
  } else if (state.lastStatus === 'out-for-delivery') {
    hours = policy.outForDeliveryEveryHours;
  } else {
    const sinceMoved = (Date.parse(now) - Date.parse(state.lastEventAt)) / HOUR_MS;
    hours = policy.bands.find((band) => sinceMoved <= band.movedWithinHours)?.everyHours ?? policy.quietEveryHours;
  }
  return Math.max(hours, floor);
}

/**
 * After a poll at `now`: when to ask next, or stop (the parcel reached a final status, or it has
 * been followed longer than the policy allows).
 */
export function nextPoll(
  state: PollState,
  now: string,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
  limits?: Pick<PollLimits, 'maxPollsPerParcelPerDay'>,
): PollDecision {
  if (state.lastStatus !== null && STATUS_DEFINITIONS[state.lastStatus].terminal) return { stop: 'terminal' };
  const nowMs = Date.parse(now);
  if (nowMs - Date.parse(state.bookedAt) > policy.giveUpAfterDays * 24 * HOUR_MS) return { stop: 'gave-up' };
  return { next: new Date(nowMs + pollIntervalHours(state, now, policy, limits) * HOUR_MS).toISOString() };
}
