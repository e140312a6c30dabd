import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyRecord, FindTenantByKeyHash, ListApiKeys, RevokeApiKey, SaveApiKey } from '../../../domain/shared/api-key';
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

/**
 * Revokes a key: the authorizer refuses it from its next lookup, so within its cache bound
 * (KNOWN_KEY_TTL_MS, 30 s; docs/api-keys.md). Idempotent: a second revocation keeps the first time.
 */
export function buildRevokeApiKey(documents: DynamoDBDocumentClient, tableName: string): RevokeApiKey {
  return async (keyHash, at) => {
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.apiKey(keyHash),
          UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        return false;
      }
      throw error;
    }
  };
}

/** Every key record (a Scan: keys are few, and this is for operators, not requests). */
export function buildListApiKeys(documents: DynamoDBDocumentClient, tableName: string): ListApiKeys {
  return async () => {
    const records: ApiKeyRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: '#type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':type': 'ApiKey' },
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      for (const { pk: _pk, sk: _sk, type: _type, ...record } of page.Items ?? []) {
        records.push(record as unknown as ApiKeyRecord);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return records;
  };
}
