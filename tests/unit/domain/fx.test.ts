import fc from 'fast-check';
import { conversionRatio, convert, FxRateUnavailableError, fxTableOn, utcDay, type FxTable } from '../../../domain/shared/fx';
import { FX_TABLES } from '../../../domain/shared/fx-rates';
import { CURRENCIES, money } from '../../../domain/shared/money';

const table = (id: string, effectiveFrom: string, cny: `${number}`): FxTable => ({
  id,
  effectiveFrom,
  perUsd: { USD: '1', CNY: cny, MXN: '18.50', BRL: '5.40', CLP: '940', COP: '3900', PEN: '3.60' },
  source: 'test',
  note: 'test',
  sandbox: true,
});

describe('FX tables are dated data', () => {
  const tables = [table('a', '2026-10-01', '7.20'), table('b', '2026-11-02', '7.10')];

  it('picks the latest table effective on the day', () => {
    expect(fxTableOn(tables, '2026-10-01').id).toBe('a');
    expect(fxTableOn(tables, '2026-11-01').id).toBe('a');
    expect(fxTableOn(tables, '2026-11-02').id).toBe('b');
    expect(fxTableOn(tables, '2027-03-01').id).toBe('b');
  });

  it('refuses to convert before the first table', () => {
    expect(() => fxTableOn(tables, '2026-09-30')).toThrow(FxRateUnavailableError);
  });

  it('compares days in UTC', () => {
    expect(utcDay(new Date('2026-11-01T23:30:00-03:00'))).toBe('2026-11-02');
  });

  it('marks the bundled tables as sandbox, with a source and a note', () => {
    expect(FX_TABLES.length).toBeGreaterThan(0);
    for (const t of FX_TABLES) {
      expect(t.sandbox).toBe(true);
      expect(t.source).toMatch(/sandbox/);
      expect(t.perUsd.USD).toBe('1');
    }
  });
});

describe('conversion through USD', () => {
  const t = table('t', '2026-11-02', '7.10');

  it('converts with one rounding and the exponents of both currencies', () => {
    // CNY 146.80 / 7.10 = USD 20.6760… → 20.68
    expect(convert(money(14680, 'CNY'), 'USD', t)).toEqual(money(2068, 'USD'));
    // CLP 5,490 / 940 = USD 5.8404… → 5.84 (CLP has no minor unit, USD has two)
    expect(convert(money(5490, 'CLP'), 'USD', t)).toEqual(money(584, 'USD'));
    // USD 1.00 = CLP 940
    expect(convert(money(100, 'USD'), 'CLP', t)).toEqual(money(940, 'CLP'));
    // Cross rate in one step: CNY 100.00 × 5.40 / 7.10 = BRL 76.0563… → 76.06
    expect(convert(money(10000, 'CNY'), 'BRL', t)).toEqual(money(7606, 'BRL'));
  });

  it('is the identity within a currency and exact for the cross ratio', () => {
    expect(convert(money(123, 'PEN'), 'PEN', t)).toEqual(money(123, 'PEN'));
    // 5.40 / 7.10 = 54/71 in lowest terms; USD→CLP shifts two decimals away: 940/100 = 47/5.
    expect(conversionRatio('CNY', 'BRL', t)).toEqual({ num: 54, den: 71 });
    expect(conversionRatio('USD', 'CLP', t)).toEqual({ num: 47, den: 5 });
  });

  it('never reverses order: a larger amount never converts to a smaller one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 0, max: 1e6 }),
        (from, to, a, delta) => {
          const small = convert(money(a, from), to, t);
          const large = convert(money(a + delta, from), to, t);
          expect(large.amount).toBeGreaterThanOrEqual(small.amount);
          expect(large.currency).toBe(to);
        },
      ),
    );
  });

  it('round-trips to within the rounding of the coarser currency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), (amount) => {
        const there = convert(money(amount, 'USD'), 'MXN', t);
        const back = convert(there, 'USD', t);
        expect(Math.abs(back.amount - amount)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
