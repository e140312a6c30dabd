import { emptyCounters, KPI_SEED, laneKpis, type KpiCounters, type KpiWeek, type LaneKpis } from '../../../../domain/performance';
import { rateShipment, type RatingItem, type RatingParcel, type RatingRequest, type RatingResult } from '../../../../domain/rating';
import { laneOf, routeShipment, type RoutingDecision, type RoutingInput, type RoutingOptions, type SellerPolicy } from '../../../../domain/routing';
import { type LastMileCarrier } from '../../../../domain/shared/carriers';
import { postalCodeOf } from '../../../../domain/shared/postal-codes';
import type { DestinationCountry, ServiceLevel } from '../../../../domain/shared/shipping-terms';

/** 2026-11-22 (ISO week 2026-W47): rate cards 2026.11 in effect, seeded KPI window W44–W47. */
export const AT = new Date('2026-11-22T12:00:00Z');

export const PARCEL: RatingParcel = { weightGrams: 1200, lengthMm: 300, widthMm: 250, heightMm: 100 };
export const TSHIRTS: RatingItem = { quantity: 2, unitValue: { amount: 2000, currency: 'USD' }, hsCode: '6109.10', category: 'apparel', battery: 'none' };
export const HEADPHONES: RatingItem = {
  quantity: 1,
  unitValue: { amount: 6000, currency: 'USD' },
  hsCode: '8518.30',
  category: 'electronics',
  battery: 'lithium-ion-in-equipment',
};
export const POWER_BANK: RatingItem = {
  quantity: 1,
  unitValue: { amount: 2500, currency: 'USD' },
  hsCode: '8507.60',
  category: 'electronics',
  battery: 'lithium-ion-standalone',
};

export const BEST_VALUE: SellerPolicy = { profile: 'best-value', rules: [] };

export interface Scenario {
  readonly country: DestinationCountry;
  readonly postalCode: string;
  readonly level?: ServiceLevel;
  readonly items?: readonly RatingItem[];
  readonly parcels?: readonly RatingParcel[];
  readonly orderId?: string;
}

export function ratingRequest(s: Scenario): RatingRequest {
  return {
    destination: postalCodeOf(s.country, s.postalCode),
    parcels: s.parcels ?? [PARCEL],
    items: s.items ?? [TSHIRTS],
    incoterm: 'DDP',
    seller: { remessaConforme: true },
  };
}

export function routingInput(s: Scenario, request: RatingRequest = ratingRequest(s)): RoutingInput {
  const usd = request.items.reduce((acc, i) => acc + (i.unitValue.currency === 'USD' ? i.unitValue.amount * i.quantity : 0), 0);
  return {
    orderId: s.orderId ?? 'ord-test',
    sellerId: 'seller-1',
    destination: request.destination,
    serviceLevel: s.level ?? 'standard',
    parcels: request.parcels,
    batteries: request.items.map((i) => i.battery),
    goodsCategories: request.items.flatMap((i) => (i.category ? [i.category] : [])),
    declaredValueUsd: { amount: usd, currency: 'USD' },
  };
}

export const seededKpis = (country: DestinationCountry, postalCode: string): LaneKpis =>
  laneKpis(KPI_SEED, AT, { lane: laneOf(postalCodeOf(country, postalCode)).id });

export interface Routed {
  readonly rating: RatingResult;
  readonly input: RoutingInput;
  readonly decision: RoutingDecision;
}

/** Rate, then route, with seeded KPIs unless others are given. */
export function route(s: Scenario, policy: SellerPolicy = BEST_VALUE, options: RoutingOptions = {}, kpis?: LaneKpis): Routed {
  const request = ratingRequest(s);
  const rating = rateShipment(request, { at: AT });
  const input = routingInput(s, request);
  const decision = routeShipment(input, rating, kpis ?? seededKpis(s.country, s.postalCode), policy, options);
  return { rating, input, decision };
}

/** KPIs built from explicit per-carrier totals in one week of the window. */
export function kpisOf(lane: string, totals: Partial<Record<LastMileCarrier, Partial<KpiCounters>>>): LaneKpis {
  const rows: KpiWeek[] = Object.entries(totals).map(([carrier, counters]) => ({
    carrier: carrier as LastMileCarrier,
    lane,
    week: '2026-W47',
    counters: { ...emptyCounters(), ...counters },
  }));
  return laneKpis(rows, AT, { lane });
}

export const codesOf = (decision: RoutingDecision, carrier: LastMileCarrier, level?: ServiceLevel): string[] =>
  decision.candidates.filter((c) => c.carrier === carrier && (level === undefined || c.serviceLevel === level)).flatMap((c) => c.exclusions.map((e) => e.code));

export const rankedCarriers = (decision: RoutingDecision): string[] => decision.ranking.map((c) => c.carrier);
