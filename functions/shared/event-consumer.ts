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

/** One contract a consumer takes, with what it does with it. */
export interface ContractHandler {
  readonly contract: EventContract<string, z.ZodType>;
  /** Called with an event its contract validated. */
  readonly handle: HandleEvent<unknown>;
}

/** Pairs a contract with its handler, typed by the contract's data. */
export const on = <TData extends z.ZodType>(contract: EventContract<string, TData>, handle: HandleEvent<z.output<TData>>): ContractHandler => ({
  contract,
  handle: handle as HandleEvent<unknown>,
});

/**
 * An SQS-fed consumer of one or more event contracts. Each record holds the EventBridge event; its
 * detail is validated against the contract its type names (consumers check what producers
 * promised), then handled. Records fail alone (partial batch response): a poison message — or an
 * event of a type the consumer does not take — is retried until the queue's redrive policy parks it
 * in the DLQ.
 */
export function eventsConsumer(handlers: readonly [ContractHandler, ...ContractHandler[]]) {
  const byType = new Map(handlers.map((handler) => [handler.contract.type, handler]));
  const processor = new BatchProcessor(EventType.SQS);
  const processRecord = async (record: SQSRecord): Promise<void> => {
    const envelope = JSON.parse(record.body) as { 'detail-type'?: unknown; detail?: unknown };
    const type = handlers.length === 1 ? handlers[0].contract.type : String(envelope['detail-type']);
    const handler = byType.get(type);
    if (handler === undefined) throw new Error(`this consumer does not take ${type} events (it takes ${[...byType.keys()].join(', ')})`);
    const event = parseEvent(handler.contract, envelope.detail);
    // Records run in parallel, so each gets a child logger rather than keys on the shared one.
    const log = logger.createChild({ persistentKeys: { correlationId: event.metadata.correlationId, eventId: event.metadata.eventId } });
    await handler.handle(event, log);
  };
  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
}

/** An SQS-fed consumer of one event contract (see `eventsConsumer`). */
export function eventConsumer<TData extends z.ZodType>(contract: EventContract<string, TData>, handle: HandleEvent<z.output<TData>>) {
  return eventsConsumer([on(contract, handle)]);
}
