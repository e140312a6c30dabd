import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import { orderReceivedV1 } from '../../events/order-received';
import { eventConsumer } from '../shared/event-consumer';
import { logger } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildRecordRating } from '../shared/store/rating-store';
import { buildRateCalculation } from './rate-calculation';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** SQS (order.received) → rate-calculation. */
export const handler = middy(
  eventConsumer(
    orderReceivedV1,
    buildRateCalculation({ getOrder: buildGetOrder(documents, tableName), recordRating: buildRecordRating(documents, tableName) }),
  ),
).use(injectLambdaContext(logger));
