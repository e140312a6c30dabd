import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { KeepUnmatched, TrackingUpdate } from '../../../domain/tracking';
import { keys, TTL_ATTRIBUTE } from './keys';

/** Carrier updates no shipment claims, kept 30 days for inspection (UNMATCHED#<carrier>#<number>). */

const UNMATCHED_RETENTION_SECONDS = 30 * 24 * 60 * 60;
/** Enough to diagnose a stray number; beyond it only the count grows. */
const UNMATCHED_SAMPLE = 50;

export function buildKeepUnmatched(documents: DynamoDBDocumentClient, tableName: string): KeepUnmatched {
  return async (carrier, trackingNumber, updates, receivedAt) => {
    const sample = updates.map(({ raw: _raw, ...update }) => ({ ...update, receivedAt }));
    const base = {
      TableName: tableName,
      Key: keys.unmatchedTracking(carrier, trackingNumber),
      ExpressionAttributeNames: { '#updates': 'updates', '#count': 'receivedCount', '#ttl': TTL_ATTRIBUTE },
    };
    const expiresAt = Math.floor(Date.parse(receivedAt) / 1000) + UNMATCHED_RETENTION_SECONDS;
    try {
      await documents.send(
        new UpdateCommand({
          ...base,
          UpdateExpression:
            'SET #type = :type, carrier = :carrier, trackingNumber = :number, lastReceivedAt = :at, #ttl = :ttl, #updates = list_append(if_not_exists(#updates, :empty), :new) ADD #count :n',
          ConditionExpression: 'attribute_not_exists(#updates) OR size(#updates) < :max',
          ExpressionAttributeNames: { ...base.ExpressionAttributeNames, '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': 'UnmatchedTracking',
            ':carrier': carrier,
            ':number': trackingNumber,
            ':at': receivedAt,
            ':ttl': expiresAt,
            ':empty': [],
            ':new': sample,
            ':n': updates.length,
            ':max': UNMATCHED_SAMPLE,
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) {
        throw error;
      }
      // The sample is full: count only.
      await documents.send(
        new UpdateCommand({
          ...base,
          UpdateExpression: 'SET lastReceivedAt = :at, #ttl = :ttl ADD #count :n',
          ExpressionAttributeNames: { '#count': 'receivedCount', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':at': receivedAt, ':ttl': expiresAt, ':n': updates.length },
        }),
      );
    }
  };
}

/** The updates kept for a number, as they were kept, and how many were received (the sample holds at most 50). */
export interface KeptUnmatched {
  readonly updates: readonly TrackingUpdate[];
  readonly receivedCount: number;
}

/** Port: what is kept for (carrier, number), read strongly consistent; undefined when nothing is. */
export type GetUnmatched = (carrier: string, trackingNumber: string) => Promise<KeptUnmatched | undefined>;
/** Port: forgets what was kept, only if nothing was added since it was read (`receivedCount`); false otherwise. */
export type ForgetUnmatched = (carrier: string, trackingNumber: string, receivedCount: number) => Promise<boolean>;

export function buildGetUnmatched(documents: DynamoDBDocumentClient, tableName: string): GetUnmatched {
  return async (carrier, trackingNumber) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.unmatchedTracking(carrier, trackingNumber), ConsistentRead: true }));
    if (Item === undefined) return undefined;
    const updates = (Array.isArray(Item.updates) ? Item.updates : []).map(
      ({ receivedAt: _receivedAt, ...update }: Record<string, unknown>) => update as unknown as TrackingUpdate,
    );
    return { updates, receivedCount: typeof Item.receivedCount === 'number' ? Item.receivedCount : updates.length };
  };
}

export function buildForgetUnmatched(documents: DynamoDBDocumentClient, tableName: string): ForgetUnmatched {
  return async (carrier, trackingNumber, receivedCount) => {
    try {
      await documents.send(
        new DeleteCommand({
          TableName: tableName,
          Key: keys.unmatchedTracking(carrier, trackingNumber),
          ConditionExpression: 'receivedCount = :seen',
          ExpressionAttributeValues: { ':seen': receivedCount },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  };
}
