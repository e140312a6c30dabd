import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { newId } from '../shared/ids';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetFulfilmentSettings, buildListWarehouseTasks, buildRecordFulfilmentStep, buildSaveFulfilmentSettings } from '../shared/store/fulfilment-store';
import { buildGetOrder } from '../shared/store/order-store';
import { buildFulfilmentRoutes, MAX_FULFILMENT_BYTES } from './fulfilment';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** Fulfilment settings, cancellations and warehouse tasks (see routes.ts). */
export const handler = httpHandler(
  buildFulfilmentRoutes({
    getOrder: buildGetOrder(documents, tableName),
    recordStep: buildRecordFulfilmentStep(documents, tableName),
    listTasks: buildListWarehouseTasks(documents, tableName),
    getSettings: buildGetFulfilmentSettings(documents, tableName),
    saveSettings: buildSaveFulfilmentSettings(documents, tableName),
    newEventId: () => newId('evt'),
  }),
  // Only PUT needs a body; the POSTs read theirs when they have one (pick, ship and cancel may come empty).
  { jsonBody: { maxBytes: MAX_FULFILMENT_BYTES, methods: ['PUT'] } },
);
