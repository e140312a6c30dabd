import fc from 'fast-check';
import {
  add,
  allocate,
  CURRENCIES,
  CurrencyMismatchError,
  decimalRatio,
  formatMoney,
  formatMoneyLocalized,
  fromMajor,
  inclusiveToExclusive,
  InvalidMoneyError,
  MINOR_UNIT_EXPONENT,
  money,
  multiply,
  percentRatio,
  ratio,
  roundHalfAwayFromZero,
  sum,
  toMajorString,
  type Currency,
} from '../../../domain/shared/money';

const currencyArb = fc.constantFrom(...CURRENCIES);
const moneyIn = (currency: Currency) => fc.integer({ min: -1e12, max: 1e12 }).map((amount) => money(amount, currency));

/** Reference implementation of the rounding rule in BigInt: round half away from zero of num/den. */
function referenceRound(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  const q = magnitude / den;
  const r = magnitude % den;
  const rounded = 2n * r >= den ? q + 1n : q;
  return negative ? -rounded : rounded;
}

describe('minor units', () => {
  it('uses the ISO 4217 exponents: CLP has none, COP keeps two', () => {
    expect(MINOR_UNIT_EXPONENT).toEqual({ CNY: 2, USD: 2, MXN: 2, BRL: 2, CLP: 0, COP: 2, PEN: 2 });
  });

  it('parses decimal strings exactly', () => {
    expect(fromMajor('19.90', 'BRL')).toEqual({ amount: 1990, currency: 'BRL' });
    expect(fromMajor('12345', 'CLP')).toEqual({ amount: 12345, currency: 'CLP' });
    expect(fromMajor('-3.1', 'USD')).toEqual({ amount: -310, currency: 'USD' });
    expect(fromMajor('1.500', 'USD')).toEqual({ amount: 150, currency: 'USD' }); // trailing zeros hide nothing
  });

  it('refuses amounts that would hide a rounding', () => {
    expect(() => fromMajor('1.5', 'CLP')).toThrow(InvalidMoneyError);
    expect(() => fromMajor('1.005', 'USD')).toThrow(InvalidMoneyError);
    expect(() => fromMajor('abc', 'USD')).toThrow(InvalidMoneyError);
    expect(() => money(1.5, 'USD')).toThrow(InvalidMoneyError);
  });

  it('round-trips through the major-unit string for every currency', () => {
    fc.assert(
      fc.property(currencyArb, fc.integer({ min: -1e12, max: 1e12 }), (currency, amount) => {
        const value = money(amount, currency);
        expect(fromMajor(toMajorString(value), currency)).toEqual(value);
      }),
    );
  });
});

describe('adding', () => {
  it('throws on mixed currencies', () => {
    expect(() => add(money(100, 'USD'), money(100, 'BRL'))).toThrow(CurrencyMismatchError);
    expect(() => sum('USD', [money(1, 'USD'), money(1, 'CNY')])).toThrow(CurrencyMismatchError);
  });

  it('is exact, commutative and associative', () => {
    fc.assert(
      fc.property(moneyIn('MXN'), moneyIn('MXN'), moneyIn('MXN'), (a, b, c) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
        expect(sum('MXN', [a, b, c]).amount).toBe(a.amount + b.amount + c.amount);
      }),
    );
  });
});

describe('the rounding rule: half away from zero, once, on the exact value', () => {
  it('rounds exact halves away from zero', () => {
    expect(roundHalfAwayFromZero(5, 2)).toBe(3);
    expect(roundHalfAwayFromZero(-5, 2)).toBe(-3);
    expect(roundHalfAwayFromZero(7, 3)).toBe(2);
    expect(roundHalfAwayFromZero(8, 3)).toBe(3);
  });

  it('multiplies by exact decimal rates, so 1.005 rounds up where a float would not', () => {
    // 100 cents × 1.005 = 100.5 exactly → 101. In binary floating point 1.005 × 100 = 100.49999…
    expect(multiply(money(100, 'USD'), decimalRatio('1.005'))).toEqual(money(101, 'USD'));
    // 9.5% of CNY 123.00 = CNY 11.685 → 11.69 (the Mexico City worked example's fuel surcharge).
    expect(multiply(money(12300, 'CNY'), percentRatio('9.5'))).toEqual(money(1169, 'CNY'));
  });

  it('matches a BigInt reference for any amount and rate, including beyond the float-safe product', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.integer({ min: 1, max: 5_000_000_000 }),
        (amount, num, den) => {
          const r = ratio(num, den);
          const expected = referenceRound(BigInt(amount) * BigInt(r.num), BigInt(r.den));
          const fits = expected <= BigInt(Number.MAX_SAFE_INTEGER) && expected >= -BigInt(Number.MAX_SAFE_INTEGER);
          if (fits) expect(multiply(money(amount, 'USD'), r).amount).toBe(Number(expected));
          else expect(() => multiply(money(amount, 'USD'), r)).toThrow(InvalidMoneyError);
        },
      ),
    );
  });

  it('turns a "por dentro" rate into t/(1−t)', () => {
    expect(inclusiveToExclusive(percentRatio('17'))).toEqual({ num: 17, den: 83 });
    expect(inclusiveToExclusive(percentRatio('20'))).toEqual({ num: 1, den: 4 });
  });
});

describe('allocate', () => {
  it('splits by largest remainder, earlier parts first on ties', () => {
    expect(allocate(money(100, 'USD'), [1, 1, 1]).map((m) => m.amount)).toEqual([34, 33, 33]);
    expect(allocate(money(-100, 'USD'), [1, 1, 1]).map((m) => m.amount)).toEqual([-34, -33, -33]);
    expect(allocate(money(1000, 'CLP'), [3, 0, 1]).map((m) => m.amount)).toEqual([750, 0, 250]);
  });

  it('always adds back up to the original amount, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(moneyIn('BRL'), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }), (value, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = allocate(value, weights);
        expect(sum('BRL', parts)).toEqual(value);
        const total = weights.reduce((a, b) => a + b, 0);
        parts.forEach((part, i) => {
          const exact = (value.amount * (weights[i] ?? 0)) / total;
          expect(Math.abs(part.amount - exact)).toBeLessThan(1 + 1e-6 * Math.abs(value.amount));
        });
      }),
    );
  });

  it('refuses weights that cannot split anything', () => {
    expect(() => allocate(money(100, 'USD'), [])).toThrow(InvalidMoneyError);
    expect(() => allocate(money(100, 'USD'), [0, 0])).toThrow(InvalidMoneyError);
  });
});

describe('formatting for humans', () => {
  it('writes the currency code, grouped digits and the ISO number of decimals', () => {
    expect(formatMoney(money(123456, 'USD'))).toBe('USD 1,234.56');
    expect(formatMoney(money(12345, 'CLP'))).toBe('CLP 12,345');
    expect(formatMoney(money(1790000, 'COP'))).toBe('COP 17,900.00');
    expect(formatMoney(money(-5, 'BRL'))).toBe('BRL -0.05');
  });

  it('formats in a locale with the ISO exponent', () => {
    expect(formatMoneyLocalized(money(123456, 'BRL'), 'pt-BR')).toMatch(/R\$\s?1\.234,56/);
    expect(formatMoneyLocalized(money(12345, 'CLP'), 'es-CL')).toMatch(/12\.345/);
  });
});
