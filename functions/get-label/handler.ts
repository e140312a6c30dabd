import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildGetOrderLabel } from '../shared/store/routing-store';
import { buildGetLabelRoute } from './get-label';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** GET /v1/orders/{id}/label */
export const handler = httpHandler(buildGetLabelRoute({ getOrder: buildGetOrder(documents, tableName), getLabel: buildGetOrderLabel(documents, tableName) }));
