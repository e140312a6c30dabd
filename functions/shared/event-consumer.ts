import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { parseEvent, type EnlaceEvent, type EventContract } from '../../events/envelope';
import { logger } from './observability';

/**
 * What a consumer does with one event; throwing sends the message back to the queue for a retry.
 * `log` carries the event's correlation id on every line.
 */
export type HandleEvent<TData> = (event: EnlaceEvent<TData>, log: Logger) => Promise<void>;

/**
 * An SQS-fed consumer of one event contract. Each record holds the EventBridge event; its detail
 * is validated against the contract (consumers check what producers promised), then handled.
 * Records fail alone (partial batch response): a poison message is retried until the queue's
 * redrive policy parks it in the DLQ.
 */
export function eventConsumer<TData extends z.ZodType>(contract: EventContract<string, TData>, handle: HandleEvent<z.output<TData>>) {
  const processor = new BatchProcessor(EventType.SQS);
  const processRecord = async (record: SQSRecord): Promise<void> => {
    const envelope = JSON.parse(record.body) as { detail?: unknown };
    const event = parseEvent(contract, envelope.detail);
    // Records run in parallel, so each gets a child logger rather than keys on the shared one.
    const log = logger.createChild({ persistentKeys: { correlationId: event.metadata.correlationId, eventId: event.metadata.eventId } });
    await handle(event, log);
  };
  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
}
