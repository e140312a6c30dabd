import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { DeleteMessageBatchCommand, type Message, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { queueMessageBody } from '../functions/shared/queue-body';
import { matchesEventPattern } from './eventbridge/event-pattern';
import { LOCAL_REGION, type LocalQueue } from './resources';
import type { EventSourceMappingSpec } from './wiring';

export type InvokeFunction = (functionId: string, event: unknown) => Promise<unknown>;
type Log = (message: string, fields?: Record<string, unknown>) => void;
type Undeliverable = (record: { reason: string; payload: unknown }) => void;

interface BatchResponse {
  batchItemFailures?: { itemIdentifier: string }[];
}

/** A running event source mapping; `stop` ends its polling loop. */
export interface Poller {
  stop(): Promise<void>;
}

const matchesFilters = (filters: readonly Record<string, unknown>[], record: unknown): boolean =>
  filters.length === 0 || filters.some((filter) => matchesEventPattern(filter, record));

/**
 * SQS → Lambda as the event source mapping does it: long-poll, invoke with the batch, delete what
 * succeeded. Failed messages stay and come back after the visibility timeout; the queue's redrive
 * policy (enforced by fauxqs) moves a message that keeps failing to its DLQ.
 */
export function pollQueue(options: { mapping: EventSourceMappingSpec; queue: LocalQueue; sqs: SQSClient; invoke: InvokeFunction; log: Log }): Poller {
  const { mapping, queue, sqs, invoke, log } = options;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queue.url,
            MaxNumberOfMessages: Math.min(10, mapping.batchSize),
            WaitTimeSeconds: 1,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
        );
        const batch = Messages.filter((message) => matchesFilters(mapping.filters, sqsRecord(message, queue)));
        // Messages the filter rejects are deleted, as AWS does.
        const rejected = Messages.filter((message) => !batch.includes(message));
        await deleteMessages(sqs, queue, rejected);
        if (batch.length === 0) {
          continue;
        }
        const failed = await invokeBatch(
          mapping,
          invoke,
          { Records: batch.map((message) => sqsRecord(message, queue)) },
          batch.map((m) => m.MessageId!),
          log,
        );
        await deleteMessages(
          sqs,
          queue,
          batch.filter((message) => !failed.has(message.MessageId!)),
        );
      } catch (error) {
        if (running) {
          log('sqs poller: error', { mapping: mapping.logicalId, error: (error as Error).message });
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Invokes with a batch; returns the ids that failed (all of them if the invocation threw). */
async function invokeBatch(mapping: EventSourceMappingSpec, invoke: InvokeFunction, event: unknown, ids: readonly string[], log: Log): Promise<Set<string>> {
  try {
    const response = (await invoke(mapping.functionId, event)) as BatchResponse | undefined;
    if (!mapping.reportBatchItemFailures) {
      return new Set();
    }
    return new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
  } catch (error) {
    log('event source mapping: invocation failed', { mapping: mapping.logicalId, error: (error as Error).message });
    return new Set(ids);
  }
}

async function deleteMessages(sqs: SQSClient, queue: LocalQueue, messages: readonly Message[]): Promise<void> {
  for (let start = 0; start < messages.length; start += 10) {
    const chunk = messages.slice(start, start + 10);
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: chunk.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })),
      }),
    );
  }
}

function sqsRecord(message: Message, queue: LocalQueue) {
  return {
    messageId: message.MessageId,
    receiptHandle: message.ReceiptHandle,
    body: message.Body,
    attributes: message.Attributes ?? {},
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        { stringValue: value.StringValue, binaryValue: value.BinaryValue, dataType: value.DataType, stringListValues: [], binaryListValues: [] },
      ]),
    ),
    md5OfBody: message.MD5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: LOCAL_REGION,
  };
}

/**
 * DynamoDB stream → Lambda: reads every shard from its start, filters records with the mapping's
 * patterns, invokes in order. A failed batch is retried from the first failed record (bisected
 * when asked); after the retry limit its records go to the on-failure queue and the shard moves on.
 */
export function pollStream(options: {
  mapping: EventSourceMappingSpec;
  streamArn: string;
  streams: DynamoDBStreamsClient;
  sqs: SQSClient;
  onFailureQueue?: LocalQueue;
  /** Records that neither the function nor the on-failure queue took: kept by the caller, never dropped silently. */
  undeliverable?: Undeliverable;
  invoke: InvokeFunction;
  log: Log;
  intervalMs?: number;
}): Poller {
  const { mapping, streamArn, streams, log } = options;
  let running = true;
  const iterators = new Map<string, string | undefined>();
  const loop = (async () => {
    while (running) {
      try {
        const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
        for (const shard of StreamDescription?.Shards ?? []) {
          if (!iterators.has(shard.ShardId!)) {
            const { ShardIterator } = await streams.send(
              new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
            );
            iterators.set(shard.ShardId!, ShardIterator);
          }
        }
        for (const [shardId, iterator] of iterators) {
          if (iterator === undefined) {
            continue; // closed shard, fully read
          }
          const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
          iterators.set(shardId, NextShardIterator);
          const wanted = Records.filter((record) => matchesFilters(mapping.filters, streamRecordForFilter(record)));
          for (let start = 0; start < wanted.length; start += mapping.batchSize) {
            await deliverStreamBatch(wanted.slice(start, start + mapping.batchSize), options);
          }
        }
      } catch (error) {
        if (running) {
          log('stream poller: error', { mapping: mapping.logicalId, error: (error as Error).message });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function deliverStreamBatch(
  records: readonly StreamRecord[],
  options: {
    mapping: EventSourceMappingSpec;
    streamArn: string;
    sqs: SQSClient;
    onFailureQueue?: LocalQueue;
    undeliverable?: Undeliverable;
    invoke: InvokeFunction;
    log: Log;
  },
): Promise<void> {
  const { mapping, invoke, log } = options;
  let pending = [...records];
  let retries = 0;
  const maxRetries = mapping.maximumRetryAttempts < 0 ? 3 : Math.min(mapping.maximumRetryAttempts, 3);
  while (pending.length > 0) {
    const event = { Records: pending.map((record) => lambdaStreamRecord(record, options.streamArn)) };
    const failed = await invokeBatch(
      mapping,
      invoke,
      event,
      pending.map((record) => record.dynamodb!.SequenceNumber!),
      log,
    );
    if (failed.size === 0) {
      return;
    }
    // Checkpoint: everything before the first failed record is done.
    const firstFailed = pending.findIndex((record) => failed.has(record.dynamodb!.SequenceNumber!));
    pending = pending.slice(Math.max(0, firstFailed));
    retries += 1;
    if (retries > maxRetries) {
      await sendToOnFailure(pending, options);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** retries));
  }
}

async function sendToOnFailure(
  records: readonly StreamRecord[],
  options: { mapping: EventSourceMappingSpec; streamArn: string; sqs: SQSClient; onFailureQueue?: LocalQueue; undeliverable?: Undeliverable; log: Log },
): Promise<void> {
  const { mapping, onFailureQueue, sqs, log, streamArn } = options;
  const first = records[0]?.dynamodb?.SequenceNumber;
  const last = records[records.length - 1]?.dynamodb?.SequenceNumber;
  log('stream poller: batch failed after retries', { mapping: mapping.logicalId, records: records.length, firstSequenceNumber: first });
  // Lambda's on-failure record for stream sources says where the batch is; locally it also carries the
  // records themselves, since DynamoDB Local's stream is not kept for replay.
  const failure = {
    requestContext: { condition: 'RetryAttemptsExhausted', functionArn: mapping.functionId },
    DDBStreamBatchInfo: { streamArn, startSequenceNumber: first, endSequenceNumber: last, batchSize: records.length },
    records: records.map((record) => lambdaStreamRecord(record, streamArn)),
    timestamp: new Date().toISOString(),
  };
  if (onFailureQueue === undefined) {
    options.undeliverable?.({ reason: 'retries exhausted and the mapping has no on-failure destination', payload: failure });
    return;
  }
  try {
    await sqs.send(new SendMessageCommand({ QueueUrl: onFailureQueue.url, MessageBody: queueMessageBody(failure) }));
  } catch (error) {
    options.undeliverable?.({ reason: `retries exhausted and the on-failure queue refused it: ${(error as Error).message}`, payload: failure });
  }
}

/** The record as filter patterns see it: the Lambda event record (eventName, dynamodb.Keys, NewImage…). */
function streamRecordForFilter(record: StreamRecord) {
  return lambdaStreamRecord(record, '');
}

type StreamAttributes = NonNullable<NonNullable<StreamRecord['dynamodb']>['NewImage']>;

/** An attribute map as Lambda's JSON event carries it: binary values (B, BS) in base64, at any depth. */
export function lambdaAttributes(attributes: StreamAttributes | undefined): Record<string, unknown> | undefined {
  if (attributes === undefined) {
    return undefined;
  }
  const value = (attribute: StreamAttributes[string]): unknown => {
    if (attribute.B !== undefined) return { B: Buffer.from(attribute.B).toString('base64') };
    if (attribute.BS !== undefined) return { BS: attribute.BS.map((bytes) => Buffer.from(bytes).toString('base64')) };
    if (attribute.M !== undefined) return { M: lambdaAttributes(attribute.M) };
    if (attribute.L !== undefined) return { L: attribute.L.map(value) };
    return attribute;
  };
  return Object.fromEntries(Object.entries(attributes).map(([name, attribute]) => [name, value(attribute)]));
}

export function lambdaStreamRecord(record: StreamRecord, streamArn: string) {
  const images = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    dynamodb: {
      ...record.dynamodb,
      ...(images.Keys === undefined ? {} : { Keys: lambdaAttributes(images.Keys) }),
      ...(images.NewImage === undefined ? {} : { NewImage: lambdaAttributes(images.NewImage) }),
      ...(images.OldImage === undefined ? {} : { OldImage: lambdaAttributes(images.OldImage) }),
      ApproximateCreationDateTime:
        record.dynamodb?.ApproximateCreationDateTime instanceof Date
          ? Math.floor(record.dynamodb.ApproximateCreationDateTime.getTime() / 1000)
          : record.dynamodb?.ApproximateCreationDateTime,
    },
    eventSourceARN: streamArn,
  };
}
