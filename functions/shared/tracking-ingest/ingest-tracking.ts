import type { Logger } from '@aws-lambda-powertools/logger';
import type { FindShipmentForUpdate, GetShipmentTracking, KeepUnmatched } from '../../../domain/tracking';
import { newId } from '../ids';
import { logger as defaultLogger, metrics } from '../observability';
import type { SaveTracking } from '../store/tracking-writes';
import { groupByShipment, type UnmatchedUpdates } from './group-updates';
import { parseDelivery, UnparseablePayloadError, type ParsedDelivery, type TrackingDelivery } from './parse-delivery';
import { buildWriteShipment, jitter, type IngestionOutcome, type ShipmentGroup } from './write-shipment';

export { parseDelivery, UnparseablePayloadError, type TrackingDelivery } from './parse-delivery';
export { MAX_CONFLICT_RETRIES, TrackingConflictError, type IngestionOutcome } from './write-shipment';

/**
 * Updates for a number no shipment claims are retried this many deliveries (a webhook can beat the
 * booking that creates the shipment by seconds), then kept as UNMATCHED items for inspection.
 */
export const UNMATCHED_ATTEMPTS = 3;

export interface IngestTrackingDeps {
  readonly findShipment: FindShipmentForUpdate;
  readonly getTracking: GetShipmentTracking;
  readonly saveTracking: SaveTracking;
  /** Without it, updates for unknown numbers are always handed back (the webhook leaves them to the queue, which keeps them). */
  readonly keepUnmatched?: KeepUnmatched;
  readonly newEventId?: () => string;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** Pause before retrying a version conflict (jittered in production, none in tests). */
  readonly backoff?: (attempt: number) => Promise<void>;
  /** Reads and writes of one shipment before a conflict fails its deliveries (MAX_CONFLICT_RETRIES unless told). */
  readonly maxAttempts?: number;
  /**
   * Deliveries whose updates name more tracking numbers than this fail at once, before any look-up
   * (the webhook's direct write leaves big carrier batches to the queue). No limit unless told.
   */
  readonly maxNumbersPerDelivery?: number;
}

/** What became of a set of deliveries: the ids of those to hand over again (none were lost), and each shipment's write. */
export interface IngestResult {
  readonly failed: readonly string[];
  readonly outcomes: IngestionOutcome[];
}

/** Port: the ingestion use case, for queued messages (tracking-ingestion) and verified webhooks (tracking-webhook). */
export type IngestTracking = (deliveries: readonly TrackingDelivery[]) => Promise<IngestResult>;

/**
 * Tracking messages (a queued batch of up to 10, or one webhook just verified) → canonical timeline.
 * For the whole batch: parse each webhook with its carrier's adapter, find each update's shipment, and for each shipment fold every
 * update of the batch into its timeline (domain/tracking/timeline.ts) and write the result once:
 * the tracking item carrying its events (with any KPI counter or new alias in one transaction),
 * conditional on the item's version (re-read and retried on a conflict). Deliveries fail alone
 * (a partial batch response on the queue; the webhook queues what failed):
 * - unparseable: fails on every delivery, so SQS parks it in the DLQ after maxReceiveCount, intact;
 * - a write that failed: every record that contributed to that shipment is retried (re-applying
 *   its updates is harmless: they are duplicates by then);
 * - updates for unknown numbers: retried UNMATCHED_ATTEMPTS deliveries, then kept as UNMATCHED items.
 */
export function buildIngestTracking(deps: IngestTrackingDeps): IngestTracking {
  const { findShipment, getTracking, saveTracking, keepUnmatched, newEventId = () => newId('evt'), now = () => new Date(), backoff = jitter } = deps;
  const { maxAttempts, maxNumbersPerDelivery = Number.POSITIVE_INFINITY } = deps;
  const log = deps.logger ?? defaultLogger;
  const writeShipment = buildWriteShipment({ getTracking, saveTracking, newEventId, now, log, backoff, ...(maxAttempts === undefined ? {} : { maxAttempts }) });

  /** Parses every delivery; an unreadable one fails alone (and reaches the DLQ after its retries). */
  function parseAll(deliveries: readonly TrackingDelivery[], failed: Set<string>): ParsedDelivery[] {
    const parsed: ParsedDelivery[] = [];
    for (const delivery of deliveries) {
      let item: ParsedDelivery;
      try {
        item = parseDelivery(delivery);
      } catch (error) {
        const problems = error instanceof UnparseablePayloadError ? error.problems : [{ path: '$', message: (error as Error).message }];
        log.error('unparseable tracking payload; it stays on the queue and is parked in the DLQ after its retries', {
          messageId: delivery.id,
          receiveCount: delivery.receiveCount,
          problems,
        });
        metrics.addMetric('UnparseableTrackingPayloads', 'Count', 1);
        failed.add(delivery.id);
        continue;
      }
      const numbers = new Set(item.updates.map((update) => `${update.carrier}#${update.trackingNumber}`)).size;
      if (numbers > maxNumbersPerDelivery) {
        log.info('too many tracking numbers to write in one step; left to the queue', { receiptId: item.message.receiptId, numbers });
        failed.add(delivery.id);
        continue;
      }
      parsed.push(item);
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
          group.contributions.forEach((contribution) => failed.add(contribution.deliveryId));
        }
      }),
    );
    return outcomes;
  }

  /** Updates no shipment claims: retried a few deliveries (the booking may be seconds late), then kept as UNMATCHED. */
  async function handleUnmatched(unmatched: readonly UnmatchedUpdates[], failed: Set<string>): Promise<void> {
    for (const { record, updates } of unmatched) {
      const numbers = [...new Set(updates.map((update) => `${update.carrier}#${update.trackingNumber}`))];
      if (record.delivery.receiveCount < UNMATCHED_ATTEMPTS || keepUnmatched === undefined) {
        log.info('no shipment (yet) for some tracking numbers; retrying the webhook later', { receiptId: record.message.receiptId, numbers });
        failed.add(record.delivery.id);
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
        failed.add(record.delivery.id);
      }
    }
  }

  return async (deliveries) => {
    const failed = new Set<string>();
    const parsed = parseAll(deliveries, failed);
    const { groups, unmatched } = await groupByShipment(parsed, findShipment, (item, error) => {
      log.error('shipment lookup failed; retrying the webhook', { receiptId: item.message.receiptId, error });
      failed.add(item.delivery.id);
    });
    const outcomes = await writeAll(groups.values(), failed);
    await handleUnmatched(unmatched, failed);
    return { failed: [...failed], outcomes };
  };
}
