import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import { sandboxPollCarrier } from '../../domain/tracking';
import { logger, metrics } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildFindDuePolls, buildRecordPoll } from '../shared/store/poll-store';
import { buildEnqueueTrackingMessages } from '../shared/tracking-queue';
import { buildTrackingPoller } from './tracking-poller';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');
// The endpoint comes from the environment; the queue URL's host is the same on AWS and is not a host name locally.
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });

/**
 * Schedule → carriers' tracking APIs → the tracking queue. Carriers are asked through the sandbox
 * poll adapter (a scripted journey in each carrier's format) until carrier contracts exist; the
 * PollCarrier port is where a real client (FedEx Track API, Jadlog consultar) plugs in.
 */
export const handler = middy(
  buildTrackingPoller({
    findDue: buildFindDuePolls(documents, tableName),
    pollCarrier: sandboxPollCarrier(),
    enqueue: buildEnqueueTrackingMessages(sqs, requiredEnv('TRACKING_QUEUE_URL')),
    recordPoll: buildRecordPoll(documents, tableName),
  }),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
