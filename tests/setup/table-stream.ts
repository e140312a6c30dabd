import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { type PendingEvent } from '../../events/pending';
import { OUTBOX_RELAY_FILTERS } from '../../functions/outbox-publisher/filters';
import { pendingEventsFromImage } from '../../functions/shared/store/outbox';
import { matchesEventPattern } from '../../local/eventbridge/event-pattern';
import { lambdaStreamRecord } from '../../local/pollers';
import { localClientConfig, localCloud } from './local-cloud-client';

/** Every record of a table's stream so far, from the start of each shard. */
async function streamRecords(streamArn: string): Promise<_Record[]> {
  const streams = new DynamoDBStreamsClient(localClientConfig(localCloud().dynamodb));
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const records: _Record[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let { ShardIterator: iterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    while (iterator !== undefined) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      records.push(...(page.Records ?? []));
      // An open shard always hands back a next iterator: stop at the first empty page (enough for
      // DynamoDB Local, which has the records at once; real DynamoDB may return empty pages early).
      iterator = (page.Records ?? []).length === 0 ? undefined : page.NextShardIterator;
    }
  }
  return records;
}

/** What Lambda's stream event source mapping would hand the outbox relay: the records its filters (the stack's) let through. */
export async function relayStreamEvent(streamArn: string): Promise<DynamoDBStreamEvent> {
  const records = (await streamRecords(streamArn)).map((record) => lambdaStreamRecord(record, streamArn));
  return { Records: records.filter((record) => OUTBOX_RELAY_FILTERS.some((filter) => matchesEventPattern(filter, record))) as DynamoDBStreamEvent['Records'] };
}

/** The events the relay would publish from a table so far, in the order written. */
export async function relayedEvents(streamArn: string, detailType?: string): Promise<PendingEvent[]> {
  const { Records } = await relayStreamEvent(streamArn);
  const events = Records.flatMap((record) => pendingEventsFromImage(unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>)));
  return detailType === undefined ? events : events.filter((event) => event.detailType === detailType);
}

/** What a stream event source mapping with these filters would hand its function, from a table's stream so far. */
export async function filteredStreamEvent(streamArn: string, filters: readonly Record<string, unknown>[]): Promise<DynamoDBStreamEvent> {
  const records = (await streamRecords(streamArn)).map((record) => lambdaStreamRecord(record, streamArn));
  return { Records: records.filter((record) => filters.some((filter) => matchesEventPattern(filter, record))) as DynamoDBStreamEvent['Records'] };
}
