/**
 * Fragments shared by the rate cards of every lane: provenance notes, battery and goods policies
 * per service level, and the per-level defaults (chargeable-weight rule, fuel, insurance, DDP fee,
 * surcharges). Each lane's file adds what is specific to it.
 */
import type { DecimalString } from '../../shared/fx';
import type { GoodsCategory } from '../../shared/goods';
import { type Currency, type Money, fromMajor } from '../../shared/money';
import type { BatteryType } from '../../shared/shipping-terms';
import type { ChargeableWeightRule, CrossBorderRateCard, DatedPercent, PostalRange, PriceTable, Provenance, RateCard, WeightBreak } from '../rate-card';

export const REFERENCE = 'shared/reference/domain-facts.md';

export function sandbox(note: string): Provenance {
  return { source: 'sandbox', note, sandbox: true };
}

export function sourced(source: string, note: string): Provenance {
  return { source, note, sandbox: false };
}

export const SANDBOX_LINE_HAUL = sandbox(
  'Invented levels. Shape follows Chinese cross-border line quotes: a per-kg freight rate by weight break plus a per-parcel registration fee (运费/kg + 挂号费), pickup in Shenzhen/Guangzhou included.',
);
export const SANDBOX_LAST_MILE = sandbox("Invented levels. Shape follows carriers' public tables: a flat price per weight band, then per kg.");

export const money = (amount: string, currency: Currency): Money => fromMajor(amount, currency);

export const perKg = (upToGrams: number, rate: DecimalString, perParcel: DecimalString): WeightBreak => ({
  upToGrams,
  kind: 'per-kg',
  perKg: rate,
  perParcel,
});

export const flat = (upToGrams: number, price: DecimalString): WeightBreak => ({ upToGrams, kind: 'flat', price });

export function lineHaul(breaks: readonly WeightBreak[]): PriceTable {
  return { currency: 'CNY', breaks, provenance: SANDBOX_LINE_HAUL };
}

export function lastMile(currency: Currency, breaks: readonly WeightBreak[]): PriceTable {
  return { currency, breaks, provenance: SANDBOX_LAST_MILE };
}

export const LITHIUM_STANDALONE: readonly BatteryType[] = ['lithium-ion-standalone', 'lithium-metal-standalone'];
export const LITHIUM_METAL: readonly BatteryType[] = ['lithium-metal-in-equipment', 'lithium-metal-with-equipment', 'lithium-metal-standalone'];
export const ALL_LITHIUM: readonly BatteryType[] = ['lithium-ion-in-equipment', 'lithium-ion-with-equipment', 'lithium-ion-standalone', ...LITHIUM_METAL];

const STANDALONE_NOTE =
  'Standalone lithium batteries (UN3480/UN3090) are forbidden on passenger aircraft, which carry these parcel services (IATA DGR; reference §3).';

export const BATTERY_POLICY = {
  economy: sourced(`${REFERENCE} §3`, `${STANDALONE_NOTE} Economy lines are general-cargo (普货) lines: no batteries at all (policy choice, sandbox).`),
  standard: sourced(
    `${REFERENCE} §3`,
    `${STANDALONE_NOTE} Standard lines accept lithium-ion in or with equipment (PI 966/967, Section II) and refuse lithium metal (policy choice, sandbox).`,
  ),
  express: sourced(`${REFERENCE} §3`, `${STANDALONE_NOTE} Express accepts Section II lithium-ion and lithium-metal in or with equipment (PI 966/967/969/970).`),
} as const;

export const SENSITIVE: readonly GoodsCategory[] = ['liquid', 'powder', 'cosmetics', 'magnetic'];

/** The service-level defaults every lane starts from. */
export type LevelDefaults = Pick<
  CrossBorderRateCard,
  'chargeableWeight' | 'fuelSurcharge' | 'refused' | 'insurance' | 'ddpService' | 'batterySurcharge' | 'sensitiveGoodsSurcharge' | 'oversize'
>;

const FUEL_NOTE = sandbox('Invented monthly percentages of the line-haul charge, in the range air carriers publish.');
const fuel = (entries: readonly (readonly [string, DecimalString])[]): RateCard['fuelSurcharge'] => ({
  schedule: entries.map(([effectiveFrom, percent]): DatedPercent => ({ effectiveFrom, percent })),
  provenance: FUEL_NOTE,
});

export function chargeableRule(
  dimDivisor: number,
  incrementGrams: number,
  minimumGrams: number,
  provenance: Provenance,
  volumetricOnlyAbove?: ChargeableWeightRule['volumetricOnlyAbove'],
): ChargeableWeightRule {
  return volumetricOnlyAbove === undefined
    ? { dimDivisor, incrementGrams, minimumGrams, provenance }
    : { dimDivisor, incrementGrams, minimumGrams, provenance, volumetricOnlyAbove };
}

const LINES_DIVISOR = sourced(
  `${REFERENCE} §4 (China→LatAm line products: /6000)`,
  'Divisor of the line-haul; increments and minimum are sandbox (e-commerce lines bill by 10 g or 100 g steps).',
);
const EXPRESS_DIVISOR = sourced(
  `${REFERENCE} §4 (UPS metric divisor 5000)`,
  'Express integrators use 5000; 0.5 kg increments and minimum are the usual express practice (sandbox).',
);

const INSURANCE_NOTE = sandbox('Invented: a percentage of the declared goods value with a minimum premium.');
const DDP_NOTE = sandbox('Invented: covers prepaying duties and taxes for the seller (advance, FX and collection risk).');

export const LEVEL_DEFAULTS: Readonly<Record<'economy' | 'standard' | 'express', LevelDefaults>> = {
  economy: {
    chargeableWeight: chargeableRule(6000, 10, 50, LINES_DIVISOR),
    fuelSurcharge: fuel([
      ['2026-07-01', '5.5'],
      ['2026-10-01', '6'],
      ['2026-11-01', '6.5'],
    ]),
    refused: { batteries: ALL_LITHIUM, categories: ['liquid', 'powder', 'magnetic', 'food'], provenance: BATTERY_POLICY.economy },
    insurance: { percentOfDeclaredValue: '1', minimum: money('0.50', 'USD'), provenance: INSURANCE_NOTE },
    ddpService: { percentOfDutiesAndTaxes: '2', minimum: money('1.00', 'USD'), provenance: DDP_NOTE },
  },
  standard: {
    chargeableWeight: chargeableRule(6000, 100, 100, LINES_DIVISOR),
    fuelSurcharge: fuel([
      ['2026-07-01', '8.5'],
      ['2026-10-01', '9'],
      ['2026-11-01', '9.5'],
    ]),
    refused: {
      batteries: [...LITHIUM_STANDALONE, 'lithium-metal-in-equipment', 'lithium-metal-with-equipment'],
      categories: ['food'],
      provenance: BATTERY_POLICY.standard,
    },
    insurance: { percentOfDeclaredValue: '1', minimum: money('1.00', 'USD'), provenance: INSURANCE_NOTE },
    ddpService: { percentOfDutiesAndTaxes: '2', minimum: money('1.00', 'USD'), provenance: DDP_NOTE },
    batterySurcharge: { perParcel: money('8.00', 'CNY'), provenance: sandbox('Invented dangerous-goods handling fee per parcel (battery line).') },
    sensitiveGoodsSurcharge: {
      categories: SENSITIVE,
      perParcel: money('6.00', 'CNY'),
      provenance: sandbox('Invented sensitive-goods (敏感货) fee per parcel.'),
    },
    oversize: {
      longestSideOverMm: 600,
      perParcel: money('50.00', 'CNY'),
      provenance: sandbox('Invented: parcels longer than 60 cm do not fit line-haul bags.'),
    },
  },
  express: {
    chargeableWeight: chargeableRule(5000, 500, 500, EXPRESS_DIVISOR),
    fuelSurcharge: fuel([
      ['2026-07-01', '21.5'],
      ['2026-10-01', '22.5'],
      ['2026-11-01', '23'],
    ]),
    refused: { batteries: LITHIUM_STANDALONE, categories: [], provenance: BATTERY_POLICY.express },
    insurance: { percentOfDeclaredValue: '1.5', minimum: money('2.00', 'USD'), provenance: INSURANCE_NOTE },
    ddpService: { percentOfDutiesAndTaxes: '2', minimum: money('2.00', 'USD'), provenance: DDP_NOTE },
    batterySurcharge: { perParcel: money('20.00', 'CNY'), provenance: sandbox('Invented Section II lithium handling fee per parcel.') },
    sensitiveGoodsSurcharge: { categories: SENSITIVE, perParcel: money('15.00', 'CNY'), provenance: sandbox('Invented sensitive-goods fee per parcel.') },
    oversize: {
      longestSideOverMm: 1000,
      actualWeightOverGrams: 30_000,
      perParcel: money('120.00', 'CNY'),
      provenance: sandbox('Invented: pieces over 100 cm or 30 kg need non-conveyable handling.'),
    },
  },
};

/** UPU small-packet format, which postal economy products follow: ≤ 2 kg, longest side ≤ 60 cm, L+W+H ≤ 90 cm. */
export const SMALL_PACKET_LIMITS: RateCard['limits'] = {
  maxWeightGrams: 2000,
  maxLongestSideMm: 600,
  maxSumOfSidesMm: 900,
  provenance: sourced(
    'UPU Convention Regulations, letter-post small packet (E format) — not in the team reference; verify',
    'Postal economy products use the small-packet format.',
  ),
};

export const VERSION_2026_07 = { version: '2026.07', effectiveFrom: '2026-07-01' } as const;

/** Services added with smart routing (a second or third last-mile carrier on an existing line). */
export const VERSION_2026_11 = { version: '2026.11', effectiveFrom: '2026-11-01' } as const;

/**
 * What a service that puts another last-mile carrier on an existing air line must state for
 * itself. Everything that belongs to the carrier (last-mile prices, transit, coverage, limits) is
 * required, so a new service never silently inherits another carrier's figures; what belongs to
 * the line (line-haul, fuel, battery policy, handling surcharges, insurance, clearance, DDP fee)
 * comes from the base card.
 */
export interface LastMileVariant {
  readonly serviceId: string;
  readonly name: string;
  readonly lastMileCarrier: string;
  /** Why this carrier is on this line (kept in the card's provenance note). */
  readonly note: string;
  readonly lastMile: PriceTable;
  readonly transitDays: CrossBorderRateCard['transitDays'];
  readonly limits: RateCard['limits'];
  /** null: the carrier charges no remote-area surcharge on this service. */
  readonly remoteArea: RateCard['remoteArea'] | null;
  readonly unservedPostalRanges?: RateCard['unservedPostalRanges'];
  /** The line's divisor (LEVEL_DEFAULTS) when absent: only a carrier that bills its own divisor sets one. */
  readonly chargeableWeight?: ChargeableWeightRule;
  /** Another line-haul label when the base line belongs to a carrier (e.g. DHL's own express network). */
  readonly lineHaulName?: string;
}

/** A new service on `base`'s air line with another last-mile carrier (see LastMileVariant). */
export function onLine(base: CrossBorderRateCard, variant: LastMileVariant): CrossBorderRateCard {
  // The base's carrier-specific fields are dropped here and restated by the variant.
  const { effectiveTo: _to, remoteArea: _remote, unservedPostalRanges: _unserved, ...line } = base;
  const level = base.serviceLevel;
  return {
    ...line,
    ...VERSION_2026_11,
    serviceId: variant.serviceId,
    name: variant.name,
    carriers: { lineHaul: variant.lineHaulName ?? base.carriers.lineHaul, lastMile: variant.lastMileCarrier },
    provenance: sandbox(`${variant.note} Line-haul, fuel, battery policy and fees as ${base.serviceId} (same air line); last-mile prices invented.`),
    chargeableWeight: variant.chargeableWeight ?? LEVEL_DEFAULTS[level].chargeableWeight,
    limits: variant.limits,
    lastMile: variant.lastMile,
    transitDays: variant.transitDays,
    ...(variant.remoteArea === null ? {} : { remoteArea: variant.remoteArea }),
    ...(variant.unservedPostalRanges === undefined ? {} : { unservedPostalRanges: variant.unservedPostalRanges }),
  };
}

/**
 * The ranges of [first, last] not covered by `served` (fixed-width numeric postal codes, e.g.
 * Mexico's 5 digits): how a carrier that publishes where it DOES deliver becomes a rate card's
 * unserved ranges. `served` must not overlap.
 */
export function complementRanges(first: string, last: string, served: readonly PostalRange[], label: string): PostalRange[] {
  const width = first.length;
  const text = (n: number): string => String(n).padStart(width, '0');
  const sorted = [...served].sort((a, b) => Number(a.from) - Number(b.from));
  const gaps: PostalRange[] = [];
  let next = Number(first);
  for (const range of sorted) {
    if (Number(range.from) > next) gaps.push({ from: text(next), to: text(Number(range.from) - 1), label });
    next = Math.max(next, Number(range.to) + 1);
  }
  if (next <= Number(last)) gaps.push({ from: text(next), to: last, label });
  return gaps;
}
