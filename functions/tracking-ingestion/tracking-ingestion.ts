import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { FindShipmentForUpdate, GetShipmentTracking, KeepUnmatched, ShipmentMatch, TrackingAlias, TrackingUpdate } from '../../domain/tracking';
import { newId } from '../shared/ids';
import { logger as defaultLogger, metrics } from '../shared/observability';
import type { SaveTracking } from '../shared/store/tracking-writes';
import { parseRecord, receiveCount, UnparseablePayloadError, type ParsedRecord } from './parse-record';
import { buildWriteShipment, jitter, type Contribution, type IngestionOutcome, type ShipmentGroup } from './write-shipment';

export { parseRecord, UnparseablePayloadError } from './parse-record';
export { TrackingConflictError, type IngestionOutcome } from './write-shipment';

/**
 * Updates for a number no shipment claims are retried this many deliveries (a webhook can beat the
 * booking that creates the shipment by seconds), then kept as UNMATCHED items for inspection.
 */
export const UNMATCHED_ATTEMPTS = 3;

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
  const writeShipment = buildWriteShipment({ getTracking, saveTracking, newEventId, now, log, backoff });

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

