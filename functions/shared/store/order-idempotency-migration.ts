import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { IDEMPOTENCY_KEY_VERSION } from './order-store';

export interface MigrationReport {
  /** Legacy records read. */
  readonly found: number;
  /** Copied under the per-seller key. */
  readonly copied: number;
  /** Already there (a rerun, or the seller retried after the deployment). */
  readonly alreadyCopied: number;
  /** Legacy records removed (only with `deleteLegacy`, once copied). */
  readonly deleted: number;
}

/** IDEM#<marketplace>#<externalOrderId>; marketplaces have no "#", external ids may. */
const LEGACY_KEY = /^IDEM#([^#]+)#(.+)$/;

/**
 * Moves order idempotency records from the legacy key IDEM#<marketplace>#<externalId> to the
 * per-seller key IDEM#<sellerId>#<marketplace>#<externalId> (docs/migrations/order-idempotency-per-seller.md).
 * Idempotent and safe while orders keep arriving: each copy is conditional, and the intake checks
 * the legacy key until the last step of the migration removes that check.
 */
export async function migrateLegacyOrderIdempotency(
  documents: DynamoDBDocumentClient,
  tableName: string,
  options: { readonly deleteLegacy?: boolean; readonly pageSize?: number } = {},
): Promise<MigrationReport> {
  let found = 0;
  let copied = 0;
  let alreadyCopied = 0;
  let deleted = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'sk = :idem AND begins_with(pk, :prefix)',
        ExpressionAttributeValues: { ':idem': 'IDEM', ':prefix': 'IDEM#' },
        ConsistentRead: true,
        Limit: options.pageSize ?? 500,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    for (const item of page.Items ?? []) {
      const sellerId = String(item.sellerId);
      const match = LEGACY_KEY.exec(String(item.pk));
      // Per-seller records carry their key version; legacy ones carry none.
      if (match === null || item.keyVersion !== undefined) {
        continue;
      }
      found += 1;
      const [, marketplace, externalOrderId] = match as unknown as [string, string, string];
      try {
        await documents.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...item, ...keys.orderIdempotency(sellerId, marketplace, externalOrderId), keyVersion: IDEMPOTENCY_KEY_VERSION },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        copied += 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) {
          throw error;
        }
        alreadyCopied += 1;
      }
      if (options.deleteLegacy === true) {
        await documents.send(new DeleteCommand({ TableName: tableName, Key: keys.legacyOrderIdempotency(marketplace, externalOrderId) }));
        deleted += 1;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return { found, copied, alreadyCopied, deleted };
}
