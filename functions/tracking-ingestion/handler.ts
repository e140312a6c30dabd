import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger, metrics } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildFindShipmentForUpdate, buildGetShipmentTracking } from '../shared/store/tracking-lookups';
import { buildSaveTracking } from '../shared/store/tracking-writes';
import { buildKeepUnmatched } from '../shared/store/unmatched-store';
import { buildTrackingIngestion } from './tracking-ingestion';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

const ingest = buildTrackingIngestion({
  findShipment: buildFindShipmentForUpdate(documents, tableName),
  getTracking: buildGetShipmentTracking(documents, tableName),
  saveTracking: buildSaveTracking(documents, tableName),
  keepUnmatched: buildKeepUnmatched(documents, tableName),
});

/** SQS (queued carrier webhooks) → canonical timeline, status, events and KPIs. */
export const handler = middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const { batchItemFailures } = await ingest(event);
  return { batchItemFailures };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
