import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { FX_TABLES } from '../../domain/shared/fx-rates';
import { httpHandler } from '../shared/http/http-handler';
import { newId } from '../shared/ids';
import { buildInboundStep } from '../shared/inbound-step';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetInbound, buildListWarehouseInbound, buildSaveInboundChange } from '../shared/store/inbound-store';
import { buildGetProducts } from '../shared/store/product-store';
import { buildApplyStockOperation } from '../shared/store/stock-store';
import { buildWarehouseRoutes, MAX_OPERATION_BYTES } from './warehouse-operations';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');
const getInbound = buildGetInbound(documents, tableName);

/** /v1/warehouses/{code}/… with a warehouse operator key (see routes.ts). */
export const handler = httpHandler(
  buildWarehouseRoutes({
    getInbound,
    listWarehouseInbound: buildListWarehouseInbound(documents, tableName),
    inboundStep: buildInboundStep({ getInbound, saveInboundChange: buildSaveInboundChange(documents, tableName) }),
    getProducts: buildGetProducts(documents, tableName),
    applyStockOperation: buildApplyStockOperation(documents, tableName),
    fxTables: FX_TABLES,
    newEventId: () => newId('evt'),
  }),
  { jsonBody: { maxBytes: MAX_OPERATION_BYTES, methods: ['POST'] } },
);
