import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import type { Shipment } from '../../domain/shared/shipment';
import { parseCarrierPayload } from '../../domain/tracking/carriers';
import { kpiOutcome } from '../../domain/tracking/kpi-facts';
import type { FindShipmentForUpdate, GetShipmentTracking, KeepUnmatched, SaveTracking, ShipmentMatch, TrackingAlias } from '../../domain/tracking/ports';
import { stallDueAt, stallThresholdsForLane } from '../../domain/tracking/stall-schedule';
import { applyUpdates, type ShipmentTrackingState, type TimelineEvent, type TrackingFact } from '../../domain/tracking/timeline';
import type { TrackingUpdate } from '../../domain/tracking/update';
import { newId } from '../shared/ids';
import { logger as defaultLogger, metrics } from '../shared/observability';
import { MAX_TRANSACTION_ITEMS, itemsWritten } from '../shared/store/tracking-store';
import { trackingEvents } from '../shared/tracking-events';

/** What the webhook receiver queues: the carrier's body exactly as received (it was signed as such). */
export const trackingMessageSchema = z.object({
  receiptId: z.string().min(1),
  carrier: z.string().min(1),
  receivedAt: z.iso.datetime(),
  body: z.string(),
});
export type TrackingMessage = z.infer<typeof trackingMessageSchema>;

/**
 * Updates for a number no shipment claims are retried this many deliveries (a webhook can beat the
 * booking that creates the shipment by seconds), then kept as UNMATCHED items for inspection.
 */
export const UNMATCHED_ATTEMPTS = 3;
const MAX_CONFLICT_RETRIES = 5;

export interface TrackingIngestionDeps {
  readonly findShipment: FindShipmentForUpdate;
  readonly getTracking: GetShipmentTracking;
  readonly saveTracking: SaveTracking;
  readonly keepUnmatched: KeepUnmatched;
  readonly newEventId?: () => string;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** Pause before retrying a version conflict (jittered in production, none in tests). */
  readonly backoff?: (attempt: number) => Promise<void>;
}

export class UnparseablePayloadError extends Error {
  constructor(
    readonly receiptId: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(`tracking payload ${receiptId} cannot be parsed: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'UnparseablePayloadError';
  }
}

export class TrackingConflictError extends Error {
  constructor(readonly shipmentId: string) {
    super(`shipment ${shipmentId}: the tracking item kept changing under ${MAX_CONFLICT_RETRIES} attempts; the batch will be retried`);
    this.name = 'TrackingConflictError';
  }
}

interface ParsedRecord {
  readonly record: SQSRecord;
  readonly message: TrackingMessage;
  readonly updates: readonly TrackingUpdate[];
}

/** One record's updates for one shipment. */
interface Contribution {
  readonly messageId: string;
  readonly receivedAt: string;
  readonly updates: TrackingUpdate[];
}

interface ShipmentGroup {
  readonly shipment: Shipment;
  readonly contributions: Map<string, Contribution>;
  readonly aliases: Map<string, TrackingAlias>;
}

export interface IngestionOutcome {
  readonly shipmentId: string;
  readonly written: boolean;
  readonly newEvents: number;
  readonly facts: readonly TrackingFact['kind'][];
  readonly itemsWritten: number;
}

/** Parses one queued webhook with its carrier's adapter; anything unreadable is an UnparseablePayloadError. */
export function parseRecord(record: SQSRecord): ParsedRecord {
  let envelope: unknown;
  try {
    envelope = JSON.parse(record.body);
  } catch {
    throw new UnparseablePayloadError(record.messageId, [{ path: '$', message: 'the queued message is not JSON' }]);
  }
  const message = trackingMessageSchema.safeParse(envelope);
  if (!message.success) {
    throw new UnparseablePayloadError(record.messageId, message.error.issues.map((issue) => ({ path: `message.${issue.path.join('.')}`, message: issue.message })));
  }
  let payload: unknown;
  try {
    payload = JSON.parse(message.data.body);
  } catch (error) {
    throw new UnparseablePayloadError(message.data.receiptId, [{ path: '$', message: `the body is not JSON: ${(error as Error).message}` }]);
  }
  const parsed = parseCarrierPayload(message.data.carrier, payload);
  if (!parsed.ok) {
    throw new UnparseablePayloadError(message.data.receiptId, parsed.problems);
  }
  return { record, message: message.data, updates: parsed.updates };
}

const receiveCount = (record: SQSRecord): number => Number(record.attributes.ApproximateReceiveCount ?? '1') || 1;

/**
 * SQS (queued webhooks, batches of up to 10) → tracking-ingestion. For the whole batch: parse each
 * webhook with its carrier's adapter, find each update's shipment, and for each shipment fold every
 * update of the batch into its timeline (domain/tracking/timeline.ts) and write the result once:
 * the tracking item carrying its events (with any KPI counter or new alias in one transaction),
 * conditional on the item's version (re-read and retried on a conflict). Records fail alone
 * (partial batch response):
 * - unparseable: fails on every delivery, so SQS parks it in the DLQ after maxReceiveCount, intact;
 * - a write that failed: every record that contributed to that shipment is retried (re-applying
 *   its updates is harmless: they are duplicates by then);
 * - updates for unknown numbers: retried UNMATCHED_ATTEMPTS deliveries, then kept as UNMATCHED items.
 */
export function buildTrackingIngestion(deps: TrackingIngestionDeps) {
  const { findShipment, getTracking, saveTracking, keepUnmatched, newEventId = () => newId('evt'), now = () => new Date(), backoff = jitter } = deps;
  const log = deps.logger ?? defaultLogger;

  async function writeShipment(group: ShipmentGroup): Promise<IngestionOutcome> {
    const contributions = [...group.contributions.values()].sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
    for (let attempt = 1; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      const stored = await getTracking(group.shipment.shipmentId);
      if (stored === undefined) {
        throw new Error(`shipment ${group.shipment.shipmentId} disappeared while its tracking was being written`);
      }
      let state: ShipmentTrackingState = stored.state;
      const facts: TrackingFact[] = [];
      const added: TimelineEvent[] = [];
      for (const contribution of contributions) {
        const result = applyUpdates(state, contribution.updates, { receivedAt: contribution.receivedAt });
        state = result.state;
        facts.push(...result.facts);
        added.push(...result.newEvents);
      }
      const aliases = [...group.aliases.values()];
      if (added.length === 0 && aliases.length === 0) {
        return { shipmentId: group.shipment.shipmentId, written: false, newEvents: 0, facts: [], itemsWritten: 0 };
      }
      const at = now().toISOString();
      const kpi = kpiOutcome(stored.shipment, { state, facts }, stored.kpiMarks);
      const write = {
        shipment: stored.shipment,
        state,
        kpiMarks: kpi.marks,
        expectedVersion: stored.version,
        stallDueAt: stallDueAt(state, stallThresholdsForLane(stored.shipment.lane)),
        events: trackingEvents(stored.shipment, state, facts, { newEventId, at }),
        kpiIncrements: kpi.increments,
        aliases,
        at,
      };
      if (itemsWritten(write) > MAX_TRANSACTION_ITEMS) {
        throw new RangeError(`shipment ${stored.shipment.shipmentId}: ${itemsWritten(write)} items in one batch; send fewer updates per webhook`);
      }
      if ((await saveTracking(write)) === 'saved') {
        const unrecognised = added.filter((event) => !event.recognised);
        if (unrecognised.length > 0) {
          // New carrier codes stay on the timeline without moving the status; count them so the mapping gets them.
          log.warn('unrecognised carrier codes', { shipmentId: stored.shipment.shipmentId, codes: unrecognised.map((event) => `${event.carrier}:${event.carrierCode}`) });
          metrics.addMetric('UnrecognisedCarrierCodes', 'Count', unrecognised.length);
        }
        metrics.addMetric('TrackingEventsAdded', 'Count', added.length);
        log.info('tracking updated', {
          shipmentId: stored.shipment.shipmentId,
          correlationId: stored.shipment.orderId,
          added: added.length,
          status: state.current?.status ?? null,
          facts: facts.map((fact) => fact.kind),
          version: stored.version + 1,
        });
        return { shipmentId: stored.shipment.shipmentId, written: true, newEvents: added.length, facts: facts.map((fact) => fact.kind), itemsWritten: itemsWritten(write) };
      }
      metrics.addMetric('TrackingWriteConflicts', 'Count', 1);
      await backoff(attempt);
    }
    throw new TrackingConflictError(group.shipment.shipmentId);
  }

  return async (event: SQSEvent): Promise<SQSBatchResponse & { outcomes: IngestionOutcome[] }> => {
    const failed = new Set<string>();
    const parsed: ParsedRecord[] = [];
    for (const record of event.Records) {
      try {
        parsed.push(parseRecord(record));
      } catch (error) {
        const problems = error instanceof UnparseablePayloadError ? error.problems : [{ path: '$', message: (error as Error).message }];
        log.error('unparseable tracking payload; it stays on the queue and is parked in the DLQ after its retries', {
          messageId: record.messageId,
          receiveCount: receiveCount(record),
          problems,
        });
        metrics.addMetric('UnparseableTrackingPayloads', 'Count', 1);
        failed.add(record.messageId);
      }
    }

    // Find each (carrier, number)'s shipment once for the whole batch, all lookups at once.
    const matches = new Map<string, Promise<ShipmentMatch | undefined>>();
    for (const update of parsed.flatMap((item) => item.updates)) {
      const key = `${update.carrier}#${update.trackingNumber}`;
      if (!matches.has(key)) {
        matches.set(key, findShipment(update));
      }
    }
    // Settled first, so a failed lookup fails only the records that need it (below).
    await Promise.allSettled(matches.values());

    const groups = new Map<string, ShipmentGroup>();
    const unmatched: { record: ParsedRecord; updates: TrackingUpdate[] }[] = [];
    for (const item of parsed) {
      const resolved: { update: TrackingUpdate; match: ShipmentMatch | undefined }[] = [];
      try {
        for (const update of item.updates) {
          resolved.push({ update, match: await matches.get(`${update.carrier}#${update.trackingNumber}`) });
        }
      } catch (error) {
        log.error('shipment lookup failed; retrying the webhook', { receiptId: item.message.receiptId, error: error as Error });
        failed.add(item.record.messageId);
        continue;
      }
      const orphans: TrackingUpdate[] = [];
      for (const { update, match } of resolved) {
        if (match === undefined) {
          orphans.push(update);
          continue;
        }
        const group: ShipmentGroup = groups.get(match.shipment.shipmentId) ?? { shipment: match.shipment, contributions: new Map<string, Contribution>(), aliases: new Map<string, TrackingAlias>() };
        groups.set(match.shipment.shipmentId, group);
        const contribution: Contribution = group.contributions.get(item.record.messageId) ?? { messageId: item.record.messageId, receivedAt: item.message.receivedAt, updates: [] };
        contribution.updates.push(update);
        group.contributions.set(item.record.messageId, contribution);
        if (match.newAlias !== undefined) {
          group.aliases.set(`${match.newAlias.carrier}#${match.newAlias.trackingNumber}`, match.newAlias);
        }
      }
      if (orphans.length > 0) {
        unmatched.push({ record: item, updates: orphans });
      }
    }

    const outcomes: IngestionOutcome[] = [];
    await Promise.all(
      [...groups.values()].map(async (group) => {
        try {
          outcomes.push(await writeShipment(group));
        } catch (error) {
          log.error('tracking write failed; its records will be retried', { shipmentId: group.shipment.shipmentId, error: error as Error });
          group.contributions.forEach((contribution) => failed.add(contribution.messageId));
        }
      }),
    );

    for (const { record, updates } of unmatched) {
      const numbers = [...new Set(updates.map((update) => `${update.carrier}#${update.trackingNumber}`))];
      if (receiveCount(record.record) < UNMATCHED_ATTEMPTS) {
        log.info('no shipment (yet) for some tracking numbers; retrying the webhook later', { receiptId: record.message.receiptId, numbers });
        failed.add(record.record.messageId);
        continue;
      }
      try {
        for (const number of numbers) {
          const [carrier = '', trackingNumber = ''] = number.split('#');
          await keepUnmatched(carrier, trackingNumber, updates.filter((update) => update.carrier === carrier && update.trackingNumber === trackingNumber), record.message.receivedAt);
        }
        log.warn('tracking updates for unknown numbers kept as UNMATCHED', { receiptId: record.message.receiptId, numbers });
        metrics.addMetric('UnmatchedTrackingUpdates', 'Count', updates.length);
      } catch (error) {
        log.error('could not keep unmatched updates; retrying', { receiptId: record.message.receiptId, error: error as Error });
        failed.add(record.record.messageId);
      }
    }

    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })), outcomes };
  };
}

/** Full jitter, 20–200 ms: two writers of one shipment rarely collide twice. */
async function jitter(attempt: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** Math.min(attempt, 3) + 20));
}
