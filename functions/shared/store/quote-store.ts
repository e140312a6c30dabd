import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RatingResult } from '../../../domain/rating/types';
import { keys } from './keys';

/** Port: the quotes stored for an order (the whole rating result), if it was rated. */
export type GetOrderQuotes = (orderId: string) => Promise<StoredQuotes | undefined>;

export interface StoredQuotes {
  readonly orderId: string;
  readonly ratedAt: string;
  readonly result: RatingResult;
}

export function quotesItem(orderId: string, ratedAt: string, result: RatingResult): Record<string, unknown> {
  return { ...keys.orderQuotes(orderId), type: 'OrderQuotes', orderId, ratedAt, result };
}

export function buildGetOrderQuotes(documents: DynamoDBDocumentClient, tableName: string): GetOrderQuotes {
  return async (orderId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.orderQuotes(orderId) }));
    return Item === undefined ? undefined : { orderId, ratedAt: String(Item.ratedAt), result: Item.result as RatingResult };
  };
}
