/**
 * What the rating engine takes and returns. `RatingRequest` is deliberately flat and close to an
 * order (destination, parcels, items, incoterm, seller flags) so intake can map an order onto it
 * field by field; weights are grams, dimensions millimetres, money integer minor units.
 */
import type { FxTable } from '../shared/fx';
import type { GoodsCategory } from '../shared/goods';
import type { Currency, Money } from '../shared/money';
import { type PostalCode } from '../shared/postal-codes';
import type { BatteryType, DestinationCountry, Incoterm, ServiceLevel } from '../shared/shipping-terms';
import type { DutyRule, RecipientKind, SourceRef } from './duties/types';
import type { RateCard } from './rate-card';

export { GOODS_CATEGORIES, type GoodsCategory } from '../shared/goods';

export interface RatingParcel {
  readonly weightGrams: number;
  readonly lengthMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface RatingItem {
  readonly quantity: number;
  /** Price of one unit as sold to the buyer (the customs transaction value). */
  readonly unitValue: Money;
  /** HS code, 6 to 10 digits; dots and spaces are ignored. */
  readonly hsCode: string;
  readonly category?: GoodsCategory;
  readonly battery: BatteryType;
  readonly description?: string;
}

/** Where the parcel goes: the parsed postal code (country, canonical code, number, region) and, optionally, the state as the buyer wrote it. */
export interface RatingDestination extends PostalCode {
  /** State / UF code (e.g. "SP", "CDMX"); for Brazil it picks the ICMS rate and is the CEP's state when absent. */
  readonly state?: string;
}

/** Facts about the seller that change the tax treatment. */
export interface SellerFlags {
  /** Brazil: the selling platform is certified in the Remessa Conforme programme. */
  readonly remessaConforme?: boolean;
  /** Chile: the selling platform is registered with the SII and collects IVA at checkout. */
  readonly chileVatRegistered?: boolean;
}

/** A domestic shipment's origin: the destination warehouse it leaves from (absent: from China). */
export interface RatingOrigin {
  readonly warehouseCode: string;
}

export interface RatingRequest {
  /** Present for a domestic (warehouse) shipment: only that warehouse's domestic services are rated. */
  readonly origin?: RatingOrigin;
  readonly destination: RatingDestination;
  readonly parcels: readonly RatingParcel[];
  readonly items: readonly RatingItem[];
  readonly incoterm: Incoterm;
  /** Buy cargo insurance (a % of the declared goods value). */
  readonly insured?: boolean;
  /** Currency every amount of the quote is expressed in; USD when absent. */
  readonly quoteCurrency?: Currency;
  readonly seller?: SellerFlags;
  /** Who receives the parcel; an individual when absent (Brazil: a CNPJ makes it a company, outside Remessa Conforme). */
  readonly recipient?: RecipientKind;
}

export interface RatingOptions {
  /** The quote date: picks the rate-card version, fuel surcharge, duty rule and FX table in effect. */
  readonly at: Date;
  /** Data overrides (tests, what-if); the bundled data when absent. */
  readonly rateCards?: readonly RateCard[];
  readonly dutyRules?: readonly DutyRule[];
  readonly fxTables?: readonly FxTable[];
  /** Rate only these services (by id); every service on the lane when absent. */
  readonly serviceIds?: readonly string[];
}

export const SHIPPING_FEE_CODES = [
  'LINE_HAUL',
  'FUEL_SURCHARGE',
  'LAST_MILE',
  'REMOTE_AREA',
  'BATTERY_SURCHARGE',
  'SENSITIVE_GOODS_SURCHARGE',
  'OVERSIZE',
  'INSURANCE',
  'CUSTOMS_CLEARANCE',
  'DDP_SERVICE',
] as const;
export type ShippingFeeCode = (typeof SHIPPING_FEE_CODES)[number];

/** One itemised charge. `amount` is in the quote currency; `original` is the amount in the currency the card prices it in, when different. */
export interface FeeLine {
  readonly code: string;
  readonly description: string;
  readonly amount: Money;
  /** How the amount was computed, e.g. "1.300 kg × CNY 96.00/kg + CNY 22.00 per parcel". */
  readonly basis: string;
  /** Present on per-parcel lines (0-based). */
  readonly parcelIndex?: number;
  readonly original?: Money;
}

export interface ParcelQuote {
  readonly index: number;
  readonly actualWeightGrams: number;
  readonly volumetricWeightGrams: number;
  readonly chargeableWeightGrams: number;
  readonly lines: readonly FeeLine[];
  readonly subtotal: Money;
}

/** 'none': a domestic shipment, whose import duties were paid when its stock came in. */
export type DutyPayer = 'seller' | 'buyer' | 'none';

export interface DutiesAndTaxes {
  /** DDP: the seller (Enlace prepays and bills the seller). DDU: the buyer, on delivery. Domestic: none. */
  readonly payer: DutyPayer;
  /** True for DDU: the amounts are Enlace's estimate of what customs (or the platform, at checkout) collects from the buyer. */
  readonly estimate: boolean;
  /**
   * The selling platform collected these from the buyer at checkout (Brazil's Remessa Conforme to an
   * individual, Chile's registered platforms): nothing is due on delivery.
   */
  readonly collectedAtCheckout: boolean;
  readonly ruleId: string;
  readonly ruleName: string;
  readonly ruleEffectiveFrom: string;
  readonly sources: readonly SourceRef[];
  readonly lines: readonly FeeLine[];
  readonly total: Money;
  /** Values customs assesses on, in USD (the currency of every threshold). */
  readonly customsValue: { readonly fob: Money; readonly freight: Money; readonly insurance: Money; readonly cif: Money };
  /** What is uncertain in the rule as sourced (kept visible, never silent). */
  readonly uncertainties: readonly string[];
  /** Why there is nothing to pay, on a domestic shipment. */
  readonly note?: string;
}

export interface EligibleQuote {
  readonly eligible: true;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly serviceLevel: ServiceLevel;
  readonly carriers: { readonly lineHaul: string; readonly lastMile: string };
  readonly rateCard: { readonly version: string; readonly effectiveFrom: string; readonly sandbox: boolean };
  readonly currency: Currency;
  readonly parcels: readonly ParcelQuote[];
  readonly chargeableWeightGrams: number;
  /** Shipping lines: the per-parcel lines of every parcel, then the shipment-level lines. */
  readonly lines: readonly FeeLine[];
  readonly shippingTotal: Money;
  readonly dutiesAndTaxes: DutiesAndTaxes;
  /** Declared value of the goods, converted to the quote currency. */
  readonly goodsValue: Money;
  /** shippingTotal + dutiesAndTaxes.total: everything the shipment costs on top of the goods. */
  readonly totalCharges: Money;
  /** goodsValue + totalCharges: what the buyer's goods cost delivered, taxes included. */
  readonly landedCost: Money;
  /** DDP: shipping + duties; DDU: shipping. */
  readonly sellerPays: Money;
  /** DDU: the duties estimate customs collects on delivery; zero when the platform collected them at checkout, and for DDP. */
  readonly buyerPaysOnDelivery: Money;
  /** DDU on a platform that collects duties and taxes at checkout (dutiesAndTaxes.collectedAtCheckout): what the buyer paid with the purchase; else zero. */
  readonly buyerPaidAtCheckout: Money;
  readonly transitDays: { readonly min: number; readonly max: number };
  /** Domestic services: the warehouse it leaves from and the zone of the destination. */
  readonly domestic?: { readonly warehouseCode: string; readonly zone: string };
  readonly warnings: readonly string[];
  /**
   * Battery types this service's rate card refuses: what customs checks a corrected order against
   * once the service is booked, so routing needs no rate card of its own. Absent on quotes stored
   * before 2026-12-05 (routing then assumes only the batteries the order was rated with).
   */
  readonly refusedBatteries?: readonly BatteryType[];
}

export const INELIGIBILITY_CODES = [
  'NO_RATE_CARD_IN_EFFECT',
  'OVERWEIGHT',
  'OVERSIZE',
  'BATTERY_REFUSED',
  'GOODS_REFUSED',
  'POSTAL_CODE_NOT_SERVED',
  'NO_DUTY_RULE',
  'CUSTOMS_REGIME_LIMIT',
] as const;
export type IneligibilityCode = (typeof INELIGIBILITY_CODES)[number];

export interface IneligibilityReason {
  readonly code: IneligibilityCode;
  readonly message: string;
  readonly parcelIndex?: number;
}

export interface IneligibleQuote {
  readonly eligible: false;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly serviceLevel: ServiceLevel;
  readonly reasons: readonly IneligibilityReason[];
}

export interface RatingResult {
  /** The quote date as a UTC day, YYYY-MM-DD. */
  readonly quotedOn: string;
  readonly destination: DestinationCountry;
  /** Present for a domestic shipment: the warehouse it ships from (only domestic services were rated). */
  readonly origin?: RatingOrigin;
  readonly currency: Currency;
  readonly fx: { readonly tableId: string; readonly effectiveFrom: string; readonly sandbox: boolean };
  /** Eligible services, cheapest total first, then fastest (max then min transit days), then by id. */
  readonly quotes: readonly EligibleQuote[];
  /** Services on the lane that cannot carry this shipment, by id, each with every reason. */
  readonly ineligible: readonly IneligibleQuote[];
}
