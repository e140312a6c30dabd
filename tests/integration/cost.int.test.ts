/**
 * The cost of an order is held to the committed report (docs/cost-report.json, written by
 * `npm run cost -- --write`): counted again here with a few orders, one of each sample, the billable
 * requests and DynamoDB write units per order with ten tracking updates may not grow by more than
 * 10 % unless the report is updated with them. Counts, not timings: every step waits for its signal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { figures, measureCost } from '../../bench/cost/measure';

const report = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'cost-report.json'), 'utf8')) as {
  counts: { requestsPerOrderWithTenUpdates: number; writeUnitsPerOrderWithTenUpdates: number };
};

describe('what an order costs (npm run cost)', () => {
  it('counts no more requests or write units per order than the committed report, give or take 10 %', async () => {
    // Prepare / Act: a local cloud of its own, metered, with one order of each sample and its tracking.
    const measurement = await measureCost({ orders: 6, warmup: 0 });
    const result = figures(measurement);

    // Assess
    expect(measurement.updates).toBeGreaterThanOrEqual(6 * 10);
    expect(result.perOrderWithUpdates.requests).toBeLessThanOrEqual(report.counts.requestsPerOrderWithTenUpdates * 1.1);
    expect(result.writeUnitsPerOrderWithUpdates).toBeLessThanOrEqual(report.counts.writeUnitsPerOrderWithTenUpdates * 1.1);
    // The meter saw the pipeline: a check that counted nothing would pass anything.
    expect(result.perOrderWithUpdates.requests).toBeGreaterThan(report.counts.requestsPerOrderWithTenUpdates * 0.5);
  }, 240_000);
});
