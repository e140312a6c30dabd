import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RatingResult } from '../../../domain/rating';
import type { PendingEvent } from '../../../events/pending';
import { gzipJson, readMaybeGzipped } from './compressed-json';
import { keys } from './keys';
import { buildRecordPipelineStep } from './pipeline-step';

/** Port: the quotes stored for an order (the whole rating result), if it was rated. */
export type GetOrderQuotes = (orderId: string) => Promise<StoredQuotes | undefined>;

export interface StoredQuotes {
  readonly orderId: string;
  readonly ratedAt: string;
  readonly result: RatingResult;
}

/** What rating an order came to: every quote, or why none could be made, and the event that says so. */
export interface OrderRating {
  readonly orderId: string;
  readonly outcome: 'rated' | 'unrateable';
  /** Every service's quote; absent when the order cannot be rated at all. */
  readonly result?: RatingResult;
  readonly event: PendingEvent;
  readonly at: string;
}

/** Port: records an order's rating once; `false` when the order had already been rated (a redelivery). */
export type RecordRating = (rating: OrderRating) => Promise<boolean>;

function quotesItem(orderId: string, ratedAt: string, result: RatingResult): Record<string, unknown> {
  return { ...keys.orderQuotes(orderId), type: 'OrderQuotes', orderId, ratedAt, resultGz: gzipJson(result) };
}

/** Adapter: the order moves from `received`, its quotes are stored beside it and its event goes to the outbox, in one transaction. */
export function buildRecordRating(documents: DynamoDBDocumentClient, tableName: string): RecordRating {
  const recordStep = buildRecordPipelineStep(documents, tableName);
  return (rating) =>
    recordStep({
      orderId: rating.orderId,
      fromStatuses: ['received'],
      toStatus: rating.outcome,
      items: rating.result === undefined ? [] : [quotesItem(rating.orderId, rating.at, rating.result)],
      event: rating.event,
      at: rating.at,
    });
}

export function buildGetOrderQuotes(documents: DynamoDBDocumentClient, tableName: string): GetOrderQuotes {
  return async (orderId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.orderQuotes(orderId) }));
    return Item === undefined ? undefined : { orderId, ratedAt: String(Item.ratedAt), result: readMaybeGzipped<RatingResult>(Item, 'result') };
  };
}
