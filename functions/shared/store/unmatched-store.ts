import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { KeepUnmatched } from '../../../domain/tracking';
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
