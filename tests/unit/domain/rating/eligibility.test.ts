import type { IneligibilityCode, RatingItem, RatingResult } from '../../../../domain/rating';
import { InvalidRatingRequestError, isDomesticCard, RATE_CARDS, rateShipment } from '../../../../domain/rating';
import { ratesInputSchema } from '../../../../domain/rating/rates-input';
import type { FxTable } from '../../../../domain/shared/fx';
import { postalCodeOf } from '../../../../domain/shared/postal-codes';
import { findQuote, PARCEL_1200G, QUOTE_DATE, request, TSHIRTS, usd } from './fixtures';

const at = QUOTE_DATE;
const codes = (result: RatingResult, serviceId: string): IneligibilityCode[] =>
  result.ineligible.find((i) => i.serviceId === serviceId)?.reasons.map((r) => r.code) ?? [];
const eligibleIds = (result: RatingResult): string[] => result.quotes.map((q) => q.serviceId).sort();

describe('ineligibility, with every reason', () => {
  it('overweight: 2.5 kg is over the 2 kg small-packet economy to Chile (every economy carrier); the others take it', () => {
    const result = rateShipment(request('CL', { parcels: [{ ...PARCEL_1200G, weightGrams: 2500 }] }), { at });
    for (const id of ['enlace-economy-cl', 'enlace-economy-cl-blue-express']) expect(codes(result, id)).toEqual(['OVERWEIGHT']);
    expect(result.ineligible.find((i) => i.serviceId === 'enlace-economy-cl')?.reasons[0]).toMatchObject({
      parcelIndex: 0,
      message: expect.stringMatching(/2\.500 kg.*2\.000 kg/),
    });
    expect(result.ineligible.map((i) => i.serviceId).sort()).toEqual(['enlace-economy-cl', 'enlace-economy-cl-blue-express']);
    expect(eligibleIds(result)).toEqual([
      'enlace-express-cl',
      'enlace-express-cl-blue-express',
      'enlace-standard-cl',
      'enlace-standard-cl-chilexpress',
      'enlace-standard-cl-starken',
    ]);
  });

  it('overweight by volume: a light 1.2 m cube is over what the express card prices', () => {
    const cube = { weightGrams: 5000, lengthMm: 1200, widthMm: 1200, heightMm: 1200 };
    const result = rateShipment(request('BR', { parcels: [cube] }), { at });
    expect(codes(result, 'enlace-express-br')).toContain('OVERWEIGHT');
  });

  it('oversize: a 70 cm parcel is too long for the economy line (60 cm) and costs a surcharge on standard', () => {
    const long = { weightGrams: 1200, lengthMm: 700, widthMm: 100, heightMm: 100 };
    const result = rateShipment(request('CO', { parcels: [long] }), { at });
    expect(codes(result, 'enlace-economy-co')).toEqual(['OVERSIZE']);
    expect(findQuote(result.quotes, 'enlace-standard-co').lines.map((l) => l.code)).toContain('OVERSIZE');
  });

  it('oversize by length + girth (UPS 165 in) and by sum of sides (Correios 200 cm)', () => {
    const girthy = { weightGrams: 1000, lengthMm: 2600, widthMm: 400, heightMm: 400 }; // 260 + 2 × 80 = 420 cm > 419.1 cm
    expect(codes(rateShipment(request('US', { parcels: [girthy] }), { at }), 'enlace-standard-us')).toEqual(['OVERSIZE']);
    const boxy = { weightGrams: 1000, lengthMm: 1000, widthMm: 600, heightMm: 500 }; // 210 cm > 200 cm
    expect(codes(rateShipment(request('BR', { parcels: [boxy] }), { at }), 'enlace-economy-br')).toEqual(['OVERSIZE']);
  });

  it('battery refused: standalone lithium on every passenger-air service', () => {
    const powerBank: RatingItem = { quantity: 1, unitValue: usd(1500), hsCode: '8507.60', category: 'electronics', battery: 'lithium-ion-standalone' };
    for (const country of ['BR', 'MX', 'CL', 'CO', 'PE', 'US'] as const) {
      const result = rateShipment(request(country, { items: [powerBank] }), { at });
      expect(result.quotes).toEqual([]);
      for (const entry of result.ineligible) expect(entry.reasons.map((r) => r.code)).toContain('BATTERY_REFUSED');
    }
  });

  it('battery in equipment: refused on economy, accepted with a surcharge on standard and express', () => {
    const watch: RatingItem = { quantity: 1, unitValue: usd(3000), hsCode: '8517.62', category: 'electronics', battery: 'lithium-ion-in-equipment' };
    const result = rateShipment(request('BR', { items: [watch] }), { at });
    expect(codes(result, 'enlace-economy-br')).toEqual(['BATTERY_REFUSED']);
    for (const id of ['enlace-standard-br', 'enlace-express-br']) {
      expect(findQuote(result.quotes, id).lines.map((l) => l.code)).toContain('BATTERY_SURCHARGE');
    }
  });

  it('lithium metal in equipment: refused on standard, accepted on express', () => {
    const tracker: RatingItem = { quantity: 1, unitValue: usd(2000), hsCode: '8526.91', battery: 'lithium-metal-in-equipment' };
    const result = rateShipment(request('US', { items: [tracker] }), { at });
    expect(codes(result, 'enlace-standard-us')).toEqual(['BATTERY_REFUSED']);
    expect(eligibleIds(result)).toEqual(['enlace-express-us', 'enlace-express-us-ups']);
    for (const entry of result.ineligible) expect(entry.reasons.map((r) => r.code)).toEqual(['BATTERY_REFUSED']);
  });

  it('the Mexico economy line takes batteries in equipment, but only up to 10 kg per parcel', () => {
    const drill: RatingItem = { quantity: 1, unitValue: usd(6000), hsCode: '8467.21', battery: 'lithium-ion-in-equipment' };
    const light = rateShipment(request('MX', { items: [drill] }), { at });
    expect(findQuote(light.quotes, 'enlace-economy-mx').lines.map((l) => l.code)).toContain('BATTERY_SURCHARGE');
    const heavy = rateShipment(request('MX', { items: [drill], parcels: [{ weightGrams: 12_000, lengthMm: 500, widthMm: 400, heightMm: 400 }] }), { at });
    expect(codes(heavy, 'enlace-economy-mx')).toEqual(['OVERWEIGHT']);
  });

  it('goods refused: liquids on economy; a sensitive-goods surcharge elsewhere', () => {
    const perfume: RatingItem = { quantity: 1, unitValue: usd(2500), hsCode: '3303.00', category: 'liquid', battery: 'none' };
    const result = rateShipment(request('PE', { items: [perfume] }), { at });
    expect(codes(result, 'enlace-economy-pe')).toEqual(['GOODS_REFUSED']);
    expect(findQuote(result.quotes, 'enlace-express-pe').lines.map((l) => l.code)).toContain('SENSITIVE_GOODS_SURCHARGE');
  });

  it('collects every reason, not only the first', () => {
    const powerBank: RatingItem = { quantity: 1, unitValue: usd(1500), hsCode: '8507.60', battery: 'lithium-ion-standalone', category: 'liquid' };
    const result = rateShipment(request('CL', { items: [powerBank], parcels: [{ weightGrams: 3000, lengthMm: 700, widthMm: 100, heightMm: 100 }] }), { at });
    expect(codes(result, 'enlace-economy-cl')).toEqual(['OVERWEIGHT', 'OVERSIZE', 'BATTERY_REFUSED', 'GOODS_REFUSED']);
  });

  it('postal code not served: the Chile economy last mile does not reach Isla de Pascua; standard does, with a remote surcharge', () => {
    const result = rateShipment({ ...request('CL'), destination: postalCodeOf('CL', '2770000') }, { at });
    expect(codes(result, 'enlace-economy-cl')).toEqual(['POSTAL_CODE_NOT_SERVED']);
    const standard = findQuote(result.quotes, 'enlace-standard-cl');
    expect(standard.lines.map((l) => l.code)).toContain('REMOTE_AREA');
    expect(standard.transitDays).toEqual({ min: 12, max: 24 });
  });

  it('remote area: Manaus (AM, North region) pays the surcharge and waits longer; São Paulo does not', () => {
    const manaus = rateShipment({ ...request('BR'), destination: postalCodeOf('BR', '69005-000') }, { at });
    const remote = findQuote(manaus.quotes, 'enlace-standard-br').lines.find((l) => l.code === 'REMOTE_AREA');
    expect(remote?.original).toEqual({ amount: 1500, currency: 'BRL' });
    expect(findQuote(manaus.quotes, 'enlace-standard-br').transitDays).toEqual({ min: 12, max: 24 });
    const saoPaulo = rateShipment(request('BR'), { at });
    expect(findQuote(saoPaulo.quotes, 'enlace-standard-br').lines.map((l) => l.code)).not.toContain('REMOTE_AREA');
  });

  it('customs regime limit: 7 units of one item are over Colombia’s 6-unit courier limit', () => {
    const result = rateShipment(request('CO', { items: [{ ...TSHIRTS, quantity: 7 }] }), { at });
    expect(result.quotes).toEqual([]);
    for (const entry of result.ineligible) expect(entry.reasons.map((r) => r.code)).toEqual(['CUSTOMS_REGIME_LIMIT']);
  });

  it('no rate card in effect before the first version', () => {
    const early: FxTable = {
      id: 'early',
      effectiveFrom: '2026-01-01',
      perUsd: { USD: '1', CNY: '7.10', MXN: '18.50', BRL: '5.40', CLP: '940', COP: '3900', PEN: '3.60' },
      source: 't',
      note: 't',
      sandbox: true,
    };
    const result = rateShipment(request('MX'), { at: new Date('2026-06-15T00:00:00Z'), fxTables: [early] });
    expect(result.quotes).toEqual([]);
    const mexicoServices = new Set(RATE_CARDS.filter((c) => c.destination === 'MX' && !isDomesticCard(c)).map((c) => c.serviceId));
    expect(result.ineligible).toHaveLength(mexicoServices.size);
    for (const entry of result.ineligible) expect(entry.reasons.map((r) => r.code)).toEqual(['NO_RATE_CARD_IN_EFFECT']);
  });
});

describe('versions and dates', () => {
  it('picks the rate-card version in effect on the quote date', () => {
    // 2026-10-15: version 2026.07, line-haul 1.3 × CNY 92.00 + 22.00 = CNY 141.60; 2026-11-22: version 2026.11, CNY 146.80.
    const october = findQuote(rateShipment(request('BR'), { at: new Date('2026-10-15T12:00:00Z') }).quotes, 'enlace-standard-br');
    const november = findQuote(rateShipment(request('BR'), { at }).quotes, 'enlace-standard-br');
    expect(october.rateCard.version).toBe('2026.07');
    expect(october.lines[0]?.original).toEqual({ amount: 14_160, currency: 'CNY' });
    expect(november.rateCard.version).toBe('2026.11');
    expect(november.lines[0]?.original).toEqual({ amount: 14_680, currency: 'CNY' });
  });

  it('picks the fuel surcharge in effect: 9% in October, 9.5% from 2026-11-01', () => {
    const october = findQuote(rateShipment(request('MX'), { at: new Date('2026-10-15T12:00:00Z') }).quotes, 'enlace-standard-mx');
    expect(october.lines.find((l) => l.code === 'FUEL_SURCHARGE')?.basis).toMatch(/^9% ×/);
    const november = findQuote(rateShipment(request('MX'), { at }).quotes, 'enlace-standard-mx');
    expect(november.lines.find((l) => l.code === 'FUEL_SURCHARGE')?.basis).toMatch(/^9\.5% ×/);
  });
});

const RATES_BODY = {
  destination: { country: 'BR', postalCode: '01310200' },
  parcels: [{ weightGrams: 1200, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 100 } }],
  items: [{ quantity: 2, unitDeclaredValue: '19.90', hsCode: '6109.10', category: 'apparel' }],
  currency: 'USD',
  incoterm: 'DDP',
};

describe('malformed requests are errors, not quotes', () => {
  it('throws with every issue listed', () => {
    const bad = request('BR', {
      destination: { ...postalCodeOf('BR', '01310-200'), state: 'XX' },
      parcels: [{ weightGrams: 0, lengthMm: 10, widthMm: 10, heightMm: 10 }],
      items: [{ ...TSHIRTS, hsCode: '12', quantity: 0 }],
    });
    expect(() => rateShipment(bad, { at })).toThrow(InvalidRatingRequestError);
    try {
      rateShipment(bad, { at });
    } catch (error) {
      expect((error as InvalidRatingRequestError).issues).toHaveLength(4);
    }
  });

  it('cannot be given a malformed postal code: it is refused where it is parsed, naming the format', () => {
    expect(ratesInputSchema.safeParse({ ...RATES_BODY, destination: { country: 'BR', postalCode: '123' } }).error?.issues).toEqual([
      expect.objectContaining({ path: ['destination', 'postalCode'], message: expect.stringContaining('CEP: 8 digits') }),
    ]);
    expect(ratesInputSchema.parse(RATES_BODY).destination).toMatchObject({ country: 'BR', code: '01310-200', region: { code: 'SP' } });
  });

  it('refuses an empty shipment', () => {
    expect(() => rateShipment(request('US', { parcels: [], items: [] }), { at })).toThrow(/at least one parcel.*at least one item/);
  });
});
