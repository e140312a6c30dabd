import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ItemKey } from './keys';

const MAX_KEYS_PER_CALL = 100;
const MAX_ATTEMPTS = 6;

/**
 * Every item of `itemKeys` that exists, strongly consistent: BatchGetItem 100 keys a call, with the
 * keys DynamoDB left unprocessed (throttling) retried, backing off, a bounded number of times.
 */
export async function batchGetAll(documents: DynamoDBDocumentClient, tableName: string, itemKeys: readonly ItemKey[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < itemKeys.length; start += MAX_KEYS_PER_CALL) {
    let pending: Record<string, unknown>[] | undefined = itemKeys.slice(start, start + MAX_KEYS_PER_CALL).map((key) => ({ pk: key.pk, sk: key.sk }));
    for (let attempt = 0; pending !== undefined && pending.length > 0; attempt += 1) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`DynamoDB left ${pending.length} keys unprocessed after ${MAX_ATTEMPTS} attempts`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const { Responses, UnprocessedKeys } = await documents.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      items.push(...(Responses?.[tableName] ?? []));
      pending = UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return items;
}
