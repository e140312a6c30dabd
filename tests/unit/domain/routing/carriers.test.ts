import { cardInEffect, RATE_CARDS, type PostalRange } from '../../../../domain/rating';
import { carrierOfService, carrierRestrictions, CARRIERS, coverageAt, laneOf, type CarrierProfile } from '../../../../domain/routing';
import { LAST_MILE_CARRIERS } from '../../../../domain/shared/carriers';
import { InvalidPostalCodeError, postalCodeOf } from '../../../../domain/shared/postal-codes';
import { DESTINATION_COUNTRIES, SERVICE_LEVELS } from '../../../../domain/shared/shipping-terms';

const DAY = '2026-11-22';
const carrier = (slug: string): CarrierProfile => {
  const found = CARRIERS.find((c) => c.slug === slug);
  if (!found) throw new Error(`no carrier ${slug}`);
  return found;
};
const serviceIds = [...new Set(RATE_CARDS.map((c) => c.serviceId))];
const cardOf = (serviceId: string) =>
  cardInEffect(
    RATE_CARDS.filter((c) => c.serviceId === serviceId),
    DAY,
  );

/** Coverage of a code written as data writes it, in the carrier's country. */
const coverageAtCode = (profile: CarrierProfile, code: string) => coverageAt(profile, postalCodeOf(profile.country, code));

describe('carrier profiles as data', () => {
  it('holds every carrier of the issue, each with at least one service, in its market', () => {
    const expected: Record<string, string[]> = {
      MX: ['estafeta', 'dhl-express', 'jt-express', '99minutos'],
      BR: ['correios', 'jadlog', 'loggi', 'total-express'],
      CL: ['chilexpress', 'blue-express', 'starken'],
      CO: ['servientrega', 'coordinadora', 'inter-rapidisimo'],
      PE: ['olva', 'serpost'],
      US: ['usps', 'ups', 'fedex'],
    };
    for (const [country, slugs] of Object.entries(expected)) {
      expect(
        CARRIERS.filter((c) => c.country === country)
          .map((c) => c.slug)
          .sort(),
      ).toEqual([...slugs].sort());
      for (const slug of slugs) expect(carrier(slug).services.length).toBeGreaterThan(0);
    }
    expect(CARRIERS.map((c) => c.slug).sort()).toEqual([...LAST_MILE_CARRIERS].sort());
  });

  it('maps every rate-card service to exactly one carrier of the same market and level, and back', () => {
    for (const id of serviceIds) {
      const owners = CARRIERS.filter((c) => c.services.some((s) => s.serviceId === id));
      expect(owners).toHaveLength(1);
      const card = cardOf(id);
      const found = carrierOfService(id);
      expect(found?.carrier.country).toBe(card?.destination);
      expect(found?.offer.level).toBe(card?.serviceLevel);
    }
    for (const c of CARRIERS) for (const s of c.services) expect(serviceIds).toContain(s.serviceId);
  });

  it('offers at least two last-mile carriers at every service level of every market (routing has a choice)', () => {
    for (const country of DESTINATION_COUNTRIES) {
      for (const level of SERVICE_LEVELS) {
        const carriers = new Set(
          serviceIds
            .map(cardOf)
            .filter((card) => card?.destination === country && card.serviceLevel === level)
            .map((card) => carrierOfService(card?.serviceId ?? '')?.carrier.slug),
        );
        expect(carriers.size).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('refuses loose lithium batteries everywhere (the air lines cannot fly them)', () => {
    for (const c of CARRIERS) expect(c.refused.batteries).toEqual(expect.arrayContaining(['lithium-ion-standalone', 'lithium-metal-standalone']));
  });

  it('says where every group of figures comes from; sourced never claims "sandbox"', () => {
    for (const c of CARRIERS) {
      for (const p of [c.provenance, c.coverage.provenance, c.limits.provenance, c.refused.provenance, c.tracking.provenance]) {
        expect(p.source.length).toBeGreaterThan(0);
        expect(p.note.length).toBeGreaterThan(0);
        if (!p.sandbox) expect(p.source).not.toBe('sandbox');
      }
    }
  });

  it('Serpost economy is the one untracked service (ordinary small packet); everything else is tracked', () => {
    const untracked = CARRIERS.flatMap((c) => c.services.filter((s) => !s.tracked).map((s) => s.serviceId));
    expect(untracked).toEqual(['enlace-economy-pe']);
  });
});

describe('coverage agrees with the rate cards', () => {
  const probes = (ranges: readonly PostalRange[]): string[] => ranges.flatMap((r) => [r.from, r.to]);

  it('a postal code a service card does not serve is not covered by its carrier, and the reverse', () => {
    for (const c of CARRIERS) {
      const carrierRanges = [...c.coverage.notServed, ...c.coverage.remote, ...(c.coverage.served === 'nationwide' ? [] : c.coverage.served)];
      for (const service of c.services) {
        const card = cardOf(service.serviceId);
        const unserved = card?.unservedPostalRanges ?? [];
        for (const code of [...probes(unserved), ...probes(carrierRanges), ...probes(card?.remoteArea?.ranges ?? [])]) {
          const cardSays = unserved.some((r) => code >= r.from && code <= r.to);
          expect({ carrier: c.slug, service: service.serviceId, code, notServed: coverageAtCode(c, code).status === 'not-served' }).toEqual({
            carrier: c.slug,
            service: service.serviceId,
            code,
            notServed: cardSays,
          });
        }
      }
    }
  });

  it('Chiapas 29000–30999 is remote for Estafeta and not served by 99minutos; Mexico City is served by both', () => {
    expect(coverageAtCode(carrier('estafeta'), '29000')).toEqual({ status: 'remote', area: 'Chiapas' });
    expect(coverageAtCode(carrier('estafeta'), '30999')).toEqual({ status: 'remote', area: 'Chiapas' });
    expect(coverageAtCode(carrier('99minutos'), '29000').status).toBe('not-served');
    expect(coverageAtCode(carrier('99minutos'), '06600')).toEqual({ status: 'served' });
    expect(coverageAtCode(carrier('estafeta'), '06600')).toEqual({ status: 'served' });
  });

  it("Starken does not reach Isla de Pascua, Total Express not Fernando de Noronha; another country's codes are not served", () => {
    expect(coverageAtCode(carrier('starken'), '2770000')).toMatchObject({ status: 'not-served', area: 'Isla de Pascua' });
    expect(coverageAtCode(carrier('blue-express'), '2770000').status).toBe('remote');
    expect(coverageAtCode(carrier('total-express'), '53990-000').status).toBe('not-served');
    expect(coverageAtCode(carrier('total-express'), '69005-000').status).toBe('remote');
    expect(coverageAtCode(carrier('usps'), '99501')).toEqual({ status: 'served' });
    expect(coverageAtCode(carrier('ups'), '99501').status).toBe('remote');
    expect(coverageAt(carrier('jadlog'), postalCodeOf('MX', '06600')).status).toBe('not-served');
  });
});

describe("a carrier's own restrictions", () => {
  const facts = {
    destination: postalCodeOf('MX', '06600'),
    parcels: [{ weightGrams: 1000, lengthMm: 300, widthMm: 200, heightMm: 100 }],
    batteries: [],
    categories: [],
  };

  it('none for an ordinary parcel it serves', () => {
    expect(carrierRestrictions(carrier('99minutos'), facts)).toEqual([]);
  });

  it('coverage: says where the carrier does deliver', () => {
    const [r] = carrierRestrictions(carrier('99minutos'), { ...facts, destination: postalCodeOf('MX', '29000') });
    expect(r).toMatchObject({
      code: 'NOT_COVERED',
      message: '99minutos delivers only in the Mexico City, Guadalajara, Monterrey, Puebla and Querétaro metro areas, and 29000 is outside them',
    });
  });

  it('weight and size, per parcel, with the limit and the measure', () => {
    const big = { weightGrams: 26_000, lengthMm: 600, widthMm: 300, heightMm: 300 };
    const rs = carrierRestrictions(carrier('99minutos'), { ...facts, parcels: [facts.parcels[0] ?? big, big] });
    expect(rs.map((r) => [r.code, r.parcelIndex])).toEqual([
      ['OVERWEIGHT', 1],
      ['OVERSIZE', 1],
    ]);
    expect(rs[0]?.message).toBe('99minutos takes parcels up to 25 kg and parcel 2 weighs 26 kg');
    expect(rs[1]?.message).toBe('99minutos takes parcels up to 50 cm long and parcel 2 measures 60 cm');
  });

  it('girth and sum of sides limits (Estafeta 5 m girth, Correios 200 cm sum)', () => {
    const wide = { weightGrams: 5000, lengthMm: 1500, widthMm: 1300, heightMm: 1300 };
    expect(carrierRestrictions(carrier('estafeta'), { ...facts, parcels: [wide] }).map((r) => r.message)).toEqual([
      'Estafeta takes parcels up to 500 cm in girth and parcel 1 measures 520 cm',
    ]);
    const boxy = { weightGrams: 1000, lengthMm: 1000, widthMm: 600, heightMm: 500 };
    expect(carrierRestrictions(carrier('correios'), { ...facts, destination: postalCodeOf('BR', '01310-200'), parcels: [boxy] }).map((r) => r.code)).toEqual([
      'OVERSIZE',
    ]);
  });

  it('unknown dimensions skip the size checks but not the weight check', () => {
    const unmeasured = { weightGrams: 31_000 };
    expect(
      carrierRestrictions(carrier('jadlog'), { ...facts, destination: postalCodeOf('BR', '01310-200'), parcels: [unmeasured] }).map((r) => r.code),
    ).toEqual(['OVERWEIGHT']);
  });

  it('batteries and goods, in words a seller understands', () => {
    const rs = carrierRestrictions(carrier('correios'), {
      ...facts,
      destination: postalCodeOf('BR', '01310-200'),
      batteries: ['lithium-ion-in-equipment'],
      categories: [],
    });
    expect(rs).toEqual([
      {
        code: 'BATTERY_REFUSED',
        clause: 'does not carry lithium-ion batteries inside a device',
        message: 'Correios does not carry lithium-ion batteries inside a device',
      },
    ]);
    const goods = carrierRestrictions(carrier('serpost'), { ...facts, destination: postalCodeOf('PE', '15001'), categories: ['liquid'] });
    expect(goods.map((r) => r.message)).toEqual(['Serpost does not carry liquids']);
  });
});

describe('lanes', () => {
  it('names the region the KPIs are kept for', () => {
    expect(laneOf(postalCodeOf('BR', '01310-200'))).toMatchObject({ id: 'CN-BR-SP', label: 'CN→BR-SP', regionName: 'São Paulo' });
    expect(laneOf(postalCodeOf('BR', '69005000'))).toMatchObject({ id: 'CN-BR-AM', regionName: 'Amazonas' });
    expect(laneOf(postalCodeOf('MX', '29000'))).toMatchObject({ id: 'CN-MX-CHP', regionName: 'Chiapas' });
    expect(laneOf(postalCodeOf('MX', '06600'))).toMatchObject({ id: 'CN-MX-CMX', regionName: 'Ciudad de México' });
    expect(laneOf(postalCodeOf('CO', '110111'))).toMatchObject({ id: 'CN-CO-11', regionName: 'Bogotá' });
    expect(laneOf(postalCodeOf('PE', '15001'))).toMatchObject({ id: 'CN-PE-15', regionName: 'Lima' });
    expect(laneOf(postalCodeOf('US', '10001-1234'))).toMatchObject({ id: 'CN-US-1', regionName: 'ZIP area 1' });
    expect(laneOf(postalCodeOf('CL', '8320000')).id).toBe('CN-CL-83');
  });

  it('takes only parsed postal codes: a malformed one never reaches it', () => {
    expect(() => postalCodeOf('MX', '2900')).toThrow(InvalidPostalCodeError);
  });
});
