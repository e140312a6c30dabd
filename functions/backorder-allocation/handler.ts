import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import type { EnlaceEvent } from '../../events/envelope';
import { orderCancelledV1 } from '../../events/fulfilment';
import { stockAdjustedV1, stockReceivedV1 } from '../../events/stock';
import { eventsConsumer, on } from '../shared/event-consumer';
import { newId } from '../shared/ids';
import { logger } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildListBackorders, buildRecordFulfilmentStep } from '../shared/store/fulfilment-store';
import { buildGetOrder } from '../shared/store/order-store';
import { buildGetStockBalances } from '../shared/store/stock-store';
import { buildBackorderAllocation } from './backorder-allocation';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

const allocate = buildBackorderAllocation({
  listBackorders: buildListBackorders(documents, tableName),
  getStockBalances: buildGetStockBalances(documents, tableName),
  getOrder: buildGetOrder(documents, tableName),
  recordStep: buildRecordFulfilmentStep(documents, tableName),
  newEventId: () => newId('evt'),
});

/** Each of these events names the seller (metadata) and the warehouse (data) where units became available. */
const freed = async (event: EnlaceEvent<{ readonly warehouseCode: string }>, log: Logger): Promise<void> => {
  await allocate({ sellerId: event.metadata.sellerId, warehouseCode: event.data.warehouseCode, causeEventId: event.metadata.eventId }, log);
};

/**
 * SQS (stock.received, stock.adjusted into available, order.cancelled with units released) →
 * the seller's backorders at that warehouse filled, oldest first. The bus rule only lets through
 * events that free units (infra: BackorderAllocation).
 */
export const handler = middy(eventsConsumer([on(stockReceivedV1, freed), on(stockAdjustedV1, freed), on(orderCancelledV1, freed)])).use(
  injectLambdaContext(logger),
);
