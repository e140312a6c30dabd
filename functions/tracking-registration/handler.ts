import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { sandboxSubscribeTracking } from '../../domain/tracking';
import { logger, metrics } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildRegisterPoll } from '../shared/store/poll-store';
import { registrationOf } from '../shared/store/registration-records';
import { buildFindShipmentsByTrackingNumber } from '../shared/store/tracking-lookups';
import { buildForgetUnmatched, buildGetUnmatched } from '../shared/store/unmatched-store';
import { buildEnqueueTrackingMessage } from '../shared/tracking-queue';
import { buildTrackingRegistration } from './tracking-registration';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');
// The endpoint comes from the environment; the queue URL's host is the same on AWS and is not a host name locally.
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });

const register = buildTrackingRegistration({
  getUnmatched: buildGetUnmatched(documents, tableName),
  forgetUnmatched: buildForgetUnmatched(documents, tableName),
  findShipments: buildFindShipmentsByTrackingNumber(documents, tableName),
  enqueue: buildEnqueueTrackingMessage(sqs, requiredEnv('TRACKING_QUEUE_URL')),
  registerPoll: buildRegisterPoll(documents, tableName),
  // Sandbox until aggregator and UPS accounts exist: the SubscribeTracking port is where their clients plug in.
  subscribe: sandboxSubscribeTracking(),
});

/** Table stream (numbers registered, updates kept unmatched) → replays, poll schedules, subscriptions. */
export const handler = middy(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const records = event.Records.map((record) => ({ sequenceNumber: record.dynamodb?.SequenceNumber ?? '', registration: registrationOf(record) }));
  const { failedFrom } = await register(records);
  return { batchItemFailures: failedFrom === undefined ? [] : [{ itemIdentifier: failedFrom }] };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
