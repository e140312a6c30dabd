import type { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import type { CarrierSlug } from '../../domain/shared/carriers';
import type { PollCarrier, PollLimits, PollPolicy, TrackingUpdate } from '../../domain/tracking';
import { applyUpdates, DEFAULT_POLL_POLICY, nextPoll, parseFeedPayload, polledCarriers } from '../../domain/tracking';
import type { TrackingPayloadMessage } from '../../events/tracking-message';
import { newId } from '../shared/ids';
import { logger as defaultLogger, metrics } from '../shared/observability';
import type { DuePoll, FindDuePolls, PollOutcome, RecordPoll } from '../shared/store/poll-store';
import { MAX_TRACKING_MESSAGE_BYTES, queuedBytes, type EnqueueTrackingMessages } from '../shared/tracking-queue';

/** The EventBridge "Scheduled Event": its time is the run's "now". */
export const scheduledEventSchema = z.looseObject({ time: z.iso.datetime({ offset: true }) });

export interface TrackingPollerDeps {
  readonly findDue: FindDuePolls;
  readonly pollCarrier: PollCarrier;
  readonly enqueue: EnqueueTrackingMessages;
  readonly recordPoll: RecordPoll;
  /** The carriers to poll and their limits; every carrier whose primary source is polling when absent. */
  readonly carriers?: readonly { readonly carrier: CarrierSlug; readonly limits: PollLimits }[];
  readonly policy?: PollPolicy;
  /** The time answers are received (the schedule's time is the run's "now" for everything else). */
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly newReceiptId?: () => string;
  /** Seconds of a run each carrier may spend asking (the function's timeout leaves room for all). */
  readonly secondsPerCarrier?: number;
  /** Share of a carrier's rate limit Enlace uses, leaving the rest to anything else on the account. */
  readonly utilisation?: number;
  /** Runs a day (the schedule's rate), to spread a daily quota evenly. */
  readonly runsPerDay?: number;
  readonly logger?: Logger;
}

export interface CarrierPollSummary {
  readonly carrier: string;
  /** Parcels the index returned as due (at most the run's budget). */
  readonly due: number;
  readonly requests: number;
  readonly failedRequests: number;
  readonly queued: number;
  readonly rescheduled: number;
  readonly stopped: number;
  /** Parcels another run rescheduled first, or whose answer could not be queued (asked again next run). */
  readonly skipped: number;
}

export interface PollRunSummary {
  readonly asOf: string;
  readonly carriers: readonly CarrierPollSummary[];
}

interface Answered {
  readonly message: TrackingPayloadMessage;
  readonly parcels: readonly DuePoll[];
}

/** What an answer says of each parcel, for its next poll: the newest event and the status it reached. */
function outcomes(updates: readonly TrackingUpdate[], parcels: readonly DuePoll[], polledAt: string): Map<string, PollOutcome> {
  const result = new Map<string, PollOutcome>();
  for (const parcel of parcels) {
    const own = updates.filter((update) => update.trackingNumber === parcel.trackingNumber);
    const { state } = applyUpdates(undefined, own, { receivedAt: polledAt });
    result.set(parcel.shipmentId, { polledAt, lastEventAt: state.lastEventAt, lastStatus: state.current?.status ?? null });
  }
  return result;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Schedule → tracking-poller: for each carrier Enlace polls, the parcels due (one index Query,
 * oldest first, at most the run's share of the carrier's rate limit and daily quota), asked in
 * batches of the carrier's request size, paced below its rate limit. Each answer goes to the tracking
 * queue exactly as a webhook would (source `poll`), so the timeline, KPIs and stalls do not care; each
 * parcel's next poll is spaced by how recently it moved (domain/tracking/poll-schedule.ts), and a
 * parcel that reached a final status is no longer asked about. A carrier that does not answer, or an
 * answer that cannot be queued, leaves the parcels due: they are asked again on the next run, and
 * duplicates are absorbed by the timeline.
 */
export function buildTrackingPoller(deps: TrackingPollerDeps) {
  const {
    findDue,
    pollCarrier,
    enqueue,
    recordPoll,
    policy = DEFAULT_POLL_POLICY,
    now = () => new Date(),
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    newReceiptId = () => newId('pol'),
    secondsPerCarrier = 60,
    utilisation = 0.5,
    runsPerDay = 96,
  } = deps;
  const log = deps.logger ?? defaultLogger;

  async function pollCarrierDue(carrier: CarrierSlug, limits: PollLimits, asOf: string): Promise<CarrierPollSummary> {
    const perSecond = limits.requestsPerSecond * utilisation;
    const dailyShare = limits.requestsPerDay === undefined ? Number.POSITIVE_INFINITY : Math.floor(limits.requestsPerDay / runsPerDay);
    const budget = Math.max(1, Math.min(Math.floor(perSecond * secondsPerCarrier), dailyShare));
    const due = await findDue(carrier, asOf, budget * limits.numbersPerRequest);
    const answered: Answered[] = [];
    let requests = 0;
    let failedRequests = 0;
    let skipped = 0;

    const ask = async (parcels: DuePoll[]): Promise<void> => {
      if (requests > 0) await sleep(1000 / perSecond);
      requests += 1;
      let body: Uint8Array;
      try {
        body = await pollCarrier({ carrier, parcels: parcels.map(({ trackingNumber, bookedAt, lane }) => ({ trackingNumber, bookedAt, lane })), asOf });
      } catch (error) {
        failedRequests += 1;
        skipped += parcels.length;
        log.warn('carrier did not answer a poll; asking again next run', { carrier, parcels: parcels.length, error: error as Error });
        return;
      }
      const message: TrackingPayloadMessage = {
        kind: 'payload',
        receiptId: newReceiptId(),
        source: 'poll',
        feed: carrier,
        receivedAt: now().toISOString(),
        body: Buffer.from(body),
      };
      if (queuedBytes(message) <= MAX_TRACKING_MESSAGE_BYTES) {
        answered.push({ message, parcels });
      } else if (parcels.length > 1) {
        // Too long a history for one queue message: ask again in halves.
        const half = Math.ceil(parcels.length / 2);
        await ask(parcels.slice(0, half));
        await ask(parcels.slice(half));
      } else {
        skipped += 1;
        metrics.addMetric('PollAnswerTooLarge', 'Count', 1);
        log.error('a single parcel’s poll answer exceeds a queue message; it stays due', {
          carrier,
          trackingNumber: parcels[0]?.trackingNumber,
          bytes: body.length,
        });
      }
    };
    for (const parcels of chunk(due, limits.numbersPerRequest)) await ask(parcels);

    const { failed } = await enqueue(answered.map(({ message }) => message));
    const notQueued = new Set(failed.map((message) => message.receiptId));
    let rescheduled = 0;
    let stopped = 0;
    for (const { message, parcels } of answered) {
      if (notQueued.has(message.receiptId)) {
        skipped += parcels.length;
        log.error('a poll answer could not be queued; its parcels stay due', { carrier, receiptId: message.receiptId });
        continue;
      }
      const parsed = (() => {
        try {
          return parseFeedPayload(carrier, JSON.parse(new TextDecoder().decode(message.body)));
        } catch {
          return undefined;
        }
      })();
      // An answer Enlace cannot read is queued all the same (ingestion parks it in the DLQ, with an alarm); its parcels wait as unanswered.
      const states = outcomes(parsed?.ok === true ? parsed.updates : [], parcels, message.receivedAt);
      for (const parcel of parcels) {
        const outcome = states.get(parcel.shipmentId)!;
        const decision = nextPoll({ bookedAt: parcel.bookedAt, lastEventAt: outcome.lastEventAt, lastStatus: outcome.lastStatus }, asOf, policy, limits);
        if (!(await recordPoll(parcel, outcome, decision))) skipped += 1;
        else if ('stop' in decision) stopped += 1;
        else rescheduled += 1;
      }
    }
    metrics.addMetric('TrackingPolls', 'Count', requests);
    return { carrier, due: due.length, requests, failedRequests, queued: answered.length - notQueued.size, rescheduled, stopped, skipped };
  }

  return async (event: unknown): Promise<PollRunSummary> => {
    const asOf = new Date(scheduledEventSchema.parse(event).time).toISOString();
    const carriers = deps.carriers ?? polledCarriers();
    const summaries = await Promise.all(carriers.map(({ carrier, limits }) => pollCarrierDue(carrier, limits, asOf)));
    const summary = { asOf, carriers: summaries };
    log.info('tracking poll run done', summary);
    return summary;
  };
}
