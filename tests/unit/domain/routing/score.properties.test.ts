import fc from 'fast-check';
import { rateShipment, type EligibleQuote, type RatingResult } from '../../../../domain/rating';
import {
  DEFAULT_SPANS,
  InvalidSellerPolicyError,
  PROFILE_WEIGHTS,
  rankCandidates,
  resolveWeights,
  routeShipment,
  scoreCandidates,
  type ScoreWeights,
  type ScoringInput,
} from '../../../../domain/routing';
import { AT, kpisOf, ratingRequest, routingInput } from './fixtures';

const weightsArb: fc.Arbitrary<ScoreWeights> = fc
  .record({
    cost: fc.double({ min: 0, max: 1, noNaN: true }),
    transit: fc.double({ min: 0, max: 1, noNaN: true }),
    onTime: fc.double({ min: 0, max: 1, noNaN: true }),
    reliability: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .filter((w) => w.cost + w.transit + w.onTime + w.reliability > 0.01)
  .map(resolveWeights);

const spansArb = fc.record({
  cost: fc.double({ min: 0.05, max: 3, noNaN: true }),
  transit: fc.double({ min: 0.05, max: 3, noNaN: true }),
  onTime: fc.double({ min: 0.01, max: 1, noNaN: true }),
  reliability: fc.double({ min: 0.01, max: 1, noNaN: true }),
});

const inputArb = (carrier: string): fc.Arbitrary<ScoringInput> =>
  fc
    .record({
      cost: fc.integer({ min: 1, max: 50_000 }),
      transitMin: fc.integer({ min: 1, max: 30 }),
      extra: fc.integer({ min: 0, max: 15 }),
      onTimeRate: fc.double({ min: 0, max: 1, noNaN: true }),
      problemRate: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ extra, ...r }) => ({ carrier, serviceId: `svc-${carrier}`, ...r, transitMax: r.transitMin + extra }));

/** B = A made worse: dearer, slower (min and max), less punctual, more problems — by non-negative steps, `strict` of them > 0. */
const dominatedPair = fc
  .record({
    a: inputArb('b-carrier-a'),
    dCost: fc.integer({ min: 0, max: 20_000 }),
    dMin: fc.integer({ min: 0, max: 10 }),
    dMax: fc.integer({ min: 0, max: 10 }),
    dOnTime: fc.double({ min: 0, max: 1, noNaN: true }),
    dProblem: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ a, dCost, dMin, dMax, dOnTime, dProblem }) => {
    const b: ScoringInput = {
      carrier: 'a-carrier-b', // alphabetically first, so the name tie-break would favour B
      serviceId: 'svc-b',
      cost: a.cost + dCost,
      transitMin: a.transitMin + dMin,
      transitMax: a.transitMax + dMin + dMax,
      onTimeRate: Math.max(0, a.onTimeRate - dOnTime),
      problemRate: Math.min(1, a.problemRate + dProblem),
    };
    return { a, b };
  });

describe('scoring monotonicity (fast-check)', () => {
  it('a candidate cheaper, faster and more reliable than another never ranks below it, whatever the weights, spans and other candidates', () => {
    fc.assert(
      fc.property(
        dominatedPair.filter(({ a, b }) => b.cost > a.cost && b.transitMax > a.transitMax && b.problemRate > a.problemRate && b.onTimeRate < a.onTimeRate),
        fc.array(inputArb('others'), { maxLength: 5 }),
        weightsArb,
        spansArb,
        fc.nat(),
        ({ a, b }, others, weights, spans, position) => {
          const inputs = [...others.map((o, i) => ({ ...o, carrier: `other-${i}` }))];
          inputs.splice(position % (inputs.length + 1), 0, b);
          inputs.splice((position * 7) % (inputs.length + 1), 0, a);
          const order = rankCandidates(inputs, weights, spans).map((r) => inputs[r.index]?.carrier);
          expect(order.indexOf(a.carrier)).toBeLessThan(order.indexOf(b.carrier));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('also when it is only no worse on every axis and better on one (weak dominance)', () => {
    fc.assert(
      fc.property(
        dominatedPair.filter(
          ({ a, b }) =>
            b.cost !== a.cost ||
            b.transitMax !== a.transitMax ||
            b.transitMin !== a.transitMin ||
            b.onTimeRate !== a.onTimeRate ||
            b.problemRate !== a.problemRate,
        ),
        weightsArb,
        (pair, weights) => {
          const order = rankCandidates([pair.b, pair.a], weights).map((r) => r.index);
          expect(order).toEqual([1, 0]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('every axis score is within 0..1, the weighted parts add up to the total, and the best on an axis scores 1 on it', () => {
    fc.assert(
      fc.property(fc.array(inputArb('x'), { minLength: 1, maxLength: 6 }), weightsArb, (inputs, weights) => {
        const scores = scoreCandidates(inputs, weights);
        for (const s of scores) {
          for (const axis of [s.cost, s.transit, s.onTime, s.reliability]) {
            expect(axis.normalized).toBeGreaterThanOrEqual(0);
            expect(axis.normalized).toBeLessThanOrEqual(1);
            expect(axis.weighted).toBeCloseTo(axis.normalized * axis.weight, 12);
          }
          expect(s.total).toBeCloseTo(s.cost.weighted + s.transit.weighted + s.onTime.weighted + s.reliability.weighted, 8);
        }
        const cheapest = Math.min(...inputs.map((i) => i.cost));
        inputs.forEach((input, i) => {
          if (input.cost === cheapest) expect(scores[i]?.cost.normalized).toBe(1);
        });
      }),
    );
  });
});

describe('deterministic ranking and tie-break', () => {
  const base: ScoringInput = { carrier: 'x', serviceId: 's', cost: 1000, transitMin: 10, transitMax: 15, onTimeRate: 0.9, problemRate: 0.03 };

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(fc.array(inputArb('c'), { minLength: 2, maxLength: 7 }), weightsArb, fc.nat(), (raw, weights, seed) => {
        const inputs = raw.map((r, i) => ({ ...r, carrier: `c${i}`, serviceId: `s${i}` }));
        const shuffled = [...inputs].sort((x, y) => ((x.carrier.charCodeAt(1) * 31 + seed) % 7) - ((y.carrier.charCodeAt(1) * 31 + seed) % 7));
        const names = (list: ScoringInput[]) => rankCandidates(list, weights).map((r) => list[r.index]?.carrier);
        expect(names(shuffled)).toEqual(names(inputs));
      }),
    );
  });

  it('equal scores: the cheaper wins, then the faster, then fewer problems, then more punctual, then the slug', () => {
    const w = PROFILE_WEIGHTS['best-value'];
    // Equal totals by construction: all weight on on-time, where both are equal.
    const onTimeOnly = resolveWeights({ cost: 0, transit: 0, onTime: 1, reliability: 0 });
    const pick = (a: ScoringInput, b: ScoringInput, weights = onTimeOnly) => {
      const list = [b, a];
      return list[rankCandidates(list, weights)[0]?.index ?? -1]?.carrier;
    };
    expect(pick({ ...base, carrier: 'cheap', cost: 999 }, { ...base, carrier: 'dear' })).toBe('cheap');
    expect(pick({ ...base, carrier: 'fast', transitMax: 14 }, { ...base, carrier: 'slow' })).toBe('fast');
    expect(pick({ ...base, carrier: 'safe', problemRate: 0.02 }, { ...base, carrier: 'risky' })).toBe('safe');
    expect(pick({ ...base, carrier: 'zulu' }, { ...base, carrier: 'alpha' }, w)).toBe('alpha');
  });
});

describe('weights', () => {
  it('profiles sum to 1; custom weights are normalised; bad weights are refused', () => {
    for (const weights of Object.values(PROFILE_WEIGHTS)) expect(weights.cost + weights.transit + weights.onTime + weights.reliability).toBeCloseTo(1, 12);
    expect(resolveWeights({ cost: 2, transit: 2, onTime: 0, reliability: 0 })).toEqual({ cost: 0.5, transit: 0.5, onTime: 0, reliability: 0 });
    expect(() => resolveWeights({ cost: 0, transit: 0, onTime: 0, reliability: 0 })).toThrow(InvalidSellerPolicyError);
    expect(() => resolveWeights({ cost: -1, transit: 1, onTime: 0, reliability: 0 })).toThrow(InvalidSellerPolicyError);
  });

  it('cheapest picks the cheapest and fastest the fastest when they differ', () => {
    const cheapSlow: ScoringInput = { carrier: 'cheap-slow', serviceId: 'a', cost: 1000, transitMin: 15, transitMax: 25, onTimeRate: 0.9, problemRate: 0.03 };
    const dearFast: ScoringInput = { carrier: 'dear-fast', serviceId: 'b', cost: 1500, transitMin: 5, transitMax: 9, onTimeRate: 0.9, problemRate: 0.03 };
    const first = (profile: 'cheapest' | 'fastest') =>
      [cheapSlow, dearFast][rankCandidates([cheapSlow, dearFast], PROFILE_WEIGHTS[profile], DEFAULT_SPANS)[0]?.index ?? -1]?.carrier;
    expect(first('cheapest')).toBe('cheap-slow');
    expect(first('fastest')).toBe('dear-fast');
  });
});

describe('monotonicity through routeShipment (real quotes, overridden figures)', () => {
  const scenario = { country: 'BR' as const, postalCode: '01310-200' };
  const rating = rateShipment(ratingRequest(scenario), { at: AT });
  const input = routingInput(scenario);

  function withFigures(result: RatingResult, figures: Record<string, { cost: number; min: number; max: number }>): RatingResult {
    const quotes = result.quotes.map((q): EligibleQuote => {
      const f = figures[q.serviceId];
      return f ? { ...q, totalCharges: { ...q.totalCharges, amount: f.cost }, transitDays: { min: f.min, max: f.max } } : q;
    });
    return { ...result, quotes };
  }

  it('on the São Paulo standard lane, a dominating carrier always ranks above the dominated one', () => {
    const carrierArb = fc.record({
      cost: fc.integer({ min: 500, max: 20_000 }),
      min: fc.integer({ min: 3, max: 20 }),
      extra: fc.integer({ min: 0, max: 10 }),
      onTime: fc.integer({ min: 0, max: 200 }),
      problems: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(
        carrierArb,
        carrierArb,
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('cheapest', 'fastest', 'best-value' as const),
        (better, other, dCost, dDays, dRate, profile) => {
          // Jadlog dominates Correios: cheaper, faster, more punctual, fewer problems, on the same volume.
          const figures = {
            'enlace-standard-br': { cost: better.cost, min: better.min, max: better.min + better.extra },
            'enlace-standard-br-correios': { cost: better.cost + dCost, min: better.min + dDays, max: better.min + better.extra + dDays },
            'enlace-standard-br-loggi': { cost: other.cost, min: other.min, max: other.min + other.extra },
          };
          const onTimeA = Math.min(200, better.onTime + dRate);
          const kpis = kpisOf('CN-BR-SP', {
            jadlog: { shipments: 200, delivered: 200, onTime: onTimeA, exceptions: Math.max(0, better.problems - dRate) },
            correios: { shipments: 200, delivered: 200, onTime: better.onTime, exceptions: better.problems },
            loggi: { shipments: 200, delivered: 200, onTime: other.onTime, exceptions: other.problems },
          });
          const decision = routeShipment(input, withFigures(rating, figures), kpis, { profile, rules: [] }, { exceptionRateThreshold: 1 });
          const order = decision.ranking.map((c) => c.carrier);
          expect(order).toHaveLength(3);
          expect(order.indexOf('jadlog')).toBeLessThan(order.indexOf('correios'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
