/**
 * Money done one way everywhere: an integer number of minor units plus an ISO 4217 currency.
 *
 * THE rounding rule (the only one in the codebase): whenever an exact amount that is not a whole
 * number of minor units has to become Money, it is rounded HALF AWAY FROM ZERO to the minor unit
 * (half-up for the positive amounts rating produces: 12.285 → 12.29, 12.284 → 12.28).
 * Why this rule and not banker's rounding: every line of a quote is rounded exactly once, at the
 * moment it is computed, and totals are sums of the rounded lines, so there is no long chain of
 * roundings whose bias banker's rounding would cancel; what matters instead is that a seller, a
 * customs broker or a tax calculator checking a line by hand gets the same cent, and they round
 * half-up (the published Brazilian check values, e.g. ICMS 12.289… → 12.29, are reproduced by it).
 * Rates are exact rationals (`Ratio`, parsed from decimal strings), never binary floats, so the
 * rounding happens on the exact value: 1.005 × 100 is 100.5 here, not 100.49999.
 */

export const CURRENCIES = ['CNY', 'USD', 'MXN', 'BRL', 'CLP', 'COP', 'PEN'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** An amount in integer minor units (cents, centavos, fen; whole pesos for CLP) of `currency`. */
export interface Money {
  readonly amount: number;
  readonly currency: Currency;
}

/**
 * Minor-unit exponents from the ISO 4217 list one (SIX, the ISO 4217 maintenance agency).
 * CLP: exponent 0 (no centavos). COP: exponent 2 in ISO 4217, although centavo coins no longer
 * circulate and prices are quoted in whole pesos; we keep the ISO exponent so amounts round-trip
 * with payment processors and bank files, and carrier prices in COP are simply whole hundreds.
 */
export const MINOR_UNIT_EXPONENT: Readonly<Record<Currency, number>> = {
  CNY: 2,
  USD: 2,
  MXN: 2,
  BRL: 2,
  CLP: 0,
  COP: 2,
  PEN: 2,
};

export class InvalidMoneyError extends Error {
  override readonly name = 'InvalidMoneyError';
}

export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
  constructor(a: Currency, b: Currency) {
    super(`cannot combine ${a} with ${b}: convert one of them first`);
  }
}

const CURRENCY_SET: ReadonlySet<string> = new Set(CURRENCIES);

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && CURRENCY_SET.has(value);
}

/** Builds Money from minor units; throws unless `amount` is a safe integer and the currency known. */
export function money(amount: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amount)) throw new InvalidMoneyError(`amount must be an integer number of minor units, got ${amount}`);
  if (!isCurrency(currency)) throw new InvalidMoneyError(`unknown currency ${String(currency)}`);
  return { amount, currency };
}

export function zero(currency: Currency): Money {
  return { amount: 0, currency };
}

export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { amount?: unknown; currency?: unknown };
  return Number.isSafeInteger(candidate.amount) && isCurrency(candidate.currency);
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string in major units ("19.90") exactly. Throws if it has more decimals than
 * the currency has minor units: data must not hide a rounding.
 */
export function fromMajor(decimal: string, currency: Currency): Money {
  const match = DECIMAL.exec(decimal.trim());
  if (!match) throw new InvalidMoneyError(`not a decimal amount: "${decimal}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  const exponent = MINOR_UNIT_EXPONENT[currency];
  if (fraction.replace(/0+$/, '').length > exponent) {
    throw new InvalidMoneyError(`"${decimal}" has more decimals than ${currency} allows (${exponent})`);
  }
  const minor = Number(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
  return money(sign ? -minor : minor, currency);
}

/** `fromMajor` for input: undefined, rather than an error, when the decimal does not fit the currency. */
export function parseMajor(decimal: string, currency: Currency): Money | undefined {
  try {
    return fromMajor(decimal, currency);
  } catch (error) {
    if (error instanceof InvalidMoneyError) return undefined;
    throw error;
  }
}

/** "1234.56" for USD 1,234.56; "12345" for CLP 12,345. */
export function toMajorString(value: Money): string {
  const exponent = MINOR_UNIT_EXPONENT[value.currency];
  const digits = Math.abs(value.amount).toString();
  const sign = value.amount < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

function checked(amount: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amount)) throw new InvalidMoneyError(`amount overflowed the safe integer range (${currency})`);
  return { amount, currency };
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return checked(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return checked(a.amount - b.amount, a.currency);
}

/** Sum of amounts that must all be in `currency` (zero for an empty list). */
export function sum(currency: Currency, values: readonly Money[]): Money {
  let total = 0;
  for (const value of values) {
    if (value.currency !== currency) throw new CurrencyMismatchError(currency, value.currency);
    total += value.amount;
  }
  return checked(total, currency);
}

/** Multiplies by a whole number (quantities); exact, no rounding. */
export function times(value: Money, factor: number): Money {
  if (!Number.isSafeInteger(factor)) throw new InvalidMoneyError(`factor must be an integer, got ${factor}`);
  return checked(value.amount * factor, value.currency);
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

export function maxOf(a: Money, b: Money): Money {
  return compare(a, b) >= 0 ? a : b;
}

export function isZero(value: Money): boolean {
  return value.amount === 0;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

// ---------------------------------------------------------------------------------------------
// Exact ratios: percentages, tax rates and FX rates as num/den of safe integers.

/** An exact non-negative rational number num/den (den > 0), both safe integers, in lowest terms. */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

export class InvalidRatioError extends Error {
  override readonly name = 'InvalidRatioError';
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function bigGcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduceBig(num: bigint, den: bigint): Ratio {
  if (den <= 0n) throw new InvalidRatioError('denominator must be positive');
  const divisor = bigGcd(num, den) || 1n;
  const n = num / divisor;
  const d = den / divisor;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (n > max || d > max || n < -max) throw new InvalidRatioError(`ratio ${n}/${d} does not fit in safe integers`);
  return { num: Number(n), den: Number(d) };
}

export function ratio(num: number, den: number): Ratio {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0 || num < 0) {
    throw new InvalidRatioError(`invalid ratio ${num}/${den}`);
  }
  const divisor = gcd(num, den) || 1;
  return { num: num / divisor, den: den / divisor };
}

/** "0.335" → 335/1000 reduced; exact. */
export function decimalRatio(decimal: string): Ratio {
  const match = DECIMAL.exec(decimal.trim());
  if (!match || match[1] === '-') throw new InvalidRatioError(`not a non-negative decimal: "${decimal}"`);
  const [, , whole = '0', fraction = ''] = match;
  return reduceBig(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

const percentCache = new Map<string, Ratio>();

/** "33.5" (per cent) → 335/1000 (memoised: rates come from a small set of data strings). */
export function percentRatio(percent: string): Ratio {
  const cached = percentCache.get(percent);
  if (cached) return cached;
  const r = decimalRatio(percent);
  const result = reduceBig(BigInt(r.num), BigInt(r.den) * 100n);
  percentCache.set(percent, result);
  return result;
}

export function multiplyRatios(a: Ratio, b: Ratio): Ratio {
  return reduceBig(BigInt(a.num) * BigInt(b.num), BigInt(a.den) * BigInt(b.den));
}

export function divideRatios(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0) throw new InvalidRatioError('division by zero');
  return reduceBig(BigInt(a.num) * BigInt(b.den), BigInt(a.den) * BigInt(b.num));
}

/** t/(1−t): turns a rate charged on a base that includes the tax ("por dentro") into one on the base without it. */
export function inclusiveToExclusive(rate: Ratio): Ratio {
  if (rate.num >= rate.den) throw new InvalidRatioError('an inclusive rate must be below 100%');
  return ratio(rate.num, rate.den - rate.num);
}

/**
 * num/den rounded half away from zero to an integer (the rounding rule). Exact for any safe
 * integers: uses integer remainder arithmetic, falling back to BigInt when num is not safe.
 */
export function roundHalfAwayFromZero(num: number, den: number): number {
  if (den <= 0 || !Number.isSafeInteger(den)) throw new InvalidRatioError(`invalid denominator ${den}`);
  if (Number.isSafeInteger(num)) {
    const remainder = num % den;
    const quotient = (num - remainder) / den;
    if (2 * Math.abs(remainder) >= den) return quotient + (num < 0 ? -1 : 1);
    return quotient;
  }
  throw new InvalidRatioError(`numerator ${num} is not a safe integer`);
}

function roundBig(num: bigint, den: bigint): number {
  const remainder = num % den;
  let quotient = (num - remainder) / den;
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (2n * absRemainder >= den) quotient += num < 0n ? -1n : 1n;
  const result = Number(quotient);
  if (!Number.isSafeInteger(result)) throw new InvalidMoneyError('amount overflowed the safe integer range');
  return result;
}

/** amount × num / den in integer minor units, rounded once by the rounding rule. */
export function scaleAmount(amount: number, r: Ratio): number {
  const product = amount * r.num;
  if (Number.isSafeInteger(product)) return roundHalfAwayFromZero(product, r.den);
  return roundBig(BigInt(amount) * BigInt(r.num), BigInt(r.den));
}

/** value × rate, rounded once to the minor unit (half away from zero). */
export function multiply(value: Money, rate: Ratio): Money {
  return { amount: scaleAmount(value.amount, rate), currency: value.currency };
}

const percentTexts = new WeakMap<Ratio, string>();

/** "17%", "33.5%", "16.5%" — for basis strings (memoised per ratio: rating formats the same card rates on every quote). */
export function formatPercent(rate: Ratio): string {
  const cached = percentTexts.get(rate);
  if (cached !== undefined) return cached;
  const percent = (rate.num * 100) / rate.den;
  const text = `${Number.isInteger(percent) ? percent.toString() : Number(percent.toFixed(6)).toString()}%`;
  percentTexts.set(rate, text);
  return text;
}

// ---------------------------------------------------------------------------------------------

/**
 * Splits `value` into parts proportional to non-negative integer `weights`, by largest remainder
 * (ties to the earlier part), so the parts always add up to `value` exactly.
 */
export function allocate(value: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new InvalidMoneyError('allocate needs at least one weight');
  let totalWeight = 0;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new InvalidMoneyError(`weights must be non-negative integers, got ${w}`);
    totalWeight += w;
  }
  if (totalWeight === 0) throw new InvalidMoneyError('weights must not all be zero');
  const sign = value.amount < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(value.amount));
  const total = BigInt(totalWeight);
  const shares = weights.map((w) => (magnitude * BigInt(w)) / total);
  const remainders = weights.map((w, index) => ({ index, rest: (magnitude * BigInt(w)) % total }));
  let left = magnitude - shares.reduce((acc, s) => acc + s, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((s) => ({ amount: Number(s * sign), currency: value.currency }));
}

// ---------------------------------------------------------------------------------------------

function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (; head < digits.length; head += 3) out += `,${digits.slice(head, head + 3)}`;
  return out;
}

/**
 * Locale-free human form used in quote basis strings and logs: "USD 1,234.56", "CLP 12,345",
 * "BRL -3.10". For display in a buyer's language use `formatMoneyLocalized`.
 */
export function formatMoney(value: Money): string {
  const exponent = MINOR_UNIT_EXPONENT[value.currency];
  const sign = value.amount < 0 ? '-' : '';
  const digits = Math.abs(value.amount).toString();
  if (exponent === 0) return `${value.currency} ${sign}${groupThousands(digits)}`;
  const padded = digits.length > exponent ? digits : digits.padStart(exponent + 1, '0');
  const cut = padded.length - exponent;
  return `${value.currency} ${sign}${groupThousands(padded.slice(0, cut))}.${padded.slice(cut)}`;
}

const localizedFormatters = new Map<string, Intl.NumberFormat>();

/** Intl formatting with the ISO exponent enforced ("R$ 1.234,56" for pt-BR). */
export function formatMoneyLocalized(value: Money, locale: string): string {
  const key = `${locale}|${value.currency}`;
  let formatter = localizedFormatters.get(key);
  if (!formatter) {
    const digits = MINOR_UNIT_EXPONENT[value.currency];
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    localizedFormatters.set(key, formatter);
  }
  // A numeric string keeps the amount exact (Intl.NumberFormat v3 accepts them).
  return formatter.format(toMajorString(value) as `${number}`);
}
