/**
 * Last-mile carrier profiles as data (data/carriers-*.ts): which services each carrier performs,
 * where it delivers, what it refuses, its limits and its tracking-number format. Rating already
 * checks each service's card; these are the carrier's own rules, checked again by routing because
 * a carrier's network can be narrower than the line that feeds it (Correios refuses lithium on
 * its air network even when the line carries it).
 */
import type { PostalRange, Provenance } from '../rating';
import type { LastMileCarrier } from '../shared/carriers';
import type { GoodsCategory } from '../shared/goods';
import type { PostalCode } from '../shared/postal-codes';
import { type NumericRange, compileRanges, findRange } from '../shared/postal-ranges';
import type { BatteryType, DestinationCountry, ServiceLevel } from '../shared/shipping-terms';
import type { TrackingFormat } from './tracking-numbers';

/** One rate-card service this carrier delivers. */
export interface CarrierServiceOffer {
  readonly serviceId: string;
  readonly level: ServiceLevel;
  /** Scanned to the door. False for an ordinary (unregistered) small packet whose tracking ends at hand-over. */
  readonly tracked: boolean;
  /** This service's number format when it differs from the carrier's (e.g. the S10 service indicator). */
  readonly tracking?: TrackingFormat;
}

export interface CarrierCoverage {
  /** 'nationwide', or the only ranges the carrier delivers in. */
  readonly served: 'nationwide' | readonly PostalRange[];
  /** "the Mexico City, Guadalajara… metro areas": how a seller reads `served`. */
  readonly servedDescription?: string;
  readonly notServed: readonly PostalRange[];
  /** Delivered, with a surcharge and extra days (the surcharge itself is on the rate card). */
  readonly remote: readonly PostalRange[];
  readonly provenance: Provenance;
}

export interface CarrierLimits {
  readonly maxWeightGrams: number;
  readonly maxLongestSideMm?: number;
  /** Length + 2 × (width + height). */
  readonly maxLengthPlusGirthMm?: number;
  /** 2 × (width + height) of the two shorter sides. */
  readonly maxGirthMm?: number;
  readonly maxSumOfSidesMm?: number;
  readonly provenance: Provenance;
}

export interface CarrierProfile {
  readonly slug: LastMileCarrier;
  readonly name: string;
  readonly country: DestinationCountry;
  readonly services: readonly CarrierServiceOffer[];
  readonly coverage: CarrierCoverage;
  readonly limits: CarrierLimits;
  readonly refused: { readonly batteries: readonly BatteryType[]; readonly categories: readonly GoodsCategory[]; readonly provenance: Provenance };
  readonly tracking: TrackingFormat;
  readonly provenance: Provenance;
}

/** A parcel as routing sees it: dimensions may be unknown (a derived parcel awaiting measurement). */
export interface RoutingParcel {
  readonly weightGrams: number;
  readonly lengthMm?: number;
  readonly widthMm?: number;
  readonly heightMm?: number;
}

export type CarrierRestrictionCode = 'NOT_COVERED' | 'OVERWEIGHT' | 'OVERSIZE' | 'BATTERY_REFUSED' | 'GOODS_REFUSED';

export interface CarrierRestriction {
  readonly code: CarrierRestrictionCode;
  /** What the carrier does, without its name: "does not deliver to 29000 (Chiapas)". */
  readonly clause: string;
  /** The clause with the carrier's name: "99minutos does not deliver to 29000 (Chiapas)". */
  readonly message: string;
  readonly parcelIndex?: number;
}

// ------------------------------------------------------------------ words

const BATTERY_WORDS: Readonly<Record<BatteryType, string>> = {
  none: 'goods without batteries',
  'lithium-ion-in-equipment': 'lithium-ion batteries inside a device',
  'lithium-ion-with-equipment': 'lithium-ion batteries packed with a device',
  'lithium-ion-standalone': 'loose lithium-ion batteries (such as power banks)',
  'lithium-metal-in-equipment': 'lithium-metal batteries inside a device',
  'lithium-metal-with-equipment': 'lithium-metal batteries packed with a device',
  'lithium-metal-standalone': 'loose lithium-metal batteries',
};

const CATEGORY_WORDS: Partial<Readonly<Record<GoodsCategory, string>>> = {
  liquid: 'liquids',
  powder: 'powders',
  magnetic: 'magnetic goods',
  food: 'food',
  cosmetics: 'cosmetics',
};

export const batteryWords = (battery: BatteryType): string => BATTERY_WORDS[battery];
export const categoryWords = (category: GoodsCategory): string => CATEGORY_WORDS[category] ?? `${category} goods`;
export const cm = (mm: number): string => `${Number((mm / 10).toFixed(1))} cm`;
/** "30 kg", "1.25 kg": short weights for sentences (formatKg keeps three decimals for basis strings). */
export const kg = (grams: number): string => `${Number((grams / 1000).toFixed(3))} kg`;

// ------------------------------------------------------------------ compiled coverage

interface CompiledCoverage {
  readonly served: readonly NumericRange[] | undefined;
  readonly notServed: readonly NumericRange[];
  readonly remote: readonly NumericRange[];
}

const compiled = new WeakMap<CarrierProfile, CompiledCoverage>();

function coverageOf(carrier: CarrierProfile): CompiledCoverage {
  let result = compiled.get(carrier);
  if (!result) {
    const { coverage, country } = carrier;
    result = {
      served: coverage.served === 'nationwide' ? undefined : compileRanges(country, coverage.served),
      notServed: compileRanges(country, coverage.notServed),
      remote: compileRanges(country, coverage.remote),
    };
    compiled.set(carrier, result);
  }
  return result;
}

export type CoverageStatus =
  { readonly status: 'served' } | { readonly status: 'remote'; readonly area: string } | { readonly status: 'not-served'; readonly area?: string };

/** Whether the carrier delivers to a postal code; another country's codes are not served. */
export function coverageAt(carrier: CarrierProfile, postal: PostalCode): CoverageStatus {
  if (postal.country !== carrier.country) return { status: 'not-served' };
  const code = postal.number;
  const coverage = coverageOf(carrier);
  if (coverage.served !== undefined && findRange(coverage.served, code) === undefined) return { status: 'not-served' };
  const excluded = findRange(coverage.notServed, code);
  if (excluded) return { status: 'not-served', area: excluded.label };
  const remote = findRange(coverage.remote, code);
  return remote ? { status: 'remote', area: remote.label } : { status: 'served' };
}

// ------------------------------------------------------------------ restrictions

export interface CarrierShipmentFacts {
  readonly destination: PostalCode;
  readonly parcels: readonly RoutingParcel[];
  /** Battery types present ('none' is ignored). */
  readonly batteries: readonly BatteryType[];
  readonly categories: readonly GoodsCategory[];
}

function restriction(carrier: CarrierProfile, code: CarrierRestrictionCode, clause: string, parcelIndex?: number): CarrierRestriction {
  const base = { code, clause, message: `${carrier.name} ${clause}` };
  return parcelIndex === undefined ? base : { ...base, parcelIndex };
}

function sizeRestrictions(carrier: CarrierProfile, parcel: RoutingParcel, index: number): CarrierRestriction[] {
  const { limits } = carrier;
  const out: CarrierRestriction[] = [];
  const which = `parcel ${index + 1}`;
  if (parcel.weightGrams > limits.maxWeightGrams) {
    out.push(restriction(carrier, 'OVERWEIGHT', `takes parcels up to ${kg(limits.maxWeightGrams)} and ${which} weighs ${kg(parcel.weightGrams)}`, index));
  }
  if (parcel.lengthMm === undefined || parcel.widthMm === undefined || parcel.heightMm === undefined) return out;
  const [length = 0, width = 0, height = 0] = [parcel.lengthMm, parcel.widthMm, parcel.heightMm].sort((a, b) => b - a);
  const girth = 2 * (width + height);
  const checks: readonly (readonly [limit: number | undefined, value: number, what: string])[] = [
    [limits.maxLongestSideMm, length, 'long'],
    [limits.maxLengthPlusGirthMm, length + girth, 'in length plus girth'],
    [limits.maxGirthMm, girth, 'in girth'],
    [limits.maxSumOfSidesMm, length + width + height, 'in the sum of its sides'],
  ];
  for (const [limit, value, what] of checks) {
    if (limit !== undefined && value > limit) {
      out.push(restriction(carrier, 'OVERSIZE', `takes parcels up to ${cm(limit)} ${what} and ${which} measures ${cm(value)}`, index));
    }
  }
  return out;
}

/** Every reason the carrier itself cannot take the shipment (empty when it can). */
export function carrierRestrictions(carrier: CarrierProfile, facts: CarrierShipmentFacts): CarrierRestriction[] {
  const out: CarrierRestriction[] = [];
  const coverage = coverageAt(carrier, facts.destination);
  if (coverage.status === 'not-served') {
    const where = carrier.coverage.servedDescription;
    const { code } = facts.destination;
    const clause =
      coverage.area !== undefined
        ? `does not deliver to ${code} (${coverage.area})`
        : where !== undefined
          ? `delivers only in ${where}, and ${code} is outside them`
          : `does not deliver to ${code}`;
    out.push(restriction(carrier, 'NOT_COVERED', clause));
  }
  facts.parcels.forEach((parcel, index) => out.push(...sizeRestrictions(carrier, parcel, index)));
  for (const battery of facts.batteries) {
    if (battery !== 'none' && carrier.refused.batteries.includes(battery))
      out.push(restriction(carrier, 'BATTERY_REFUSED', `does not carry ${batteryWords(battery)}`));
  }
  for (const category of facts.categories) {
    if (carrier.refused.categories.includes(category)) out.push(restriction(carrier, 'GOODS_REFUSED', `does not carry ${categoryWords(category)}`));
  }
  return out;
}

/** The tracking-number format of one of the carrier's services. */
export function trackingFormatFor(carrier: CarrierProfile, serviceId: string): TrackingFormat {
  return carrier.services.find((s) => s.serviceId === serviceId)?.tracking ?? carrier.tracking;
}
