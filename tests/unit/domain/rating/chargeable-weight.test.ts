import fc from 'fast-check';
import type { ChargeableWeightRule } from '../../../../domain/rating';
import { chargeableWeight, roundUpToIncrement, volumetricWeightGrams } from '../../../../domain/rating';
import { parcelArb } from './fixtures';

const rule = (over: Partial<ChargeableWeightRule> = {}): ChargeableWeightRule => ({
  dimDivisor: 6000,
  incrementGrams: 100,
  minimumGrams: 100,
  provenance: { source: 'test', note: 'test', sandbox: true },
  ...over,
});

describe('chargeable weight', () => {
  it('takes the volumetric weight when it is heavier, rounded up to the increment', () => {
    // 300 × 250 × 100 mm = 7,500,000 mm³; /6000 = 1,250 g > 1,200 g actual; up to 100 g → 1,300 g.
    const result = chargeableWeight({ weightGrams: 1200, lengthMm: 300, widthMm: 250, heightMm: 100 }, rule());
    expect(result).toEqual({ actualGrams: 1200, volumetricGrams: 1250, volumetricCounts: true, chargeableGrams: 1300 });
  });

  it('uses divisor 5000 as express carriers do: the same box weighs 1,500 g', () => {
    expect(volumetricWeightGrams({ weightGrams: 1, lengthMm: 300, widthMm: 250, heightMm: 100 }, 5000)).toBe(1500);
  });

  it('takes the actual weight when it is heavier, and never charges less than the minimum', () => {
    expect(chargeableWeight({ weightGrams: 2010, lengthMm: 100, widthMm: 100, heightMm: 100 }, rule()).chargeableGrams).toBe(2100);
    expect(chargeableWeight({ weightGrams: 20, lengthMm: 50, widthMm: 50, heightMm: 10 }, rule({ incrementGrams: 10, minimumGrams: 50 })).chargeableGrams).toBe(
      50,
    );
  });

  it("ignores volumetric weight below Correios' 5 kg threshold and counts it above", () => {
    const correios = rule({ incrementGrams: 10, minimumGrams: 50, volumetricOnlyAbove: { grams: 5000 } });
    // 400 × 300 × 200 = 24,000,000 mm³ → 4,000 g volumetric: ignored, 1 kg actual charged.
    expect(chargeableWeight({ weightGrams: 1000, lengthMm: 400, widthMm: 300, heightMm: 200 }, correios)).toMatchObject({
      volumetricGrams: 4000,
      volumetricCounts: false,
      chargeableGrams: 1000,
    });
    // 500 × 400 × 300 = 60,000,000 mm³ → 10,000 g volumetric: counts.
    expect(chargeableWeight({ weightGrams: 1000, lengthMm: 500, widthMm: 400, heightMm: 300 }, correios)).toMatchObject({
      volumetricCounts: true,
      chargeableGrams: 10_000,
    });
  });

  it("ignores volumetric weight up to USPS's one cubic foot", () => {
    const usps = rule({ volumetricOnlyAbove: { volumeMm3: 28_316_846 } });
    // 300 × 300 × 300 = 27,000,000 mm³ < 1 ft³ → actual weight.
    expect(chargeableWeight({ weightGrams: 500, lengthMm: 300, widthMm: 300, heightMm: 300 }, usps).chargeableGrams).toBe(500);
    // 310 × 310 × 310 = 29,791,000 mm³ > 1 ft³ → 4,966 g volumetric → 5,000 g.
    expect(chargeableWeight({ weightGrams: 500, lengthMm: 310, widthMm: 310, heightMm: 310 }, usps).chargeableGrams).toBe(5000);
  });

  it('rounds up to multiples of the increment', () => {
    expect(roundUpToIncrement(1201, 100)).toBe(1300);
    expect(roundUpToIncrement(1200, 100)).toBe(1200);
    expect(roundUpToIncrement(1, 500)).toBe(500);
  });

  const ruleArb = fc.record({
    dimDivisor: fc.constantFrom(4000, 5000, 6000, 8000),
    incrementGrams: fc.constantFrom(1, 10, 50, 100, 500),
    minimumGrams: fc.integer({ min: 0, max: 1000 }),
    volumetricOnlyAbove: fc.option(fc.record({ grams: fc.integer({ min: 0, max: 10_000 }) }), { nil: undefined }),
    provenance: fc.constant({ source: 'test', note: 'test', sandbox: true }),
  });

  it('property: chargeable ≥ actual, ≥ volumetric when it counts, a multiple of the increment, and the smallest such', () => {
    fc.assert(
      fc.property(parcelArb(), ruleArb, (parcel, r) => {
        const w = chargeableWeight(parcel, r);
        expect(w.chargeableGrams).toBeGreaterThanOrEqual(parcel.weightGrams);
        if (w.volumetricCounts) expect(w.chargeableGrams).toBeGreaterThanOrEqual(w.volumetricGrams);
        expect(w.chargeableGrams).toBeGreaterThanOrEqual(r.minimumGrams);
        const floor = Math.max(parcel.weightGrams, w.volumetricCounts ? w.volumetricGrams : 0);
        if (w.chargeableGrams > r.minimumGrams) {
          expect(w.chargeableGrams % r.incrementGrams).toBe(0);
          expect(w.chargeableGrams - r.incrementGrams).toBeLessThan(floor);
        }
      }),
    );
  });

  it('property: more actual weight never gives less chargeable weight', () => {
    fc.assert(
      fc.property(parcelArb(), ruleArb, fc.integer({ min: 0, max: 5000 }), (parcel, r, extra) => {
        const light = chargeableWeight(parcel, r).chargeableGrams;
        const heavy = chargeableWeight({ ...parcel, weightGrams: parcel.weightGrams + extra }, r).chargeableGrams;
        expect(heavy).toBeGreaterThanOrEqual(light);
      }),
    );
  });
});
