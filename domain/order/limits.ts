import { type Currency, MINOR_UNIT_EXPONENT, toMajorString } from '../shared/money';

/**
 * The largest total declared value an order (or a proposed shipment at POST /v1/rates) may carry,
 * per currency, in major units: about US$1,000,000 at the sandbox FX rates, far above any parcel
 * regime (Brazil's RTS stops at US$3,000, Mexico's courier regime at US$2,500) and far below where
 * exact integer arithmetic could run out (a quote converts the value, adds duties "por dentro" and
 * may be expressed in COP, four thousand pesos to the dollar). Without it 100 items × 10,000 units ×
 * "999999999.99" overflowed the safe-integer range and answered 500.
 *
 * Source: Enlace policy, not a law: parcels only; formal cargo imports are out of scope.
 * Effective 2026-05-01. SANDBOX APPROXIMATION of the per-currency equivalents (round figures).
 */
export const MAX_DECLARED_VALUE = {
  source: 'Enlace policy (parcels only); per-currency equivalents are round sandbox figures',
  effectiveFrom: '2026-05-01',
  sandbox: true,
  majorUnits: {
    USD: 1_000_000,
    CNY: 7_000_000,
    MXN: 20_000_000,
    BRL: 5_000_000,
    CLP: 1_000_000_000,
    COP: 4_000_000_000,
    PEN: 4_000_000,
  } satisfies Readonly<Record<Currency, number>>,
} as const;

/** The cap in minor units of `currency`. */
export function maxDeclaredValueMinor(currency: Currency): bigint {
  return BigInt(MAX_DECLARED_VALUE.majorUnits[currency]) * 10n ** BigInt(MINOR_UNIT_EXPONENT[currency]);
}

/** Why the items' total declared value is refused (undefined: within the cap). Exact, whatever the inputs. */
export function declaredValueProblem(items: readonly { readonly quantity: number; readonly amount: number }[], currency: Currency): string | undefined {
  const total = items.reduce((sum, item) => sum + BigInt(item.amount) * BigInt(item.quantity), 0n);
  const cap = maxDeclaredValueMinor(currency);
  if (total <= cap) {
    return undefined;
  }
  const capText = toMajorString({ amount: Number(cap), currency });
  return `the order's total declared value (quantity × unitDeclaredValue over every item) must be at most ${currency} ${capText}; Enlace carries parcels, not cargo`;
}
