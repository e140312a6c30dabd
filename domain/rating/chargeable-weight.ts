/**
 * Chargeable weight of one parcel: max(actual, volumetric), rounded UP to the card's increment,
 * and never below the card's minimum. Volumetric grams = L×W×H in mm³ / divisor, because a
 * divisor in cm³/kg gives kg = cm³/divisor and cm³ × 1000 = mm³, kg × 1000 = g.
 * Integer arithmetic throughout, so the result is exact.
 */
import type { ChargeableWeightRule } from './rate-card';

export interface ParcelSize {
  readonly weightGrams: number;
  readonly lengthMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface ChargeableWeight {
  readonly actualGrams: number;
  /** Volumetric weight in whole grams (rounded up). */
  readonly volumetricGrams: number;
  /** False when the card ignores volumetric weight for this parcel (below its threshold). */
  readonly volumetricCounts: boolean;
  readonly chargeableGrams: number;
}

export function volumeMm3(parcel: ParcelSize): number {
  return parcel.lengthMm * parcel.widthMm * parcel.heightMm;
}

/** L×W×H / divisor in grams, rounded up to the gram. */
export function volumetricWeightGrams(parcel: ParcelSize, dimDivisor: number): number {
  return Math.ceil(volumeMm3(parcel) / dimDivisor);
}

/** Smallest multiple of `increment` that is ≥ grams. */
export function roundUpToIncrement(grams: number, increment: number): number {
  return Math.ceil(grams / increment) * increment;
}

export function chargeableWeight(parcel: ParcelSize, rule: ChargeableWeightRule): ChargeableWeight {
  const volumetricGrams = volumetricWeightGrams(parcel, rule.dimDivisor);
  const threshold = rule.volumetricOnlyAbove;
  const volumetricCounts =
    threshold === undefined ||
    ((threshold.grams === undefined || volumetricGrams > threshold.grams) && (threshold.volumeMm3 === undefined || volumeMm3(parcel) > threshold.volumeMm3));
  const heavier = volumetricCounts ? Math.max(parcel.weightGrams, volumetricGrams) : parcel.weightGrams;
  const chargeableGrams = Math.max(roundUpToIncrement(heavier, rule.incrementGrams), rule.minimumGrams);
  return { actualGrams: parcel.weightGrams, volumetricGrams, volumetricCounts, chargeableGrams };
}

/** "1.250 kg" — weights in basis strings. */
export function formatKg(grams: number): string {
  // Whole grams (every weight rating sees) are written with integer arithmetic, the same text as
  // toFixed(3) gives for them and several times faster on the quote path.
  if (Number.isSafeInteger(grams) && grams >= 0) return `${Math.trunc(grams / 1000)}.${String(grams % 1000).padStart(3, '0')} kg`;
  return `${(grams / 1000).toFixed(3)} kg`;
}
