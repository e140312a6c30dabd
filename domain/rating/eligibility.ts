/**
 * Whether a service can carry a shipment at all: weight and size limits per parcel, refused
 * batteries and goods, delivery coverage. Every reason is reported, not only the first, so a
 * seller sees everything to change.
 */
import type { GoodsCategory } from '../shared/goods';
import { findRange } from '../shared/postal-ranges';
import type { BatteryType } from '../shared/shipping-terms';
import type { ChargeableWeight } from './chargeable-weight';
import { formatKg } from './chargeable-weight';
import type { CompiledCard } from './compiled-card';
import type { IneligibilityReason, RatingParcel } from './types';

export interface ShipmentFacts {
  readonly parcels: readonly RatingParcel[];
  readonly weights: readonly ChargeableWeight[];
  /** Battery types present (other than 'none'), in first-seen order. */
  readonly batteries: readonly BatteryType[];
  readonly categories: readonly GoodsCategory[];
  readonly postalCode: number;
}

const cm = (mm: number): string => `${(mm / 10).toFixed(1)} cm`;

/** The three sides, longest first (three comparisons; no array sort on the quote path). */
function sides(parcel: RatingParcel): [number, number, number] {
  const { lengthMm: x, widthMm: y, heightMm: z } = parcel;
  const [high, low] = x >= y ? [x, y] : [y, x];
  if (z <= low) return [high, low, z];
  return z <= high ? [high, z, low] : [z, high, low];
}

export function longestSideMm(parcel: RatingParcel): number {
  return sides(parcel)[0];
}

export function ineligibilityReasons(compiled: CompiledCard, facts: ShipmentFacts): IneligibilityReason[] {
  const { card } = compiled;
  const { limits } = card;
  const reasons: IneligibilityReason[] = [];
  const hasBattery = facts.batteries.length > 0;

  facts.parcels.forEach((parcel, parcelIndex) => {
    const weight = facts.weights[parcelIndex];
    if (parcel.weightGrams > limits.maxWeightGrams) {
      reasons.push({
        code: 'OVERWEIGHT',
        parcelIndex,
        message: `parcel ${parcelIndex + 1} weighs ${formatKg(parcel.weightGrams)}, over the ${formatKg(limits.maxWeightGrams)} limit`,
      });
    } else if (hasBattery && limits.maxWeightWithBatteryGrams !== undefined && parcel.weightGrams > limits.maxWeightWithBatteryGrams) {
      // Items are not assigned to parcels, so every parcel of a shipment with batteries is treated as holding them.
      reasons.push({
        code: 'OVERWEIGHT',
        parcelIndex,
        message: `parcel ${parcelIndex + 1} weighs ${formatKg(parcel.weightGrams)}, over the ${formatKg(limits.maxWeightWithBatteryGrams)} limit for parcels with batteries`,
      });
    }
    if (weight && weight.chargeableGrams > compiled.maxChargeableGrams) {
      reasons.push({
        code: 'OVERWEIGHT',
        parcelIndex,
        message: `parcel ${parcelIndex + 1} has a chargeable (volumetric) weight of ${formatKg(weight.chargeableGrams)}, over the ${formatKg(compiled.maxChargeableGrams)} the service prices`,
      });
    }
    const [length, width, height] = sides(parcel);
    if (length > limits.maxLongestSideMm) {
      reasons.push({
        code: 'OVERSIZE',
        parcelIndex,
        message: `parcel ${parcelIndex + 1} is ${cm(length)} long, over the ${cm(limits.maxLongestSideMm)} limit`,
      });
    }
    const lengthPlusGirth = length + 2 * (width + height);
    if (limits.maxLengthPlusGirthMm !== undefined && lengthPlusGirth > limits.maxLengthPlusGirthMm) {
      reasons.push({
        code: 'OVERSIZE',
        parcelIndex,
        message: `parcel ${parcelIndex + 1} measures ${cm(lengthPlusGirth)} length + girth, over the ${cm(limits.maxLengthPlusGirthMm)} limit`,
      });
    }
    const sumOfSides = length + width + height;
    if (limits.maxSumOfSidesMm !== undefined && sumOfSides > limits.maxSumOfSidesMm) {
      reasons.push({
        code: 'OVERSIZE',
        parcelIndex,
        message: `parcel ${parcelIndex + 1} measures ${cm(sumOfSides)} in sum of sides, over the ${cm(limits.maxSumOfSidesMm)} limit`,
      });
    }
  });

  for (const battery of facts.batteries) {
    if (compiled.refusedBatteries.has(battery)) {
      reasons.push({ code: 'BATTERY_REFUSED', message: `${card.name} does not carry ${battery} batteries` });
    }
  }
  for (const category of facts.categories) {
    if (compiled.refusedCategories.has(category)) {
      reasons.push({ code: 'GOODS_REFUSED', message: `${card.name} does not carry ${category} goods` });
    }
  }
  const unserved = findRange(compiled.unservedRanges, facts.postalCode);
  if (unserved) {
    reasons.push({ code: 'POSTAL_CODE_NOT_SERVED', message: `${card.carriers.lastMile} does not deliver to ${unserved.label} on this service` });
  }
  return reasons;
}
