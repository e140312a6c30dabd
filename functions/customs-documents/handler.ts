import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import { shipmentRoutedV1 } from '../../events/shipment-routed';
import { buildCustomsStep } from '../shared/customs-step';
import { eventConsumer } from '../shared/event-consumer';
import { newId } from '../shared/ids';
import { logger } from '../shared/observability';
import { buildSaveCustomsWrite } from '../shared/store/customs-store';
import { buildPutDocumentFile } from '../shared/store/document-bucket';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildCustomsDocuments } from './customs-documents';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');
const s3 = new S3Client({});

/** SQS (shipment.routed) → customs-documents. */
export const handler = middy(
  eventConsumer(
    shipmentRoutedV1,
    buildCustomsDocuments({
      getOrder: buildGetOrder(documents, tableName),
      customsStep: buildCustomsStep({
        putFile: buildPutDocumentFile(s3, requiredEnv('DOCUMENTS_BUCKET')),
        newEventId: () => newId('evt'),
        now: () => new Date(),
      }),
      save: buildSaveCustomsWrite(documents, tableName),
    }),
  ),
).use(injectLambdaContext(logger));
