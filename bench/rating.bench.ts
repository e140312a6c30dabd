import { postalCodeOf } from '../domain/shared/postal-codes';
/**
 * Micro benchmark of the rating engine: rates a realistic two-parcel order on every service of
 * every lane, N times, and prints orders/second, quotes/second and µs per order.
 * Run: npx tsx bench/rating.bench.ts [iterations]
 */
import { rateShipment, type RatingRequest } from '../domain/rating';
import { DESTINATION_COUNTRIES, type DestinationCountry } from '../domain/shared/shipping-terms';

const POSTAL: Readonly<Record<DestinationCountry, string>> = {
  BR: '30130-000',
  MX: '06600',
  CL: '8320000',
  CO: '110111',
  PE: '15001',
  US: '10001',
};

function order(country: DestinationCountry): RatingRequest {
  return {
    destination: postalCodeOf(country, POSTAL[country]),
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
const orders = DESTINATION_COUNTRIES.map(order);

let quotes = 0;
// Warm-up: compile the cards, let the JIT settle.
for (let i = 0; i < 2000; i++) for (const o of orders) rateShipment(o, { at });

const start = performance.now();
for (let i = 0; i < iterations; i++) {
  for (const o of orders) {
    const result = rateShipment(o, { at });
    quotes += result.quotes.length + result.ineligible.length;
  }
}
const elapsedMs = performance.now() - start;

const ordersRated = iterations * orders.length;
const usPerOrder = (elapsedMs * 1000) / ordersRated;
console.log(`rated ${ordersRated} orders (${quotes} service quotes) in ${elapsedMs.toFixed(0)} ms`);
console.log(`${(ordersRated / (elapsedMs / 1000)).toFixed(0)} orders/s, ${(quotes / (elapsedMs / 1000)).toFixed(0)} quotes/s`);
console.log(`${usPerOrder.toFixed(1)} µs per order (every service of its lane), ${(usPerOrder * orders.length).toFixed(1)} µs for one order on all six lanes`);
