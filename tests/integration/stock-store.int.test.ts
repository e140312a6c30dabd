import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { EMPTY_BUCKETS, netDeltas, type StockMovement } from '../../domain/stock';
import { keys } from '../../functions/shared/store/keys';
import {
  buildApplyStockOperation,
  buildGetStockBalance,
  buildListLots,
  buildListStockBalances,
  buildListStockMovements,
  stockWrites,
  type StockOperation,
} from '../../functions/shared/store/stock-store';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createTestTable, localDynamoDb } from '../setup/local-cloud-client';
import { relayedEvents } from '../setup/table-stream';

const { client, documents } = localDynamoDb();
const SELLER = 'seller-a';
const WAREHOUSE = 'MX-CTT-01';
const SKU = 'BT-EARBUDS-X2';
const AT = '2026-11-20T10:00:00.000Z';

const movement = (
  movementId: string,
  kind: StockMovement['kind'],
  quantity: number,
  from: StockMovement['from'],
  to: StockMovement['to'],
  referenceId: string,
): StockMovement => ({
  movementId,
  sellerId: SELLER,
  warehouseCode: WAREHOUSE,
  sku: SKU,
  kind,
  quantity,
  from,
  to,
  at: AT,
  reference: { type: 'reservation', id: referenceId },
});

const lowEvent = (id: string) => (available: number) => ({
  eventId: `evt_low_${id}`,
  detailType: 'stock.low',
  source: 'enlace.stock',
  detail: { id, available },
});

function allocation(index: number, reorderPoint?: number): StockOperation {
  const referenceId = `res_${index}`;
  return {
    sellerId: SELLER,
    warehouseCode: WAREHOUSE,
    sku: SKU,
    at: AT,
    reference: { type: 'reservation', id: referenceId },
    movements: [movement(`mov_alloc_${index}`, 'allocated', 1, 'available', 'allocated', referenceId)],
    events: [],
    ...(reorderPoint === undefined ? {} : { lowStock: { reorderPoint, event: lowEvent(String(index)) } }),
  };
}

/** Receives and puts away `units` in one transaction, as a receipt does. */
async function receive(tableName: string, units: number): Promise<void> {
  const change = {
    sellerId: SELLER,
    warehouseCode: WAREHOUSE,
    sku: SKU,
    at: AT,
    movements: [movement('mov_rcv', 'received', units, null, 'receiving', 'inb_1'), movement('mov_put', 'put-away', units, 'receiving', 'available', 'inb_1')],
    lot: { lotId: 'lot_inb_1', inboundShipmentId: 'inb_1', receivedAt: AT, received: units, landedUnitCost: { amount: 12_821, currency: 'MXN' as const } },
  };
  await documents.send(new TransactWriteCommand({ TransactItems: stockWrites(tableName, change) }));
}

async function allMovements(tableName: string): Promise<StockMovement[]> {
  const list = buildListStockMovements(documents, tableName);
  const out: StockMovement[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(SELLER, WAREHOUSE, SKU, { limit: 37, ...(cursor === undefined ? {} : { cursor }) });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return out;
}

describe('the stock ledger against DynamoDB Local', () => {
  it('200 concurrent allocations for the last 50 units allocate exactly 50; the balance is the sum of the movements; stock.low is raised once', async () => {
    // Prepare
    const { tableName, streamArn } = await createTestTable(client);
    await receive(tableName, 50);
    const apply = buildApplyStockOperation(documents, tableName);

    // Act
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, index) => apply(allocation(index, 20))));

    // Assess
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(50);
    expect(outcomes.filter((outcome) => outcome === 'insufficient')).toHaveLength(150);
    const balance = await buildGetStockBalance(documents, tableName)(SELLER, WAREHOUSE, SKU);
    expect(balance.buckets).toEqual({ ...EMPTY_BUCKETS, available: 0, allocated: 50 });
    const movements = await allMovements(tableName);
    expect(movements).toHaveLength(52);
    expect(netDeltas(movements)).toEqual(balance.buckets);
    const low = await relayedEvents(streamArn!, 'stock.low');
    expect(low).toHaveLength(1);
    expect(low[0]?.detail).toMatchObject({ available: 20 });
  });

  it('a redelivered operation changes nothing: the same cause is applied once', async () => {
    const { tableName } = await createTestTable(client);
    await receive(tableName, 10);
    const apply = buildApplyStockOperation(documents, tableName);
    const first = await Promise.all([apply(allocation(1)), apply(allocation(2))]);
    const again = await Promise.all([apply(allocation(1)), apply(allocation(2)), apply(allocation(1))]);

    expect(first).toEqual(['applied', 'applied']);
    expect(again).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await buildGetStockBalance(documents, tableName)(SELLER, WAREHOUSE, SKU)).buckets).toEqual({ ...EMPTY_BUCKETS, available: 8, allocated: 2 });
    expect(await allMovements(tableName)).toHaveLength(4);
  });

  it('keeps the lot with its landed cost, lists the SKU under the warehouse, and refuses a forged cursor', async () => {
    const { tableName } = await createTestTable(client);
    await receive(tableName, 30);

    expect(await buildListLots(documents, tableName)(SELLER, WAREHOUSE, SKU)).toEqual([
      expect.objectContaining({ lotId: 'lot_inb_1', receivedQuantity: 30, remaining: 30, landedUnitCost: { amount: 12_821, currency: 'MXN' }, receivedAt: AT }),
    ]);
    expect((await buildListStockBalances(documents, tableName)(SELLER, WAREHOUSE)).map((balance) => [balance.sku, balance.buckets.available])).toEqual([
      [SKU, 30],
    ]);
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.stockDirectoryKey(SELLER, WAREHOUSE) },
      }),
    );
    expect(Items).toHaveLength(1);
    await expect(buildListStockMovements(documents, tableName)(SELLER, WAREHOUSE, SKU, { limit: 5, cursor: 'not a cursor!' })).rejects.toThrow(/cursor/);
  });
});
