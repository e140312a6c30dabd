import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildGetOrderQuotes } from '../shared/store/rating-store';
import { buildGetQuotesRoute } from './get-quotes';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** GET /v1/orders/{id}/quotes */
export const handler = httpHandler(
  buildGetQuotesRoute({ getOrder: buildGetOrder(documents, tableName), getQuotes: buildGetOrderQuotes(documents, tableName) }),
);
