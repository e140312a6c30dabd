/**
 * Foreign exchange as dated data. A table gives, for one effective day, how many units of each
 * currency one US dollar buys; every conversion goes through USD (A → USD → B, folded into one
 * exact ratio) and is rounded once by the rounding rule of `money.ts`.
 */
import { CURRENCIES, decimalRatio, divideRatios, MINOR_UNIT_EXPONENT, multiply, multiplyRatios, ratio, type Currency, type Money, type Ratio } from './money';

export type DecimalString = `${number}`;

export interface FxTable {
  readonly id: string;
  /** First UTC calendar day (YYYY-MM-DD) the table applies to; it applies until a later table starts. */
  readonly effectiveFrom: string;
  /** Units of each currency per 1 USD, as exact decimal strings. USD must be "1". */
  readonly perUsd: Readonly<Record<Currency, DecimalString>>;
  readonly source: string;
  readonly note: string;
  /** True when the figures are illustrative and must not be used for real money. */
  readonly sandbox: boolean;
}

export class FxRateUnavailableError extends Error {
  override readonly name = 'FxRateUnavailableError';
}

/** The UTC calendar day of an instant, "YYYY-MM-DD"; the unit all effective dates are compared in. */
export function utcDay(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('invalid date');
  return at.toISOString().slice(0, 10);
}

/** The table in effect on `day` (YYYY-MM-DD): the latest one starting on or before it. */
export function fxTableOn(tables: readonly FxTable[], day: string): FxTable {
  let best: FxTable | undefined;
  for (const table of tables) {
    if (table.effectiveFrom <= day && (!best || table.effectiveFrom > best.effectiveFrom)) best = table;
  }
  if (!best) throw new FxRateUnavailableError(`no FX table in effect on ${day}`);
  return best;
}

/** Per source currency, per target currency: filled on first use (a plain object lookup on the quote path, no key string to build). */
type PairCache<T> = Record<Currency, Partial<Record<Currency, T>>>;

interface CompiledTable {
  readonly perUsd: Readonly<Record<Currency, Ratio>>;
  readonly pairs: PairCache<Ratio>;
  readonly descriptions: PairCache<string>;
}

const emptyPairs = <T>(): PairCache<T> => Object.fromEntries(CURRENCIES.map((currency) => [currency, {}])) as PairCache<T>;

const compiled = new WeakMap<FxTable, CompiledTable>();

function compile(table: FxTable): CompiledTable {
  let entry = compiled.get(table);
  if (entry) return entry;
  const perUsd = {} as Record<Currency, Ratio>;
  for (const currency of CURRENCIES) {
    const value = decimalRatio(table.perUsd[currency]);
    if (value.num === 0) throw new FxRateUnavailableError(`FX table ${table.id} has a zero rate for ${currency}`);
    perUsd[currency] = value;
  }
  if (perUsd.USD.num !== perUsd.USD.den) throw new FxRateUnavailableError(`FX table ${table.id}: USD per USD must be 1`);
  entry = { perUsd, pairs: emptyPairs(), descriptions: emptyPairs() };
  compiled.set(table, entry);
  return entry;
}

/**
 * The exact factor turning minor units of `from` into minor units of `to`:
 * (perUsd[to] / perUsd[from]) × 10^(exponent[to] − exponent[from]).
 */
export function conversionRatio(from: Currency, to: Currency, table: FxTable): Ratio {
  const entry = compile(table);
  const cached = entry.pairs[from][to];
  if (cached) return cached;
  const shift = MINOR_UNIT_EXPONENT[to] - MINOR_UNIT_EXPONENT[from];
  const scale = shift >= 0 ? ratio(10 ** shift, 1) : ratio(1, 10 ** -shift);
  const result = multiplyRatios(divideRatios(entry.perUsd[to], entry.perUsd[from]), scale);
  entry.pairs[from][to] = result;
  return result;
}

/** Converts through USD with one rounding (half away from zero) to `to`'s minor unit. */
export function convert(value: Money, to: Currency, table: FxTable): Money {
  if (value.currency === to) return value;
  const converted = multiply(value, conversionRatio(value.currency, to, table));
  return { amount: converted.amount, currency: to };
}

/** "1 USD = 7.10 CNY" style text for basis strings (memoised per table and pair). */
export function describeRate(from: Currency, to: Currency, table: FxTable): string {
  const entry = compile(table);
  const cached = entry.descriptions[from][to];
  if (cached !== undefined) return cached;
  const text =
    from === 'USD'
      ? `1 USD = ${table.perUsd[to]} ${to}`
      : to === 'USD'
        ? `1 USD = ${table.perUsd[from]} ${from}`
        : `1 USD = ${table.perUsd[from]} ${from} = ${table.perUsd[to]} ${to}`;
  entry.descriptions[from][to] = text;
  return text;
}
