/**
 * Pricing a chargeable weight against a weight-break table.
 *
 * The break-point rule (as in air-cargo tariffs): a weight is priced in its own break, unless
 * charging it as the minimum weight of a heavier break is cheaper, in which case the cheaper
 * price applies. Formally price(w) = min over breaks k that can hold w of cost_k(max(w, start_k)).
 * Each cost_k is non-decreasing in w and the set of breaks that can hold w only shrinks as w
 * grows, so price(w) never decreases with weight, whatever figures the data holds: a card with a
 * cheaper per-kg rate in a heavier break cannot make a heavier parcel cheaper.
 */
import { type Currency, type Money, formatMoney, fromMajor, scaleAmount } from '../shared/money';
import { formatKg } from './chargeable-weight';
import type { PriceTable } from './rate-card';

interface CompiledBreak {
  readonly fromGrams: number;
  readonly upToGrams: number;
  /** Minor units per kg (per-kg breaks), 0 for flat. */
  readonly perKgMinor: number;
  /** Minor units per parcel (per-kg) or the flat price. */
  readonly fixedMinor: number;
  readonly perKgText: string;
  readonly fixedText: string;
  readonly flat: boolean;
}

export interface CompiledPriceTable {
  readonly currency: Currency;
  readonly maxGrams: number;
  readonly breaks: readonly CompiledBreak[];
}

export class InvalidRateCardError extends Error {
  override readonly name = 'InvalidRateCardError';
}

export function compilePriceTable(table: PriceTable, label: string): CompiledPriceTable {
  if (table.breaks.length === 0) throw new InvalidRateCardError(`${label}: a price table needs at least one break`);
  let previous = 0;
  const breaks = table.breaks.map((b) => {
    if (!Number.isSafeInteger(b.upToGrams) || b.upToGrams <= previous) {
      throw new InvalidRateCardError(`${label}: weight breaks must be ascending integers of grams`);
    }
    const fromGrams = previous;
    previous = b.upToGrams;
    if (b.kind === 'flat') {
      const price = fromMajor(b.price, table.currency);
      return { fromGrams, upToGrams: b.upToGrams, perKgMinor: 0, fixedMinor: price.amount, perKgText: '', fixedText: formatMoney(price), flat: true };
    }
    const perParcel = fromMajor(b.perParcel, table.currency);
    const perKgMinor = fromMajor(b.perKg, table.currency).amount;
    return {
      fromGrams,
      upToGrams: b.upToGrams,
      perKgMinor,
      fixedMinor: perParcel.amount,
      perKgText: `${formatMoney({ amount: perKgMinor, currency: table.currency })}/kg`,
      fixedText: formatMoney(perParcel),
      flat: false,
    };
  });
  return { currency: table.currency, maxGrams: previous, breaks };
}

function costIn(b: CompiledBreak, grams: number): number {
  if (b.flat) return b.fixedMinor;
  // perKg × grams / 1000, rounded once (half away from zero), plus the per-parcel fee.
  return b.fixedMinor + scaleAmount(b.perKgMinor, { num: grams, den: 1000 });
}

function describe(b: CompiledBreak, grams: number): string {
  if (b.flat) return `${formatKg(grams)} in the ${formatKg(b.fromGrams)}–${formatKg(b.upToGrams)} break: flat ${b.fixedText}`;
  return `${formatKg(grams)} × ${b.perKgText} + ${b.fixedText} per parcel`;
}

export interface WeightPrice {
  readonly amount: Money;
  readonly basis: string;
}

/** Price of `grams` (chargeable, ≤ table.maxGrams) by the break-point rule; see the file comment. */
export function priceByWeight(table: CompiledPriceTable, grams: number): WeightPrice {
  if (grams > table.maxGrams || grams <= 0) {
    throw new InvalidRateCardError(`weight ${grams} g is outside the table (max ${table.maxGrams} g)`);
  }
  let own: CompiledBreak | undefined;
  let best: CompiledBreak | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  let bestGrams = grams;
  for (const b of table.breaks) {
    if (b.upToGrams < grams) continue;
    const billed = Math.max(grams, b.fromGrams);
    const cost = costIn(b, billed);
    own ??= b;
    if (cost < bestCost) {
      best = b;
      bestCost = cost;
      bestGrams = billed;
    }
  }
  if (!best || !own) throw new InvalidRateCardError(`no break holds ${grams} g`);
  const amount = { amount: bestCost, currency: table.currency };
  const basis =
    best === own ? describe(best, bestGrams) : `${formatKg(grams)} billed at the next break's minimum, which is cheaper: ${describe(best, bestGrams)}`;
  return { amount, basis };
}
