import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HttpRoute } from '../shared/http/http-handler';
import { newId } from '../shared/ids';
import { buildGetFulfilmentSettings, buildSaveWarehouseOrder } from '../shared/store/fulfilment-store';
import { buildFindOrderKey, buildGetOrder, buildSaveNewOrder } from '../shared/store/order-store';
import { buildGetProducts } from '../shared/store/product-store';
import { buildGetStockBalances } from '../shared/store/stock-store';
import { buildOrderIntake } from './order-intake';
import { buildWarehouseIntake } from './warehouse-intake';

/**
 * POST /v1/orders with its store ports over `documents`: what the handler deploys, and what the
 * fulfilment bench, the warehouse-orders and fault-injection tests drive over their own clients.
 */
export function buildOrderIntakeOver(documents: DynamoDBDocumentClient, tableName: string, options: { readonly newEventId?: () => string } = {}): HttpRoute {
  const { newEventId = () => newId('evt') } = options;
  return buildOrderIntake({
    saveNewOrder: buildSaveNewOrder(documents, tableName),
    getOrder: buildGetOrder(documents, tableName),
    findOrderKey: buildFindOrderKey(documents, tableName),
    warehouseIntake: buildWarehouseIntake({
      getProducts: buildGetProducts(documents, tableName),
      getStockBalances: buildGetStockBalances(documents, tableName),
      getFulfilmentSettings: buildGetFulfilmentSettings(documents, tableName),
      saveWarehouseOrder: buildSaveWarehouseOrder(documents, tableName),
      newEventId,
    }),
  });
}
