import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createProduct, productInputSchema } from '../../domain/catalog';
import type { Tenant } from '../../domain/shared/tenant';
import { EMPTY_BUCKETS, netDeltas, type StockMovement } from '../../domain/stock';
import { Logger } from '@aws-lambda-powertools/logger';
import { buildBackorderAllocation } from '../../functions/backorder-allocation/backorder-allocation';
import { buildFulfilmentRoutes } from '../../functions/fulfilment/fulfilment';
import { buildOrderIntakeOver } from '../../functions/order-intake/wiring';
import { HttpError } from '../../functions/shared/http/problem';
import type { HttpEvent, HttpRoute } from '../../functions/shared/http/http-handler';
import {
  buildGetFulfilmentSettings,
  buildListBackorders,
  buildListWarehouseTasks,
  buildRecordFulfilmentStep,
  buildSaveFulfilmentSettings,
} from '../../functions/shared/store/fulfilment-store';
import { keys } from '../../functions/shared/store/keys';
import { buildGetOrder } from '../../functions/shared/store/order-store';
import { buildCreateProduct } from '../../functions/shared/store/product-store';
import { buildGetStockBalance, buildGetStockBalances, buildListStockMovements, stockWrites } from '../../functions/shared/store/stock-store';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { journeyProducts, warehouseOrderBody } from '../../local/warehouse-journey';
import { createTestTable, localDynamoDb } from '../setup/local-cloud-client';
import { relayedEvents } from '../setup/table-stream';

const { client, documents } = localDynamoDb();
const SELLER = 'seller-sz-001';
const WAREHOUSE = 'MX-CTT-01';
const SKU = 'BT-EARBUDS-X2';
const AT = '2026-11-13T10:00:00.000Z';
const seller: Tenant = { tenantId: 'seller-sz-001', kind: 'seller', sellerIds: [SELLER] };
const silent = new Logger({ logLevel: 'SILENT' });
const operator: Tenant = { tenantId: 'operator-mx', kind: 'warehouse', sellerIds: [], warehouseCode: WAREHOUSE };

let ids = 0;
const newId = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(ids += 1).toString(36)}`;

/** Units of the SKU counted in and put away: what a receipt at the dock writes. */
async function receive(tableName: string, units: number, inboundId: string, at = AT): Promise<void> {
  const movement = (kind: 'received' | 'put-away', from: StockMovement['from'], to: StockMovement['to']): StockMovement => ({
    movementId: `mov_${inboundId}_${kind}`,
    sellerId: SELLER,
    warehouseCode: WAREHOUSE,
    sku: SKU,
    kind,
    quantity: units,
    from,
    to,
    at,
    reference: { type: 'inbound-shipment', id: inboundId },
  });
  const movements = [movement('received', null, 'receiving'), movement('put-away', 'receiving', 'available')];
  await documents.send(
    new TransactWriteCommand({ TransactItems: stockWrites(tableName, { sellerId: SELLER, warehouseCode: WAREHOUSE, sku: SKU, movements, at }) }),
  );
}

/** The real use cases over DynamoDB Local: what order-intake and fulfilment's handlers wire. */
async function setup(options: { units: number; backorders: 'accept' | 'refuse'; reorderPoint?: number }) {
  const { tableName, streamArn } = await createTestTable(client);
  const { earbuds } = journeyProducts(SELLER);
  await buildCreateProduct(documents, tableName)(createProduct(productInputSchema.parse({ ...earbuds, reorderPoint: options.reorderPoint ?? 0 }), AT));
  await receive(tableName, options.units, 'inb_1');
  await buildSaveFulfilmentSettings(documents, tableName)(SELLER, { backorders: options.backorders }, AT);
  const getOrder = buildGetOrder(documents, tableName);
  const intake = buildOrderIntakeOver(documents, tableName);
  const fulfilment = buildFulfilmentRoutes({
    getOrder,
    recordStep: buildRecordFulfilmentStep(documents, tableName),
    listTasks: buildListWarehouseTasks(documents, tableName),
    getSettings: buildGetFulfilmentSettings(documents, tableName),
    saveSettings: buildSaveFulfilmentSettings(documents, tableName),
    newEventId: () => newId('evt'),
  });
  const balance = async () => (await buildGetStockBalance(documents, tableName)(SELLER, WAREHOUSE, SKU)).buckets;
  const movements = async () => (await buildListStockMovements(documents, tableName)(SELLER, WAREHOUSE, SKU, { limit: 1000 })).items;
  const allocation = buildBackorderAllocation({
    listBackorders: buildListBackorders(documents, tableName),
    getStockBalances: buildGetStockBalances(documents, tableName),
    getOrder,
    recordStep: buildRecordFulfilmentStep(documents, tableName),
    newEventId: () => newId('evt'),
  });
  const fillBackorders = (causeEventId: string) => allocation({ sellerId: SELLER, warehouseCode: WAREHOUSE, causeEventId }, silent);
  const queue = async () => buildListBackorders(documents, tableName)(SELLER, WAREHOUSE, 1000);
  return { tableName, streamArn: streamArn!, intake, fulfilment, getOrder, balance, movements, fillBackorders, queue };
}

/** Calls a route as the HTTP edge would, answering the status code and body (an HttpError is its problem response). */
async function call(route: HttpRoute, tenant: Tenant, routeKey: string, options: { body?: unknown; path?: Record<string, string>; rawBody?: string } = {}) {
  const event = {
    routeKey,
    pathParameters: options.path ?? {},
    queryStringParameters: {},
    body: options.rawBody,
    headers: { 'content-type': 'application/json' },
  } as unknown as HttpEvent;
  try {
    const result = await route({ event, tenant, body: options.body, requestId: 'req-test' });
    return { status: result.statusCode!, body: JSON.parse(result.body ?? '{}') as Record<string, unknown> };
  } catch (error) {
    if (error instanceof HttpError) return { status: error.statusCode, body: { detail: error.detail, problems: error.problems } as Record<string, unknown> };
    throw error;
  }
}

const post = (intake: HttpRoute, externalOrderId: string, quantity = 1) =>
  call(intake, seller, 'POST /v1/orders', { body: warehouseOrderBody(SELLER, externalOrderId, quantity) });

describe('warehouse orders against DynamoDB Local', () => {
  it('200 concurrent orders for the last 50 units: exactly 50 allocated and 150 backordered, the ledger balanced, stock.low once', async () => {
    const { intake, balance, movements, tableName, streamArn } = await setup({ units: 50, backorders: 'accept', reorderPoint: 10 });

    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => post(intake, `MLM-PEAK-${index}`)));

    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 200 }, () => 201));
    const stages = answers.map((answer) => (answer.body.fulfilment as { stage: string }).stage);
    expect(stages.filter((stage) => stage === 'allocated')).toHaveLength(50);
    expect(stages.filter((stage) => stage === 'backordered')).toHaveLength(150);
    expect(answers.filter((answer) => answer.body.status === 'backordered')).toHaveLength(150);
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, available: 0, allocated: 50 });
    const ledger = await movements();
    expect(ledger.filter((movement) => movement.kind === 'allocated')).toHaveLength(50);
    expect(netDeltas(ledger)).toEqual(await balance());
    const { Items: backorders = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.backorder(SELLER, WAREHOUSE, '', '').pk },
      }),
    );
    expect(backorders).toHaveLength(150);
    const { Items: tasks = [] } = await documents.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.warehouseTasksKey(WAREHOUSE) } }),
    );
    expect(tasks).toHaveLength(50);
    expect(await relayedEvents(streamArn, 'order.allocated')).toHaveLength(50);
    expect(await relayedEvents(streamArn, 'order.backordered')).toHaveLength(150);
    const low = await relayedEvents(streamArn, 'stock.low');
    expect(low.map((event) => (event.detail as { data: { available: number } }).data.available)).toEqual([10]);
  });

  it('when the seller refuses backorders: 50 accepted, 150 refused with 409 naming the SKU, nothing written for them; a retry of an accepted order still answers 201', async () => {
    const { intake, balance, tableName } = await setup({ units: 50, backorders: 'refuse' });

    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => post(intake, `MLM-REFUSE-${index}`)));

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(50);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(refused).toHaveLength(150);
    expect(refused[0]!.body.problems).toEqual([{ path: `items[sku=${SKU}]`, code: 'insufficient_stock', message: '1 requested, 0 available' }]);
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, available: 0, allocated: 50 });
    const { Items: orders = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :orders)',
        ExpressionAttributeValues: { ':pk': `SELLER#${SELLER}`, ':orders': 'ORDER#' },
      }),
    );
    expect(orders).toHaveLength(50);
    const accepted = answers.findIndex((answer) => answer.status === 201);
    const retry = await post(intake, `MLM-REFUSE-${accepted}`);
    expect(retry.status).toBe(201);
    expect(retry.body.orderId).toBe(answers[accepted]!.body.orderId);
  });

  it('a cancellation before pick gives the units back (once, however often it is repeated); after pick it is refused with 409', async () => {
    const { intake, fulfilment, balance, movements } = await setup({ units: 5, backorders: 'refuse' });
    const first = await post(intake, 'MLM-CANCEL-1', 2);
    const second = await post(intake, 'MLM-CANCEL-2', 3);
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, available: 0, allocated: 5 });

    const cancels = await Promise.all(
      [1, 2, 3].map(() => call(fulfilment, seller, 'POST /v1/orders/{id}/cancel', { path: { id: String(first.body.orderId) } })),
    );
    expect(cancels.map((answer) => [answer.status, answer.body.status])).toEqual([
      [200, 'cancelled'],
      [200, 'cancelled'],
      [200, 'cancelled'],
    ]);
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, available: 2, allocated: 3 });
    expect((await movements()).filter((movement) => movement.kind === 'released')).toEqual([
      expect.objectContaining({ quantity: 2, from: 'allocated', to: 'available' }),
    ]);

    const picked = await call(fulfilment, operator, 'POST /v1/warehouses/{code}/tasks/{orderId}/pick', {
      path: { code: WAREHOUSE, orderId: String(second.body.orderId) },
    });
    expect(picked.status).toBe(200);
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, available: 2, picked: 3 });
    const late = await call(fulfilment, seller, 'POST /v1/orders/{id}/cancel', { path: { id: String(second.body.orderId) } });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/Too late to cancel: the order was picked/);
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, available: 2, picked: 3 });
  });

  it('a pick racing a cancellation: exactly one wins, and the ledger agrees with the order', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { intake, fulfilment, balance, getOrder } = await setup({ units: 1, backorders: 'refuse' });
      const order = await post(intake, `MLM-RACE-${round}`);
      const orderId = String(order.body.orderId);
      const [cancel, pick] = await Promise.all([
        call(fulfilment, seller, 'POST /v1/orders/{id}/cancel', { path: { id: orderId } }),
        call(fulfilment, operator, 'POST /v1/warehouses/{code}/tasks/{orderId}/pick', { path: { code: WAREHOUSE, orderId } }),
      ]);
      expect([cancel.status, pick.status].sort()).toEqual([200, 409]);
      const stage = (await getOrder(orderId))!.fulfilment!.stage;
      expect(await balance()).toEqual(stage === 'cancelled' ? { ...EMPTY_BUCKETS, available: 1 } : { ...EMPTY_BUCKETS, picked: 1 });
    }
  });

  it('stock arriving fills backorders oldest first, whole, exactly once, while allocation runs race each other and new orders', async () => {
    const { intake, balance, movements, getOrder, fillBackorders, queue, tableName, streamArn } = await setup({ units: 5, backorders: 'accept' });
    const first = await Promise.all(Array.from({ length: 20 }, (_, index) => post(intake, `MLM-BO-${index}`)));
    expect(first.filter((answer) => answer.body.status === 'backordered')).toHaveLength(15);
    const waitingBefore = await queue();
    expect(waitingBefore).toHaveLength(15);

    await receive(tableName, 9, 'inb_2', '2026-11-14T09:00:00.000Z');
    // Three deliveries of the stock event (redelivery, the batch's other SKUs…) and three new orders race for the 9 units.
    const [runs, late] = await Promise.all([
      Promise.all([fillBackorders('evt_rcv'), fillBackorders('evt_rcv'), fillBackorders('evt_rcv')]),
      Promise.all([0, 1, 2].map((index) => post(intake, `MLM-BO-LATE-${index}`))),
    ]);

    const filled = runs.flatMap((run) => run.filled);
    const lateAllocated = late.filter((answer) => (answer.body.fulfilment as { stage: string }).stage === 'allocated').length;
    expect(new Set(filled).size).toBe(filled.length);
    expect(filled.length + lateAllocated).toBe(9);
    // The filled orders are the oldest of the queue: whatever waits was received after every one of them.
    expect(
      waitingBefore
        .slice(0, filled.length)
        .map((backorder) => backorder.orderId)
        .sort(),
    ).toEqual([...filled].sort());
    for (const orderId of filled) {
      const order = await getOrder(orderId);
      expect([order!.status, order!.fulfilment!.stage]).toEqual(['received', 'allocated']);
    }
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, available: 0, allocated: 14 });
    const ledger = await movements();
    expect(netDeltas(ledger)).toEqual(await balance());
    expect((await queue()).map((backorder) => backorder.orderId)).toEqual(
      [
        ...waitingBefore.slice(filled.length),
        ...late.filter((answer) => answer.body.status === 'backordered').map((answer) => ({ orderId: answer.body.orderId })),
      ].map((backorder) => backorder.orderId),
    );
    const { Items: tasks = [] } = await documents.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.warehouseTasksKey(WAREHOUSE) } }),
    );
    expect(tasks).toHaveLength(14);
    const fromBackorder = (await relayedEvents(streamArn, 'order.allocated')).filter(
      (event) => (event.detail as { data: { fromBackorder: boolean } }).data.fromBackorder,
    );
    expect(fromBackorder.map((event) => (event.detail as { data: { orderId: string } }).data.orderId).sort()).toEqual([...filled].sort());
    // Redelivered: nothing more to fill, nothing changes.
    expect((await fillBackorders('evt_rcv')).filled).toEqual([]);
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, available: 0, allocated: 14 });
  });

  it('a cancelled allocation fills the oldest backorder; a cancelled backorder leaves the queue and takes nothing', async () => {
    const { intake, fulfilment, balance, getOrder, fillBackorders, queue } = await setup({ units: 2, backorders: 'accept' });
    const allocated = await post(intake, 'MLM-BC-1', 2);
    const waitingBig = await post(intake, 'MLM-BC-2', 3);
    const waitingSmall = await post(intake, 'MLM-BC-3', 2);
    expect([allocated.body.status, waitingBig.body.status, waitingSmall.body.status]).toEqual(['received', 'backordered', 'backordered']);

    // 2 units come back: the oldest backorder needs 3, so the later one (2) waits behind it for the same SKU.
    await call(fulfilment, seller, 'POST /v1/orders/{id}/cancel', { path: { id: String(allocated.body.orderId) } });
    expect((await fillBackorders('evt_cancel_1')).filled).toEqual([]);
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, available: 2 });

    // The big one is withdrawn: nothing is released, and the small one can now be filled.
    const withdrawn = await call(fulfilment, seller, 'POST /v1/orders/{id}/cancel', { path: { id: String(waitingBig.body.orderId) } });
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'cancelled']);
    expect((await queue()).map((backorder) => backorder.orderId)).toEqual([waitingSmall.body.orderId]);
    expect((await fillBackorders('evt_cancel_2')).filled).toEqual([waitingSmall.body.orderId]);
    expect(await balance()).toEqual({ ...EMPTY_BUCKETS, allocated: 2 });
    expect((await getOrder(String(waitingSmall.body.orderId)))!.fulfilment!.stage).toBe('allocated');
    expect(await queue()).toEqual([]);
  });
});
