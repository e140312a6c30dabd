import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { newId } from '../shared/ids';
import { buildInboundStep } from '../shared/inbound-step';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetInbound, buildListSellerInbound, buildSaveInboundChange, buildSaveNewInbound } from '../shared/store/inbound-store';
import { buildGetProducts } from '../shared/store/product-store';
import { buildInboundRoutes, MAX_INBOUND_BYTES } from './inbound-shipments';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');
const getInbound = buildGetInbound(documents, tableName);

/** /v1/inbound-shipments and below (see routes.ts). */
export const handler = httpHandler(
  buildInboundRoutes({
    getProducts: buildGetProducts(documents, tableName),
    saveNewInbound: buildSaveNewInbound(documents, tableName),
    getInbound,
    listSellerInbound: buildListSellerInbound(documents, tableName),
    inboundStep: buildInboundStep({ getInbound, saveInboundChange: buildSaveInboundChange(documents, tableName) }),
    newInboundId: () => newId('inb'),
    newEventId: () => newId('evt'),
  }),
  { jsonBody: { maxBytes: MAX_INBOUND_BYTES, methods: ['POST'] }, metrics: false },
);
