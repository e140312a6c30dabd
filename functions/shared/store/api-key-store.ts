import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyRecord, FindTenantByKeyHash, SaveApiKey } from '../../../domain/shared/api-key';
import type { Tenant } from '../../../domain/shared/tenant';
import { keys } from './keys';

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** `enl_<env>_` and 32 random base62 characters (~190 bits). */
export function generateApiKey(environment: 'live' | 'test' = 'live'): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const bytes = randomBytes(32);
  return `enl_${environment}_${Array.from(bytes, (byte) => alphabet[byte % 62]).join('')}`;
}

export function buildFindTenantByKeyHash(documents: DynamoDBDocumentClient, tableName: string): FindTenantByKeyHash {
  return async (keyHash) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.apiKey(keyHash) }));
    if (Item === undefined || Item.revokedAt !== undefined) {
      return undefined;
    }
    return Item.tenant as Tenant;
  };
}

export function buildSaveApiKey(documents: DynamoDBDocumentClient, tableName: string): SaveApiKey {
  return async (record: ApiKeyRecord) => {
    await documents.send(new PutCommand({ TableName: tableName, Item: { ...keys.apiKey(record.keyHash), type: 'ApiKey', ...record } }));
  };
}

/** Creates a key for a tenant and stores its hash; returns the key, which is shown once and never stored. */
export async function issueApiKey(save: SaveApiKey, tenant: Tenant, options: { name: string; now: Date; key?: string }): Promise<string> {
  const key = options.key ?? generateApiKey();
  await save({ keyHash: hashApiKey(key), keyPrefix: key.slice(0, 12), name: options.name, tenant, createdAt: options.now.toISOString() });
  return key;
}
