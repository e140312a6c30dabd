import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../domain/shared/page';
import type { Money } from '../../../domain/shared/money';
import {
  assertValidMovement,
  EMPTY_BUCKETS,
  netDeltas,
  STOCK_BUCKETS,
  type Buckets,
  type Lot,
  type MovementReference,
  type StockBalance,
  type StockMovement,
} from '../../../domain/stock';
import type { PendingEvent } from '../../../events/pending';
import { batchGetAll } from './batch-get';
import { decodeCursor, nextCursorOf } from './cursor';
import { keys, LOT_PREFIX, TTL_ATTRIBUTE } from './keys';
import { outboxItem } from './outbox';

/**
 * The stock ledger in the table. Each (seller, warehouse, SKU) has one balance item whose
 * attributes are the buckets; every change is ONE transaction that updates the balance with atomic
 * ADDs, conditional on every bucket it takes from holding enough (so it can never go below zero,
 * whatever runs at the same time), and puts one item per movement. The balance is therefore always
 * the sum of its movements. Movements live in their own partition (STOCKMOVES#…), so a hot SKU's
 * ledger and its balance do not share a partition's write capacity (docs/inbound.md, "Peak").
 */

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export interface LotChange {
  readonly lotId: string;
  readonly inboundShipmentId: string;
  readonly receivedAt: string;
  /** Good units added to the lot by this write. */
  readonly received: number;
  readonly landedUnitCost: Money | null;
}

/** What one write does to one SKU's stock: its movements, and for a receipt, the lot they join. */
export interface StockChange {
  readonly sellerId: string;
  readonly warehouseCode: string;
  readonly sku: string;
  readonly movements: readonly StockMovement[];
  readonly lot?: LotChange;
  readonly at: string;
}

/**
 * The condition on `available` for a write that takes from it while a reorder point is set: either
 * it does not cross down to the reorder point, or `available` is exactly the value read before the
 * write that does (docs/inbound.md, "stock.low").
 */
export type ReorderGuard =
  | { readonly reorderPoint: number; readonly taking: number; readonly crossingFrom?: undefined }
  | { readonly reorderPoint: number; readonly taking: number; readonly crossingFrom: number };

const bucketName = (bucket: string) => `#b_${bucket}`;

/** The balance update of a change: ADD each bucket's net delta; each bucket it takes from must hold enough. */
function balanceUpdate(tableName: string, change: StockChange, guard?: ReorderGuard): TransactItem {
  const deltas = netDeltas(change.movements);
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = {
    ':type': 'StockBalance',
    ':seller': change.sellerId,
    ':warehouse': change.warehouseCode,
    ':sku': change.sku,
    ':at': change.at,
  };
  const adds: string[] = [];
  const conditions: string[] = [];
  for (const bucket of STOCK_BUCKETS) {
    const delta = deltas[bucket];
    if (delta === 0) continue;
    names[bucketName(bucket)] = bucket;
    values[`:d_${bucket}`] = delta;
    adds.push(`${bucketName(bucket)} :d_${bucket}`);
    if (delta < 0) {
      values[`:need_${bucket}`] = -delta;
      conditions.push(`${bucketName(bucket)} >= :need_${bucket}`);
    }
  }
  if (guard !== undefined) {
    names[bucketName('available')] = 'available';
    if (guard.crossingFrom === undefined) {
      // Not crossing: before the write, available ≤ reorderPoint (already low) or > reorderPoint + taking.
      values[':low'] = guard.reorderPoint + 1;
      values[':high'] = guard.reorderPoint + guard.taking;
      conditions.push(`(${bucketName('available')} < :low OR ${bucketName('available')} > :high)`);
    } else {
      values[':before'] = guard.crossingFrom;
      conditions.push(`${bucketName('available')} = :before`);
    }
  }
  return {
    Update: {
      TableName: tableName,
      Key: keys.stockBalance(change.sellerId, change.warehouseCode, change.sku),
      UpdateExpression: `SET #type = :type, sellerId = :seller, warehouseCode = :warehouse, sku = :sku, updatedAt = :at${adds.length === 0 ? '' : ` ADD ${adds.join(', ')}`}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ...(conditions.length === 0 ? {} : { ConditionExpression: conditions.join(' AND ') }),
    },
  };
}

function movementPut(tableName: string, movement: StockMovement): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.stockMovement(movement.sellerId, movement.warehouseCode, movement.sku, movement.at, movement.movementId),
        type: 'StockMovement',
        ...movement,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function lotUpdate(tableName: string, change: StockChange, lot: LotChange): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: keys.stockLot(change.sellerId, change.warehouseCode, change.sku, lot.receivedAt, lot.lotId),
      UpdateExpression:
        'SET #type = :type, lotId = :lot, sellerId = :seller, warehouseCode = :warehouse, sku = :sku, inboundShipmentId = :inbound, receivedAt = :receivedAt, landedUnitCost = :cost ADD receivedQuantity :n, remaining :n',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':type': 'StockLot',
        ':lot': lot.lotId,
        ':seller': change.sellerId,
        ':warehouse': change.warehouseCode,
        ':sku': change.sku,
        ':inbound': lot.inboundShipmentId,
        ':receivedAt': lot.receivedAt,
        ':cost': lot.landedUnitCost,
        ':n': lot.received,
      },
    },
  };
}

/** The directory entry that lets GET /v1/stock list a seller's SKUs in a warehouse (written where stock first arrives). */
function directoryPut(tableName: string, change: StockChange): TransactItem {
  return {
    Put: { TableName: tableName, Item: { ...keys.stockDirectory(change.sellerId, change.warehouseCode, change.sku), type: 'StockDirectory', sku: change.sku } },
  };
}

/** Every item a change writes, for the caller's transaction: the balance, the movements, the lot and (on a receipt) the directory entry. */
export function stockWrites(tableName: string, change: StockChange, guard?: ReorderGuard): TransactItem[] {
  for (const movement of change.movements) assertValidMovement(movement);
  return [
    balanceUpdate(tableName, change, guard),
    ...change.movements.map((movement) => movementPut(tableName, movement)),
    ...(change.lot === undefined ? [] : [lotUpdate(tableName, change, change.lot), directoryPut(tableName, change)]),
  ];
}

// ------------------------------------------------------------------------------------- operations

/** A stock operation with a cause (an allocation for an order, an adjustment): applied once whatever the retries. */
export interface StockOperation extends StockChange {
  readonly reference: MovementReference;
  readonly events: readonly PendingEvent[];
  /** When it takes from `available`: the reorder point, and the stock.low event (given the units left) to publish if this write crosses down to it. */
  readonly lowStock?: { readonly reorderPoint: number; readonly event: (available: number) => PendingEvent };
}

export type StockOperationOutcome = 'applied' | 'insufficient' | 'duplicate';

/** Port: applies a stock operation atomically; `insufficient` when a bucket it takes from is short, `duplicate` when its cause was applied already. */
export type ApplyStockOperation = (operation: StockOperation) => Promise<StockOperationOutcome>;

const OPERATION_RETENTION_SECONDS = 90 * 24 * 60 * 60;
const MAX_ATTEMPTS = 12;

function operationMarker(tableName: string, operation: StockOperation): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.stockOperation(operation.reference.type, operation.reference.id, operation.sellerId, operation.warehouseCode, operation.sku),
        type: 'StockOperation',
        movementIds: operation.movements.map((movement) => movement.movementId),
        at: operation.at,
        [TTL_ATTRIBUTE]: Math.floor(Date.parse(operation.at) / 1000) + OPERATION_RETENTION_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

const reasonsOf = (error: unknown) => (error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : undefined);

/**
 * Adapter: one transaction per attempt — the operation's marker (so a retry is recognised), the
 * balance, the movements, the events. When the operation takes from `available` and the seller set a
 * reorder point, the balance condition also says whether this write crosses down to it, and only the
 * write that does carries stock.low: exactly once, even with writers racing. A write that loses a
 * transaction conflict (DynamoDB cancels one of two racing transactions on an item) is retried with
 * jittered backoff, a bounded number of times.
 */
export function buildApplyStockOperation(
  documents: DynamoDBDocumentClient,
  tableName: string,
  options: { readonly sleep?: (ms: number) => Promise<void> } = {},
): ApplyStockOperation {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const getBalance = buildGetStockBalance(documents, tableName);
  return async (operation) => {
    const taking = -netDeltas(operation.movements).available;
    const guarded = operation.lowStock !== undefined && taking > 0;
    let crossingFrom: number | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const guard: ReorderGuard | undefined = guarded
        ? { reorderPoint: operation.lowStock.reorderPoint, taking, ...(crossingFrom === undefined ? {} : { crossingFrom }) }
        : undefined;
      const events = crossingFrom === undefined ? operation.events : [...operation.events, operation.lowStock!.event(crossingFrom - taking)];
      try {
        await documents.send(
          new TransactWriteCommand({
            TransactItems: [
              operationMarker(tableName, operation),
              ...stockWrites(tableName, operation, guard),
              ...events.map((event) => ({ Put: { TableName: tableName, Item: outboxItem(event, operation.at) } })),
            ],
          }),
        );
        return 'applied';
      } catch (error) {
        const reasons = reasonsOf(error);
        if (reasons === undefined) throw error;
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'duplicate';
        if (reasons[1]?.Code === 'ConditionalCheckFailed') {
          // Short of stock, or on the other side of the reorder point than this attempt assumed: look.
          const { buckets } = await getBalance(operation.sellerId, operation.warehouseCode, operation.sku);
          const deltas = netDeltas(operation.movements);
          if (STOCK_BUCKETS.some((bucket) => buckets[bucket] + deltas[bucket] < 0)) return 'insufficient';
          if (guarded) {
            const reorderPoint = operation.lowStock.reorderPoint;
            crossingFrom = buckets.available > reorderPoint && buckets.available <= reorderPoint + taking ? buckets.available : undefined;
          }
          continue;
        }
        if (
          !reasons.some(
            (reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ThrottlingError' || reason.Code === 'ProvisionedThroughputExceeded',
          )
        )
          throw error;
        await sleep(Math.random() * Math.min(1_000, 10 * 2 ** attempt));
      }
    }
    throw new Error(`stock of ${operation.sku} in ${operation.warehouseCode} kept changing under ${MAX_ATTEMPTS} attempts; retry`);
  };
}

// ------------------------------------------------------------------------------------------ reads

function bucketsOf(item: Record<string, unknown> | undefined): Buckets {
  const buckets: Record<string, number> = { ...EMPTY_BUCKETS };
  for (const bucket of STOCK_BUCKETS) {
    const value = item?.[bucket];
    if (typeof value === 'number') buckets[bucket] = value;
  }
  return buckets as unknown as Buckets;
}

function balanceFromItem(sellerId: string, warehouseCode: string, sku: string, item: Record<string, unknown> | undefined): StockBalance {
  return { sellerId, warehouseCode, sku, buckets: bucketsOf(item), updatedAt: typeof item?.updatedAt === 'string' ? item.updatedAt : null };
}

/** Port: one SKU's balance in a warehouse (all buckets zero when it never had stock there). */
export type GetStockBalance = (sellerId: string, warehouseCode: string, sku: string) => Promise<StockBalance>;
/** Port: a seller's balances in a warehouse, every SKU that ever had stock there. */
export type ListStockBalances = (sellerId: string, warehouseCode: string) => Promise<StockBalance[]>;
/** Port: a SKU's movements in a warehouse, oldest first, a page at a time. */
export type ListStockMovements = (
  sellerId: string,
  warehouseCode: string,
  sku: string,
  options: { readonly limit: number; readonly cursor?: string },
) => Promise<Page<StockMovement>>;
/** Port: a SKU's lots in a warehouse, oldest first. */
export type ListLots = (sellerId: string, warehouseCode: string, sku: string) => Promise<Lot[]>;

export function buildGetStockBalance(documents: DynamoDBDocumentClient, tableName: string): GetStockBalance {
  return async (sellerId, warehouseCode, sku) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.stockBalance(sellerId, warehouseCode, sku), ConsistentRead: true }));
    return balanceFromItem(sellerId, warehouseCode, sku, Item);
  };
}

export function buildListStockBalances(documents: DynamoDBDocumentClient, tableName: string): ListStockBalances {
  return async (sellerId, warehouseCode) => {
    const skus: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.stockDirectoryKey(sellerId, warehouseCode) },
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      skus.push(...(page.Items ?? []).map((item) => String(item.sku)));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    const items = await batchGetAll(
      documents,
      tableName,
      skus.map((sku) => keys.stockBalance(sellerId, warehouseCode, sku)),
    );
    const bySku = new Map(items.map((item) => [String(item.sku), item]));
    return skus.sort().map((sku) => balanceFromItem(sellerId, warehouseCode, sku, bySku.get(sku)));
  };
}

/** A movement's sort key: its ISO time, then its id. */
const MOVEMENT_SORT_KEY = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[A-Za-z0-9_.:-]+$/;

export function buildListStockMovements(documents: DynamoDBDocumentClient, tableName: string): ListStockMovements {
  return async (sellerId, warehouseCode, sku, { limit, cursor }) => {
    const { pk } = keys.stockMovement(sellerId, warehouseCode, sku, '', '');
    const after = cursor === undefined ? undefined : decodeCursor(cursor, MOVEMENT_SORT_KEY);
    const { Items = [], LastEvaluatedKey } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        Limit: limit,
        ConsistentRead: true,
        ...(after === undefined ? {} : { ExclusiveStartKey: { pk, sk: after } }),
      }),
    );
    const movements = Items.map(({ pk: _pk, sk: _sk, type: _type, ...movement }) => movement as unknown as StockMovement);
    return { items: movements, ...nextCursorOf(LastEvaluatedKey) };
  };
}

export function buildListLots(documents: DynamoDBDocumentClient, tableName: string): ListLots {
  return async (sellerId, warehouseCode, sku) => {
    const { pk } = keys.stockBalance(sellerId, warehouseCode, sku);
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :lot)',
        ExpressionAttributeValues: { ':pk': pk, ':lot': LOT_PREFIX },
        ConsistentRead: true,
      }),
    );
    return Items.map(({ pk: _pk, sk: _sk, type: _type, ...lot }) => lot as unknown as Lot);
  };
}
