import fc from 'fast-check';
import type { PriceTable, WeightBreak } from '../../../../domain/rating';
import { isDomesticCard, RATE_CARDS } from '../../../../domain/rating';
import { compilePriceTable, InvalidRateCardError, priceByWeight } from '../../../../domain/rating/weight-breaks';

const provenance = { source: 'test', note: 'test', sandbox: true };

describe('weight-break pricing', () => {
  // A Chinese-line shape: per kg + per parcel, cheaper per kg in heavier breaks.
  const table = compilePriceTable(
    {
      currency: 'CNY',
      provenance,
      breaks: [
        { upToGrams: 500, kind: 'per-kg', perKg: '102.00', perParcel: '22.00' },
        { upToGrams: 2000, kind: 'per-kg', perKg: '96.00', perParcel: '22.00' },
        { upToGrams: 50_000, kind: 'per-kg', perKg: '60.00', perParcel: '22.00' },
      ],
    },
    'test',
  );

  it('prices a weight in its own break: 1.0 kg × CNY 96/kg + CNY 22 = CNY 118.00', () => {
    // The next break at its 2.0 kg minimum would cost 2 × 60 + 22 = 142.00, which is dearer.
    const price = priceByWeight(table, 1000);
    expect(price.amount).toEqual({ amount: 11_800, currency: 'CNY' });
    expect(price.basis).toBe('1.000 kg × CNY 96.00/kg + CNY 22.00 per parcel');
  });

  it("bills at the next break's minimum when that is cheaper (break-point rule)", () => {
    // Own break: 1.9 × 96 + 22 = 204.40. Next break at its 2.0 kg minimum: 2 × 60 + 22 = 142.00.
    const price = priceByWeight(table, 1900);
    expect(price.amount).toEqual({ amount: 14_200, currency: 'CNY' });
    expect(price.basis).toMatch(/next break's minimum/);
    // Just above the boundary the heavier break applies on its own: 2.1 × 60 + 22 = 148.00 ≥ 142.00.
    expect(priceByWeight(table, 2100).amount.amount).toBe(14_800);
  });

  it('rounds the per-kg product once, half away from zero', () => {
    // 0.125 kg × 102.00 = 12.75 → + 22.00 = 34.75 (exact); 1 g × USD 96.00/kg = 0.096 → 0.10.
    expect(priceByWeight(table, 125).amount.amount).toBe(3475);
    const perGram = compilePriceTable({ currency: 'USD', provenance, breaks: [{ upToGrams: 10, kind: 'per-kg', perKg: '96.00', perParcel: '0' }] }, 't');
    expect(priceByWeight(perGram, 1).amount.amount).toBe(10);
  });

  it('refuses weights beyond the table and malformed tables', () => {
    expect(() => priceByWeight(table, 50_001)).toThrow(InvalidRateCardError);
    expect(() => compilePriceTable({ currency: 'USD', provenance, breaks: [] }, 't')).toThrow(InvalidRateCardError);
    expect(() =>
      compilePriceTable(
        {
          currency: 'USD',
          provenance,
          breaks: [
            { upToGrams: 500, kind: 'flat', price: '1.00' },
            { upToGrams: 400, kind: 'flat', price: '2.00' },
          ],
        },
        't',
      ),
    ).toThrow(InvalidRateCardError);
  });

  const breakArb: fc.Arbitrary<Omit<WeightBreak, 'upToGrams'>> = fc.oneof(
    fc.record({ kind: fc.constant('flat' as const), price: fc.integer({ min: 0, max: 100_000 }).map((c) => (c / 100).toFixed(2) as `${number}`) }),
    fc.record({
      kind: fc.constant('per-kg' as const),
      perKg: fc.integer({ min: 0, max: 50_000 }).map((c) => (c / 100).toFixed(2) as `${number}`),
      perParcel: fc.integer({ min: 0, max: 50_000 }).map((c) => (c / 100).toFixed(2) as `${number}`),
    }),
  );

  const tableArb: fc.Arbitrary<PriceTable> = fc.array(fc.tuple(fc.integer({ min: 1, max: 20_000 }), breakArb), { minLength: 1, maxLength: 6 }).map((parts) => {
    let upTo = 0;
    const breaks = parts.map(([step, b]) => {
      upTo += step;
      return { ...b, upToGrams: upTo } as WeightBreak;
    });
    return { currency: 'BRL', provenance, breaks };
  });

  it('property: on ANY table, whatever its figures, more weight never costs less', () => {
    fc.assert(
      fc.property(tableArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (raw, a, b) => {
        const compiled = compilePriceTable(raw, 'arb');
        const light = Math.max(1, Math.floor(Math.min(a, b) * compiled.maxGrams));
        const heavy = Math.max(light, Math.floor(Math.max(a, b) * compiled.maxGrams));
        expect(priceByWeight(compiled, heavy).amount.amount).toBeGreaterThanOrEqual(priceByWeight(compiled, light).amount.amount);
      }),
    );
  });

  it('property: every table in the bundled rate cards is monotone in weight', () => {
    const tables = RATE_CARDS.flatMap((card) => [
      ...(isDomesticCard(card)
        ? Object.values(card.zones.byWarehouse)
            .flat()
            .flatMap((zone) => (zone.lastMile ? [compilePriceTable(zone.lastMile, `${card.serviceId} ${zone.id}`)] : []))
        : [compilePriceTable(card.lineHaul, `${card.serviceId} line-haul`)]),
      compilePriceTable(card.lastMile, `${card.serviceId} last mile`),
    ]);
    fc.assert(
      fc.property(fc.constantFrom(...tables), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 5_000 }), (t, w, extra) => {
        const light = Math.min(w, t.maxGrams);
        const heavy = Math.min(light + extra, t.maxGrams);
        expect(priceByWeight(t, heavy).amount.amount).toBeGreaterThanOrEqual(priceByWeight(t, light).amount.amount);
      }),
      { numRuns: 2000 },
    );
  });
});
