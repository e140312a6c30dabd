import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { MAX_ORDER_BYTES } from './order-intake';
import { buildOrderIntakeOver } from './wiring';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** POST /v1/orders */
export const handler = httpHandler(buildOrderIntakeOver(documents, tableName), { jsonBody: { maxBytes: MAX_ORDER_BYTES }, metrics: true });
