import fc from 'fast-check';
import {
  applyIncrement,
  emptyCounters,
  InvalidIsoWeekError,
  isoWeek,
  isoWeekStart,
  KPI_SEED,
  kpiIncrementsFor,
  laneKpis,
  percentile,
  TRANSIT_BUCKET_MAX_DAYS,
  TRANSIT_BUCKET_NAMES,
  transitBucketIndex,
  weeksEndingWith,
  type KpiCounters,
  type KpiFact,
} from '../../../../domain/performance';
import { expectEvery } from '../../../setup/assertions';

const histogram = (entries: Record<number, number>): number[] => {
  const h = TRANSIT_BUCKET_MAX_DAYS.map(() => 0);
  for (const [days, n] of Object.entries(entries)) {
    const i = transitBucketIndex(Number(days));
    h[i] = (h[i] ?? 0) + n;
  }
  return h;
};

describe('ISO weeks', () => {
  it('follows ISO 8601 across year boundaries', () => {
    expect(isoWeek(new Date('2026-11-22T23:59:59Z'))).toBe('2026-W47'); // a Sunday
    expect(isoWeek(new Date('2026-11-23T00:00:00Z'))).toBe('2026-W48'); // the next Monday
    expect(isoWeek(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01'); // Thursday: week 1
    expect(isoWeek(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01'); // Monday of that week
    expect(isoWeek(new Date('2021-01-03T00:00:00Z'))).toBe('2020-W53'); // 2020 had 53 weeks
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
  });

  it('week start is the Monday, and isoWeek(isoWeekStart(w)) = w', () => {
    expect(isoWeekStart('2026-W47').toISOString()).toBe('2026-11-16T00:00:00.000Z');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (date) => {
        const week = isoWeek(date);
        const start = isoWeekStart(week);
        expect(isoWeek(start)).toBe(week);
        expect(start.getUTCDay()).toBe(1);
        expect(date.getTime() - start.getTime()).toBeLessThan(7 * 86_400_000);
        expect(date.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
    );
  });

  it('refuses weeks that do not exist', () => {
    expect(() => isoWeekStart('2025-W53')).toThrow(InvalidIsoWeekError); // 2025 has 52 weeks (2026 has 53)
    expect(isoWeekStart('2026-W53').toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(() => isoWeekStart('2026-W00')).toThrow(InvalidIsoWeekError);
    expect(() => isoWeekStart('2026-47')).toThrow(InvalidIsoWeekError);
  });

  it('lists the window, oldest first, across a year end', () => {
    expect(weeksEndingWith('2026-W47', 4)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    expect(weeksEndingWith('2027-W01', 2)).toEqual(['2026-W53', '2027-W01']);
  });
});

describe('percentiles of the transit histogram', () => {
  it('nearest rank, reported as the upper bound of the bucket', () => {
    const h = histogram({ 8: 10, 10: 60, 12: 20, 14: 10 });
    expect(percentile(h, 50)).toBe(10);
    expect(percentile(h, 10)).toBe(8);
    expect(percentile(h, 11)).toBe(10);
    expect(percentile(h, 90)).toBe(12);
    expect(percentile(h, 91)).toBe(14);
    expect(percentile(h, 100)).toBe(14);
  });

  it('wide buckets above 30 days report their bound; the open bucket is Infinity; empty is undefined', () => {
    expect(percentile(histogram({ 33: 1 }), 50)).toBe(35);
    expect(percentile(histogram({ 75: 1 }), 50)).toBe(Number.POSITIVE_INFINITY);
    expect(percentile(emptyCounters().transit, 50)).toBeUndefined();
    expect(() => percentile(histogram({ 5: 1 }), 0)).toThrow(RangeError);
  });

  it('is monotone in p and never below the true percentile of the raw days', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (days, p) => {
        const h = TRANSIT_BUCKET_MAX_DAYS.map(() => 0);
        for (const d of days) {
          const i = transitBucketIndex(d);
          h[i] = (h[i] ?? 0) + 1;
        }
        const sorted = [...days].sort((a, b) => a - b);
        const exact = sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? 0;
        const fromHistogram = percentile(h, p) ?? 0;
        expect(fromHistogram).toBeGreaterThanOrEqual(exact);
        expect(percentile(h, Math.min(100, p + 5)) ?? 0).toBeGreaterThanOrEqual(fromHistogram);
      }),
    );
  });
});

describe('tracking facts → counter increments (atomic ADDs)', () => {
  const base = { carrier: 'jadlog' as const, lane: 'CN-BR-SP' };

  it('delivered on time: delivered +1, onTime +1, its transit bucket +1, in the week of delivery', () => {
    const fact: KpiFact = { ...base, kind: 'delivered', at: '2026-11-20T15:00:00Z', shippedAt: '2026-11-08T02:00:00Z', promisedMaxDays: 18 };
    expect(kpiIncrementsFor(fact)).toEqual([{ carrier: 'jadlog', lane: 'CN-BR-SP', week: '2026-W47', add: { delivered: 1, onTime: 1, transit_12: 1 } }]);
  });

  it('delivered late: no onTime', () => {
    const fact: KpiFact = { ...base, kind: 'delivered', at: '2026-11-30T01:00:00Z', shippedAt: '2026-11-08T02:00:00Z', promisedMaxDays: 18 };
    // 2026-11-30 is a Monday: week 49.
    expect(kpiIncrementsFor(fact)).toEqual([{ carrier: 'jadlog', lane: 'CN-BR-SP', week: '2026-W49', add: { delivered: 1, transit_22: 1 } }]);
  });

  it('shipped, exception (first one only), returned, lost', () => {
    expect(kpiIncrementsFor({ ...base, kind: 'shipped', at: '2026-11-16T00:00:00Z' })[0]?.add).toEqual({ shipments: 1 });
    expect(kpiIncrementsFor({ ...base, kind: 'exception', at: '2026-11-16T00:00:00Z', firstForShipment: true })[0]?.add).toEqual({ exceptions: 1 });
    expect(kpiIncrementsFor({ ...base, kind: 'exception', at: '2026-11-16T00:00:00Z', firstForShipment: false })).toEqual([]);
    expect(kpiIncrementsFor({ ...base, kind: 'returned', at: '2026-11-16T00:00:00Z' })[0]?.add).toEqual({ returned: 1 });
    expect(kpiIncrementsFor({ ...base, kind: 'lost', at: '2026-11-16T00:00:00Z' })[0]?.add).toEqual({ lost: 1 });
  });

  it('rejects a fact with a bad timestamp', () => {
    expect(() => kpiIncrementsFor({ ...base, kind: 'shipped', at: 'yesterday' })).toThrow(/ISO-8601/);
  });

  it('applying the increments of a stream of facts gives the counts of the stream (what the store ADDs up)', () => {
    const facts = fc.array(
      fc.record({
        kind: fc.constantFrom('shipped', 'delivered', 'exception', 'returned', 'lost'),
        transit: fc.integer({ min: 0, max: 70 }),
        promised: fc.integer({ min: 5, max: 30 }),
        first: fc.boolean(),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(facts, (stream) => {
        let counters: KpiCounters = emptyCounters();
        const shippedAt = new Date('2026-10-01T00:00:00Z');
        for (const f of stream) {
          const at = new Date(shippedAt.getTime() + f.transit * 86_400_000).toISOString();
          const fact: KpiFact =
            f.kind === 'delivered'
              ? { ...base, kind: 'delivered', at, shippedAt: shippedAt.toISOString(), promisedMaxDays: f.promised }
              : f.kind === 'exception'
                ? { ...base, kind: 'exception', at, firstForShipment: f.first }
                : { ...base, kind: f.kind, at };
          for (const inc of kpiIncrementsFor(fact)) counters = applyIncrement(counters, inc);
        }
        const delivered = stream.filter((f) => f.kind === 'delivered');
        expect(counters.shipments).toBe(stream.filter((f) => f.kind === 'shipped').length);
        expect(counters.delivered).toBe(delivered.length);
        expect(counters.onTime).toBe(delivered.filter((f) => f.transit <= f.promised).length);
        expect(counters.exceptions).toBe(stream.filter((f) => f.kind === 'exception' && f.first).length);
        expect(counters.transit.reduce((a, b) => a + b, 0)).toBe(delivered.length);
      }),
    );
  });

  it('bucket counter names are fixed and unique (stored attribute names)', () => {
    expect(TRANSIT_BUCKET_NAMES).toHaveLength(TRANSIT_BUCKET_MAX_DAYS.length);
    expect(new Set(TRANSIT_BUCKET_NAMES).size).toBe(TRANSIT_BUCKET_NAMES.length);
    expect(TRANSIT_BUCKET_NAMES.slice(0, 3)).toEqual(['transit_01', 'transit_02', 'transit_03']);
    expect(TRANSIT_BUCKET_NAMES.at(-1)).toBe('transit_over');
    expect(() => applyIncrement(emptyCounters(), { carrier: 'ups', lane: 'x', week: '2026-W01', add: { bogus: 1 } })).toThrow(/unknown KPI counter/);
  });
});

describe('lane KPIs over a window', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('sums the 4 weeks ending with the current one and derives the rates', () => {
    const rows = [
      { carrier: 'ups' as const, lane: 'L', week: '2026-W43', counters: { ...emptyCounters(), shipments: 1000, exceptions: 1000 } },
      {
        carrier: 'ups' as const,
        lane: 'L',
        week: '2026-W44',
        counters: { ...emptyCounters(), shipments: 100, delivered: 90, onTime: 81, exceptions: 5, lost: 1, transit: histogram({ 7: 45, 9: 45 }) },
      },
      {
        carrier: 'ups' as const,
        lane: 'L',
        week: '2026-W47',
        counters: { ...emptyCounters(), shipments: 100, delivered: 110, onTime: 99, exceptions: 3, returned: 2, transit: histogram({ 8: 110 }) },
      },
      { carrier: 'ups' as const, lane: 'OTHER', week: '2026-W47', counters: { ...emptyCounters(), shipments: 500 } },
    ];
    const kpis = laneKpis(rows, now, { lane: 'L' });
    expect(kpis.window).toEqual({ weeks: ['2026-W44', '2026-W45', '2026-W46', '2026-W47'], label: 'the last 4 weeks' });
    expect(kpis.carriers.ups).toMatchObject({
      shipments: 200,
      delivered: 200,
      onTime: 180,
      exceptions: 8,
      lost: 1,
      returned: 2,
      onTimeRate: 0.9,
      exceptionRate: 0.04,
      lossRate: 0.005,
      transitDaysP50: 8,
      transitDaysP90: 9,
      sandbox: false,
    });
    expect(laneKpis(rows, now, { lane: 'L', windowWeeks: 5 }).carriers.ups?.exceptions).toBe(1008);
  });

  it('rates are undefined without data', () => {
    const kpis = laneKpis([{ carrier: 'ups', lane: 'L', week: '2026-W47', counters: emptyCounters() }], now, { lane: 'L' });
    expect(kpis.carriers.ups).toMatchObject({ onTimeRate: undefined, exceptionRate: undefined, transitDaysP50: undefined });
    expect(laneKpis([], now, { lane: 'L' }).carriers).toEqual({});
  });

  it('the sandbox seed makes Loggi cross 5% exceptions in São Paulo (and is marked sandbox)', () => {
    expectEvery(KPI_SEED, (row) => row.sandbox === true);
    const sp = laneKpis(KPI_SEED, now, { lane: 'CN-BR-SP' });
    expect(sp.carriers.loggi?.exceptionRate).toBeGreaterThan(0.05);
    expect(sp.carriers.jadlog?.exceptionRate).toBeLessThan(0.05);
    expect(sp.carriers.correios?.exceptionRate).toBeLessThan(0.05);
    expect(sp.carriers.loggi?.sandbox).toBe(true);
    for (const row of KPI_SEED) {
      const { counters } = row;
      expect(counters.transit.reduce((a, b) => a + b, 0)).toBe(counters.delivered);
      expect(counters.onTime).toBeLessThanOrEqual(counters.delivered);
    }
  });
});
