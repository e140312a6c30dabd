import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildListSellerInbound } from '../shared/store/inbound-store';
import { buildGetProducts } from '../shared/store/product-store';
import { buildGetStockBalance, buildListLots, buildListStockBalances, buildListStockMovements } from '../shared/store/stock-store';
import { buildStockRoutes } from './stock';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** GET /v1/stock, GET /v1/stock/{sku}/movements and GET /v1/stock/{sku}/lots (see routes.ts). */
export const handler = httpHandler(
  buildStockRoutes({
    listBalances: buildListStockBalances(documents, tableName),
    getBalance: buildGetStockBalance(documents, tableName),
    listMovements: buildListStockMovements(documents, tableName),
    listLots: buildListLots(documents, tableName),
    listSellerInbound: buildListSellerInbound(documents, tableName),
    getProducts: buildGetProducts(documents, tableName),
  }),
);
