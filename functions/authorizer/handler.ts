import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildFindTenantByKeyHash } from '../shared/store/api-key-store';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildAuthorizer } from './authorizer';

/** HTTP API Lambda authorizer (payload 2.0, simple responses). */
export const handler = buildAuthorizer(buildFindTenantByKeyHash(buildDocumentClient(new DynamoDBClient({})), requiredEnv('TABLE_NAME')));
