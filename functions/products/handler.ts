import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildCreateProduct, buildGetProduct, buildListProducts, buildSaveProductChange } from '../shared/store/product-store';
import { buildProductRoutes, MAX_PRODUCT_BYTES } from './products';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** /v1/products and /v1/products/{sku} (see routes.ts). GET requests send no body; the edge parses one only when there is one. */
export const handler = httpHandler(
  buildProductRoutes({
    createProduct: buildCreateProduct(documents, tableName),
    saveProductChange: buildSaveProductChange(documents, tableName),
    getProduct: buildGetProduct(documents, tableName),
    listProducts: buildListProducts(documents, tableName),
  }),
  { jsonBody: { maxBytes: MAX_PRODUCT_BYTES, methods: ['POST', 'PATCH'] } },
);
