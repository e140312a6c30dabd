/**
 * Stock movements per second, and what each costs in writes, through the real stock adapter
 * (buildApplyStockOperation) against DynamoDB Local: the `npm start` one when it runs, otherwise one
 * this bench starts and stops.
 * - spread: allocations across many SKUs (a promotion's normal day), `concurrency` in flight;
 * - hot SKU: the same number of allocations on ONE SKU, all in flight together (a Buen Fin flash
 *   deal), to show the conflicts and retries a single balance item costs; the balance must end at
 *   exactly what was received minus what was allocated.
 * Write units are counted from the transactions the adapter sends, as AWS bills them: each item of a
 * transaction costs 2 write units per KB (rounded up), a retry pays again. DynamoDB Local is one Java
 * process on this machine: the rates show round trips and contention, not AWS's throughput (see
 * docs/inbound.md, "Peak": one balance item takes about 500 transactional writes a second on AWS).
 * Run: npx tsx bench/stock.bench.ts [allocations] [concurrency]
 */
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StockMovement } from '../domain/stock';
import { buildApplyStockOperation, buildGetStockBalance, stockWrites, type StockOperation } from '../functions/shared/store/stock-store';
import { AWS_US_EAST_1 } from './aws-prices';
import { withBenchTable } from './bench-table';
import { countingWrites, noWrites, pool, type WriteCounts } from './write-counter';

const allocations = Number(process.argv[2] ?? 400);
const concurrency = Number(process.argv[3] ?? 16);
const SELLER = 'seller-bench';
const WAREHOUSE = 'MX-CTT-01';
const AT = '2026-11-13T10:00:00.000Z';

const movement = (
  sku: string,
  index: number,
  kind: StockMovement['kind'],
  quantity: number,
  from: StockMovement['from'],
  to: StockMovement['to'],
): StockMovement => ({
  movementId: `mov_${kind}_${sku}_${index}`,
  sellerId: SELLER,
  warehouseCode: WAREHOUSE,
  sku,
  kind,
  quantity,
  from,
  to,
  at: AT,
  reference: { type: kind === 'allocated' ? 'reservation' : 'inbound-shipment', id: `ref_${sku}_${index}` },
});

function allocation(sku: string, index: number): StockOperation {
  return {
    sellerId: SELLER,
    warehouseCode: WAREHOUSE,
    sku,
    at: AT,
    reference: { type: 'reservation', id: `res_${sku}_${index}` },
    movements: [movement(sku, index, 'allocated', 1, 'available', 'allocated')],
    events: [],
    lowStock: {
      reorderPoint: 10,
      event: (available) => ({ eventId: `evt_low_${sku}_${index}`, detailType: 'stock.low', source: 'enlace.stock', detail: { sku, available } }),
    },
  };
}

async function receive(documents: DynamoDBDocumentClient, tableName: string, sku: string, units: number): Promise<void> {
  const change = {
    sellerId: SELLER,
    warehouseCode: WAREHOUSE,
    sku,
    at: AT,
    movements: [movement(sku, 0, 'received', units, null, 'receiving'), movement(sku, 0, 'put-away', units, 'receiving', 'available')],
    lot: { lotId: `lot_${sku}`, inboundShipmentId: 'inb_bench', receivedAt: AT, received: units, landedUnitCost: { amount: 12_821, currency: 'MXN' as const } },
  };
  await documents.send(new TransactWriteCommand({ TransactItems: stockWrites(tableName, change) }));
}

async function run(label: string, documents: DynamoDBDocumentClient, tableName: string, skus: readonly string[], width: number): Promise<void> {
  const stockPerSku = Math.ceil(allocations / skus.length) + 10;
  for (const sku of skus) await receive(documents, tableName, sku, stockPerSku);
  const counts: WriteCounts & { retries: number } = { ...noWrites(), retries: 0 };
  const apply = buildApplyStockOperation(countingWrites(documents, counts), tableName, {
    sleep: (ms) => {
      counts.retries += 1;
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  });
  const tasks = Array.from({ length: allocations }, (_, index) => () => apply(allocation(skus[index % skus.length]!, index)));
  const started = performance.now();
  const outcomes = await pool(tasks, width);
  const seconds = (performance.now() - started) / 1000;
  const applied = outcomes.filter((outcome) => outcome === 'applied').length;
  const getBalance = buildGetStockBalance(documents, tableName);
  let available = 0;
  let allocated = 0;
  for (const sku of skus) {
    const { buckets } = await getBalance(SELLER, WAREHOUSE, sku);
    available += buckets.available;
    allocated += buckets.allocated;
  }
  const consistent = allocated === applied && available === stockPerSku * skus.length - applied;
  const usdPerMillion = (counts.writeUnits / applied) * AWS_US_EAST_1.dynamoWriteRequestUnit.usd * 1_000_000;
  console.log(
    `${label}: ${applied}/${allocations} allocations on ${skus.length} SKU(s), ${width} in flight, ${(seconds * 1000).toFixed(0)} ms → ` +
      `${(applied / seconds).toFixed(0)} movements/s, ${((seconds * 1000) / applied).toFixed(2)} ms each\n` +
      `  writes: ${(counts.transactions / applied).toFixed(2)} transactions and ${(counts.items / applied).toFixed(2)} items per movement ` +
      `(marker, balance, movement), ${(counts.writeUnits / applied).toFixed(2)} write units (transactional, retries included) → ` +
      `$${usdPerMillion.toFixed(2)} per million allocations; ${counts.transactions - outcomes.length} transactions sent again ` +
      `(a write that crosses the reorder point re-sends with its stock.low; ${counts.retries} after a conflict — DynamoDB Local serialises transactions, AWS cancels one of two racing ones)\n` +
      `  ledger: allocated ${allocated}, available ${available} — ${consistent ? 'exact' : 'WRONG'}`,
  );
  if (!consistent) process.exitCode = 1;
}

async function main(): Promise<void> {
  await withBenchTable('stock', async (documents, tableName) => {
    // Warm-up: compile the adapter's paths and the SDK's first connections; not printed.
    const quiet = console.log;
    console.log = () => undefined;
    await run('warm-up', documents, tableName, ['SKU-WARM-UP'], concurrency);
    console.log = quiet;
    const many = Array.from({ length: 50 }, (_, index) => `SKU-${String(index).padStart(3, '0')}`);
    await run('spread', documents, tableName, many, concurrency);
    await run('hot SKU', documents, tableName, ['SKU-FLASH-DEAL'], concurrency);
    await run('hot SKU, one at a time', documents, tableName, ['SKU-FLASH-SERIAL'], 1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
