/**
 * `npm run api-keys -- list` and `npm run api-keys -- revoke <key | sha256 of the key>`: operators'
 * keys, against the running local cloud, or against AWS with TABLE_NAME (and AWS credentials) set.
 * A revoked key stops working within the authorizer's cache bound (30 s; docs/api-keys.md).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KNOWN_KEY_TTL_MS } from '../functions/authorizer/authorizer';
import { buildListApiKeys, buildRevokeApiKey, hashApiKey } from '../functions/shared/store/api-key-store';
import { buildDocumentClient } from '../functions/shared/store/dynamo-client';
import { runningLocalCloud } from './local-cloud-state';

async function main(): Promise<void> {
  const [command, argument] = process.argv.slice(2);
  const local = process.env.TABLE_NAME === undefined ? runningLocalCloud() : undefined;
  const tableName = process.env.TABLE_NAME ?? local?.tableName;
  if (tableName === undefined || (command !== 'list' && command !== 'revoke') || (command === 'revoke' && argument === undefined)) {
    console.error('usage: npm run api-keys -- list | revoke <key or its sha256>   (TABLE_NAME=<table> for AWS, else the running npm start)');
    process.exit(1);
  }
  const client = new DynamoDBClient(
    local === undefined ? {} : { endpoint: local.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
  );
  const documents = buildDocumentClient(client);
  if (command === 'list') {
    for (const record of await buildListApiKeys(documents, tableName)()) {
      const state = record.revokedAt === undefined ? 'active' : `revoked ${record.revokedAt}`;
      console.log(`${record.keyHash}  ${record.keyPrefix}…  ${record.tenant.tenantId} (${record.tenant.sellerIds.join(', ')})  "${record.name}"  ${state}`);
    }
    return;
  }
  const keyHash = /^[0-9a-f]{64}$/.test(argument!) ? argument! : hashApiKey(argument!);
  if (!(await buildRevokeApiKey(documents, tableName)(keyHash, new Date()))) {
    console.error(`No API key with hash ${keyHash}.`);
    process.exit(1);
  }
  console.log(`Revoked ${keyHash}; every request with it is refused within ${KNOWN_KEY_TTL_MS / 1000} s.`);
}

void main();
