import fc from 'fast-check';
import {
  approximateFormat,
  CARRIERS,
  DHL_EXPRESS_10,
  FEDEX_EXPRESS_12,
  fedexCheckDigit,
  impbFormat,
  isValidDhlExpress,
  isValidFedex12,
  isValidImpb,
  isValidS10,
  isValidUps,
  s10CheckDigit,
  s10Format,
  seededCharacters,
  trackingFormatFor,
  upsCheckDigit,
  upsFormat,
  uspsMod10,
} from '../../../../domain/routing';

const squash = (value: string): string => value.replace(/\s/g, '');

describe('UPU S10 (Correios, Serpost)', () => {
  it('reproduces the worked example of the S10 description: serial 47312482 → S = 200 → check digit 9', () => {
    expect(s10CheckDigit('47312482')).toBe(9);
    expect(isValidS10('AA473124829GB')).toBe(true);
  });

  it('accepts published valid numbers and rejects a wrong check digit (jkeen/tracking_number_data s10.json)', () => {
    for (const valid of ['RB123456785GB', 'RB123456785US', 'RB123456785CV', 'RB123456785CF']) expect(isValidS10(valid)).toBe(true);
    expect(isValidS10('RB123456786US')).toBe(false);
  });

  it('maps a remainder of 1 to check digit 0 and a remainder of 0 to 5', () => {
    // Find serials whose weighted sum leaves remainder 1 and 0, then check the two special cases.
    const serials = Array.from({ length: 2000 }, (_, i) => String(i).padStart(8, '0'));
    const sum = (serial: string) => [8, 6, 4, 2, 3, 5, 9, 7].reduce((acc, w, i) => acc + w * Number(serial[i]), 0);
    const r1 = serials.find((s) => sum(s) % 11 === 1);
    const r0 = serials.find((s) => sum(s) % 11 === 0 && sum(s) > 0);
    expect(r1 && s10CheckDigit(r1)).toBe(0);
    expect(r0 && s10CheckDigit(r0)).toBe(5);
  });

  it('rejects malformed identifiers', () => {
    expect(isValidS10('RB12345678GB')).toBe(false);
    expect(isValidS10('R1123456785GB')).toBe(false);
    expect(() => s10CheckDigit('1234567')).toThrow(RangeError);
  });

  it('generates valid S10 numbers with the service indicator and country asked for', () => {
    const format = s10Format('RR', 'PE', 'registered');
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const tn = format.generate(seed);
        expect(tn).toMatch(/^RR\d{9}PE$/);
        expect(format.isValid(tn)).toBe(true);
        expect(isValidS10(tn)).toBe(true);
      }),
    );
  });
});

describe('USPS IMpb, UPS 1Z, FedEx 12, DHL Express 10', () => {
  it('USPS: published IMpb numbers pass the mod 10, a changed digit fails (USPS Pub. 199 algorithm)', () => {
    for (const valid of [
      '9400 1112 0108 0805 4830 16',
      '9361 2898 7870 0317 6337 95',
      '9405803699300124287899',
      '9505 5110 6960 5048 6006 24',
      '9261292700768711948021',
    ]) {
      expect(isValidImpb(squash(valid))).toBe(true);
    }
    expect(isValidImpb('9261292700768711948020')).toBe(false);
    expect(isValidImpb('9200000000000000000000')).toBe(false);
    expect(uspsMod10('940011120108080548301')).toBe(6);
  });

  it('UPS: published 1Z numbers pass, letters count as (code − 63) mod 10', () => {
    for (const valid of ['1Z5R89390357567127', '1Z879E930346834440', '1Z410E7W0392751591', '1Z8V92A70367203024', '1Z999AA10123456784'])
      expect(isValidUps(valid)).toBe(true);
    expect(isValidUps('1Z1111111111111111')).toBe(false);
    expect(isValidUps('2Z5R89390357567127')).toBe(false);
    expect(upsCheckDigit('999AA1012345678')).toBe(4);
  });

  it('FedEx: published 12-digit numbers pass (weights 3,1,7; mod 11 mod 10)', () => {
    for (const valid of ['986578788855', '477179081230', '799531274483', '790535312317', '974367662710']) expect(isValidFedex12(valid)).toBe(true);
    expect(isValidFedex12('996578788855')).toBe(false);
    expect(fedexCheckDigit('98657878885')).toBe(5);
  });

  it('DHL Express: published waybills pass the mod 7', () => {
    for (const valid of ['3318810025', '8487135506', '1099255990', '3821724944', '3318810036', '3318810014']) expect(isValidDhlExpress(valid)).toBe(true);
    for (const invalid of ['3318810010', '3318810034', '3318810011']) expect(isValidDhlExpress(invalid)).toBe(false);
  });

  it('every generator produces numbers valid by its own check digit, for any seed', () => {
    const formats = [impbFormat('94', '001', '912345678'), upsFormat('E2N0X7', '03'), FEDEX_EXPRESS_12, DHL_EXPRESS_10];
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...formats), (seed, format) => {
        const tn = format.generate(seed);
        expect(format.pattern.test(tn)).toBe(true);
        expect(format.isValid(tn)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a corrupted digit is caught (single-digit substitution in the serial)', () => {
    const cases: readonly [string, (tn: string) => boolean, number][] = [
      ['AA473124829GB', isValidS10, 4],
      ['9400111201080805483016', isValidImpb, 10],
      ['986578788855', isValidFedex12, 3],
    ];
    for (const [tn, valid, at] of cases) {
      const digit = Number(tn[at]);
      const corrupted = `${tn.slice(0, at)}${(digit + 1) % 10}${tn.slice(at + 1)}`;
      expect(valid(corrupted)).toBe(false);
    }
  });
});

describe('seeded generation and approximations', () => {
  it('is deterministic: the same seed gives the same number, different seeds (almost always) differ', () => {
    expect(seededCharacters('ord-1/svc', 12)).toBe(seededCharacters('ord-1/svc', 12));
    expect(seededCharacters('ord-1/svc', 12)).not.toBe(seededCharacters('ord-2/svc', 12));
    expect(seededCharacters('x', 30, 'AB')).toMatch(/^[AB]{30}$/);
  });

  it('approximate formats are marked sandbox and validate length and alphabet only', () => {
    const format = approximateFormat({ id: 'x', name: 'X', prefix: 'JMX', length: 15, note: 'test' });
    expect(format.provenance.sandbox).toBe(true);
    expect(format.isValid('JMX123456789012')).toBe(true);
    expect(format.isValid('JMX12345678901')).toBe(false);
    expect(format.isValid('ABC123456789012')).toBe(false);
  });

  it('every carrier service has a format whose generator satisfies its validator; real formats are not sandbox', () => {
    const real = new Set(['upu-s10', 'usps-impb', 'ups-1z', 'fedex-12', 'dhl-express-10']);
    for (const carrier of CARRIERS) {
      for (const service of carrier.services) {
        const format = trackingFormatFor(carrier, service.serviceId);
        const tn = format.generate(`ord-1/${service.serviceId}`);
        expect(format.isValid(tn)).toBe(true);
        const isReal = [...real].some((id) => format.id.startsWith(id));
        expect(format.provenance.sandbox).toBe(!isReal);
      }
    }
  });

  it('Correios and Serpost use S10 with their country code; USPS IMpb; UPS 1Z; FedEx 12; DHL 10; Estafeta 22 characters', () => {
    const gen = (slug: string, serviceId: string) => {
      const carrier = CARRIERS.find((c) => c.slug === slug);
      if (!carrier) throw new Error(slug);
      return trackingFormatFor(carrier, serviceId).generate('seed');
    };
    expect(gen('correios', 'enlace-economy-br')).toMatch(/^[A-Z]{2}\d{9}BR$/);
    expect(gen('serpost', 'enlace-standard-pe-serpost')).toMatch(/^RR\d{9}PE$/);
    expect(gen('serpost', 'enlace-economy-pe')).toMatch(/^UA\d{9}PE$/);
    expect(gen('usps', 'enlace-economy-us')).toMatch(/^94\d{20}$/);
    expect(gen('ups', 'enlace-standard-us')).toMatch(/^1Z[0-9A-Z]{16}$/);
    expect(gen('fedex', 'enlace-express-us')).toMatch(/^\d{12}$/);
    expect(gen('dhl-express', 'enlace-express-mx')).toMatch(/^\d{10}$/);
    expect(gen('estafeta', 'enlace-standard-mx')).toMatch(/^[0-9A-Z]{22}$/);
  });
});
