import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { FindShipmentForUpdate, GetShipmentTracking, KeepUnmatched } from '../../domain/tracking';
import { newId } from '../shared/ids';
import { logger as defaultLogger, metrics } from '../shared/observability';
import type { SaveTracking } from '../shared/store/tracking-writes';
import { groupByShipment, type UnmatchedUpdates } from './group-updates';
import { parseRecord, receiveCount, UnparseablePayloadError, type ParsedRecord } from './parse-record';
import { buildWriteShipment, jitter, type IngestionOutcome, type ShipmentGroup } from './write-shipment';

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

  /** Parses every record; an unreadable one fails alone (and reaches the DLQ after its retries). */
  function parseAll(records: readonly SQSRecord[], failed: Set<string>): ParsedRecord[] {
    const parsed: ParsedRecord[] = [];
    for (const record of records) {
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
    return parsed;
  }

  /** Each shipment's updates written once; a failed write retries every record that contributed to it. */
  async function writeAll(groups: Iterable<ShipmentGroup>, failed: Set<string>): Promise<IngestionOutcome[]> {
    const outcomes: IngestionOutcome[] = [];
    await Promise.all(
      [...groups].map(async (group) => {
        try {
          outcomes.push(await writeShipment(group));
        } catch (error) {
          log.error('tracking write failed; its records will be retried', { shipmentId: group.shipment.shipmentId, error: error as Error });
          group.contributions.forEach((contribution) => failed.add(contribution.messageId));
        }
      }),
    );
    return outcomes;
  }

  /** Updates no shipment claims: retried a few deliveries (the booking may be seconds late), then kept as UNMATCHED. */
  async function handleUnmatched(unmatched: readonly UnmatchedUpdates[], failed: Set<string>): Promise<void> {
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
          await keepUnmatched(
            carrier,
            trackingNumber,
            updates.filter((update) => update.carrier === carrier && update.trackingNumber === trackingNumber),
            record.message.receivedAt,
          );
        }
        log.warn('tracking updates for unknown numbers kept as UNMATCHED', { receiptId: record.message.receiptId, numbers });
        metrics.addMetric('UnmatchedTrackingUpdates', 'Count', updates.length);
      } catch (error) {
        log.error('could not keep unmatched updates; retrying', { receiptId: record.message.receiptId, error: error as Error });
        failed.add(record.record.messageId);
      }
    }
  }

  return async (event: SQSEvent): Promise<SQSBatchResponse & { outcomes: IngestionOutcome[] }> => {
    const failed = new Set<string>();
    const parsed = parseAll(event.Records, failed);
    const { groups, unmatched } = await groupByShipment(parsed, findShipment, (item, error) => {
      log.error('shipment lookup failed; retrying the webhook', { receiptId: item.message.receiptId, error });
      failed.add(item.record.messageId);
    });
    const outcomes = await writeAll(groups.values(), failed);
    await handleUnmatched(unmatched, failed);
    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })), outcomes };
  };
}
