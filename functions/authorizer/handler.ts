import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildFindTenantByKeyHash } from '../shared/store/api-key-store';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildAuthorizer, KNOWN_KEY_TTL_MS, UNKNOWN_KEY_TTL_MS } from './authorizer';

/** The cache bounds can be shortened by the stack (tests); never lengthened past the documented ones. */
const bounded = (name: string, documented: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, documented) : documented;
};

/** HTTP API Lambda authorizer (payload 2.0, simple responses). */
export const handler = buildAuthorizer(buildFindTenantByKeyHash(buildDocumentClient(new DynamoDBClient({})), requiredEnv('TABLE_NAME')), {
  knownKeyTtlMs: bounded('KNOWN_KEY_TTL_MS', KNOWN_KEY_TTL_MS),
  unknownKeyTtlMs: bounded('UNKNOWN_KEY_TTL_MS', UNKNOWN_KEY_TTL_MS),
});
