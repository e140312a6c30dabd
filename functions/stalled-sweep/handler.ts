import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import { logger, metrics } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildFindStallCandidates } from '../shared/store/tracking-lookups';
import { buildRaiseStall, buildRescheduleStallCheck } from '../shared/store/tracking-writes';
import { buildStalledSweep } from './stalled-sweep';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** Schedule → shipments silent past their leg's threshold → shipment.stalled, once per silence. */
export const handler = middy(
  buildStalledSweep({
    findCandidates: buildFindStallCandidates(documents, tableName),
    raiseStall: buildRaiseStall(documents, tableName),
    rescheduleCheck: buildRescheduleStallCheck(documents, tableName),
  }),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
