import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpHandler } from '../shared/http/http-handler';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetLaneKpiRows } from '../shared/store/kpi-reader';
import { buildGetKpisRoute } from './get-kpis';

/** GET /v1/kpis */
export const handler = httpHandler(
  buildGetKpisRoute({ getKpiRows: buildGetLaneKpiRows(buildDocumentClient(new DynamoDBClient({})), requiredEnv('TABLE_NAME')) }),
);
