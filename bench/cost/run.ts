/**
 * `npm run cost [-- --orders 50 --write]`: what an order and its tracking cost on AWS, counted from
 * what the local cloud does (bench/cost/measure.ts) and priced at dated list prices
 * (bench/aws-prices.ts). `--write` records the figures in docs/cost-report.json, which `npm test`
 * holds the counts to (tests/integration/cost.int.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AWS_US_EAST_1 } from '../aws-prices';
import { table } from './bill';
import { figures, measureCost } from './measure';
import { costReport } from './report';

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '6' },
      write: { type: 'boolean', default: false },
      items: { type: 'boolean', default: false },
    },
  });
  const started = Date.now();
  const measurement = await measureCost({ orders: Number(values.orders), warmup: Number(values.warmup), say: (line) => console.log(line) });
  const result = figures(measurement);
  console.log(
    `\n${measurement.orders} orders, ${measurement.updates} tracking updates (${(measurement.updates / measurement.orders).toFixed(1)} per order; ${measurement.polls} of them polls of ${measurement.polledParcels} polled parcels), counted in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log('\nWhat became of them:');
  for (const [outcome, count] of Object.entries(measurement.outcomes).sort()) console.log(`  ${String(count).padStart(3)} × ${outcome}`);
  console.log(
    table('Per order (intake → rating → routing → customs, no tracking) | per tracking update', [
      { name: 'per order', priced: result.perOrder },
      { name: 'per update', priced: result.perUpdate },
    ]),
  );
  console.log(table('Per thousand orders with ten tracking updates each', [{ name: 'per 1000 orders', priced: result.perThousand }]));
  if (measurement.polledParcels > 0) {
    console.log(
      `\nPolling: ${measurement.polledParcels} parcels, ${(measurement.polls / measurement.polledParcels).toFixed(1)} polls each over ${(measurement.polledDays / measurement.polledParcels).toFixed(1)} days: ${(measurement.polls / Math.max(1e-9, measurement.polledDays)).toFixed(2)} polls per parcel per day, ${(measurement.carrierRequests / Math.max(1e-9, measurement.polledDays)).toFixed(2)} carrier requests per parcel per day (a request asks about several parcels)`,
    );
  }
  if (values.items) {
    const show = (title: string, writes: Record<string, number>, per: number) => {
      console.log(`\n${title}`);
      for (const [kind, units] of Object.entries(writes).sort(([, a], [, b]) => b - a)) console.log(`  ${(units / per).toFixed(2).padStart(8)}  ${kind}`);
    };
    show('DynamoDB write units per order, by caller and kind of item (table + indexes)', measurement.writesByItem.order, measurement.orders);
    show('DynamoDB write units per update, by caller and kind of item', measurement.writesByItem.tracking, Math.max(1, measurement.updates));
    const perCaller: Record<string, number> = {};
    for (const line of measurement.trackingUsage) {
      if (line.quantity > 0 && line.service !== 'Lambda') perCaller[`${line.service} ${line.caller}: ${line.what}`] = line.quantity;
    }
    show('Every quantity counted per update, by caller', perCaller, Math.max(1, measurement.updates));
  }
  console.log(`\nPrices: AWS us-east-1 list prices read ${AWS_US_EAST_1.lambdaRequest.checked} (bench/aws-prices.ts).`);
  console.log(`Total: $${result.perThousand.usd.toFixed(4)} per thousand orders with ten updates each (goal: $0.05).`);
  if (values.write) {
    const file = join(__dirname, '..', '..', 'docs', 'cost-report.json');
    writeFileSync(file, `${JSON.stringify(costReport(measurement, result), null, 2)}\n`);
    console.log(`written: ${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
