import { emptyLaneKpis } from '../../../../domain/performance';
import { rateShipment } from '../../../../domain/rating';
import { describeRule, InvalidSellerPolicyError, routeShipment, RoutingInputError, sellerPolicyIssues, type SellerPolicy } from '../../../../domain/routing';
import { postalCodeOf } from '../../../../domain/shared/postal-codes';
import { AT, BEST_VALUE, codesOf, HEADPHONES, kpisOf, PARCEL, rankedCarriers, ratingRequest, route, routingInput, seededKpis, TSHIRTS } from './fixtures';
import { expectEvery } from '../../../setup/assertions';

const SAO_PAULO = { country: 'BR', postalCode: '01310-200' } as const;
const MEXICO_CITY = { country: 'MX', postalCode: '06600' } as const;
const CHIAPAS = { country: 'MX', postalCode: '29000' } as const;
const LIMA = { country: 'PE', postalCode: '15001' } as const;

describe('hard constraints, each reported with a code and a sentence', () => {
  it('NO_TRACKING_SOURCE: a carrier Enlace cannot follow is never booked, and the explanation says why', () => {
    const trackedElsewhere = route(SAO_PAULO);
    expect(rankedCarriers(trackedElsewhere.decision)).toContain('jadlog');

    const { decision } = route(SAO_PAULO, BEST_VALUE, { canTrack: (carrier) => carrier !== 'jadlog' });

    expect(codesOf(decision, 'jadlog')).toEqual(['NO_TRACKING_SOURCE']);
    expect(rankedCarriers(decision)).not.toContain('jadlog');
    expect(decision.chosen?.carrier).not.toBe('jadlog');
    expect(decision.exclusions.find((e) => e.carrier === 'jadlog')).toMatchObject({ code: 'NO_TRACKING_SOURCE', source: 'carrier' });
    expect(decision.explanation.join(' ')).toMatch(/Jadlog was not used: it cannot be booked: Enlace has no way to follow its parcels/);
  });

  it('NO_TRACKING_SOURCE alone can make an order unroutable, with that reason', () => {
    const { decision } = route(SAO_PAULO, BEST_VALUE, { canTrack: () => false });
    expect(decision.status).toBe('unroutable');
    expect(decision.unroutable?.reasons.join(' ')).toMatch(/no way to follow its parcels/);
  });

  it('NOT_COVERED: 99minutos does not deliver in Chiapas (its own coverage), and says where it does', () => {
    const { decision } = route(CHIAPAS);
    expect(codesOf(decision, '99minutos', 'standard')).toEqual(['NOT_COVERED']);
    const flat = decision.exclusions.find((e) => e.carrier === '99minutos');
    expect(flat).toMatchObject({
      code: 'NOT_COVERED',
      source: 'carrier',
      message: '99minutos delivers only in the Mexico City, Guadalajara, Monterrey, Puebla and Querétaro metro areas, and 29000 is outside them.',
    });
    expect(rankedCarriers(decision)).not.toContain('99minutos');
  });

  it('NOT_COVERED without repeating what rating said: Starken and Isla de Pascua', () => {
    const { decision } = route({ country: 'CL', postalCode: '2770000', level: 'economy' });
    expect(codesOf(decision, 'starken', 'economy')).toEqual(['NOT_COVERED']);
    expect(rankedCarriers(decision)).toEqual(['blue-express']);
  });

  it('OVERWEIGHT: 26 kg is over 99minutos’ 25 kg; the other Mexico City carriers take it', () => {
    const heavy = { weightGrams: 26_000, lengthMm: 400, widthMm: 300, heightMm: 300 };
    const { decision } = route({ ...MEXICO_CITY, parcels: [heavy] });
    expect(codesOf(decision, '99minutos', 'standard')).toEqual(['OVERWEIGHT']);
    expect(decision.exclusions.find((e) => e.carrier === '99minutos')?.message).toBe('99minutos takes parcels up to 25 kg and parcel 1 weighs 26 kg.');
    expect(rankedCarriers(decision).sort()).toEqual(['estafeta', 'jt-express']);
  });

  it('OVERSIZE: a 70 cm box is over 99minutos’ 50 cm', () => {
    const long = { weightGrams: 1500, lengthMm: 700, widthMm: 200, heightMm: 150 };
    const { decision } = route({ ...MEXICO_CITY, parcels: [long] });
    expect(codesOf(decision, '99minutos', 'standard')).toEqual(['OVERSIZE']);
  });

  it('BATTERY_REFUSED: Correios refuses lithium in devices on its own network although the line carries it', () => {
    const { decision, rating } = route({ ...SAO_PAULO, items: [HEADPHONES] });
    expect(rating.quotes.map((q) => q.serviceId)).toContain('enlace-standard-br-correios');
    expect(codesOf(decision, 'correios', 'standard')).toEqual(['BATTERY_REFUSED']);
    expect(decision.explanation).toContain('Correios was not used: it does not carry lithium-ion batteries inside a device.');
  });

  it('GOODS_REFUSED: Serpost refuses liquids; Olva takes them', () => {
    const perfume = {
      quantity: 1,
      unitValue: { amount: 3000, currency: 'USD' as const },
      hsCode: '3303.00',
      category: 'liquid' as const,
      battery: 'none' as const,
    };
    const { decision } = route({ ...LIMA, items: [perfume] });
    expect(codesOf(decision, 'serpost', 'standard')).toEqual(['GOODS_REFUSED']);
    expect(decision.chosen?.carrier).toBe('olva');
  });

  it('SERVICE_LEVEL_MISMATCH: only the level paid for, unless the seller allows upgrades (never downgrades)', () => {
    const { decision } = route(MEXICO_CITY);
    for (const c of decision.candidates) {
      if (c.serviceLevel !== undefined && c.serviceLevel !== 'standard') expect(c.exclusions.map((e) => e.code)).toContain('SERVICE_LEVEL_MISMATCH');
    }
    expectEvery(decision.ranking, (c) => c.serviceLevel === 'standard');
    const upgraded = route(MEXICO_CITY, { ...BEST_VALUE, allowUpgrade: true }).decision;
    expect(new Set(upgraded.ranking.map((c) => c.serviceLevel))).toEqual(new Set(['standard', 'express']));
    expect(upgraded.ranking.some((c) => c.serviceLevel === 'economy')).toBe(false);
  });

  it('collects every reason of a candidate, not only the first', () => {
    const big = { weightGrams: 26_000, lengthMm: 700, widthMm: 300, heightMm: 300 };
    const { decision } = route({ ...CHIAPAS, parcels: [big], items: [HEADPHONES] });
    expect(codesOf(decision, '99minutos', 'standard')).toEqual(['NOT_COVERED', 'OVERWEIGHT', 'OVERSIZE', 'BATTERY_REFUSED']);
  });

  it('NOT_RATED: a customs regime limit rating found excludes every service, in the seller’s words', () => {
    const { decision } = route({ country: 'CO', postalCode: '110111', items: [{ ...TSHIRTS, quantity: 7 }] });
    expect(decision.status).toBe('unroutable');
    expect(codesOf(decision, 'servientrega', 'standard')).toEqual(['NOT_RATED']);
    expectEvery(decision.unroutable?.reasons, (r) => /cannot be quoted for this order/.test(r));
  });

  it('NO_SERVICE: a carrier of the market with no quote at all is still listed', () => {
    const request = ratingRequest(SAO_PAULO);
    const rating = rateShipment(request, { at: AT, serviceIds: ['enlace-standard-br'] });
    const decision = routeShipment(routingInput(SAO_PAULO, request), rating, seededKpis('BR', '01310-200'), BEST_VALUE);
    expect(
      decision.candidates
        .filter((c) => c.exclusions.some((e) => e.code === 'NO_SERVICE'))
        .map((c) => c.carrier)
        .sort(),
    ).toEqual(['correios', 'loggi', 'total-express']);
    expect(decision.chosen?.carrier).toBe('jadlog');
  });
});

describe('seller rules', () => {
  it('never use a carrier (in some countries)', () => {
    const never: SellerPolicy = { profile: 'best-value', rules: [{ kind: 'never-carrier', carrier: 'jadlog', countries: ['BR'] }] };
    const { decision } = route(SAO_PAULO, never);
    expect(codesOf(decision, 'jadlog', 'standard')).toEqual(['SELLER_RULE']);
    expect(decision.explanation).toContain('Jadlog was not used: your rule “never use Jadlog in Brazil” excludes it.');
    expect(rankedCarriers(decision)).not.toContain('jadlog');
    const elsewhere: SellerPolicy = { profile: 'best-value', rules: [{ kind: 'never-carrier', carrier: 'estafeta', countries: ['BR'] }] };
    expect(rankedCarriers(route(MEXICO_CITY, elsewhere).decision)).toContain('estafeta');
  });

  it('only these carriers', () => {
    const only: SellerPolicy = { profile: 'best-value', rules: [{ kind: 'only-carriers', carriers: ['jt-express', '99minutos'], countries: ['MX'] }] };
    const { decision } = route(MEXICO_CITY, only);
    expect(rankedCarriers(decision).sort()).toEqual(['99minutos', 'jt-express']);
    expect(codesOf(decision, 'estafeta', 'standard')).toEqual(['SELLER_RULE']);
  });

  it('only tracked services above USD 50: Serpost’s untracked economy is excluded at USD 60, kept at USD 40', () => {
    const rule: SellerPolicy = { profile: 'cheapest', rules: [{ kind: 'tracked-above', valueUsd: { amount: 5000, currency: 'USD' } }] };
    const sixty = route({ ...LIMA, level: 'economy', items: [{ ...TSHIRTS, quantity: 3 }] }, rule).decision;
    expect(codesOf(sixty, 'serpost', 'economy')).toEqual(['NOT_TRACKED_ABOVE_VALUE']);
    expect(sixty.exclusions.find((e) => e.code === 'NOT_TRACKED_ABOVE_VALUE')?.message).toBe(
      'Serpost is not tracked to the door on this service, and your rule “only tracked services above USD 50.00” applies: this order is worth USD 60.00.',
    );
    expect(sixty.chosen?.carrier).toBe('olva');
    const forty = route({ ...LIMA, level: 'economy' }, rule).decision;
    expect(codesOf(forty, 'serpost', 'economy')).toEqual([]);
  });

  it('at most N days in transit', () => {
    const fast: SellerPolicy = { profile: 'best-value', rules: [{ kind: 'max-transit-days', days: 17 }] };
    const { decision } = route(SAO_PAULO, fast);
    // Jadlog quotes 10–18 days; Correios SEDEX 11–17.
    expect(codesOf(decision, 'jadlog', 'standard')).toEqual(['SELLER_RULE']);
    expect(decision.exclusions.find((e) => e.carrier === 'jadlog')?.reason).toBe(
      'it can take up to 18 days, and your rule “at most 17 days in transit” allows 17',
    );
    expect(decision.chosen?.carrier).toBe('correios');
  });

  it('rules are described as a seller would say them; malformed policies are refused', () => {
    expect(describeRule({ kind: 'only-carriers', carriers: ['jadlog', 'correios', 'loggi'], countries: ['BR', 'MX'] })).toBe(
      'only use Jadlog, Correios and Loggi in Brazil and Mexico',
    );
    const bad = { profile: 'best-value', rules: [{ kind: 'never-carrier', carrier: 'pony-express' }] } as unknown as SellerPolicy;
    expect(sellerPolicyIssues(bad)).toEqual(['rule 0: unknown carrier "pony-express"']);
    expect(() => route(SAO_PAULO, bad)).toThrow(InvalidSellerPolicyError);
    expect(sellerPolicyIssues({ profile: { cost: 0, transit: 0, onTime: 0, reliability: 0 }, rules: [{ kind: 'max-transit-days', days: 0 }] })).toHaveLength(2);
  });
});

describe('volume shift on a high exception rate ("keep two carriers per market")', () => {
  it('shifts volume away from Loggi in São Paulo (9.1% > 5%) and says so, naming where it went', () => {
    const { decision } = route(SAO_PAULO);
    expect(decision.volumeShift.shiftedAway.map((s) => s.carrier)).toEqual(['loggi']);
    expect(codesOf(decision, 'loggi', 'standard')).toEqual(['EXCEPTION_RATE_TOO_HIGH']);
    const sentence = decision.explanation.find((l) => l.startsWith('Loggi was not used'));
    expect(sentence).toMatch(
      /^Loggi was not used: its exception rate on CN→BR-SP over the last 4 weeks is 9\.\d% \([\d,]+ of [\d,]+ shipments\), above the 5% limit; volume shifted to (Jadlog|Correios)\.$/,
    );
    expect(sentence).toContain(`volume shifted to ${decision.chosen?.carrierName ?? '?'}`);
    expect(rankedCarriers(decision).sort()).toEqual(['correios', 'jadlog']);
  });

  it('keeps the carrier when shifting would leave fewer than two that can take the order, and explains it', () => {
    // With a battery Correios is out, so only Jadlog and Loggi remain: Loggi stays, penalised by its score.
    const { decision } = route({ ...SAO_PAULO, items: [HEADPHONES] });
    expect(decision.volumeShift.shiftedAway).toEqual([]);
    expect(decision.volumeShift.keptDespiteThreshold.map((k) => k.carrier)).toEqual(['loggi']);
    expect(rankedCarriers(decision)).toEqual(['jadlog', 'loggi']);
    expect(
      decision.explanation.some((l) =>
        /^Loggi's exception rate .* above the 5% limit, but it stays available: removing it would leave fewer than 2 carriers/.test(l),
      ),
    ).toBe(true);
  });

  it('with minimumCarriersPerMarket 1 it shifts down to one carrier, but never to none', () => {
    const one = route({ ...SAO_PAULO, items: [HEADPHONES] }, BEST_VALUE, { minimumCarriersPerMarket: 1 }).decision;
    expect(rankedCarriers(one)).toEqual(['jadlog']);
    expect(one.volumeShift.shiftedAway.map((s) => s.carrier)).toEqual(['loggi']);
    const allBad = kpisOf('CN-BR-SP', {
      jadlog: { shipments: 100, exceptions: 8 },
      correios: { shipments: 100, exceptions: 12 },
      loggi: { shipments: 100, exceptions: 20 },
    });
    const none = route(SAO_PAULO, BEST_VALUE, { minimumCarriersPerMarket: 1 }, allBad).decision;
    expect(none.volumeShift.shiftedAway.map((s) => s.carrier)).toEqual(['loggi', 'correios']);
    expect(none.volumeShift.keptDespiteThreshold.map((s) => s.carrier)).toEqual(['jadlog']);
    expect(rankedCarriers(none)).toEqual(['jadlog']);
    const two = route(SAO_PAULO, BEST_VALUE, {}, allBad).decision;
    expect(two.volumeShift.shiftedAway.map((s) => s.carrier)).toEqual(['loggi']);
    expect(rankedCarriers(two).sort()).toEqual(['correios', 'jadlog']);
  });

  it('does not judge a carrier on too few shipments, and follows the configured threshold', () => {
    const few = kpisOf('CN-BR-SP', { loggi: { shipments: 20, exceptions: 4 } });
    expect(route(SAO_PAULO, BEST_VALUE, {}, few).decision.volumeShift.shiftedAway).toEqual([]);
    expect(route(SAO_PAULO, BEST_VALUE, { exceptionRateThreshold: 0.1 }).decision.volumeShift.shiftedAway).toEqual([]);
    expect(route(SAO_PAULO, BEST_VALUE, { exceptionRateThreshold: 0.04 }).decision.volumeShift.shiftedAway.map((s) => s.carrier)).toEqual(['loggi']);
  });
});

describe('the decision', () => {
  it('holds every candidate: eligible quotes, ineligible ones and carriers, each ranked or excluded with reasons', () => {
    const { decision, rating } = route(SAO_PAULO);
    const quoted = [...rating.quotes, ...rating.ineligible].map((q) => q.serviceId).sort();
    expect(decision.candidates.flatMap((c) => (c.serviceId ? [c.serviceId] : [])).sort()).toEqual(quoted);
    for (const c of decision.candidates) {
      if (c.status === 'ranked') expect(c.exclusions).toEqual([]);
      else expect(c.exclusions.length).toBeGreaterThan(0);
    }
    expect(decision.exclusions).toHaveLength(decision.candidates.reduce((n, c) => n + c.exclusions.length, 0));
    expect(decision.ranking.map((c) => c.rank)).toEqual(decision.ranking.map((_, i) => i + 1));
    expect(decision.chosen).toEqual(decision.ranking[0]);
  });

  it('breaks the score down by axis, each 0..1 with its weight', () => {
    const { decision } = route(SAO_PAULO);
    for (const c of decision.ranking) {
      const { cost, transit, onTime, reliability, total } = c.score;
      for (const axis of [cost, transit, onTime, reliability]) {
        expect(axis.normalized).toBeGreaterThanOrEqual(0);
        expect(axis.normalized).toBeLessThanOrEqual(1);
      }
      expect([cost.weight, transit.weight, onTime.weight, reliability.weight]).toEqual([0.4, 0.2, 0.2, 0.2]);
      expect(total).toBeCloseTo(cost.weighted + transit.weighted + onTime.weighted + reliability.weighted, 8);
      expect(cost.raw).toBe(c.totalCharges.amount);
    }
  });

  it('is deterministic and plain data (survives a JSON round trip)', () => {
    const first = route(SAO_PAULO).decision;
    const second = route(SAO_PAULO).decision;
    expect(second).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it('without any history it still routes, on the priors, and says so', () => {
    const { decision } = route(SAO_PAULO, BEST_VALUE, {}, emptyLaneKpis('CN-BR-SP', AT));
    expect(decision.status).toBe('routed');
    expect(decision.volumeShift.shiftedAway).toEqual([]);
    expect(decision.chosen?.kpi).toMatchObject({ shipments: 0, onTimeRateUsed: 0.9, problemRateUsed: 0.03 });
    expect(decision.explanation[1]).toMatch(/no delivery history on CN→BR-SP yet/);
    const noPrior = route(SAO_PAULO, BEST_VALUE, { prior: { weight: 0, onTimeRate: 0.8, problemRate: 0.05 } }, emptyLaneKpis('CN-BR-SP', AT)).decision;
    expect(noPrior.chosen?.kpi).toMatchObject({ onTimeRateUsed: 0.8, problemRateUsed: 0.05 });
    expect(() => route(SAO_PAULO, BEST_VALUE, { prior: { weight: 5, onTimeRate: 1.5, problemRate: 0 } })).toThrow(RoutingInputError);
  });

  it('the profile changes the choice: cheapest vs fastest in Mexico City (upgrades allowed, so express competes)', () => {
    const cheapest = route(MEXICO_CITY, { profile: 'cheapest', rules: [], allowUpgrade: true }).decision;
    const fastest = route(MEXICO_CITY, { profile: 'fastest', rules: [], allowUpgrade: true }).decision;
    const minCost = Math.min(...cheapest.ranking.map((c) => c.totalCharges.amount));
    expect(cheapest.chosen?.totalCharges.amount).toBe(minCost);
    const minDays = Math.min(...fastest.ranking.map((c) => c.transitDays.min + c.transitDays.max));
    expect((fastest.chosen?.transitDays.min ?? 0) + (fastest.chosen?.transitDays.max ?? 0)).toBe(minDays);
    expect(cheapest.chosen?.carrier).not.toBe(fastest.chosen?.carrier);
  });

  it('refuses quotes, KPIs or values that do not belong to the order', () => {
    const request = ratingRequest(SAO_PAULO);
    const rating = rateShipment(request, { at: AT });
    const input = routingInput(SAO_PAULO, request);
    const kpis = seededKpis('BR', '01310-200');
    expect(() => routeShipment({ ...input, destination: postalCodeOf('MX', '06600') }, rating, kpis, BEST_VALUE)).toThrow(RoutingInputError);
    expect(() => routeShipment(input, rating, seededKpis('BR', '69005-000'), BEST_VALUE)).toThrow(/KPIs are for lane CN-BR-AM/);
    expect(() => routeShipment({ ...input, declaredValueUsd: { amount: 1, currency: 'BRL' } }, rating, kpis, BEST_VALUE)).toThrow(/USD/);
    expect(() => routeShipment(input, rating, kpis, BEST_VALUE, { minimumCarriersPerMarket: 0 })).toThrow(RoutingInputError);
    expect(() => routeShipment({ ...input, parcels: [] }, rating, kpis, BEST_VALUE)).toThrow(/parcel/);
  });

  it('explains the runner-up with the differences that matter', () => {
    const { decision } = route(SAO_PAULO);
    const second = decision.ranking[1];
    const line = decision.explanation.find((l) => l.startsWith(`${second?.carrierName ?? '?'} came second`));
    expect(line).toMatch(/came second \(score 0\.\d\d against [01]\.\d\d\): /);
    expect(
      decision.explanation.some((l) =>
        l.startsWith('Scores out of 1 (your “best value” setting weighs cost 40%, speed 20%, on-time delivery 20% and reliability 20%)'),
      ),
    ).toBe(true);
  });

  it('explains a tie by the rule that broke it', () => {
    const request = ratingRequest(SAO_PAULO);
    const rating = rateShipment(request, { at: AT, serviceIds: ['enlace-standard-br', 'enlace-standard-br-correios'] });
    const same = (q: (typeof rating.quotes)[number]) => ({ ...q, totalCharges: { ...q.totalCharges, amount: 5000 }, transitDays: { min: 10, max: 15 } });
    const tied = { ...rating, quotes: rating.quotes.map(same) };
    const kpis = kpisOf('CN-BR-SP', {
      jadlog: { shipments: 100, delivered: 100, onTime: 90, exceptions: 3 },
      correios: { shipments: 100, delivered: 100, onTime: 90, exceptions: 3 },
    });
    const decision = routeShipment(routingInput(SAO_PAULO, request), tied, kpis, BEST_VALUE);
    expect(decision.ranking[0]?.score.total).toBe(decision.ranking[1]?.score.total);
    expect(rankedCarriers(decision)).toEqual(['correios', 'jadlog']);
    expect(decision.explanation).toContain(
      'Jadlog scored the same as Correios (1.00); Correios was picked because everything else being equal, carriers are taken in alphabetical order.',
    );
  });
});

describe('unroutable', () => {
  it('an oversize, too-heavy order says why for every carrier and level', () => {
    const huge = { ...PARCEL, weightGrams: 80_000, lengthMm: 3000 };
    const { decision } = route({ ...MEXICO_CITY, parcels: [huge] });
    expect(decision.status).toBe('unroutable');
    expect(decision.chosen).toBeUndefined();
    expect(decision.ranking).toEqual([]);
    expect(decision.unroutable?.reasons).toHaveLength(decision.candidates.length);
    expect(decision.explanation[0]).toBe('We could not route order ord-test: no carrier can deliver this standard parcel to 06600 (Ciudad de México).');
    for (const reason of decision.unroutable?.reasons ?? []) expect(reason).toMatch(/weighs 80 kg|80\.000 kg/);
  });

  it('suggests another level when one could take it', () => {
    // 40 kg: over every standard line (30 kg), within DHL and Estafeta express (70 kg).
    const heavy = { weightGrams: 40_000, lengthMm: 500, widthMm: 400, heightMm: 300 };
    const { decision } = route({ ...MEXICO_CITY, parcels: [heavy] });
    expect(decision.status).toBe('unroutable');
    expect(decision.explanation.at(-1)).toMatch(
      /^It could go at another service level: .*DHL Express \(express\).* can take it if the buyer's service level is changed\.$/,
    );
  });
});
