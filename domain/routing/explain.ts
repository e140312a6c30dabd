/**
 * Routing decisions in words a seller understands: why this carrier, why not the others, what the
 * measured performance was. Pure string building over the decision's parts; no logic that changes
 * the outcome lives here.
 */
import { formatMoney } from '../shared/money';
import { SERVICE_LEVELS, type ServiceLevel } from '../shared/shipping-terms';
import type { Lane } from './lanes';
import type { Candidate, RankedCandidate, RoutingInput, RoutingProfile, ScoreWeights, ShiftedCarrier, VolumeShift } from './types';

/** "9.1%", "5%". */
export function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(1))}%`;
}

/** A rate compared with a limit, with enough decimals that "above 5%" never reads "5%". */
export function percentAgainst(rate: number, limit: number): string {
  for (let decimals = 1; decimals <= 4; decimals++) {
    const text = `${Number((rate * 100).toFixed(decimals))}%`;
    if (Number((rate * 100).toFixed(decimals)) !== Number((limit * 100).toFixed(decimals))) return text;
  }
  return `${rate * 100}%`;
}

/** "1,659". */
export function count(n: number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const points = (delta: number): string => `${Number((Math.abs(delta) * 100).toFixed(1))} points`;

/** "Jadlog", "Jadlog and Correios", "Jadlog, Correios and Loggi". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

const PROFILE_WORDS: Readonly<Record<RoutingProfile | 'custom', string>> = {
  cheapest: 'your “cheapest” setting',
  fastest: 'your “fastest” setting',
  'best-value': 'your “best value” setting',
  custom: 'your custom weights',
};

export interface ExplainContext {
  readonly input: RoutingInput;
  readonly lane: Lane;
  readonly level: ServiceLevel;
  readonly profile: RoutingProfile | 'custom';
  readonly weights: ScoreWeights;
  readonly windowLabel: string;
  readonly kpiSandbox: boolean;
  /** Measured rates are quoted as superlatives only over at least this many shipments. */
  readonly minimumSample: number;
}

function destinationWords(ctx: ExplainContext): string {
  const parcels = ctx.input.parcels.length;
  const what = parcels === 1 ? `this ${ctx.level} parcel` : `this ${ctx.level} shipment (${parcels} parcels)`;
  const from = ctx.input.origin === undefined ? '' : ` from warehouse ${ctx.input.origin.warehouseCode}`;
  return `${what}${from} to ${ctx.input.destination.code} (${ctx.lane.regionName})`;
}

const days = (c: RankedCandidate): string => `${c.transitDays.min}–${c.transitDays.max} days`;

function record(c: RankedCandidate, ctx: ExplainContext): string {
  const { kpi } = c;
  if (kpi.shipments === 0) return `no delivery history on ${ctx.lane.label} yet`;
  const onTime = kpi.onTimeRate === undefined ? 'no deliveries yet' : `${percent(kpi.onTimeRate)} on time`;
  const exceptions = kpi.exceptionRate === undefined ? '' : `, ${percent(kpi.exceptionRate)} with an exception`;
  return `${onTime}${exceptions} on ${ctx.lane.label} over ${ctx.windowLabel} (${count(kpi.shipments)} shipments)`;
}

/** Superlatives the chosen candidate earns among the ranked ones ("the cheapest (USD 21.30)"). */
function superlatives(chosen: RankedCandidate, ranked: readonly RankedCandidate[], ctx: ExplainContext): string[] {
  const others = ranked.filter((c) => c !== chosen);
  const out: string[] = [];
  const best = (value: (c: RankedCandidate) => number, lowerIsBetter: boolean, phrase: string): void => {
    const mine = value(chosen);
    const beaten = others.every((o) => (lowerIsBetter ? value(o) >= mine : value(o) <= mine));
    if (!beaten) return;
    const tied = others.some((o) => value(o) === mine);
    out.push(tied ? `tied for ${phrase}` : phrase);
  };
  const measured = (c: RankedCandidate): boolean => c.kpi.shipments >= ctx.minimumSample;
  best((c) => c.totalCharges.amount, true, `the cheapest (${formatMoney(chosen.totalCharges)})`);
  best((c) => (c.transitDays.min + c.transitDays.max) / 2, true, `the fastest (${days(chosen)})`);
  if (measured(chosen) && chosen.kpi.onTimeRate !== undefined && others.every(measured)) {
    best((c) => c.kpi.onTimeRateUsed, false, `the most punctual (${percent(chosen.kpi.onTimeRate)} on time)`);
  }
  if (measured(chosen) && chosen.kpi.exceptionRate !== undefined && others.every(measured)) {
    best((c) => c.kpi.problemRateUsed, true, `the most reliable (${percent(chosen.kpi.exceptionRate)} with an exception)`);
  }
  return out;
}

function weightsWords(ctx: ExplainContext): string {
  const w = ctx.weights;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  return `${PROFILE_WORDS[ctx.profile]} weighs cost ${pct(w.cost)}, speed ${pct(w.transit)}, on-time delivery ${pct(w.onTime)} and reliability ${pct(w.reliability)}`;
}

/** Why the first beat the second when their scores are equal: the first tie-break key that differs. */
function tieBreakWords(first: RankedCandidate, second: RankedCandidate): string {
  if (first.totalCharges.amount !== second.totalCharges.amount) return 'it is cheaper';
  if (first.transitDays.max !== second.transitDays.max || first.transitDays.min !== second.transitDays.min) return 'it is faster';
  if (first.kpi.problemRateUsed !== second.kpi.problemRateUsed) return 'it has fewer problems on this lane';
  if (first.kpi.onTimeRateUsed !== second.kpi.onTimeRateUsed) return 'it is more punctual on this lane';
  return 'everything else being equal, carriers are taken in alphabetical order';
}

function runnerUp(first: RankedCandidate, second: RankedCandidate): string {
  const score = (c: RankedCandidate): string => c.score.total.toFixed(2);
  if (first.score.total === second.score.total) {
    return `${second.carrierName} scored the same as ${first.carrierName} (${score(first)}); ${first.carrierName} was picked because ${tieBreakWords(first, second)}.`;
  }
  const diffs: string[] = [];
  const cost = second.totalCharges.amount - first.totalCharges.amount;
  if (cost !== 0) diffs.push(`${formatMoney({ amount: Math.abs(cost), currency: first.totalCharges.currency })} ${cost > 0 ? 'more' : 'less'}`);
  const slower = second.transitDays.max - first.transitDays.max;
  if (slower !== 0) diffs.push(`up to ${Math.abs(slower)} day${Math.abs(slower) === 1 ? '' : 's'} ${slower > 0 ? 'slower' : 'faster'}`);
  const onTime = second.kpi.onTimeRateUsed - first.kpi.onTimeRateUsed;
  if (Math.abs(onTime) >= 0.005) diffs.push(`${points(onTime)} ${onTime < 0 ? 'less' : 'more'} punctual`);
  const problems = second.kpi.problemRateUsed - first.kpi.problemRateUsed;
  if (Math.abs(problems) >= 0.005) diffs.push(`${points(problems)} ${problems > 0 ? 'more' : 'fewer'} exceptions and losses`);
  const why = diffs.length > 0 ? `: ${listWords(diffs)}` : '';
  return `${second.carrierName} came second (score ${score(second)} against ${score(first)})${why}.`;
}

/** "Loggi was not used: its exception rate … ; it does not carry …." (with the level when several levels are listed). */
export function exclusionSentence(candidate: Candidate, withLevel = false): string {
  const who = withLevel && candidate.serviceLevel !== undefined ? `${candidate.carrierName} (${candidate.serviceLevel})` : candidate.carrierName;
  return `${who} was not used: ${candidate.exclusions.map((e) => e.reason).join('; ')}.`;
}

function keptSentence(kept: ShiftedCarrier, shift: VolumeShift, ctx: ExplainContext): string {
  return (
    `${kept.carrierName}'s exception rate on ${ctx.lane.label} over ${ctx.windowLabel} is ${percentAgainst(kept.exceptionRate, shift.threshold)} ` +
    `(${count(kept.exceptions)} of ${count(kept.shipments)} shipments), above the ${percent(shift.threshold)} limit, but it stays available: ` +
    `removing it would leave fewer than ${shift.minimumCarriersPerMarket} carriers able to take this order, so its reliability score carries the rate instead.`
  );
}

function otherLevels(excluded: readonly Candidate[], ctx: ExplainContext): string | undefined {
  const byLevel = new Map<ServiceLevel, string[]>();
  for (const c of excluded) {
    if (c.serviceLevel === undefined || !c.exclusions.some((e) => e.code === 'SERVICE_LEVEL_MISMATCH')) continue;
    const names = byLevel.get(c.serviceLevel) ?? [];
    if (!names.includes(c.carrierName)) names.push(c.carrierName);
    byLevel.set(c.serviceLevel, names);
  }
  if (byLevel.size === 0) return undefined;
  const groups = SERVICE_LEVELS.filter((level) => byLevel.has(level)).map((level) => `${level}: ${listWords(byLevel.get(level) ?? [])}`);
  return `Services at other levels were not considered because the buyer paid for ${ctx.level} (${groups.join('; ')}).`;
}

function upgradeHint(excluded: readonly Candidate[]): string | undefined {
  const possible = excluded.filter(
    (c) => c.serviceLevel !== undefined && c.exclusions.length > 0 && c.exclusions.every((e) => e.code === 'SERVICE_LEVEL_MISMATCH'),
  );
  if (possible.length === 0) return undefined;
  const options = possible.map((c) => `${c.carrierName} (${c.serviceLevel ?? ''})`);
  return `It could go at another service level: ${listWords(options)} can take it if the buyer's service level is changed.`;
}

export interface Explained {
  readonly explanation: string[];
  readonly unroutable?: { readonly reasons: string[] };
}

/** The explanation of a decision: routed (choice, runner-up, scores, exclusions) or unroutable (every reason). */
export function explain(ctx: ExplainContext, ranked: readonly RankedCandidate[], excluded: readonly Candidate[], shift: VolumeShift): Explained {
  const sameLevel = excluded.filter((c) => !c.exclusions.some((e) => e.code === 'SERVICE_LEVEL_MISMATCH'));
  const dataNote = ctx.kpiSandbox ? `Carrier history on ${ctx.lane.label} is sandbox data seeded for development, not measured.` : undefined;
  const first = ranked[0];
  if (!first) {
    // Nothing can take it: every candidate with every reason, at every level.
    const reasons = excluded.map((c) => exclusionSentence(c, true));
    const hint = upgradeHint(excluded);
    const explanation = [
      `We could not route order ${ctx.input.orderId}: no carrier can deliver ${destinationWords(ctx)}.`,
      ...reasons,
      ...(hint ? [hint] : []),
    ];
    return { explanation, unroutable: { reasons } };
  }
  const carriers = new Set(ranked.map((c) => c.carrier)).size;
  const words = superlatives(first, ranked, ctx);
  const chosenName = first.carrierName;
  const opening =
    carriers === 1
      ? `We chose ${chosenName} because it is the only carrier that can deliver ${destinationWords(ctx)}.`
      : words.length > 0
        ? `We chose ${chosenName} because it was ${listWords(words)} of the ${carriers} carriers that can deliver ${destinationWords(ctx)}.`
        : `We chose ${chosenName} because it offered the best balance of price, speed and reliability under ${PROFILE_WORDS[ctx.profile]} among the ${carriers} carriers that can deliver ${destinationWords(ctx)}.`;
  // A domestic parcel owes no import duties (paid when its stock came in): say so rather than "including duties".
  const charges = ctx.input.origin === undefined ? 'including duties and taxes' : 'with no import duties (domestic, paid at inbound)';
  const facts = `${first.carrierName} on ${first.serviceName}: ${formatMoney(first.totalCharges)} ${charges}, ${days(first)}, ${record(first, ctx)}.`;
  const second = ranked[1];
  const scores = `Scores out of 1 (${weightsWords(ctx)}): ${ranked.map((c) => `${c.carrierName} ${c.score.total.toFixed(2)}`).join(', ')}.`;
  const explanation = [
    opening,
    facts,
    ...(second ? [runnerUp(first, second), scores] : []),
    ...shift.keptDespiteThreshold.map((k) => keptSentence(k, shift, ctx)),
    ...sameLevel.map((c) => exclusionSentence(c)),
    ...[otherLevels(excluded, ctx), dataNote].filter((s): s is string => s !== undefined),
  ];
  return { explanation };
}
