import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { newId } from '../shared/ids';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetFulfilmentSettings, buildSaveWarehouseOrder } from '../shared/store/fulfilment-store';
import { buildFindOrderKey, buildGetOrder, buildSaveNewOrder } from '../shared/store/order-store';
import { buildGetProducts } from '../shared/store/product-store';
import { buildGetStockBalances } from '../shared/store/stock-store';
import { buildOrderIntake, MAX_ORDER_BYTES } from './order-intake';
import { buildWarehouseIntake } from './warehouse-intake';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** POST /v1/orders */
export const handler = httpHandler(
  buildOrderIntake({
    saveNewOrder: buildSaveNewOrder(documents, tableName),
    getOrder: buildGetOrder(documents, tableName),
    findOrderKey: buildFindOrderKey(documents, tableName),
    warehouseIntake: buildWarehouseIntake({
      getProducts: buildGetProducts(documents, tableName),
      getStockBalances: buildGetStockBalances(documents, tableName),
      getFulfilmentSettings: buildGetFulfilmentSettings(documents, tableName),
      saveWarehouseOrder: buildSaveWarehouseOrder(documents, tableName),
      newEventId: () => newId('evt'),
    }),
  }),
  { jsonBody: { maxBytes: MAX_ORDER_BYTES }, metrics: true },
);
