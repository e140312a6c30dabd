import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { newId } from '../shared/ids';
import { logger, metrics } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildFindInboundStallCandidates, buildRaiseInboundStall } from '../shared/store/inbound-store';
import { buildInboundSweep } from './inbound-sweep';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** Schedule → inbound legs silent past their threshold → inbound.stalled, once per silence. */
export const handler = middy(
  buildInboundSweep({
    findCandidates: buildFindInboundStallCandidates(documents, tableName),
    raiseStall: buildRaiseInboundStall(documents, tableName),
    newEventId: () => newId('evt'),
  }),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
