import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import { shipmentRoutedV1 } from '../../events/shipment-routed';
import { buildCustomsStep } from '../shared/customs-step';
import { eventConsumer } from '../shared/event-consumer';
import { newId } from '../shared/ids';
import { logger } from '../shared/observability';
import { buildSaveCustomsWrite } from '../shared/store/customs-store';
import { buildLazyPutDocumentFile } from '../shared/store/lazy-document-bucket';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildCustomsDocuments } from './customs-documents';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** SQS (shipment.routed) → customs-documents. */
export const handler = middy(
  eventConsumer(
    shipmentRoutedV1,
    buildCustomsDocuments({
      getOrder: buildGetOrder(documents, tableName),
      customsStep: buildCustomsStep({
        putFile: buildLazyPutDocumentFile(requiredEnv('DOCUMENTS_BUCKET')),
        newEventId: () => newId('evt'),
        now: () => new Date(),
      }),
      save: buildSaveCustomsWrite(documents, tableName),
    }),
  ),
).use(injectLambdaContext(logger));
