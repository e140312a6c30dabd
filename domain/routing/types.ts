import type { PostalCode } from '../shared/postal-codes';
/**
 * What routing takes and returns. A decision is plain data (JSON-serialisable): it is stored with
 * the shipment and shown to the seller, so it carries every candidate, every reason a candidate
 * was excluded, each score broken down by axis, and the explanation in words.
 */
import type { LastMileCarrier } from '../shared/carriers';
import type { GoodsCategory } from '../shared/goods';
import type { Money } from '../shared/money';
import type { BatteryType, DestinationCountry, ServiceLevel } from '../shared/shipping-terms';
import type { CarrierProfile, RoutingParcel } from './carriers';
import type { Lane } from './lanes';

export type { RoutingParcel } from './carriers';

// ------------------------------------------------------------------ input

/** The facts of an order routing needs (see routingInputFromOrder). */
export interface RoutingInput {
  readonly orderId: string;
  readonly sellerId: string;
  readonly destination: PostalCode;
  /** The service level the buyer paid for. */
  readonly serviceLevel: ServiceLevel;
  readonly parcels: readonly RoutingParcel[];
  /** Battery types in the order ('none' may be present and is ignored). */
  readonly batteries: readonly BatteryType[];
  readonly goodsCategories?: readonly GoodsCategory[];
  /** Declared goods value in USD (seller rules are written in USD). */
  readonly declaredValueUsd: Money;
}

export const ROUTING_PROFILES = ['cheapest', 'fastest', 'best-value'] as const;
export type RoutingProfile = (typeof ROUTING_PROFILES)[number];

/** Relative weights of the four axes; any non-negative numbers, normalised to sum 1. */
export interface ScoreWeights {
  readonly cost: number;
  readonly transit: number;
  readonly onTime: number;
  readonly reliability: number;
}

/** A seller's standing instructions. `countries` limits a rule to some markets (all when absent). */
export type SellerRule =
  | { readonly kind: 'never-carrier'; readonly carrier: LastMileCarrier; readonly countries?: readonly DestinationCountry[] }
  | { readonly kind: 'only-carriers'; readonly carriers: readonly LastMileCarrier[]; readonly countries?: readonly DestinationCountry[] }
  /** Only services tracked to the door when the declared value is above this (USD). */
  | { readonly kind: 'tracked-above'; readonly valueUsd: Money }
  | { readonly kind: 'max-transit-days'; readonly days: number; readonly countries?: readonly DestinationCountry[] };

export interface SellerPolicy {
  readonly profile: RoutingProfile | ScoreWeights;
  readonly rules: readonly SellerRule[];
  /** Allow a faster level than the one paid for (never a slower one). Off by default. */
  readonly allowUpgrade?: boolean;
}

export interface RoutingOptions {
  /** Exception rate on the lane above which volume shifts away from a carrier; 0.05 by default. */
  readonly exceptionRateThreshold?: number;
  /**
   * Keep at least this many carriers able to take the order when shifting volume; 2 by default
   * ("keep two carriers per market"). With 1, a carrier is shifted away unless none would remain.
   */
  readonly minimumCarriersPerMarket?: number;
  /** A carrier's exception rate is judged only over at least this many shipments; 30 by default. */
  readonly minimumShipmentsForShift?: number;
  /** Shrinks rates measured on few shipments toward a prior: (x + weight × prior) / (n + weight). */
  readonly prior?: { readonly weight: number; readonly onTimeRate: number; readonly problemRate: number };
  /** How far from the best a candidate may be before an axis scores 0 (see score.ts). */
  readonly spans?: Partial<ScoreSpans>;
  /** Carrier profiles (tests, what-if); the bundled ones when absent. */
  readonly carriers?: readonly CarrierProfile[];
  /** Whether Enlace can follow a carrier's parcels to the door; tracking's source registry when absent. */
  readonly canTrack?: (carrier: LastMileCarrier) => boolean;
}

export interface ScoreSpans {
  /** Relative: 1 means a candidate twice as expensive as the cheapest scores 0 on cost. */
  readonly cost: number;
  /** Relative: 1 means twice the fastest transit scores 0. */
  readonly transit: number;
  /** Absolute: 0.2 means 20 points below the most punctual scores 0. */
  readonly onTime: number;
  /** Absolute: 0.1 means 10 points more problems than the most reliable scores 0. */
  readonly reliability: number;
}

// ------------------------------------------------------------------ output

export const EXCLUSION_CODES = [
  'NOT_COVERED',
  'OVERWEIGHT',
  'OVERSIZE',
  'BATTERY_REFUSED',
  'GOODS_REFUSED',
  'SERVICE_LEVEL_MISMATCH',
  'SELLER_RULE',
  'NOT_TRACKED_ABOVE_VALUE',
  'EXCEPTION_RATE_TOO_HIGH',
  /** Rating could not quote the service for another reason (customs regime, no card in effect…). */
  'NOT_RATED',
  /** A carrier of the market with no service on this lane in the rate cards. */
  'NO_SERVICE',
  /** Enlace has no way to follow the carrier's parcels (no webhook, poll or aggregator: domain/tracking/sources.ts). */
  'NO_TRACKING_SOURCE',
] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

export interface Exclusion {
  readonly code: ExclusionCode;
  /** A clause about the carrier, e.g. "does not deliver to 29000 (Chiapas)": explanations prefix the name. */
  readonly reason: string;
  /** The full sentence, e.g. "99minutos does not deliver to 29000 (Chiapas)." */
  readonly message: string;
  /** Who decided: the service's rate card, the carrier's own rules, the seller's policy, or measured KPIs. */
  readonly source: 'rating' | 'carrier' | 'seller' | 'level' | 'kpi';
  readonly parcelIndex?: number;
}

export interface AxisScore {
  /** The measure: cost in minor units of the quote currency, transit in days (mid-range), rates 0..1. */
  readonly raw: number;
  /** 0..1, 1 = as good as the best candidate on this axis. */
  readonly normalized: number;
  /** The axis weight (weights sum to 1). */
  readonly weight: number;
  /** normalized × weight. */
  readonly weighted: number;
}

export interface ScoreBreakdown {
  readonly cost: AxisScore;
  readonly transit: AxisScore;
  /** raw: on-time rate used (measured, shrunk toward the prior). */
  readonly onTime: AxisScore;
  /** raw: problem rate used (exceptions + losses per shipment, shrunk); higher is worse. */
  readonly reliability: AxisScore;
  readonly total: number;
}

export interface CandidateKpi {
  readonly shipments: number;
  readonly delivered: number;
  readonly onTimeRate: number | undefined;
  readonly exceptionRate: number | undefined;
  readonly lossRate: number | undefined;
  readonly transitDaysP90: number | undefined;
  /** The rates scoring used, after shrinking toward the prior. */
  readonly onTimeRateUsed: number;
  readonly problemRateUsed: number;
  readonly sandbox: boolean;
}

export interface Candidate {
  readonly carrier?: LastMileCarrier;
  readonly carrierName: string;
  readonly serviceId?: string;
  readonly serviceName?: string;
  readonly serviceLevel?: ServiceLevel;
  readonly tracked?: boolean;
  readonly coverage?: 'served' | 'remote' | 'not-served';
  readonly totalCharges?: Money;
  readonly transitDays?: { readonly min: number; readonly max: number };
  readonly kpi?: CandidateKpi;
  readonly status: 'ranked' | 'excluded';
  readonly exclusions: readonly Exclusion[];
  readonly score?: ScoreBreakdown;
  /** 1 = chosen. */
  readonly rank?: number;
}

export interface RankedCandidate extends Candidate {
  readonly status: 'ranked';
  readonly carrier: LastMileCarrier;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly serviceLevel: ServiceLevel;
  readonly tracked: boolean;
  readonly totalCharges: Money;
  readonly transitDays: { readonly min: number; readonly max: number };
  readonly kpi: CandidateKpi;
  readonly score: ScoreBreakdown;
  readonly rank: number;
}

export interface ShiftedCarrier {
  readonly carrier: LastMileCarrier;
  readonly carrierName: string;
  readonly exceptionRate: number;
  readonly exceptions: number;
  readonly shipments: number;
}

export interface VolumeShift {
  readonly threshold: number;
  readonly minimumCarriersPerMarket: number;
  /** Over the threshold and excluded: their volume goes to the others. */
  readonly shiftedAway: readonly ShiftedCarrier[];
  /** Over the threshold but kept, because excluding them would leave too few carriers. */
  readonly keptDespiteThreshold: readonly ShiftedCarrier[];
}

export interface FlatExclusion extends Exclusion {
  readonly carrierName: string;
  readonly carrier?: LastMileCarrier;
  readonly serviceId?: string;
}

export interface BookingSummary {
  readonly status: 'booked' | 'failed-all';
  readonly carrier?: LastMileCarrier;
  readonly serviceId?: string;
  readonly trackingNumber?: string;
  readonly attempts: readonly {
    readonly carrier: LastMileCarrier;
    readonly serviceId: string;
    readonly attempt: number;
    readonly outcome: 'booked' | 'failed' | 'timeout';
    readonly error?: string;
  }[];
}

export interface RoutingDecision {
  readonly orderId: string;
  readonly sellerId: string;
  /** As the API shows it: the country and the canonical postal code. */
  readonly destination: { readonly country: DestinationCountry; readonly postalCode: string };
  readonly lane: Lane;
  readonly serviceLevel: ServiceLevel;
  readonly status: 'routed' | 'unroutable';
  /** The best-ranked candidate; absent when unroutable. */
  readonly chosen?: RankedCandidate;
  /** Every candidate that passed all constraints, best first (booking falls back down this list). */
  readonly ranking: readonly RankedCandidate[];
  /** Everything considered: ranked first, then the excluded ones. */
  readonly candidates: readonly Candidate[];
  /** Every exclusion of every candidate, flat. */
  readonly exclusions: readonly FlatExclusion[];
  readonly volumeShift: VolumeShift;
  readonly profile: RoutingProfile | 'custom';
  readonly weights: ScoreWeights;
  readonly kpiWindow: { readonly lane: string; readonly weeks: readonly string[]; readonly label: string; readonly sandbox: boolean };
  /** Plain-English sentences for the seller, most important first. */
  readonly explanation: readonly string[];
  /** Present when nothing can take the order: one sentence per reason, for every candidate. */
  readonly unroutable?: { readonly reasons: readonly string[] };
  /** Added by recordBooking once booking has run. */
  readonly booking?: BookingSummary;
}
