import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import { sandboxBookShipment } from '../../domain/routing';
import { orderRatedV1 } from '../../events/order-rated';
import { eventConsumer } from '../shared/event-consumer';
import { logger } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetLaneKpiRows } from '../shared/store/kpi-reader';
import { buildGetOrder } from '../shared/store/order-store';
import { buildGetOrderQuotes } from '../shared/store/rating-store';
import { buildGetSellerPolicy, buildRecordRouted, buildRecordUnroutable } from '../shared/store/routing-store';
import { buildRouting } from './routing';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/**
 * SQS (order.rated) → routing. Carriers are booked through the sandbox adapters (real tracking
 * number formats, ZPL labels) until carrier contracts exist; the BookShipment port is where a real
 * carrier client plugs in.
 */
export const handler = middy(
  eventConsumer(
    orderRatedV1,
    buildRouting({
      getOrder: buildGetOrder(documents, tableName),
      getQuotes: buildGetOrderQuotes(documents, tableName),
      getKpiRows: buildGetLaneKpiRows(documents, tableName),
      getSellerPolicy: buildGetSellerPolicy(documents, tableName),
      book: sandboxBookShipment(),
      recordRouted: buildRecordRouted(documents, tableName),
      recordUnroutable: buildRecordUnroutable(documents, tableName),
    }),
  ),
).use(injectLambdaContext(logger));
