import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildGetOrderTracking } from '../shared/store/order-tracking-store';
import { buildGetOrderRoute } from './get-order';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** GET /v1/orders/{id} */
export const handler = httpHandler(
  buildGetOrderRoute({ getOrder: buildGetOrder(documents, tableName), getOrderTracking: buildGetOrderTracking(documents, tableName) }),
);
