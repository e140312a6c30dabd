/** Prices what the meter counted (bench/aws-prices.ts) and lays it out per order, per update and per thousand orders. */
import { AWS_US_EAST_1 } from '../aws-prices';
import type { Usage } from './meter';

export interface Priced {
  readonly usd: number;
  /** Billable requests (API, invocations, DynamoDB, SQS and S3 requests, events, Secrets Manager and KMS calls). */
  readonly requests: number;
  readonly byService: Record<string, { quantity: Record<string, number>; usd: number; requests: number }>;
  readonly byFunction: Record<string, { usd: number; requests: number }>;
}

/** Usage lines that cost per order (idle polling, counted as requests with no quantity, is a monthly cost, not a per-order one). */
const billable = (usage: readonly Usage[]) => usage.filter((line) => line.quantity > 0);

export function price(usage: readonly Usage[], per = 1): Priced {
  const byService: Priced['byService'] = {};
  const byFunction: Priced['byFunction'] = {};
  let usd = 0;
  let requests = 0;
  for (const line of billable(usage)) {
    const cost = (line.quantity * AWS_US_EAST_1[line.price].usd) / per;
    const lineRequests = AWS_US_EAST_1[line.price].usd === 0 || line.price === 'lambdaArmGbSecond' || line.price === 'logIngestedGb' ? 0 : line.requests / per;
    usd += cost;
    requests += lineRequests;
    const service = (byService[line.service] ??= { quantity: {}, usd: 0, requests: 0 });
    service.usd += cost;
    service.requests += lineRequests;
    service.quantity[line.what] = (service.quantity[line.what] ?? 0) + line.quantity / per;
    const fn = (byFunction[line.caller] ??= { usd: 0, requests: 0 });
    fn.usd += cost;
    fn.requests += lineRequests;
  }
  return { usd, requests, byService, byFunction };
}

/** DynamoDB write units (table and index) in priced usage. */
export const writeUnits = (priced: Priced): number =>
  Object.entries(priced.byService.DynamoDB?.quantity ?? {})
    .filter(([what]) => what.includes('write units'))
    .reduce((sum, [, quantity]) => sum + quantity, 0);

const usd = (value: number, digits = 6) => `$${value.toFixed(digits)}`;
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

/** A table: one row per service (with what was counted), then per function, for each column. */
export function table(title: string, columns: readonly { name: string; priced: Priced }[]): string {
  const services = [...new Set(columns.flatMap((column) => Object.keys(column.priced.byService)))].sort(
    (a, b) => (columns.at(-1)!.priced.byService[b]?.usd ?? 0) - (columns.at(-1)!.priced.byService[a]?.usd ?? 0),
  );
  const functions = [...new Set(columns.flatMap((column) => Object.keys(column.priced.byFunction)))].sort(
    (a, b) => (columns.at(-1)!.priced.byFunction[b]?.usd ?? 0) - (columns.at(-1)!.priced.byFunction[a]?.usd ?? 0),
  );
  const lines = [`\n${title}`, `${pad('', 44)}${columns.map((column) => lpad(column.name, 26)).join('')}`];
  const row = (label: string, cell: (priced: Priced) => string) =>
    lines.push(`${pad(label, 44)}${columns.map((column) => lpad(cell(column.priced), 26)).join('')}`);
  row('total', (priced) => `${usd(priced.usd)} ${priced.requests.toFixed(1)} req`);
  lines.push('by service');
  for (const service of services) {
    row(`  ${service}`, (priced) => `${usd(priced.byService[service]?.usd ?? 0)} ${(priced.byService[service]?.requests ?? 0).toFixed(1)} req`);
    const whats = [...new Set(columns.flatMap((column) => Object.keys(column.priced.byService[service]?.quantity ?? {})))].sort();
    for (const what of whats) row(`      ${what}`, (priced) => (priced.byService[service]?.quantity[what] ?? 0).toPrecision(4));
  }
  lines.push('by function (who made the request; the platform: event source mappings and rule targets)');
  for (const fn of functions) row(`  ${fn}`, (priced) => `${usd(priced.byFunction[fn]?.usd ?? 0)} ${(priced.byFunction[fn]?.requests ?? 0).toFixed(1)} req`);
  return lines.join('\n');
}
