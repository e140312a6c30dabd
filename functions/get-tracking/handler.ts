import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { ALL_CARRIERS, buildFindShipmentsByTrackingNumber, buildGetShipmentTracking } from '../shared/store/tracking-lookups';
import { buildGetTrackingRoute } from './get-tracking';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/** GET /v1/shipments/{id}/tracking and GET /v1/tracking/{trackingNumber} */
export const handler = httpHandler(
  buildGetTrackingRoute({
    getTracking: buildGetShipmentTracking(documents, tableName),
    findByNumber: buildFindShipmentsByTrackingNumber(documents, tableName),
    carriers: ALL_CARRIERS,
  }),
);
