import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildGetRoutingDecision } from '../shared/store/routing-store';
import { buildGetRoutingRoute } from './get-routing';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** GET /v1/orders/{id}/routing */
export const handler = httpHandler(
  buildGetRoutingRoute({ getOrder: buildGetOrder(documents, tableName), getDecision: buildGetRoutingDecision(documents, tableName) }),
);
