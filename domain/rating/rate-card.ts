/**
 * Rate cards as data: one card per (service, version), effective-dated. A cross-border service is
 * an air line-haul from China plus a last-mile carrier in the destination; a domestic service is a
 * carrier delivering from one of Enlace's destination warehouses inside its country. Each is sold
 * at one service level.
 * Every group of figures carries a `Provenance` saying where its kind of number comes from and
 * whether it is sandbox (invented for development) or sourced.
 */
import type { DecimalString } from '../shared/fx';
import type { GoodsCategory } from '../shared/goods';
import type { Currency, Money } from '../shared/money';
import type { PostalRange } from '../shared/postal-ranges';
import type { BatteryType, DestinationCountry, ServiceLevel } from '../shared/shipping-terms';

export interface Provenance {
  readonly source: string;
  readonly note: string;
  /** True when the figures are invented (plausible but not taken from a published price list). */
  readonly sandbox: boolean;
}

/**
 * One weight break, covering chargeable weights above the previous break's `upToGrams` up to and
 * including its own. Prices are decimal strings in the table's currency (major units).
 * - per-kg: perParcel + perKg × weight (the usual shape of Chinese line quotes: 运费/kg + 挂号费)
 * - flat: one price for any weight in the break (the usual shape of last-mile tables)
 */
export type WeightBreak =
  | { readonly upToGrams: number; readonly kind: 'per-kg'; readonly perKg: DecimalString; readonly perParcel: DecimalString }
  | { readonly upToGrams: number; readonly kind: 'flat'; readonly price: DecimalString };

export interface PriceTable {
  readonly currency: Currency;
  /** Ascending by upToGrams; the last break's upToGrams is the heaviest chargeable weight priced. */
  readonly breaks: readonly WeightBreak[];
  readonly provenance: Provenance;
}

/** An inclusive range of postal codes, written as the country writes them ("66000-000"). */
export type { PostalRange } from '../shared/postal-ranges';

export interface ChargeableWeightRule {
  /** cm³ per kg: volumetric kg = L×W×H (cm) / divisor, i.e. volumetric grams = L×W×H (mm³) / divisor. */
  readonly dimDivisor: number;
  /** Chargeable weight is rounded up to a multiple of this. */
  readonly incrementGrams: number;
  readonly minimumGrams: number;
  /** Volumetric weight counts only above these thresholds (Correios: above 5 kg; USPS: above 1 ft³). */
  readonly volumetricOnlyAbove?: { readonly grams?: number; readonly volumeMm3?: number };
  readonly provenance: Provenance;
}

export interface DatedPercent {
  readonly effectiveFrom: string;
  readonly percent: DecimalString;
}

/** What every card states, cross-border or domestic. */
interface RateCardBase {
  /** Stable service id, e.g. "enlace-standard-br"; versions of one service share it. */
  readonly serviceId: string;
  readonly name: string;
  readonly version: string;
  /** First UTC day (YYYY-MM-DD) this version applies; it applies until `effectiveTo` (inclusive) or a later version. */
  readonly effectiveFrom: string;
  readonly effectiveTo?: string;
  readonly destination: DestinationCountry;
  readonly serviceLevel: ServiceLevel;
  readonly carriers: { readonly lineHaul: string; readonly lastMile: string };
  readonly provenance: Provenance;
  readonly chargeableWeight: ChargeableWeightRule;
  readonly limits: {
    readonly maxWeightGrams: number;
    /** Lower cap for parcels holding lithium batteries, where the line sets one. */
    readonly maxWeightWithBatteryGrams?: number;
    readonly maxLongestSideMm: number;
    /** Length + girth, girth = 2 × (width + height) of the two shorter sides. */
    readonly maxLengthPlusGirthMm?: number;
    readonly maxSumOfSidesMm?: number;
    readonly provenance: Provenance;
  };
  readonly refused: {
    readonly batteries: readonly BatteryType[];
    readonly categories: readonly GoodsCategory[];
    readonly provenance: Provenance;
  };
  /** Delivery in the destination country, priced by chargeable weight per parcel. */
  readonly lastMile: PriceTable;
  /**
   * Dated percentages: the latest entry on or before the quote date applies. Cross-border: of the
   * line-haul charge; domestic: of the carrier's delivery charge (how Estafeta and UPS bill fuel).
   * An empty schedule: the carrier bills no fuel line (USPS, Correios).
   */
  readonly fuelSurcharge: { readonly schedule: readonly DatedPercent[]; readonly provenance: Provenance };
  readonly remoteArea?: {
    readonly ranges: readonly PostalRange[];
    readonly perParcel: Money;
    readonly extraTransitDays: { readonly min: number; readonly max: number };
    readonly provenance: Provenance;
  };
  /** Postal codes the last-mile carrier does not deliver to on this service. */
  readonly unservedPostalRanges?: readonly PostalRange[];
  readonly batterySurcharge?: { readonly perParcel: Money; readonly provenance: Provenance };
  readonly sensitiveGoodsSurcharge?: {
    readonly categories: readonly GoodsCategory[];
    readonly perParcel: Money;
    readonly provenance: Provenance;
  };
  readonly oversize?: {
    readonly longestSideOverMm?: number;
    readonly actualWeightOverGrams?: number;
    readonly perParcel: Money;
    readonly provenance: Provenance;
  };
  readonly insurance: { readonly percentOfDeclaredValue: DecimalString; readonly minimum: Money; readonly provenance: Provenance };
}

/** A service from China: an air line-haul plus a last-mile carrier in the destination, cleared through customs. */
export interface CrossBorderRateCard extends RateCardBase {
  readonly lane?: 'cross-border';
  /** First mile in China + air line-haul, priced by chargeable weight per parcel. */
  readonly lineHaul: PriceTable;
  readonly customsClearance: { readonly perShipment: Money; readonly provenance: Provenance };
  /** Charged on DDP shipments that carry duties or taxes: the larger of a % of them and a minimum. */
  readonly ddpService: {
    readonly percentOfDutiesAndTaxes: DecimalString;
    readonly minimum: Money;
    readonly provenance: Provenance;
  };
  readonly transitDays: { readonly min: number; readonly max: number; readonly provenance: Provenance };
}

/**
 * One zone of a domestic service, from one warehouse: the destination regions it covers (postal
 * regions: BR state, MX state, US ZIP national area) and the transit to them. Zones are tried in
 * order; `'*'` takes every region not named before it.
 */
export interface DomesticZone {
  /** "metro", "regional", "national": printed in the fee lines and explanations. */
  readonly id: string;
  readonly regions: readonly string[] | '*';
  /** Business days from hand-over at the warehouse to delivery. */
  readonly transitDays: { readonly min: number; readonly max: number };
  /** A carrier that prices by zone (USPS, Correios) gives the zone its own table; the card's `lastMile` otherwise. */
  readonly lastMile?: PriceTable;
}

/**
 * A domestic service: a carrier picks the parcel up at one of Enlace's destination warehouses and
 * delivers it in the same country. No line-haul, no customs clearance, no import duties (they were
 * paid when the stock came in at inbound), no DDP fee.
 */
export interface DomesticRateCard extends RateCardBase {
  readonly lane: 'domestic';
  /** Transit (and, for zone-priced carriers, price) by zone, per warehouse code the service picks up at. */
  readonly zones: { readonly byWarehouse: Readonly<Record<string, readonly DomesticZone[]>>; readonly provenance: Provenance };
}

export type RateCard = CrossBorderRateCard | DomesticRateCard;

export function isDomesticCard(card: RateCard): card is DomesticRateCard {
  return card.lane === 'domestic';
}

/** The zone of a destination region from a warehouse, or undefined when the service does not deliver there from it. */
export function domesticZone(card: DomesticRateCard, warehouseCode: string, region: string): DomesticZone | undefined {
  return card.zones.byWarehouse[warehouseCode]?.find((zone) => zone.regions === '*' || zone.regions.includes(region));
}

/** The version of each service in effect on `day`: latest effectiveFrom ≤ day, not past its effectiveTo. */
export function cardInEffect(versions: readonly RateCard[], day: string): RateCard | undefined {
  let best: RateCard | undefined;
  for (const card of versions) {
    if (card.effectiveFrom > day) continue;
    if (card.effectiveTo !== undefined && card.effectiveTo < day) continue;
    if (!best || card.effectiveFrom > best.effectiveFrom) best = card;
  }
  return best;
}

/** The dated percentage in effect on `day`, or undefined before the first entry. */
export function percentInEffect<T extends DatedPercent>(schedule: readonly T[], day: string): T | undefined {
  let best: T | undefined;
  for (const entry of schedule) {
    if (entry.effectiveFrom <= day && (!best || entry.effectiveFrom > best.effectiveFrom)) best = entry;
  }
  return best;
}
