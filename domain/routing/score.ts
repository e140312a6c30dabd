/**
 * Scoring: four axes, each turned into 0..1 relative to the best candidate, weighted per seller.
 *
 * - cost: total charges (shipping + duties and taxes) in the quote currency; relative distance
 *   from the cheapest: 1 − (cost − best) / best / span. With span 1, 10% dearer scores 0.9 and
 *   twice the price scores 0.
 * - transit: the quoted range's midpoint in days, the same relative rule against the fastest.
 * - on-time: the carrier's on-time rate on the lane (shrunk toward a prior when few deliveries
 *   are measured), absolute distance from the most punctual: 1 − (best − rate) / span.
 * - reliability: exceptions + losses per shipment on the lane (shrunk likewise), absolute distance
 *   from the most reliable: 1 − (rate − best) / span.
 * Each axis is clamped to 0..1. Relative distances (not min–max) keep a one-cent difference from
 * swinging a whole axis.
 *
 * Monotonicity: every axis is a non-increasing function of its "badness" (cost, days, problem
 * rate) or non-decreasing of its goodness (on-time), computed against the same best for every
 * candidate, and the total is a fixed-order weighted sum rounded once; IEEE rounding is monotone,
 * so a candidate no worse on every axis never has a lower total. Ties then break on cost, transit,
 * reliability, on-time and finally the carrier slug and service id, in that order, so the
 * dominating candidate also wins every tie and the order never depends on input order.
 */
import type { AxisScore, RoutingProfile, ScoreBreakdown, ScoreSpans, ScoreWeights } from './types';

export const PROFILE_WEIGHTS: Readonly<Record<RoutingProfile, ScoreWeights>> = {
  cheapest: { cost: 0.7, transit: 0.1, onTime: 0.1, reliability: 0.1 },
  fastest: { cost: 0.1, transit: 0.7, onTime: 0.1, reliability: 0.1 },
  'best-value': { cost: 0.4, transit: 0.2, onTime: 0.2, reliability: 0.2 },
};

export const DEFAULT_SPANS: ScoreSpans = { cost: 1, transit: 1, onTime: 0.2, reliability: 0.1 };

export class InvalidSellerPolicyError extends Error {
  override readonly name = 'InvalidSellerPolicyError';
}

/** The weights of a profile, or custom weights normalised to sum 1. */
export function resolveWeights(profile: RoutingProfile | ScoreWeights): ScoreWeights {
  if (typeof profile === 'string') {
    const weights = PROFILE_WEIGHTS[profile];
    if (weights === undefined) throw new InvalidSellerPolicyError(`unknown routing profile "${String(profile)}"`);
    return weights;
  }
  const values = [profile.cost, profile.transit, profile.onTime, profile.reliability];
  if (!values.every((v) => Number.isFinite(v) && v >= 0)) throw new InvalidSellerPolicyError('custom weights must be finite and non-negative');
  const total = values.reduce((acc, v) => acc + v, 0);
  if (total <= 0) throw new InvalidSellerPolicyError('custom weights must not all be zero');
  return { cost: profile.cost / total, transit: profile.transit / total, onTime: profile.onTime / total, reliability: profile.reliability / total };
}

/** What scoring needs to know about one candidate. */
export interface ScoringInput {
  readonly carrier: string;
  readonly serviceId: string;
  /** Minor units, same currency for every candidate. */
  readonly cost: number;
  readonly transitMin: number;
  readonly transitMax: number;
  /** 0..1, higher is better. */
  readonly onTimeRate: number;
  /** 0..1, lower is better. */
  readonly problemRate: number;
}

const clamp01 = (value: number): number => (value <= 0 ? 0 : value >= 1 ? 1 : value);
const midpoint = (c: ScoringInput): number => (c.transitMin + c.transitMax) / 2;

function axis(raw: number, normalized: number, weight: number): AxisScore {
  const n = clamp01(normalized);
  return { raw, normalized: n, weight, weighted: n * weight };
}

/** Scores every candidate against the best of the set; results align with `inputs`. */
export function scoreCandidates(inputs: readonly ScoringInput[], weights: ScoreWeights, spans: ScoreSpans = DEFAULT_SPANS): ScoreBreakdown[] {
  if (inputs.length === 0) return [];
  const bestCost = Math.min(...inputs.map((c) => c.cost));
  const bestTransit = Math.min(...inputs.map(midpoint));
  const bestOnTime = Math.max(...inputs.map((c) => c.onTimeRate));
  const bestProblem = Math.min(...inputs.map((c) => c.problemRate));
  // A zero best (free shipping, same-day) would divide by zero: measure against one unit instead.
  const costBase = Math.max(bestCost, 1);
  const transitBase = Math.max(bestTransit, 1);
  return inputs.map((c) => {
    const cost = axis(c.cost, 1 - (c.cost - bestCost) / costBase / spans.cost, weights.cost);
    const transit = axis(midpoint(c), 1 - (midpoint(c) - bestTransit) / transitBase / spans.transit, weights.transit);
    const onTime = axis(c.onTimeRate, 1 - (bestOnTime - c.onTimeRate) / spans.onTime, weights.onTime);
    const reliability = axis(c.problemRate, 1 - (c.problemRate - bestProblem) / spans.reliability, weights.reliability);
    // Rounded to 1e-9 so totals that are equal on paper compare equal and ties break by rule.
    const total = Math.round((cost.weighted + transit.weighted + onTime.weighted + reliability.weighted) * 1e9) / 1e9;
    return { cost, transit, onTime, reliability, total };
  });
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Best first: total score, then cheaper, faster (max, then min days), fewer problems, more punctual, then slug and service id. */
export function compareScored(a: { input: ScoringInput; score: ScoreBreakdown }, b: { input: ScoringInput; score: ScoreBreakdown }): number {
  return (
    b.score.total - a.score.total ||
    a.input.cost - b.input.cost ||
    a.input.transitMax - b.input.transitMax ||
    a.input.transitMin - b.input.transitMin ||
    a.input.problemRate - b.input.problemRate ||
    b.input.onTimeRate - a.input.onTimeRate ||
    text(a.input.carrier, b.input.carrier) ||
    text(a.input.serviceId, b.input.serviceId)
  );
}

/** Scores and sorts: the indices of `inputs`, best first, with their scores. */
export function rankCandidates(
  inputs: readonly ScoringInput[],
  weights: ScoreWeights,
  spans: ScoreSpans = DEFAULT_SPANS,
): { readonly index: number; readonly score: ScoreBreakdown }[] {
  const scores = scoreCandidates(inputs, weights, spans);
  return inputs
    .map((input, index) => ({ index, input, score: scores[index] as ScoreBreakdown }))
    .sort(compareScored)
    .map(({ index, score }) => ({ index, score }));
}
