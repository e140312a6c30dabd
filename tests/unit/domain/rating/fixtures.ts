import fc from 'fast-check';
import type { EligibleQuote, RatingItem, RatingParcel, RatingRequest } from '../../../../domain/rating';
import { GOODS_CATEGORIES } from '../../../../domain/rating';
import { CURRENCIES, type Money } from '../../../../domain/shared/money';
import { postalCodeOf } from '../../../../domain/shared/postal-codes';
import { BATTERY_TYPES, DESTINATION_COUNTRIES, type DestinationCountry } from '../../../../domain/shared/shipping-terms';

/** 2026-11-22 noon UTC: FX table sandbox-2026-11-02, rate cards 2026.07 (BR standard 2026.11), fuel from 2026-11-01. */
export const QUOTE_DATE = new Date('2026-11-22T12:00:00Z');

export const usd = (amount: number): Money => ({ amount, currency: 'USD' });

/** A central postal code per destination (São Paulo, Mexico City, Santiago, Bogotá, Lima, New York). */
export const CITY_POSTAL_CODES: Readonly<Record<DestinationCountry, string>> = {
  BR: '01310-100',
  MX: '06600',
  CL: '8320000',
  CO: '110111',
  PE: '15001',
  US: '10001',
};

/** The worked-example parcel: 1.2 kg, 30 × 25 × 10 cm (7,500,000 mm³). */
export const PARCEL_1200G: RatingParcel = { weightGrams: 1200, lengthMm: 300, widthMm: 250, heightMm: 100 };

/** Two cotton T-shirts at US$20.00 each (HS 6109.10), no battery. */
export const TSHIRTS: RatingItem = { quantity: 2, unitValue: usd(2000), hsCode: '6109.10', category: 'apparel', battery: 'none' };

export function request(country: DestinationCountry, overrides: Partial<RatingRequest> = {}): RatingRequest {
  return {
    destination: postalCodeOf(country, CITY_POSTAL_CODES[country]),
    parcels: [PARCEL_1200G],
    items: [TSHIRTS],
    incoterm: 'DDP',
    ...overrides,
  };
}

export const sumAmounts = (values: readonly Money[]): number => values.reduce((acc, m) => acc + m.amount, 0);

export function findQuote(quotes: readonly EligibleQuote[], serviceId: string): EligibleQuote {
  const quote = quotes.find((q) => q.serviceId === serviceId);
  if (!quote) throw new Error(`no eligible quote for ${serviceId}`);
  return quote;
}

// ------------------------------------------------------------------ arbitraries

const POSTAL_BY_COUNTRY: Readonly<Record<DestinationCountry, readonly string[]>> = {
  BR: ['01310-100', '30130-000', '69005-000', '40010-000', '90010-000'],
  MX: ['06600', '29000', '68000', '44100', '64000'],
  CL: ['8320000', '6200000', '2770000', '4030000'],
  CO: ['110111', '050001', '910001', '880001'],
  PE: ['15001', '16001', '04001'],
  US: ['10001', '99501', '96801', '60601'],
};

export const parcelArb = (maxGrams = 40_000): fc.Arbitrary<RatingParcel> =>
  fc.record({
    weightGrams: fc.integer({ min: 1, max: maxGrams }),
    lengthMm: fc.integer({ min: 10, max: 1300 }),
    widthMm: fc.integer({ min: 10, max: 800 }),
    heightMm: fc.integer({ min: 10, max: 600 }),
  });

export const itemArb: fc.Arbitrary<RatingItem> = fc.record({
  quantity: fc.integer({ min: 1, max: 8 }),
  unitValue: fc.record({ amount: fc.integer({ min: 0, max: 150_000 }), currency: fc.constantFrom(...CURRENCIES) }),
  hsCode: fc.constantFrom('610910', '6204.62', '8518.30.00', '950300', '420222', '330499', '640299'),
  category: fc.constantFrom(...GOODS_CATEGORIES),
  battery: fc.oneof({ weight: 6, arbitrary: fc.constant<RatingItem['battery']>('none') }, { weight: 1, arbitrary: fc.constantFrom(...BATTERY_TYPES) }),
});

export const requestArb: fc.Arbitrary<RatingRequest> = fc.constantFrom(...DESTINATION_COUNTRIES).chain((country) =>
  fc.record({
    destination: fc.constantFrom(...POSTAL_BY_COUNTRY[country]).map((code) => postalCodeOf(country, code)),
    parcels: fc.array(parcelArb(), { minLength: 1, maxLength: 3 }),
    items: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
    incoterm: fc.constantFrom('DDP' as const, 'DDU' as const),
    insured: fc.boolean(),
    quoteCurrency: fc.constantFrom(...CURRENCIES),
    seller: fc.record({ remessaConforme: fc.boolean(), chileVatRegistered: fc.boolean() }),
  }),
);
