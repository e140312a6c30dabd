import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GetOrder, Order } from '../../../domain/order';
import { postalCodeOf } from '../../../domain/shared/postal-codes';
import type { PendingEvent } from '../../../events/pending';
import { type ItemKey, keys } from './keys';
import { outboxItem } from './outbox';

const MAX_ATTEMPTS = 4;
/** 2: per seller. Legacy records (per marketplace) carry none; see order-idempotency-migration.ts. */
export const IDEMPOTENCY_KEY_VERSION = 2;

/** What remembers that (seller, marketplace, external order id) was already taken, and by which request. */
export interface IdempotencyRecord {
  readonly orderId: string;
  readonly sellerId: string;
  /** sha-256 of the canonical request body: the same key with another body is a conflict. */
  readonly requestHash: string;
}

export type SaveOrderOutcome = { readonly kind: 'created' } | { readonly kind: 'duplicate'; readonly existing: IdempotencyRecord };

/** Port: stores a new order, its idempotency record and its event in one atomic write. */
export type SaveNewOrder = (order: Order, requestHash: string, event: PendingEvent) => Promise<SaveOrderOutcome>;

/**
 * Adapter for the order ports. A new order is one transaction of three puts: the order, its
 * idempotency record (conditional: the first writer wins) and its `order.received` event in the
 * outbox, which the table's stream hands to the publisher. Either all three exist or none does.
 *
 * The idempotency key is (seller, marketplace, external order id): another seller posting the same
 * external id makes its own order, and learns nothing about this seller's. Until the migration is
 * done (docs/migrations/order-idempotency-per-seller.md), the transaction also checks the legacy
 * key (marketplace, external order id): if the same seller took it before the key changed, the
 * retry is still a duplicate of that order; another seller's legacy record does not block.
 */
export function buildSaveNewOrder(documents: DynamoDBDocumentClient, tableName: string): SaveNewOrder {
  return async (order, requestHash, event) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await documents.send(new TransactWriteCommand({ TransactItems: newOrderWrites(tableName, order, requestHash, event) }));
        return { kind: 'created' };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) {
          throw error;
        }
        // Another request holds the key (a retry or a concurrent duplicate): answer with its order.
        const existing =
          (await readIdempotencyRecord(documents, tableName, keys.orderIdempotency(order.sellerId, order.marketplace, order.externalOrderId))) ??
          (await readLegacyRecord(documents, tableName, order));
        if (existing !== undefined) {
          return { kind: 'duplicate', existing };
        }
        // Cancelled by a conflicting transaction that did not commit: try again.
        if (attempt >= MAX_ATTEMPTS) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      }
    }
  };
}

export function newOrderWrites(tableName: string, order: Order, requestHash: string, event: PendingEvent) {
  const idempotency: IdempotencyRecord = { orderId: order.orderId, sellerId: order.sellerId, requestHash };
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.orderIdempotency(order.sellerId, order.marketplace, order.externalOrderId),
          // The seller's orders by time (gsi1) list this item, written once, not the order: every
          // status change of an order in an index projecting ALL was an index write of its ~2 KB.
          ...keys.sellerOrder(order.sellerId, order.receivedAt, order.orderId),
          type: 'OrderIdempotency',
          keyVersion: IDEMPOTENCY_KEY_VERSION,
          ...idempotency,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      // Legacy key (before it was per seller): the same seller's record there makes this a duplicate.
      ConditionCheck: {
        TableName: tableName,
        Key: keys.legacyOrderIdempotency(order.marketplace, order.externalOrderId),
        ConditionExpression: 'attribute_not_exists(pk) OR sellerId <> :sellerId',
        ExpressionAttributeValues: { ':sellerId': order.sellerId },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: orderToItem(order),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: tableName, Item: outboxItem(event, order.receivedAt) } },
  ];
}

async function readIdempotencyRecord(documents: DynamoDBDocumentClient, tableName: string, key: ItemKey): Promise<IdempotencyRecord | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  if (Item === undefined) {
    return undefined;
  }
  return { orderId: String(Item.orderId), sellerId: String(Item.sellerId), requestHash: String(Item.requestHash) };
}

/** The record an order's key holds (this seller's key, or its legacy key while the migration runs), if any. */
export async function readOrderKeyRecord(documents: DynamoDBDocumentClient, tableName: string, order: Order): Promise<IdempotencyRecord | undefined> {
  return (
    (await readIdempotencyRecord(documents, tableName, keys.orderIdempotency(order.sellerId, order.marketplace, order.externalOrderId))) ??
    (await readLegacyRecord(documents, tableName, order))
  );
}

/** Port: the idempotency record of an order's key, if one was written. */
export type FindOrderKey = (order: Order) => Promise<IdempotencyRecord | undefined>;

export const buildFindOrderKey =
  (documents: DynamoDBDocumentClient, tableName: string): FindOrderKey =>
  (order) =>
    readOrderKeyRecord(documents, tableName, order);

/** The legacy record counts only when it is this seller's. */
async function readLegacyRecord(documents: DynamoDBDocumentClient, tableName: string, order: Order): Promise<IdempotencyRecord | undefined> {
  const legacy = await readIdempotencyRecord(documents, tableName, keys.legacyOrderIdempotency(order.marketplace, order.externalOrderId));
  return legacy?.sellerId === order.sellerId ? legacy : undefined;
}

export function buildGetOrder(documents: DynamoDBDocumentClient, tableName: string): GetOrder {
  return async (orderId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.order(orderId) }));
    return Item === undefined ? undefined : orderFromItem(Item);
  };
}

export function orderToItem(order: Order): Record<string, unknown> {
  return { ...keys.order(order.orderId), type: 'Order', ...order };
}

export function orderFromItem(item: Record<string, unknown>): Order {
  const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, type: _type, ...stored } = item;
  const order = stored as unknown as Order;
  // Orders stored before the destination was parsed at intake carry only the canonical code.
  return order.destination === undefined ? { ...order, destination: postalCodeOf(order.shipTo.country, order.shipTo.postalCode) } : order;
}
