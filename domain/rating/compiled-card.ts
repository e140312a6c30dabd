/**
 * A rate card turned once into the shapes rating needs on every quote: prices in minor units,
 * rates as exact ratios, postal ranges as numbers, refusals as sets. Cached per card object, so
 * data is parsed and checked the first time a card is used and never on the hot path again.
 */
import type { GoodsCategory } from '../shared/goods';
import { type Ratio, percentRatio } from '../shared/money';
import { type NumericRange, compileRanges } from '../shared/postal-ranges';
import type { BatteryType } from '../shared/shipping-terms';
import { type DatedPercent, isDomesticCard, type RateCard, percentInEffect } from './rate-card';
import { type CompiledPriceTable, compilePriceTable, InvalidRateCardError } from './weight-breaks';

export interface CompiledCard {
  readonly card: RateCard;
  /** Absent on a domestic card: there is no line-haul. */
  readonly lineHaul?: CompiledPriceTable;
  readonly lastMile: CompiledPriceTable;
  /** Domestic cards: the tables of zone-priced zones, by warehouse code then zone id. */
  readonly zoneTables: ReadonlyMap<string, CompiledPriceTable>;
  /** The heaviest chargeable weight every table prices. */
  readonly maxChargeableGrams: number;
  readonly remoteRanges: readonly NumericRange[];
  readonly unservedRanges: readonly NumericRange[];
  readonly refusedBatteries: ReadonlySet<BatteryType>;
  readonly refusedCategories: ReadonlySet<GoodsCategory>;
  readonly sensitiveCategories: ReadonlySet<GoodsCategory>;
  readonly insuranceRate: Ratio;
  /** Absent on a domestic card: no duties to prepay. */
  readonly ddpRate?: Ratio;
  readonly fuel: readonly (DatedPercent & { readonly rate: Ratio })[];
}

const cache = new WeakMap<RateCard, CompiledCard>();

function check(condition: boolean, card: RateCard, message: string): void {
  if (!condition) throw new InvalidRateCardError(`${card.serviceId} ${card.version}: ${message}`);
}

export function compileCard(card: RateCard): CompiledCard {
  const cached = cache.get(card);
  if (cached) return cached;
  const label = `${card.serviceId} ${card.version}`;
  const cw = card.chargeableWeight;
  check(Number.isSafeInteger(cw.dimDivisor) && cw.dimDivisor > 0, card, 'dimDivisor must be a positive integer');
  check(Number.isSafeInteger(cw.incrementGrams) && cw.incrementGrams > 0, card, 'incrementGrams must be a positive integer');
  check(Number.isSafeInteger(cw.minimumGrams) && cw.minimumGrams >= 0, card, 'minimumGrams must be a non-negative integer');
  const lastMile = compilePriceTable(card.lastMile, `${label} last mile`);
  const zoneTables = new Map<string, CompiledPriceTable>();
  let lineHaul: CompiledPriceTable | undefined;
  if (isDomesticCard(card)) {
    for (const [warehouse, zones] of Object.entries(card.zones.byWarehouse)) {
      check(zones.length > 0, card, `no zones from ${warehouse}`);
      for (const zone of zones) {
        check(zone.transitDays.min <= zone.transitDays.max, card, `transit min must not exceed max (${warehouse} ${zone.id})`);
        if (zone.lastMile) zoneTables.set(zoneKey(warehouse, zone.id), compilePriceTable(zone.lastMile, `${label} ${warehouse} ${zone.id}`));
      }
    }
  } else {
    check(card.transitDays.min <= card.transitDays.max, card, 'transit min must not exceed max');
    lineHaul = compilePriceTable(card.lineHaul, `${label} line-haul`);
  }
  const compiled: CompiledCard = {
    card,
    ...(lineHaul ? { lineHaul } : {}),
    lastMile,
    zoneTables,
    maxChargeableGrams: Math.min(lineHaul?.maxGrams ?? Infinity, lastMile.maxGrams, ...[...zoneTables.values()].map((table) => table.maxGrams)),
    remoteRanges: compileRanges(card.destination, card.remoteArea?.ranges ?? []),
    unservedRanges: compileRanges(card.destination, card.unservedPostalRanges ?? []),
    refusedBatteries: new Set(card.refused.batteries),
    refusedCategories: new Set(card.refused.categories),
    sensitiveCategories: new Set(card.sensitiveGoodsSurcharge?.categories ?? []),
    insuranceRate: percentRatio(card.insurance.percentOfDeclaredValue),
    ...(isDomesticCard(card) ? {} : { ddpRate: percentRatio(card.ddpService.percentOfDutiesAndTaxes) }),
    fuel: card.fuelSurcharge.schedule.map((entry) => ({ ...entry, rate: percentRatio(entry.percent) })),
  };
  cache.set(card, compiled);
  return compiled;
}

export const zoneKey = (warehouseCode: string, zoneId: string): string => `${warehouseCode}/${zoneId}`;

export function fuelInEffect(card: CompiledCard, day: string): (DatedPercent & { readonly rate: Ratio }) | undefined {
  return percentInEffect(card.fuel, day);
}
