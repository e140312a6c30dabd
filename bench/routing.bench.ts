import { postalCodeOf } from '../domain/shared/postal-codes';
/**
 * Routing decisions per second: a realistic order per lane (T-shirts to São Paulo, Chiapas, Lima,
 * Bogotá, Santiago, New York; Bluetooth headphones to Mexico City), rated on every service of its
 * lane and routed with the seeded lane KPIs, N times. Prints three figures:
 * - route only (quotes and KPIs already at hand, as in the routing handler);
 * - rate + route (what one order costs end to end in the domain);
 * - laneKpis aggregation from stored weekly counters (done once per lane per batch in practice).
 * Run: npx tsx bench/routing.bench.ts [iterations]
 */
import { KPI_SEED, laneKpis, type LaneKpis } from '../domain/performance';
import { rateShipment, type RatingRequest, type RatingResult } from '../domain/rating';
import { laneOf, routeShipment, type RoutingInput, type SellerPolicy } from '../domain/routing';
import type { DestinationCountry } from '../domain/shared/shipping-terms';

const at = new Date('2026-11-22T12:00:00Z');
const iterations = Number(process.argv[2] ?? 5_000);
const policy: SellerPolicy = { profile: 'best-value', rules: [{ kind: 'tracked-above', valueUsd: { amount: 5000, currency: 'USD' } }] };

const tshirts = {
  quantity: 2,
  unitValue: { amount: 1999, currency: 'USD' as const },
  hsCode: '6109.10',
  category: 'apparel' as const,
  battery: 'none' as const,
};
const headphones = {
  quantity: 1,
  unitValue: { amount: 21_900, currency: 'CNY' as const },
  hsCode: '8518.30',
  category: 'electronics' as const,
  battery: 'lithium-ion-in-equipment' as const,
};

const destinations: readonly (readonly [DestinationCountry, string, RatingRequest['items']])[] = [
  ['BR', '01310-200', [tshirts]],
  ['MX', '29000', [tshirts]],
  ['MX', '06600', [tshirts, headphones]],
  ['PE', '15001', [tshirts]],
  ['CO', '110111', [tshirts]],
  ['CL', '8320000', [tshirts]],
  ['US', '10001', [tshirts]],
];

interface Case {
  readonly request: RatingRequest;
  readonly input: RoutingInput;
  readonly kpis: LaneKpis;
  readonly rating: RatingResult;
}

const cases: Case[] = destinations.map(([country, postalCode, items], i) => {
  const request: RatingRequest = {
    destination: postalCodeOf(country, postalCode),
    parcels: [
      { weightGrams: 1200, lengthMm: 300, widthMm: 250, heightMm: 100 },
      { weightGrams: 640, lengthMm: 220, widthMm: 160, heightMm: 90 },
    ],
    items,
    incoterm: 'DDP',
    insured: true,
    seller: { remessaConforme: true, chileVatRegistered: true },
  };
  const input: RoutingInput = {
    orderId: `bench-${i}`,
    sellerId: 'seller-bench',
    destination: request.destination,
    serviceLevel: 'standard',
    parcels: request.parcels,
    batteries: items.map((item) => item.battery),
    goodsCategories: items.flatMap((item) => (item.category ? [item.category] : [])),
    declaredValueUsd: { amount: 7000, currency: 'USD' },
  };
  return { request, input, kpis: laneKpis(KPI_SEED, at, { lane: laneOf(postalCodeOf(country, postalCode)).id }), rating: rateShipment(request, { at }) };
});

function measure(label: string, perIteration: number, run: () => void): void {
  for (let i = 0; i < Math.min(2000, iterations); i++) run(); // warm-up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) run();
  const ms = performance.now() - start;
  const operations = iterations * perIteration;
  console.log(
    `${label.padEnd(28)} ${(operations / (ms / 1000)).toFixed(0).padStart(8)} /s   ${((ms * 1000) / operations).toFixed(1).padStart(7)} µs each   (${operations} in ${ms.toFixed(0)} ms)`,
  );
}

let routed = 0;
measure('route only', cases.length, () => {
  for (const c of cases) if (routeShipment(c.input, c.rating, c.kpis, policy).status === 'routed') routed++;
});
measure('rate + route', cases.length, () => {
  for (const c of cases) if (routeShipment(c.input, rateShipment(c.request, { at }), c.kpis, policy).status === 'routed') routed++;
});
measure('laneKpis (4 weeks, 1 lane)', cases.length, () => {
  for (const c of cases) laneKpis(KPI_SEED, at, { lane: c.kpis.lane });
});
const services = cases.reduce((n, c) => n + c.rating.quotes.length + c.rating.ineligible.length, 0) / cases.length;
console.log(`${cases.length} lanes, ${services.toFixed(1)} services rated per order on average; ${routed} routed decisions`);
