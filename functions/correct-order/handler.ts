import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildCustomsStep } from '../shared/customs-step';
import { httpHandler } from '../shared/http/http-handler';
import { newId } from '../shared/ids';
import { buildGetCustomsCheck, buildGetCustomsContext, buildSaveCustomsWrite } from '../shared/store/customs-store';
import { buildLazyPutDocumentFile } from '../shared/store/lazy-document-bucket';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildCorrectOrderRoute, MAX_CORRECTION_BYTES } from './correct-order';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** PATCH /v1/orders/{id} */
export const handler = httpHandler(
  buildCorrectOrderRoute({
    getOrder: buildGetOrder(documents, tableName),
    getCustomsContext: buildGetCustomsContext(documents, tableName),
    getCustomsCheck: buildGetCustomsCheck(documents, tableName),
    customsStep: buildCustomsStep({
      putFile: buildLazyPutDocumentFile(requiredEnv('DOCUMENTS_BUCKET')),
      newEventId: () => newId('evt'),
      now: () => new Date(),
    }),
    save: buildSaveCustomsWrite(documents, tableName),
  }),
  { jsonBody: { maxBytes: MAX_CORRECTION_BYTES } },
);
