/**
 * Micro benchmark of the rating engine: rates a realistic two-parcel order on every service of
 * every lane, N times, and prints orders/second, quotes/second and µs per order (target: under
 * 100 µs of CPU per order).
 *
 * Measured twice: on the rating code bundled as Lambda runs it (esbuild with the functions' options,
 * infra/constructs/bundling.ts), which is the figure the target is held to, and on the code as this
 * script imports it through tsx, whose module wrappers add a getter call to every call between
 * modules and a naming call to every closure (about a fifth of the time). CPU time is printed beside
 * wall time: on a machine shared with other work the wall clock also counts the neighbours.
 * Run: npx tsx bench/rating.bench.ts [iterations]
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as rating from '../domain/rating';
import { type RatingRequest } from '../domain/rating';
import * as postalCodes from '../domain/shared/postal-codes';
import { BUNDLING } from '../infra/constructs/bundling';
import { DESTINATION_COUNTRIES, type DestinationCountry } from '../domain/shared/shipping-terms';

const POSTAL: Readonly<Record<DestinationCountry, string>> = {
  BR: '30130-000',
  MX: '06600',
  CL: '8320000',
  CO: '110111',
  PE: '15001',
  US: '10001',
};

interface RatingCode {
  readonly rateShipment: typeof rating.rateShipment;
  readonly postalCodeOf: typeof postalCodes.postalCodeOf;
}

function order(code: RatingCode, country: DestinationCountry): RatingRequest {
  return {
    destination: code.postalCodeOf(country, POSTAL[country]),
    parcels: [
      { weightGrams: 1200, lengthMm: 300, widthMm: 250, heightMm: 100 },
      { weightGrams: 640, lengthMm: 220, widthMm: 160, heightMm: 90 },
    ],
    items: [
      { quantity: 2, unitValue: { amount: 1999, currency: 'USD' }, hsCode: '6109.10', category: 'apparel', battery: 'none' },
      { quantity: 1, unitValue: { amount: 21_900, currency: 'CNY' }, hsCode: '8518.30', category: 'electronics', battery: 'lithium-ion-in-equipment' },
      { quantity: 1, unitValue: { amount: 899, currency: 'USD' }, hsCode: '4202.32', category: 'accessories', battery: 'none' },
    ],
    incoterm: 'DDP',
    insured: true,
    seller: { remessaConforme: true, chileVatRegistered: true },
  };
}

const iterations = Number(process.argv[2] ?? 20_000);
const at = new Date('2026-11-22T12:00:00Z');

/** rateShipment and postalCodeOf bundled and minified as a function's bundle is, loaded from a file. */
async function bundledRatingCode(): Promise<RatingCode> {
  const root = join(__dirname, '..');
  const result = await build({
    stdin: {
      contents: "export { rateShipment } from './domain/rating'; export { postalCodeOf } from './domain/shared/postal-codes';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: BUNDLING.target,
    format: BUNDLING.format,
    minify: BUNDLING.minify,
    write: false,
    logLevel: 'silent',
  });
  const folder = mkdtempSync(join(tmpdir(), 'enlace-rating-bench-'));
  try {
    const file = join(folder, 'rating.js');
    writeFileSync(file, result.outputFiles[0]!.contents);
    return require(file) as RatingCode; // eslint-disable-line @typescript-eslint/no-require-imports
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function measure(label: string, code: RatingCode): void {
  const orders = DESTINATION_COUNTRIES.map((country) => order(code, country));
  let quotes = 0;
  // Warm-up: compile the cards, let the JIT settle.
  for (let i = 0; i < 2000; i++) for (const o of orders) code.rateShipment(o, { at });

  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    for (const o of orders) {
      const result = code.rateShipment(o, { at });
      quotes += result.quotes.length + result.ineligible.length;
    }
  }
  const elapsedMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  const ordersRated = iterations * orders.length;
  const usPerOrder = (elapsedMs * 1000) / ordersRated;
  console.log(`-- ${label}`);
  console.log(`rated ${ordersRated} orders (${quotes} service quotes) in ${elapsedMs.toFixed(0)} ms`);
  console.log(`${(ordersRated / (elapsedMs / 1000)).toFixed(0)} orders/s, ${(quotes / (elapsedMs / 1000)).toFixed(0)} quotes/s`);
  console.log(
    `${usPerOrder.toFixed(1)} µs per order (every service of its lane), ${(usPerOrder * orders.length).toFixed(1)} µs for one order on all six lanes`,
  );
  console.log(`${((cpuMs * 1000) / ordersRated).toFixed(1)} µs of CPU per order`);
}

async function main(): Promise<void> {
  measure('as deployed (esbuild bundle, minified; target < 100 µs of CPU per order)', await bundledRatingCode());
  measure("through tsx (this script's own imports)", { rateShipment: rating.rateShipment, postalCodeOf: postalCodes.postalCodeOf });
}

void main();
