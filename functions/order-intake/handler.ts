import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder, buildSaveNewOrder } from '../shared/store/order-store';
import { buildOrderIntake, MAX_ORDER_BYTES } from './order-intake';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** POST /v1/orders */
export const handler = httpHandler(buildOrderIntake({ saveNewOrder: buildSaveNewOrder(documents, tableName), getOrder: buildGetOrder(documents, tableName) }), {
  jsonBody: { maxBytes: MAX_ORDER_BYTES },
  metrics: true,
});
