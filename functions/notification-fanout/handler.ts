import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { buildEnqueueDeliveries } from '../shared/notifications/delivery-queue';
import { logger } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildListSubscriptions, buildNextSequence } from '../shared/store/subscription-store';
import { buildNotificationFanout, parseAnyEvent } from './notification-fanout';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');
const fanout = buildNotificationFanout({
  listSubscriptions: buildListSubscriptions(documents, tableName),
  nextSequence: buildNextSequence(documents, tableName),
  getOrder: buildGetOrder(documents, tableName),
  // The SDK's endpoint stays in charge, not the queue URL's host (locally: sqs.<region>.localhost, which does not resolve).
  enqueueDeliveries: buildEnqueueDeliveries(new SQSClient({ useQueueUrlAsEndpoint: false }), requiredEnv('DELIVERY_QUEUE_URL')),
});
const processor = new BatchProcessor(EventType.SQS);

/** One EventBridge event per record; a record that fails is retried alone, then parked in the DLQ. */
async function processRecord(record: SQSRecord): Promise<void> {
  const event = parseAnyEvent((JSON.parse(record.body) as { detail?: unknown }).detail);
  const log = logger.createChild({ persistentKeys: { correlationId: event.metadata.correlationId, eventId: event.metadata.eventId } });
  try {
    await fanout(event, log);
  } catch (error) {
    log.error('fan-out failed; the event will be retried', { error: error as Error });
    throw error;
  }
}

/** SQS (every Enlace event, one shared rule) → notification-fanout → delivery queue. */
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }),
).use(injectLambdaContext(logger));
