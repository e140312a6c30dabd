import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { DEFAULT_RETRY_POLICY } from '../../domain/notifications';
import { parseDeliveryJob } from '../shared/notifications/delivery-job';
import { buildDelayRetry } from '../shared/notifications/delivery-queue';
import { networkPolicyFromEnvironment } from '../shared/notifications/network-policy';
import { buildKmsSecretBox } from '../shared/notifications/secret-box';
import { buildSendMessage, eventBridgeClients } from '../shared/notifications/sender';
import { logger, metrics } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetSubscription, buildSaveDeadLetter } from '../shared/store/subscription-store';
import { buildDeliverNotification, DeliveryFailedError } from './notification-delivery';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });

/** The window and first delay come from the stack (CDK context), so tests can retry in seconds. */
const numberFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const policy = {
  ...DEFAULT_RETRY_POLICY,
  windowSeconds: numberFromEnv('NOTIFICATION_RETRY_WINDOW_SECONDS', DEFAULT_RETRY_POLICY.windowSeconds),
  baseDelaySeconds: numberFromEnv('NOTIFICATION_BACKOFF_BASE_SECONDS', DEFAULT_RETRY_POLICY.baseDelaySeconds),
};

const deliver = buildDeliverNotification({
  // The delivery path: the only function besides the verification handshake that may open signing secrets (kms:Decrypt).
  getSubscription: buildGetSubscription(documents, tableName, buildKmsSecretBox(new KMSClient({}), requiredEnv('SIGNING_SECRETS_KEY_ARN'))),
  // Every attempt resolves the endpoint again and checks every address (DNS rebinding), locally too.
  send: buildSendMessage(
    eventBridgeClients((region) => new EventBridgeClient({ region })),
    { policy: networkPolicyFromEnvironment() },
  ),
  saveDeadLetter: buildSaveDeadLetter(documents, tableName),
  delayRetry: buildDelayRetry(sqs, requiredEnv('DELIVERY_QUEUE_URL')),
  policy,
});
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const job = parseDeliveryJob(record.body);
  const log = logger.createChild({ persistentKeys: { correlationId: job.payload.orderId, deliveryId: job.deliveryId, subscriptionId: job.subscriptionId } });
  try {
    const outcome = await deliver(job, { receiveCount: Number(record.attributes.ApproximateReceiveCount ?? 1), receiptHandle: record.receiptHandle }, log);
    metrics.addMetric(
      outcome === 'delivered' ? 'NotificationsDelivered' : outcome === 'dead-lettered' ? 'NotificationsDeadLettered' : 'NotificationsDropped',
      'Count',
      1,
    );
  } catch (error) {
    if (error instanceof DeliveryFailedError) {
      metrics.addMetric('NotificationDeliveryFailures', 'Count', 1);
      log.info('delivery failed; will retry', { reason: error.reason, retryInSeconds: error.retryInSeconds });
    } else {
      log.error('delivery could not be processed', { error: error as Error });
    }
    throw error;
  }
}

/** SQS (delivery jobs) → sign and send each; failures come back after their backoff (partial batch response). */
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }),
)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
