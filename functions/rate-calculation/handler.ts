import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import { orderAllocatedV1 } from '../../events/fulfilment';
import { orderReceivedV1 } from '../../events/order-received';
import { eventsConsumer, on } from '../shared/event-consumer';
import { logger } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildRecordRating } from '../shared/store/rating-store';
import { buildRateCalculation } from './rate-calculation';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** SQS (order.received; order.allocated of a filled backorder) → rate-calculation. */
const rate = buildRateCalculation({ getOrder: buildGetOrder(documents, tableName), recordRating: buildRecordRating(documents, tableName) });

export const handler = middy(eventsConsumer([on(orderReceivedV1, rate.received), on(orderAllocatedV1, rate.allocated)])).use(injectLambdaContext(logger));
