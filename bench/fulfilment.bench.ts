/**
 * Warehouse orders through the real intake and fulfilment use cases against DynamoDB Local (the
 * `npm start` one when it runs, otherwise one this bench starts): orders per second allocated at
 * intake on ONE hot SKU and spread over many, and what one warehouse order writes from intake to
 * hand-over (transactions, items and write units as AWS bills a transaction: 2 per KB per item).
 * Routing's own write (the label) is not counted here: it is the parcel pipeline's, as for any order.
 * Run: npx tsx bench/fulfilment.bench.ts [orders] [concurrency]
 */
// First: silence handler logs and metrics before Powertools reads its settings.
import '../tests/setup/quiet-logs';
import { TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createProduct, productInputSchema } from '../domain/catalog';
import type { Tenant } from '../domain/shared/tenant';
import type { StockMovement } from '../domain/stock';
import { Logger } from '@aws-lambda-powertools/logger';
import { buildBackorderAllocation } from '../functions/backorder-allocation/backorder-allocation';
import { buildFulfilmentRoutes } from '../functions/fulfilment/fulfilment';
import { buildOrderIntakeOver } from '../functions/order-intake/wiring';
import type { HttpEvent, HttpRoute } from '../functions/shared/http/http-handler';
import { newId } from '../functions/shared/ids';
import * as fulfilmentStore from '../functions/shared/store/fulfilment-store';
import { keys } from '../functions/shared/store/keys';
import { buildGetOrder } from '../functions/shared/store/order-store';
import { buildCreateProduct } from '../functions/shared/store/product-store';
import { buildGetStockBalances, stockWrites } from '../functions/shared/store/stock-store';
import { journeyProducts, warehouseOrderBody } from '../local/warehouse-journey';
import { AWS_US_EAST_1 } from './aws-prices';
import { withBenchTable } from './bench-table';
import { countingWrites, noWrites, pool, type WriteCounts } from './write-counter';

const orders = Number(process.argv[2] ?? 200);
const concurrency = Number(process.argv[3] ?? 16);
const WAREHOUSE = 'MX-CTT-01';
const AT = '2026-11-13T10:00:00.000Z';
const silent = new Logger({ logLevel: 'SILENT' });

async function call(route: HttpRoute, tenant: Tenant, routeKey: string, path: Record<string, string>, body?: unknown): Promise<Record<string, unknown>> {
  const event = {
    routeKey,
    pathParameters: path,
    queryStringParameters: {},
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  const result = await route({ event: event as unknown as HttpEvent, tenant, body, requestId: 'bench' });
  return JSON.parse(result.body ?? '{}') as Record<string, unknown>;
}

/** The real intake of warehouse orders over `documents` (a counting client, so its writes are measured). */
function warehouseIntakeOver(documents: DynamoDBDocumentClient, tableName: string): HttpRoute {
  return buildOrderIntakeOver(documents, tableName);
}

/** `units` of a SKU received and put away at the bench's warehouse (not counted: inbound's write). */
async function receiveStock(
  plain: DynamoDBDocumentClient,
  tableName: string,
  stock: { sellerId: string; sku: string; units: number; id: string },
): Promise<void> {
  const movement = (kind: 'received' | 'put-away', from: StockMovement['from'], to: StockMovement['to']): StockMovement => ({
    movementId: `mov_${kind}_${stock.id}`,
    sellerId: stock.sellerId,
    warehouseCode: WAREHOUSE,
    sku: stock.sku,
    kind,
    quantity: stock.units,
    from,
    to,
    at: AT,
    reference: { type: 'inbound-shipment', id: `inb_${stock.id}` },
  });
  await plain.send(
    new TransactWriteCommand({
      TransactItems: stockWrites(tableName, {
        sellerId: stock.sellerId,
        warehouseCode: WAREHOUSE,
        sku: stock.sku,
        movements: [movement('received', null, 'receiving'), movement('put-away', 'receiving', 'available')],
        at: AT,
      }),
    }),
  );
}

async function scenario(label: string, plain: DynamoDBDocumentClient, tableName: string, skus: number): Promise<void> {
  const sellerId = `seller-bench-${label.replace(/\W+/g, '-')}`;
  const seller: Tenant = { tenantId: sellerId, kind: 'seller', sellerIds: [sellerId] };
  const operator: Tenant = { tenantId: 'operator-bench', kind: 'warehouse', sellerIds: [], warehouseCode: WAREHOUSE };
  const { earbuds } = journeyProducts(sellerId);
  const skuOf = (index: number) => `${String(earbuds.sku)}-${index % skus}`;
  for (let index = 0; index < skus; index += 1) {
    await buildCreateProduct(plain, tableName)(createProduct(productInputSchema.parse({ ...earbuds, sku: skuOf(index), reorderPoint: 0 }), AT));
    await receiveStock(plain, tableName, { sellerId, sku: skuOf(index), units: Math.ceil(orders / skus) + 5, id: `${label.replace(/\W+/g, '-')}-${index}` });
  }
  const intakeCounts: WriteCounts = noWrites();
  const stepCounts: WriteCounts = noWrites();
  const documents = countingWrites(plain, intakeCounts);
  const stepsDocuments = countingWrites(plain, stepCounts);
  const intake = warehouseIntakeOver(documents, tableName);
  const routes = buildFulfilmentRoutes({
    getOrder: buildGetOrder(stepsDocuments, tableName),
    recordStep: fulfilmentStore.buildRecordFulfilmentStep(stepsDocuments, tableName),
    listTasks: fulfilmentStore.buildListWarehouseTasks(stepsDocuments, tableName),
    getSettings: fulfilmentStore.buildGetFulfilmentSettings(stepsDocuments, tableName),
    saveSettings: fulfilmentStore.buildSaveFulfilmentSettings(stepsDocuments, tableName),
    newEventId: () => newId('evt'),
  });

  const started = performance.now();
  const placed = await pool(
    Array.from({ length: orders }, (_, index) => async () => {
      const body = warehouseOrderBody(sellerId, `MLM-BENCH-${label.replace(/\W+/g, '-')}-${index}`);
      const item = (body.items as Record<string, unknown>[])[0]!;
      return call(intake, seller, 'POST /v1/orders', {}, { ...body, items: [{ ...item, sku: skuOf(index) }] });
    }),
    concurrency,
  );
  const seconds = (performance.now() - started) / 1000;
  const allocated = placed.filter((order) => (order.fulfilment as { stage?: string } | undefined)?.stage === 'allocated');

  for (const order of allocated) {
    const path = { code: WAREHOUSE, orderId: String(order.orderId) };
    await call(routes, operator, 'POST /v1/warehouses/{code}/tasks/{orderId}/pick', path);
    await call(routes, operator, 'POST /v1/warehouses/{code}/tasks/{orderId}/pack', path, {
      boxes: [{ weightGrams: 120, dimensions: { lengthMm: 200, widthMm: 150, heightMm: 80 } }],
    });
    // The label, as routing would book it (not counted: the parcel pipeline's write).
    await plain.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.order(String(order.orderId)),
        UpdateExpression: 'SET #s = :routed',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':routed': 'routed' },
      }),
    );
    await call(routes, operator, 'POST /v1/warehouses/{code}/tasks/{orderId}/ship', path);
  }
  const per = (value: number) => (value / allocated.length).toFixed(2);
  const wcu = (intakeCounts.writeUnits + stepCounts.writeUnits) / allocated.length;
  console.log(
    `${label}: ${allocated.length}/${orders} orders allocated on ${skus} SKU(s), ${concurrency} in flight, ${(seconds * 1000).toFixed(0)} ms → ${(allocated.length / seconds).toFixed(0)} orders/s at intake\n` +
      `  intake: ${per(intakeCounts.transactions)} transactions, ${per(intakeCounts.items)} items, ${per(intakeCounts.writeUnits)} write units per order\n` +
      `  pick + pack + hand-over: ${per(stepCounts.transactions)} transactions, ${per(stepCounts.items)} items, ${per(stepCounts.writeUnits)} write units per order\n` +
      `  intake to shipped: ${wcu.toFixed(1)} write units per order → $${(wcu * AWS_US_EAST_1.dynamoWriteRequestUnit.usd * 1000).toFixed(4)} per thousand orders in DynamoDB writes`,
  );
}

/** Backorders filled when stock arrives: fills per second (one allocation run, FIFO, sequential by design) and what a fill writes. */
async function backorderScenario(plain: DynamoDBDocumentClient, tableName: string, count: number): Promise<void> {
  const sellerId = 'seller-bench-backorders';
  const seller: Tenant = { tenantId: sellerId, kind: 'seller', sellerIds: [sellerId] };
  const { earbuds } = journeyProducts(sellerId);
  await buildCreateProduct(plain, tableName)(createProduct(productInputSchema.parse({ ...earbuds, reorderPoint: 0 }), AT));
  await fulfilmentStore.buildSaveFulfilmentSettings(plain, tableName)(sellerId, { backorders: 'accept' }, AT);
  const intakeCounts = noWrites();
  const intake = warehouseIntakeOver(countingWrites(plain, intakeCounts), tableName);
  await pool(
    Array.from({ length: count }, (_, index) => () => call(intake, seller, 'POST /v1/orders', {}, warehouseOrderBody(sellerId, `MLM-BENCH-BO-${index}`))),
    concurrency,
  );
  await receiveStock(plain, tableName, { sellerId, sku: String(earbuds.sku), units: count, id: 'backorders' });
  const fillCounts = noWrites();
  const filling = countingWrites(plain, fillCounts);
  const allocate = buildBackorderAllocation({
    listBackorders: fulfilmentStore.buildListBackorders(filling, tableName),
    getStockBalances: buildGetStockBalances(filling, tableName),
    getOrder: buildGetOrder(filling, tableName),
    recordStep: fulfilmentStore.buildRecordFulfilmentStep(filling, tableName),
    newEventId: () => newId('evt'),
  });
  const started = performance.now();
  const run = await allocate({ sellerId, warehouseCode: WAREHOUSE, causeEventId: 'evt_bench' }, silent);
  const seconds = (performance.now() - started) / 1000;
  const per = (value: number) => (value / run.filled.length).toFixed(2);
  console.log(
    `backorders: ${run.filled.length}/${count} filled by one run in ${(seconds * 1000).toFixed(0)} ms → ${(run.filled.length / seconds).toFixed(0)} fills/s (sequential: oldest first)\n` +
      `  intake as a backorder: ${(intakeCounts.writeUnits / count).toFixed(2)} write units per order; the fill: ${per(fillCounts.transactions)} transactions, ${per(fillCounts.items)} items, ${per(fillCounts.writeUnits)} write units per order`,
  );
}

async function main(): Promise<void> {
  await withBenchTable('fulfilment', async (documents, tableName) => {
    await scenario('hot SKU', documents, tableName, 1);
    await scenario('50 SKUs', documents, tableName, 50);
    await backorderScenario(documents, tableName, Math.min(orders, 100));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
