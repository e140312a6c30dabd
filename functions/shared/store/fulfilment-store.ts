import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DEFAULT_FULFILMENT_SETTINGS,
  orderMovements,
  unitsBySku,
  type FulfilmentSettings,
  type QueuedBackorder,
  type Shortage,
} from '../../../domain/fulfilment';
import type { FulfilmentStage, Order, PackedBox } from '../../../domain/order';
import type { Page } from '../../../domain/shared/page';
import type { StockMovement } from '../../../domain/stock';
import type { PendingEvent } from '../../../events/pending';
import { decodeCursor, nextCursorOf } from './cursor';
import { keys } from './keys';
import { queryPages } from './query-pages';
import { newOrderWrites, readOrderKeyRecord, type SaveOrderOutcome } from './order-store';
import { outboxItem } from './outbox';
import { buildGetStockBalance, stockWrites, type ReorderGuard } from './stock-store';

/**
 * Warehouse orders in the table (docs/fulfilment.md). Intake writes the order and its allocation in
 * ONE transaction: the order's own items (idempotency record, order, events), the warehouse's task,
 * and per SKU the balance (conditional on `available` holding the units) and the allocation
 * movement. Either the order exists with its units taken, or nothing was written. A backordered
 * order is written the same way with a FIFO backorder entry instead of an allocation. Later steps
 * (pick, pack, ship, cancel) are one transaction each, conditional on the stage the order is at.
 */

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

const MAX_ATTEMPTS = 12;
const retryable = (code: string | undefined) => code === 'TransactionConflict' || code === 'ThrottlingError' || code === 'ProvisionedThroughputExceeded';
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface WarehouseOrderWrite {
  /** The order with its `fulfilment` (stage `allocated` or `backordered`). */
  readonly order: Order;
  readonly requestHash: string;
  /** `order.received` first, then the fulfilment event. */
  readonly events: readonly [PendingEvent, ...PendingEvent[]];
  /** Per SKU with a reorder point: stock.low for the write that crosses down to it (given the units left). */
  readonly lowStock?: ReadonlyMap<string, { readonly reorderPoint: number; readonly event: (available: number) => PendingEvent }>;
}

export type SaveWarehouseOrderOutcome = SaveOrderOutcome | { readonly kind: 'insufficient'; readonly shortages: readonly Shortage[] };

/** Port: writes a new warehouse order with its allocation (or backorder) atomically. */
export type SaveWarehouseOrder = (write: WarehouseOrderWrite) => Promise<SaveWarehouseOrderOutcome>;

export interface WarehouseTask {
  readonly orderId: string;
  readonly sellerId: string;
  readonly warehouseCode: string;
  readonly stage: FulfilmentStage;
  readonly serviceLevel: Order['serviceLevel'];
  readonly receivedAt: string;
  readonly lines: readonly { readonly sku: string; readonly quantity: number; readonly description: string }[];
  readonly boxes?: readonly PackedBox[];
}

function taskItem(order: Order, warehouseCode: string): Record<string, unknown> {
  const task: WarehouseTask = {
    orderId: order.orderId,
    sellerId: order.sellerId,
    warehouseCode,
    stage: 'allocated',
    serviceLevel: order.serviceLevel,
    receivedAt: order.receivedAt,
    lines: order.items.map((item) => ({ sku: item.sku, quantity: item.quantity, description: item.description })),
  };
  return { ...keys.warehouseTask(warehouseCode, order.receivedAt, order.orderId), type: 'WarehouseTask', ...task };
}

function backorderItem(order: Order, warehouseCode: string): Record<string, unknown> {
  return {
    ...keys.backorder(order.sellerId, warehouseCode, order.receivedAt, order.orderId),
    type: 'Backorder',
    orderId: order.orderId,
    lines: [...unitsBySku(order)].map(([sku, quantity]) => ({ sku, quantity })),
  };
}

/** The items of one attempt: the order's own (idempotency, order, events, task or backorder), then [balance, movement] per SKU. */
function warehouseOrderItems(tableName: string, write: WarehouseOrderWrite, movements: readonly StockMovement[], crossing: ReadonlyMap<string, number>) {
  const { order } = write;
  const { warehouseCode, stage } = order.fulfilment!;
  const [received, ...others] = write.events;
  const lowEvents: PendingEvent[] = [];
  const stockItems = movements.flatMap((movement) => {
    const low = write.lowStock?.get(movement.sku);
    const from = crossing.get(movement.sku);
    if (low !== undefined && from !== undefined) lowEvents.push(low.event(from - movement.quantity));
    const guard: ReorderGuard | undefined =
      low === undefined ? undefined : { reorderPoint: low.reorderPoint, taking: movement.quantity, ...(from === undefined ? {} : { crossingFrom: from }) };
    return stockWrites(tableName, { sellerId: order.sellerId, warehouseCode, sku: movement.sku, movements: [movement], at: order.receivedAt }, guard);
  });
  const orderItems: TransactItem[] = [
    ...newOrderWrites(tableName, order, write.requestHash, received),
    ...[...others, ...lowEvents].map((event) => ({ Put: { TableName: tableName, Item: outboxItem(event, order.receivedAt) } })),
    { Put: { TableName: tableName, Item: stage === 'allocated' ? taskItem(order, warehouseCode) : backorderItem(order, warehouseCode) } },
  ];
  return { orderItems, stockItems };
}

export function buildSaveWarehouseOrder(
  documents: DynamoDBDocumentClient,
  tableName: string,
  options: { readonly sleep?: (ms: number) => Promise<void> } = {},
): SaveWarehouseOrder {
  const sleep = options.sleep ?? defaultSleep;
  const getBalance = buildGetStockBalance(documents, tableName);

  /** Balances refused the write: short (an answer), or on the other side of a reorder point than assumed (retry with `crossing` updated). */
  const whyRefused = async (write: WarehouseOrderWrite, refused: readonly StockMovement[], crossing: Map<string, number>): Promise<Shortage[]> => {
    const { order } = write;
    const balances = await Promise.all(
      refused.map(async (movement) => ({ movement, balance: await getBalance(order.sellerId, order.fulfilment!.warehouseCode, movement.sku) })),
    );
    const shortages = balances
      .filter(({ movement, balance }) => balance.buckets.available < movement.quantity)
      .map(({ movement, balance }) => ({ sku: movement.sku, requested: movement.quantity, available: balance.buckets.available }));
    for (const { movement, balance } of balances) {
      const reorderPoint = write.lowStock?.get(movement.sku)?.reorderPoint;
      const available = balance.buckets.available;
      if (reorderPoint !== undefined && available > reorderPoint && available <= reorderPoint + movement.quantity) crossing.set(movement.sku, available);
      else crossing.delete(movement.sku);
    }
    return shortages;
  };

  return async (write) => {
    const { order } = write;
    const fulfilment = order.fulfilment;
    if (fulfilment === undefined || (fulfilment.stage !== 'allocated' && fulfilment.stage !== 'backordered')) {
      throw new Error(`a new warehouse order is allocated or backordered, not ${fulfilment?.stage ?? 'without fulfilment'}`);
    }
    const movements = fulfilment.stage === 'allocated' ? orderMovements(order, fulfilment.warehouseCode, 'allocated', order.receivedAt) : [];
    /** SKUs whose write crosses down to the reorder point, with `available` as read before it. */
    const crossing = new Map<string, number>();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const { orderItems, stockItems } = warehouseOrderItems(tableName, write, movements, crossing);
      try {
        await documents.send(new TransactWriteCommand({ TransactItems: [...orderItems, ...stockItems] }));
        return { kind: 'created' };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons.slice(0, orderItems.length).some((reason) => reason.Code === 'ConditionalCheckFailed')) {
          const existing = await readOrderKeyRecord(documents, tableName, order);
          if (existing !== undefined) return { kind: 'duplicate', existing };
        }
        // Each SKU writes [balance, movement]: a failed balance condition means short, or the other side of the reorder point.
        const refused = movements.filter((_, index) => reasons[orderItems.length + 2 * index]?.Code === 'ConditionalCheckFailed');
        if (refused.length > 0) {
          const shortages = await whyRefused(write, refused, crossing);
          if (shortages.length > 0) return { kind: 'insufficient', shortages };
          continue;
        }
        if (!reasons.some((reason) => retryable(reason.Code))) throw error;
        await sleep(Math.random() * Math.min(1_000, 10 * 2 ** attempt));
      }
    }
    throw new Error(`stock for order ${order.orderId} kept changing under ${MAX_ATTEMPTS} attempts; retry`);
  };
}

// ------------------------------------------------------------------------------- later steps

export interface FulfilmentStepWrite {
  readonly order: Order;
  readonly from: FulfilmentStage;
  readonly to: FulfilmentStage;
  readonly at: string;
  readonly movements: readonly StockMovement[];
  readonly boxes?: readonly PackedBox[];
  /** Order statuses the step needs (shipping needs a label: the order routed). */
  readonly orderStatuses?: readonly Order['status'][];
  /** The order's status after the step, when it changes: `cancelled`, or `received` for a filled backorder (the pipeline starts). */
  readonly toStatus?: Order['status'];
  readonly events: readonly PendingEvent[];
}

/**
 * What came of a step: `recorded`; `moved` when the order is no longer at `from` (or not in
 * `orderStatuses`) — someone else moved it; `short` when a stock bucket the step takes from does not
 * hold the units (a backorder filled while another order took the stock).
 */
export type FulfilmentStepOutcome = 'recorded' | 'moved' | 'short';

/** Port: one step of a warehouse order, atomically. */
export type RecordFulfilmentStep = (step: FulfilmentStepWrite) => Promise<FulfilmentStepOutcome>;

function orderStageUpdate(tableName: string, step: FulfilmentStepWrite): TransactItem {
  const values: Record<string, unknown> = { ':from': step.from, ':to': step.to, ':at': step.at };
  const names: Record<string, string> = { '#f': 'fulfilment', '#stage': 'stage', '#stageAt': 'stageAt' };
  const sets = ['#f.#stage = :to', '#f.#stageAt = :at', 'updatedAt = :at'];
  const conditions = ['#f.#stage = :from'];
  if (step.boxes !== undefined) {
    names['#boxes'] = 'boxes';
    values[':boxes'] = step.boxes;
    sets.push('#f.#boxes = :boxes');
  }
  if (step.toStatus !== undefined) {
    names['#status'] = 'status';
    values[':toStatus'] = step.toStatus;
    sets.push('#status = :toStatus');
  }
  if (step.orderStatuses !== undefined) {
    names['#status'] = 'status';
    step.orderStatuses.forEach((status, index) => (values[`:s${index}`] = status));
    conditions.push(`#status IN (${step.orderStatuses.map((_, index) => `:s${index}`).join(', ')})`);
  }
  return {
    Update: {
      TableName: tableName,
      Key: keys.order(step.order.orderId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** A filled backorder leaves the queue for the pick list; the task follows the order until it ships (or is cancelled). */
function taskChange(tableName: string, step: FulfilmentStepWrite): TransactItem[] {
  const { order } = step;
  const warehouseCode = order.fulfilment!.warehouseCode;
  if (step.from === 'backordered') {
    const leave: TransactItem = { Delete: { TableName: tableName, Key: keys.backorder(order.sellerId, warehouseCode, order.receivedAt, order.orderId) } };
    return step.to === 'allocated' ? [leave, { Put: { TableName: tableName, Item: taskItem(order, warehouseCode) } }] : [leave];
  }
  const key = keys.warehouseTask(warehouseCode, order.receivedAt, order.orderId);
  if (step.to === 'shipped' || step.to === 'cancelled') return [{ Delete: { TableName: tableName, Key: key } }];
  return [
    {
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: step.boxes === undefined ? 'SET stage = :to' : 'SET stage = :to, boxes = :boxes',
        ExpressionAttributeValues: { ':to': step.to, ...(step.boxes === undefined ? {} : { ':boxes': step.boxes }) },
      },
    },
  ];
}

export function buildRecordFulfilmentStep(
  documents: DynamoDBDocumentClient,
  tableName: string,
  options: { readonly sleep?: (ms: number) => Promise<void> } = {},
): RecordFulfilmentStep {
  const sleep = options.sleep ?? defaultSleep;
  return async (step) => {
    const warehouseCode = step.order.fulfilment!.warehouseCode;
    const bySku = new Map<string, StockMovement[]>();
    for (const movement of step.movements) bySku.set(movement.sku, [...(bySku.get(movement.sku) ?? []), movement]);
    const items: TransactItem[] = [
      orderStageUpdate(tableName, step),
      ...taskChange(tableName, step),
      ...[...bySku].flatMap(([sku, movements]) => stockWrites(tableName, { sellerId: step.order.sellerId, warehouseCode, sku, movements, at: step.at })),
      ...step.events.map((event) => ({ Put: { TableName: tableName, Item: outboxItem(event, step.at) } })),
    ];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      try {
        await documents.send(new TransactWriteCommand({ TransactItems: items }));
        return 'recorded';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'moved';
        // Past the order's own update, the only conditions are the balances' (a bucket holding the units).
        if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) return 'short';
        if (!reasons.some((reason) => retryable(reason.Code))) throw error;
        await sleep(Math.random() * Math.min(1_000, 10 * 2 ** attempt));
      }
    }
    throw new Error(`order ${step.order.orderId} kept changing under ${MAX_ATTEMPTS} attempts; retry`);
  };
}

// ------------------------------------------------------------------------------------ reads

/** Port: a warehouse's open tasks, oldest order first (FIFO picking), a page at a time. */
export type ListWarehouseTasks = (
  warehouseCode: string,
  options: { readonly limit: number; readonly cursor?: string; readonly stage?: FulfilmentStage },
) => Promise<Page<WarehouseTask>>;

export function buildListWarehouseTasks(documents: DynamoDBDocumentClient, tableName: string): ListWarehouseTasks {
  return async (warehouseCode, { limit, cursor, stage }) => {
    const { Items = [], LastEvaluatedKey } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ...(stage === undefined ? {} : { FilterExpression: 'stage = :stage' }),
        ExpressionAttributeValues: { ':pk': keys.warehouseTasksKey(warehouseCode), ...(stage === undefined ? {} : { ':stage': stage }) },
        Limit: limit,
        ...(cursor === undefined ? {} : { ExclusiveStartKey: { pk: keys.warehouseTasksKey(warehouseCode), sk: decodeCursor(cursor, /^\d{4}-/) } }),
      }),
    );
    const tasks = Items.map(({ pk: _pk, sk: _sk, type: _type, ...task }) => task as unknown as WarehouseTask);
    return { items: tasks, ...nextCursorOf(LastEvaluatedKey) };
  };
}

/** Port: a seller's backordered orders at a warehouse, oldest first (the order they are filled in), up to `limit`. */
export type ListBackorders = (sellerId: string, warehouseCode: string, limit: number) => Promise<QueuedBackorder[]>;

export function buildListBackorders(documents: DynamoDBDocumentClient, tableName: string): ListBackorders {
  return async (sellerId, warehouseCode, limit) => {
    const pk = keys.backordersKey(sellerId, warehouseCode);
    const items = await queryPages(
      documents,
      {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: 'orderId, #lines',
        ExpressionAttributeNames: { '#lines': 'lines' },
      },
      limit,
    );
    return items.map((item) => ({ orderId: String(item.orderId), lines: item.lines as QueuedBackorder['lines'] }));
  };
}

export type GetFulfilmentSettings = (sellerId: string) => Promise<FulfilmentSettings & { readonly updatedAt: string | null }>;
export type SaveFulfilmentSettings = (sellerId: string, settings: FulfilmentSettings, at: string) => Promise<void>;

export function buildGetFulfilmentSettings(documents: DynamoDBDocumentClient, tableName: string): GetFulfilmentSettings {
  return async (sellerId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.fulfilmentSettings(sellerId) }));
    return Item === undefined
      ? { ...DEFAULT_FULFILMENT_SETTINGS, updatedAt: null }
      : { backorders: Item.backorders as FulfilmentSettings['backorders'], updatedAt: String(Item.updatedAt) };
  };
}

export function buildSaveFulfilmentSettings(documents: DynamoDBDocumentClient, tableName: string): SaveFulfilmentSettings {
  return async (sellerId, settings, at) => {
    await documents.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.fulfilmentSettings(sellerId), type: 'FulfilmentSettings', sellerId, ...settings, updatedAt: at },
      }),
    );
  };
}
