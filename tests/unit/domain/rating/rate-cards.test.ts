import type { Provenance, RateCard } from '../../../../domain/rating';
import { cardInEffect, isDomesticCard, RATE_CARDS } from '../../../../domain/rating';
import { compileCard } from '../../../../domain/rating/compiled-card';
import { DESTINATION_COUNTRIES, SERVICE_LEVELS } from '../../../../domain/shared/shipping-terms';

const DAY = '2026-11-22';

function provenances(card: RateCard): Provenance[] {
  const lane = isDomesticCard(card)
    ? [
        card.zones.provenance,
        ...Object.values(card.zones.byWarehouse)
          .flat()
          .flatMap((zone) => (zone.lastMile ? [zone.lastMile.provenance] : [])),
      ]
    : [card.lineHaul.provenance, card.customsClearance.provenance, card.ddpService.provenance, card.transitDays.provenance];
  return [
    card.provenance,
    card.chargeableWeight.provenance,
    card.limits.provenance,
    card.refused.provenance,
    ...lane,
    card.lastMile.provenance,
    card.fuelSurcharge.provenance,
    card.insurance.provenance,
    ...(card.remoteArea ? [card.remoteArea.provenance] : []),
    ...(card.batterySurcharge ? [card.batterySurcharge.provenance] : []),
    ...(card.sensitiveGoodsSurcharge ? [card.sensitiveGoodsSurcharge.provenance] : []),
    ...(card.oversize ? [card.oversize.provenance] : []),
  ];
}

describe('rate cards as data', () => {
  it('every lane has an economy, a standard and an express service in effect', () => {
    for (const country of DESTINATION_COUNTRIES) {
      for (const level of SERVICE_LEVELS) {
        const id = `enlace-${level}-${country.toLowerCase()}`;
        const card = cardInEffect(
          RATE_CARDS.filter((c) => c.serviceId === id),
          DAY,
        );
        expect(card).toMatchObject({ destination: country, serviceLevel: level });
      }
    }
  });

  it('every card compiles: ascending breaks, valid postal ranges, exact decimal prices', () => {
    for (const card of RATE_CARDS) expect(() => compileCard(card)).not.toThrow();
  });

  it('every group of figures says where it comes from and whether it is sandbox', () => {
    for (const card of RATE_CARDS) {
      expect(card.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const p of provenances(card)) {
        expect(p.source.length).toBeGreaterThan(0);
        expect(p.note.length).toBeGreaterThan(0);
        expect(typeof p.sandbox).toBe('boolean');
        if (!p.sandbox) expect(p.source).not.toBe('sandbox');
      }
      // Invented prices are never passed off as sourced.
      expect(isDomesticCard(card) ? card.lastMile.provenance.sandbox : card.lineHaul.provenance.sandbox).toBe(true);
    }
  });

  it('standalone lithium batteries are refused on every service (passenger aircraft)', () => {
    for (const card of RATE_CARDS) {
      expect(card.refused.batteries).toEqual(expect.arrayContaining(['lithium-ion-standalone', 'lithium-metal-standalone']));
    }
  });

  it('uses the reference divisors: Correios /6000 (over 5 kg), Estafeta /5000, UPS /5000, lines /6000', () => {
    const at = (id: string) =>
      cardInEffect(
        RATE_CARDS.filter((c) => c.serviceId === id),
        DAY,
      )?.chargeableWeight;
    expect(at('enlace-economy-br')).toMatchObject({ dimDivisor: 6000, volumetricOnlyAbove: { grams: 5000 } });
    expect(at('enlace-standard-mx')?.dimDivisor).toBe(5000);
    expect(at('enlace-standard-us')?.dimDivisor).toBe(5000);
    expect(at('enlace-economy-mx')?.dimDivisor).toBe(6000);
  });

  it('versions of one service never overlap in time', () => {
    const byService = new Map<string, RateCard[]>();
    for (const card of RATE_CARDS) byService.set(card.serviceId, [...(byService.get(card.serviceId) ?? []), card]);
    for (const versions of byService.values()) {
      const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      for (let i = 1; i < sorted.length; i++) {
        const previous = sorted[i - 1];
        const current = sorted[i];
        expect(previous?.effectiveTo).toBeDefined();
        expect((previous?.effectiveTo ?? '') < (current?.effectiveFrom ?? '')).toBe(true);
      }
    }
  });
});
