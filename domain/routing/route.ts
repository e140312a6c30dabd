/**
 * Smart routing: which last-mile carrier takes an order, and why.
 *
 * 1. Candidates: every service rating answered for the lane (eligible or not), mapped to its
 *    carrier profile, plus every carrier of the market that has no service there.
 * 2. Hard constraints, every reason collected: the service level paid for; what rating found
 *    (size, weight, goods, coverage, customs); the carrier's own coverage, limits and refusals;
 *    the seller's rules (never / only these carriers, tracked above a value, maximum transit).
 * 3. Volume shift: a carrier whose exception rate on the lane is above the threshold (over at
 *    least `minimumShipmentsForShift` shipments) is excluded, worst first, as long as at least
 *    `minimumCarriersPerMarket` carriers (default 2) remain that can take the order; otherwise it
 *    stays, and its reliability score carries the rate. With the minimum set to 1 a carrier is
 *    shifted away unless that leaves none. Either way the decision says which carriers moved.
 * 4. Score and rank what remains (score.ts), ties broken deterministically.
 * 5. Explain (explain.ts).
 */
import type { LaneKpis } from '../performance';
import type { EligibleQuote, IneligibilityReason, IneligibleQuote, RatingResult } from '../rating';
import { isLastMileCarrier, type LastMileCarrier } from '../shared/carriers';
import { hasTrackingSource } from '../tracking';
import type { GoodsCategory } from '../shared/goods';
import { formatMoney } from '../shared/money';
import type { BatteryType, ServiceLevel } from '../shared/shipping-terms';
import { SERVICE_LEVELS } from '../shared/shipping-terms';
import { batteryWords, type CarrierProfile, carrierRestrictions, type CarrierServiceOffer, categoryWords, coverageAt } from './carriers';
import { CARRIERS } from './data/carriers';
import { count, explain, listWords, percent, percentAgainst } from './explain';
import { type Lane, laneOf } from './lanes';
import { DEFAULT_SPANS, InvalidSellerPolicyError, rankCandidates, resolveWeights, type ScoringInput } from './score';
import type {
  Candidate,
  CandidateKpi,
  Exclusion,
  ExclusionCode,
  FlatExclusion,
  RankedCandidate,
  RoutingDecision,
  RoutingInput,
  RoutingOptions,
  SellerPolicy,
  SellerRule,
  ShiftedCarrier,
  VolumeShift,
} from './types';

export class RoutingInputError extends Error {
  override readonly name = 'RoutingInputError';
}

export const DEFAULT_ROUTING_OPTIONS = {
  exceptionRateThreshold: 0.05,
  minimumCarriersPerMarket: 2,
  minimumShipmentsForShift: 30,
  prior: { weight: 20, onTimeRate: 0.9, problemRate: 0.03 },
} as const;

// ------------------------------------------------------------------ carrier directory

interface Directory {
  readonly byService: ReadonlyMap<string, { readonly carrier: CarrierProfile; readonly offer: CarrierServiceOffer }>;
  readonly all: readonly CarrierProfile[];
}

const directories = new WeakMap<readonly CarrierProfile[], Directory>();

function directoryOf(carriers: readonly CarrierProfile[]): Directory {
  let directory = directories.get(carriers);
  if (!directory) {
    const byService = new Map<string, { carrier: CarrierProfile; offer: CarrierServiceOffer }>();
    for (const carrier of carriers) for (const offer of carrier.services) byService.set(offer.serviceId, { carrier, offer });
    directory = { byService, all: carriers };
    directories.set(carriers, directory);
  }
  return directory;
}

/** The carrier that delivers a rate-card service, with its offer; undefined for an unknown service. */
export function carrierOfService(
  serviceId: string,
  carriers: readonly CarrierProfile[] = CARRIERS,
): { carrier: CarrierProfile; offer: CarrierServiceOffer } | undefined {
  return directoryOf(carriers).byService.get(serviceId);
}

// ------------------------------------------------------------------ policy

const countryWords: Readonly<Record<string, string>> = { MX: 'Mexico', BR: 'Brazil', CL: 'Chile', CO: 'Colombia', PE: 'Peru', US: 'the United States' };

function nameOf(slug: LastMileCarrier, carriers: readonly CarrierProfile[]): string {
  return carriers.find((c) => c.slug === slug)?.name ?? slug;
}

/** A rule as the seller would say it: "never use Loggi in Brazil". */
export function describeRule(rule: SellerRule, carriers: readonly CarrierProfile[] = CARRIERS): string {
  const where = 'countries' in rule && rule.countries !== undefined ? ` in ${listWords(rule.countries.map((c) => countryWords[c] ?? c))}` : '';
  switch (rule.kind) {
    case 'never-carrier':
      return `never use ${nameOf(rule.carrier, carriers)}${where}`;
    case 'only-carriers':
      return `only use ${listWords(rule.carriers.map((c) => nameOf(c, carriers)))}${where}`;
    case 'tracked-above':
      return `only tracked services above ${formatMoney(rule.valueUsd)}`;
    case 'max-transit-days':
      return `at most ${rule.days} days in transit${where}`;
  }
}

/** Problems with a seller policy (unknown carriers, bad weights…); empty when valid. */
export function sellerPolicyIssues(policy: SellerPolicy): string[] {
  const issues: string[] = [];
  try {
    resolveWeights(policy.profile);
  } catch (error) {
    issues.push(error instanceof Error ? error.message : String(error));
  }
  policy.rules.forEach((rule, index) => {
    // Policies arrive from configuration: check the slugs as plain strings.
    const slugs: readonly string[] = rule.kind === 'never-carrier' ? [rule.carrier] : rule.kind === 'only-carriers' ? rule.carriers : [];
    for (const slug of slugs) if (!isLastMileCarrier(slug)) issues.push(`rule ${index}: unknown carrier "${slug}"`);
    if (rule.kind === 'tracked-above' && (rule.valueUsd.currency !== 'USD' || rule.valueUsd.amount < 0))
      issues.push(`rule ${index}: the value must be a non-negative USD amount`);
    if (rule.kind === 'max-transit-days' && !(Number.isInteger(rule.days) && rule.days > 0)) issues.push(`rule ${index}: days must be a positive whole number`);
    if (rule.kind === 'only-carriers' && rule.carriers.length === 0) issues.push(`rule ${index}: list at least one carrier`);
  });
  return issues;
}

// ------------------------------------------------------------------ candidates

interface Draft {
  readonly carrier?: CarrierProfile;
  readonly offer?: CarrierServiceOffer;
  readonly carrierName: string;
  readonly serviceId?: string;
  readonly serviceName?: string;
  readonly serviceLevel?: ServiceLevel;
  readonly quote?: EligibleQuote;
  readonly coverage?: 'served' | 'remote' | 'not-served';
  readonly kpi?: CandidateKpi;
  readonly exclusions: Exclusion[];
}

function exclusion(code: ExclusionCode, source: Exclusion['source'], carrierName: string, reason: string, parcelIndex?: number): Exclusion {
  const message = reason.startsWith('it ')
    ? `${carrierName} ${reason.slice(3)}.`
    : reason.startsWith('its ')
      ? `${carrierName}'s ${reason.slice(4)}.`
      : `${carrierName}: ${reason}.`;
  const base = { code, reason, message, source };
  return parcelIndex === undefined ? base : { ...base, parcelIndex };
}

function untrackable(carrierName: string): Exclusion {
  return exclusion(
    'NO_TRACKING_SOURCE',
    'carrier',
    carrierName,
    'it cannot be booked: Enlace has no way to follow its parcels (no webhook, tracking API or aggregator), so the parcel could not be followed to the door',
  );
}

interface Facts {
  readonly input: RoutingInput;
  readonly batteries: readonly BatteryType[];
  readonly categories: readonly GoodsCategory[];
}

/** A rating reason in the seller's words, as an "it …" clause. */
function ratingExclusion(reason: IneligibilityReason, facts: Facts, carrierName: string): Exclusion {
  const postalCode = facts.input.destination.code;
  switch (reason.code) {
    case 'OVERWEIGHT':
    case 'OVERSIZE':
      return exclusion(reason.code, 'rating', carrierName, `it cannot take it on this service: ${reason.message}`, reason.parcelIndex);
    case 'BATTERY_REFUSED': {
      const battery = facts.batteries.find((b) => reason.message.includes(b));
      return exclusion('BATTERY_REFUSED', 'rating', carrierName, `it does not carry ${battery ? batteryWords(battery) : 'these batteries'} on this service`);
    }
    case 'GOODS_REFUSED': {
      const category = facts.categories.find((c) => reason.message.includes(c));
      return exclusion('GOODS_REFUSED', 'rating', carrierName, `it does not carry ${category ? categoryWords(category) : 'these goods'} on this service`);
    }
    case 'POSTAL_CODE_NOT_SERVED':
      return exclusion('NOT_COVERED', 'rating', carrierName, `it does not deliver to ${postalCode} on this service`);
    default:
      return exclusion('NOT_RATED', 'rating', carrierName, `it cannot be quoted for this order: ${reason.message}`);
  }
}

const levelRank = (level: ServiceLevel): number => SERVICE_LEVELS.indexOf(level);

function levelAllowed(level: ServiceLevel, paid: ServiceLevel, policy: SellerPolicy): boolean {
  return level === paid || (policy.allowUpgrade === true && levelRank(level) > levelRank(paid));
}

function ruleApplies(rule: SellerRule, facts: Facts): boolean {
  return !('countries' in rule) || rule.countries === undefined || rule.countries.includes(facts.input.destination.country);
}

function ruleExclusions(draft: Draft, policy: SellerPolicy, facts: Facts, carriers: readonly CarrierProfile[]): Exclusion[] {
  const out: Exclusion[] = [];
  const slug = draft.carrier?.slug;
  for (const rule of policy.rules) {
    if (!ruleApplies(rule, facts)) continue;
    const said = `your rule “${describeRule(rule, carriers)}”`;
    if (rule.kind === 'never-carrier' && slug === rule.carrier) out.push(exclusion('SELLER_RULE', 'seller', draft.carrierName, `${said} excludes it`));
    if (rule.kind === 'only-carriers' && (slug === undefined || !rule.carriers.includes(slug)))
      out.push(exclusion('SELLER_RULE', 'seller', draft.carrierName, `${said} excludes it`));
    if (rule.kind === 'max-transit-days' && draft.quote && draft.quote.transitDays.max > rule.days) {
      out.push(exclusion('SELLER_RULE', 'seller', draft.carrierName, `it can take up to ${draft.quote.transitDays.max} days, and ${said} allows ${rule.days}`));
    }
    if (rule.kind === 'tracked-above' && draft.offer && !draft.offer.tracked && facts.input.declaredValueUsd.amount > rule.valueUsd.amount) {
      out.push(
        exclusion(
          'NOT_TRACKED_ABOVE_VALUE',
          'seller',
          draft.carrierName,
          `it is not tracked to the door on this service, and ${said} applies: this order is worth ${formatMoney(facts.input.declaredValueUsd)}`,
        ),
      );
    }
  }
  return out;
}

function candidateKpi(carrier: LastMileCarrier, kpis: LaneKpis, prior: RoutingOptionsResolved['prior']): CandidateKpi {
  const k = kpis.carriers[carrier];
  const shipments = k?.shipments ?? 0;
  const delivered = k?.delivered ?? 0;
  const problems = (k?.exceptions ?? 0) + (k?.lost ?? 0);
  return {
    shipments,
    delivered,
    onTimeRate: k?.onTimeRate,
    exceptionRate: k?.exceptionRate,
    lossRate: k?.lossRate,
    transitDaysP90: k?.transitDaysP90,
    // With no deliveries and a zero prior weight there is nothing to divide: the prior stands.
    onTimeRateUsed: delivered + prior.weight > 0 ? ((k?.onTime ?? 0) + prior.weight * prior.onTimeRate) / (delivered + prior.weight) : prior.onTimeRate,
    problemRateUsed: shipments + prior.weight > 0 ? Math.min(1, (problems + prior.weight * prior.problemRate) / (shipments + prior.weight)) : prior.problemRate,
    sandbox: k?.sandbox ?? false,
  };
}

interface RoutingOptionsResolved {
  readonly exceptionRateThreshold: number;
  readonly minimumCarriersPerMarket: number;
  readonly minimumShipmentsForShift: number;
  readonly prior: { readonly weight: number; readonly onTimeRate: number; readonly problemRate: number };
  readonly spans: typeof DEFAULT_SPANS;
  readonly carriers: readonly CarrierProfile[];
  readonly canTrack: (carrier: LastMileCarrier) => boolean;
}

function resolveOptions(options: RoutingOptions): RoutingOptionsResolved {
  const resolved = {
    exceptionRateThreshold: options.exceptionRateThreshold ?? DEFAULT_ROUTING_OPTIONS.exceptionRateThreshold,
    minimumCarriersPerMarket: options.minimumCarriersPerMarket ?? DEFAULT_ROUTING_OPTIONS.minimumCarriersPerMarket,
    minimumShipmentsForShift: options.minimumShipmentsForShift ?? DEFAULT_ROUTING_OPTIONS.minimumShipmentsForShift,
    prior: options.prior ?? DEFAULT_ROUTING_OPTIONS.prior,
    spans: { ...DEFAULT_SPANS, ...options.spans },
    carriers: options.carriers ?? CARRIERS,
    canTrack: options.canTrack ?? hasTrackingSource,
  };
  if (!(resolved.exceptionRateThreshold >= 0 && resolved.exceptionRateThreshold <= 1))
    throw new RoutingInputError('exceptionRateThreshold must be between 0 and 1');
  if (!(Number.isInteger(resolved.minimumCarriersPerMarket) && resolved.minimumCarriersPerMarket >= 1))
    throw new RoutingInputError('minimumCarriersPerMarket must be a whole number ≥ 1');
  const { prior } = resolved;
  if (!(prior.weight >= 0 && prior.onTimeRate >= 0 && prior.onTimeRate <= 1 && prior.problemRate >= 0 && prior.problemRate <= 1)) {
    throw new RoutingInputError('prior weight must be ≥ 0 and prior rates between 0 and 1');
  }
  for (const [axis, span] of Object.entries(resolved.spans)) if (!(span > 0)) throw new RoutingInputError(`span of ${axis} must be > 0`);
  return resolved;
}

function buildDrafts(input: RoutingInput, rating: RatingResult, kpis: LaneKpis, policy: SellerPolicy, facts: Facts, options: RoutingOptionsResolved): Draft[] {
  const directory = directoryOf(options.carriers);
  const drafts: Draft[] = [];
  const shipmentFacts = { destination: input.destination, parcels: input.parcels, batteries: facts.batteries, categories: facts.categories };
  const entries: (EligibleQuote | IneligibleQuote)[] = [...rating.quotes, ...rating.ineligible];
  for (const entry of entries) {
    const found = directory.byService.get(entry.serviceId);
    const carrierName = found?.carrier.name ?? (entry.eligible ? entry.carriers.lastMile : entry.serviceName);
    const exclusions: Exclusion[] = [];
    if (!levelAllowed(entry.serviceLevel, input.serviceLevel, policy)) {
      exclusions.push(
        exclusion(
          'SERVICE_LEVEL_MISMATCH',
          'level',
          carrierName,
          `it is ${entry.serviceLevel === 'standard' ? 'a' : 'an'} ${entry.serviceLevel} service, and the buyer paid for ${input.serviceLevel}`,
        ),
      );
    }
    const carrierChecks = found ? carrierRestrictions(found.carrier, shipmentFacts) : [];
    for (const r of carrierChecks) exclusions.push(exclusion(r.code, 'carrier', carrierName, `it ${r.clause}`, r.parcelIndex));
    if (!entry.eligible) {
      const carrierCodes = new Set<string>(carrierChecks.map((r) => r.code));
      for (const reason of entry.reasons) {
        const mapped = ratingExclusion(reason, facts, carrierName);
        if (!carrierCodes.has(mapped.code)) exclusions.push(mapped);
      }
    }
    if (!found) exclusions.push(exclusion('NOT_RATED', 'carrier', carrierName, `it has no carrier profile for service ${entry.serviceId}`));
    // Booking a parcel nobody can follow would leave its timeline blank after the line-haul.
    if (found && !options.canTrack(found.carrier.slug)) exclusions.push(untrackable(carrierName));
    const draft: Draft = {
      carrierName,
      serviceId: entry.serviceId,
      serviceName: entry.serviceName,
      serviceLevel: entry.serviceLevel,
      exclusions,
      ...(found
        ? {
            carrier: found.carrier,
            offer: found.offer,
            coverage: coverageAt(found.carrier, input.destination).status,
            kpi: candidateKpi(found.carrier.slug, kpis, options.prior),
          }
        : {}),
      ...(entry.eligible ? { quote: entry } : {}),
    };
    draft.exclusions.push(...ruleExclusions(draft, policy, facts, options.carriers));
    drafts.push(draft);
  }
  const seen = new Set(drafts.map((d) => d.carrier?.slug));
  for (const carrier of directory.all) {
    if (carrier.country !== input.destination.country || seen.has(carrier.slug)) continue;
    drafts.push({
      carrier,
      carrierName: carrier.name,
      kpi: candidateKpi(carrier.slug, kpis, options.prior),
      exclusions: [exclusion('NO_SERVICE', 'rating', carrier.name, 'it has no service on this lane in the rate cards in effect')],
    });
  }
  return drafts;
}

// ------------------------------------------------------------------ volume shift

function volumeShift(passing: readonly Draft[], options: RoutingOptionsResolved): { shifted: ShiftedCarrier[]; kept: ShiftedCarrier[] } {
  const perCarrier = new Map<LastMileCarrier, ShiftedCarrier>();
  for (const d of passing) {
    if (!d.carrier || !d.kpi || perCarrier.has(d.carrier.slug)) continue;
    const rate = d.kpi.exceptionRate;
    if (rate === undefined || d.kpi.shipments < options.minimumShipmentsForShift || rate <= options.exceptionRateThreshold) continue;
    perCarrier.set(d.carrier.slug, {
      carrier: d.carrier.slug,
      carrierName: d.carrier.name,
      exceptionRate: rate,
      exceptions: Math.round(rate * d.kpi.shipments),
      shipments: d.kpi.shipments,
    });
  }
  const over = [...perCarrier.values()].sort((a, b) => b.exceptionRate - a.exceptionRate || (a.carrier < b.carrier ? -1 : 1));
  let remaining = new Set(passing.map((d) => d.carrier?.slug)).size;
  const shifted: ShiftedCarrier[] = [];
  const kept: ShiftedCarrier[] = [];
  for (const carrier of over) {
    if (remaining - 1 >= options.minimumCarriersPerMarket) {
      shifted.push(carrier);
      remaining -= 1;
    } else {
      kept.push(carrier);
    }
  }
  return { shifted, kept };
}

// ------------------------------------------------------------------ the decision

function uniqueBatteries(batteries: readonly BatteryType[]): BatteryType[] {
  return [...new Set(batteries.filter((b) => b !== 'none'))];
}

function assertConsistent(input: RoutingInput, rating: RatingResult, kpis: LaneKpis, lane: Lane, policy: SellerPolicy): void {
  if (rating.destination !== input.destination.country) {
    throw new RoutingInputError(`the quotes are for ${rating.destination}, the order goes to ${input.destination.country}`);
  }
  if (kpis.lane !== lane.id) throw new RoutingInputError(`the KPIs are for lane ${kpis.lane}, the order goes to ${lane.id}`);
  if (input.declaredValueUsd.currency !== 'USD') throw new RoutingInputError('declaredValueUsd must be in USD');
  if (input.parcels.length === 0) throw new RoutingInputError('at least one parcel is required');
  const issues = sellerPolicyIssues(policy);
  if (issues.length > 0) throw new InvalidSellerPolicyError(`invalid seller policy: ${issues.join('; ')}`);
}

function sortExcluded(a: Candidate, b: Candidate, paid: ServiceLevel): number {
  const group = (c: Candidate): number =>
    c.serviceLevel === undefined ? 2 : c.exclusions.some((e) => e.code === 'SERVICE_LEVEL_MISMATCH') || c.serviceLevel !== paid ? 1 : 0;
  const text = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return group(a) - group(b) || text(a.carrierName, b.carrierName) || text(a.serviceId ?? '', b.serviceId ?? '');
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Built field by field rather than with conditional spreads: this runs for every candidate of every
// decision and the spreads' temporary objects dominated the routing benchmark.
function toCandidate(d: Draft, status: Candidate['status']): Candidate {
  const c: Mutable<Candidate> = { carrierName: d.carrierName, status, exclusions: d.exclusions };
  if (d.carrier) c.carrier = d.carrier.slug;
  if (d.serviceId !== undefined) c.serviceId = d.serviceId;
  if (d.serviceName !== undefined) c.serviceName = d.serviceName;
  if (d.serviceLevel !== undefined) c.serviceLevel = d.serviceLevel;
  if (d.offer) c.tracked = d.offer.tracked;
  if (d.coverage) c.coverage = d.coverage;
  if (d.quote) {
    c.totalCharges = d.quote.totalCharges;
    c.transitDays = d.quote.transitDays;
  }
  if (d.kpi) c.kpi = d.kpi;
  return c;
}

/**
 * Routes one order: picks the last-mile carrier among the quotes of its lane, given the lane's
 * carrier KPIs and the seller's policy, and explains the decision. Pure and deterministic.
 * Throws RoutingInputError when quotes, KPIs and order do not belong together, and
 * InvalidSellerPolicyError for a malformed policy; an order nothing can take is a decision with
 * status 'unroutable', not an error.
 */
export function routeShipment(
  input: RoutingInput,
  quotes: RatingResult,
  kpis: LaneKpis,
  sellerPolicy: SellerPolicy,
  options: RoutingOptions = {},
): RoutingDecision {
  const settings = resolveOptions(options);
  const lane = laneOf(input.destination);
  assertConsistent(input, quotes, kpis, lane, sellerPolicy);
  const weights = resolveWeights(sellerPolicy.profile);
  const facts: Facts = { input, batteries: uniqueBatteries(input.batteries), categories: [...new Set(input.goodsCategories ?? [])] };

  const drafts = buildDrafts(input, quotes, kpis, sellerPolicy, facts, settings);
  const passing = drafts.filter((d) => d.exclusions.length === 0 && d.quote !== undefined && d.carrier !== undefined && d.kpi !== undefined);
  const { shifted, kept } = volumeShift(passing, settings);
  const shiftedSlugs = new Set(shifted.map((s) => s.carrier));
  const remaining = passing.filter((d) => !shiftedSlugs.has(d.carrier?.slug as LastMileCarrier));

  const inputs: ScoringInput[] = remaining.map((d) => ({
    carrier: d.carrier?.slug ?? '',
    serviceId: d.serviceId ?? '',
    cost: d.quote?.totalCharges.amount ?? 0,
    transitMin: d.quote?.transitDays.min ?? 0,
    transitMax: d.quote?.transitDays.max ?? 0,
    onTimeRate: d.kpi?.onTimeRateUsed ?? 0,
    problemRate: d.kpi?.problemRateUsed ?? 1,
  }));
  const ranking: RankedCandidate[] = rankCandidates(inputs, weights, settings.spans).map(({ index, score }, position) => {
    const candidate = toCandidate(remaining[index] as Draft, 'ranked') as Mutable<RankedCandidate>;
    candidate.score = score;
    candidate.rank = position + 1;
    return candidate;
  });
  const chosen = ranking[0];

  // Exclusions that name the winner can only be written now.
  for (const s of shifted) {
    const destination = chosen ? `volume shifted to ${chosen.carrierName}` : 'volume shifted to the other carriers';
    const rate = percentAgainst(s.exceptionRate, settings.exceptionRateThreshold);
    const reason = `its exception rate on ${lane.label} over ${kpis.window.label} is ${rate} (${count(s.exceptions)} of ${count(s.shipments)} shipments), above the ${percent(settings.exceptionRateThreshold)} limit; ${destination}`;
    for (const d of passing) if (d.carrier?.slug === s.carrier) d.exclusions.push(exclusion('EXCEPTION_RATE_TOO_HIGH', 'kpi', d.carrierName, reason));
  }

  const excluded = drafts
    .filter((d) => d.exclusions.length > 0)
    .map((d) => toCandidate(d, 'excluded'))
    .sort((a, b) => sortExcluded(a, b, input.serviceLevel));
  const shift: VolumeShift = {
    threshold: settings.exceptionRateThreshold,
    minimumCarriersPerMarket: settings.minimumCarriersPerMarket,
    shiftedAway: shifted,
    keptDespiteThreshold: kept,
  };
  const profile = typeof sellerPolicy.profile === 'string' ? sellerPolicy.profile : 'custom';
  const kpiSandbox = Object.values(kpis.carriers).some((k) => k?.sandbox === true);
  const { explanation, unroutable } = explain(
    {
      input,
      lane,
      level: input.serviceLevel,
      profile,
      weights,
      windowLabel: kpis.window.label,
      kpiSandbox,
      minimumSample: settings.minimumShipmentsForShift,
    },
    ranking,
    excluded,
    shift,
  );
  const exclusions: FlatExclusion[] = [];
  for (const c of excluded) {
    for (const e of c.exclusions) {
      const flat: Mutable<FlatExclusion> = { code: e.code, reason: e.reason, message: e.message, source: e.source, carrierName: c.carrierName };
      if (e.parcelIndex !== undefined) flat.parcelIndex = e.parcelIndex;
      if (c.carrier) flat.carrier = c.carrier;
      if (c.serviceId !== undefined) flat.serviceId = c.serviceId;
      exclusions.push(flat);
    }
  }
  return {
    orderId: input.orderId,
    sellerId: input.sellerId,
    destination: { country: input.destination.country, postalCode: input.destination.code },
    lane,
    serviceLevel: input.serviceLevel,
    status: chosen ? 'routed' : 'unroutable',
    ...(chosen ? { chosen } : {}),
    ranking,
    candidates: [...ranking, ...excluded],
    exclusions,
    volumeShift: shift,
    profile,
    weights,
    kpiWindow: { lane: kpis.lane, weeks: kpis.window.weeks, label: kpis.window.label, sandbox: kpiSandbox },
    explanation,
    ...(unroutable ? { unroutable } : {}),
  };
}
