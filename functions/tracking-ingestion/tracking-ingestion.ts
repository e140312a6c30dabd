import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { buildIngestTracking, type IngestionOutcome, type IngestTrackingDeps, type TrackingDelivery } from '../shared/tracking-ingest/ingest-tracking';

export {
  parseDelivery,
  TrackingConflictError,
  UNMATCHED_ATTEMPTS,
  UnparseablePayloadError,
  type IngestionOutcome,
} from '../shared/tracking-ingest/ingest-tracking';

export type TrackingIngestionDeps = IngestTrackingDeps;

/** How many times SQS has handed this record over (1 on the first delivery). */
export const receiveCount = (record: SQSRecord): number => Number(record.attributes.ApproximateReceiveCount ?? '1') || 1;

const deliveryOf = (record: SQSRecord): TrackingDelivery => ({ id: record.messageId, receiveCount: receiveCount(record), body: record.body });

/**
 * SQS (queued webhooks that were not written on arrival, polls, registrations, replays; batches of
 * up to 10) → the ingestion use case (functions/shared/tracking-ingest), with a partial batch
 * response: a record that failed stays on the queue, and reaches the DLQ after its retries.
 */
export function buildTrackingIngestion(deps: TrackingIngestionDeps) {
  const ingest = buildIngestTracking(deps);
  return async (event: SQSEvent): Promise<SQSBatchResponse & { outcomes: IngestionOutcome[] }> => {
    const { failed, outcomes } = await ingest(event.Records.map(deliveryOf));
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })), outcomes };
  };
}
