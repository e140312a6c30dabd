import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { httpHandler } from '../shared/http/http-handler';
import { buildGetCustomsCheck, buildGetOrderDocuments } from '../shared/store/customs-store';
import { buildGetDocumentFile, buildLinkToDocumentFile } from '../shared/store/document-bucket';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetOrder } from '../shared/store/order-store';
import { buildOrderDocumentsRoute } from './order-documents';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');
const bucket = requiredEnv('DOCUMENTS_BUCKET');
const s3 = new S3Client({});

/** GET /v1/orders/{id}/documents and GET /v1/orders/{id}/documents/{type} */
export const handler = httpHandler(
  buildOrderDocumentsRoute({
    getOrder: buildGetOrder(documents, tableName),
    getDocuments: buildGetOrderDocuments(documents, tableName),
    getCustomsCheck: buildGetCustomsCheck(documents, tableName),
    getFile: buildGetDocumentFile(s3, bucket),
    linkToFile: buildLinkToDocumentFile(s3, bucket),
  }),
);
