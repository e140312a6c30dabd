import { createOrder } from '../../../../domain/order';
import { orderInputSchema } from '../../../../domain/order/order-input';
import type { RatingRequest } from '../../../../domain/rating';
import { cardInEffect, isDomesticCard, RATE_CARDS, rateOrder, rateShipment, summariseQuote } from '../../../../domain/rating';
import { postalCodeOf } from '../../../../domain/shared/postal-codes';
import { WAREHOUSES } from '../../../../domain/warehouses';
import { brazilDomesticOrderBody, mexicoDomesticOrderBody } from '../../../fixtures/domestic-orders';

const AT = new Date('2026-12-05T12:00:00Z');
const DAY = '2026-12-05';

function request(warehouseCode: string, country: 'MX' | 'BR' | 'US', postalCode: string, overrides: Partial<RatingRequest> = {}): RatingRequest {
  return {
    origin: { warehouseCode },
    destination: postalCodeOf(country, postalCode),
    parcels: [{ weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 100 }],
    items: [{ quantity: 2, unitValue: { amount: 1990, currency: 'USD' }, hsCode: '6109.10', category: 'apparel', battery: 'none' }],
    incoterm: 'DDP',
    quoteCurrency: country === 'MX' ? 'MXN' : country === 'BR' ? 'BRL' : 'USD',
    ...overrides,
  };
}

describe('domestic rate cards as data', () => {
  const domestic = RATE_CARDS.filter(isDomesticCard);

  it('offer the researched services of every country with a warehouse, in effect today', () => {
    const ids = domestic.filter((card) => cardInEffect([card], DAY)).map((card) => card.serviceId);
    expect(ids.sort()).toEqual(
      [
        'domestic-br-correios-pac',
        'domestic-br-correios-sedex',
        'domestic-br-jadlog-package',
        'domestic-br-loggi',
        'domestic-mx-99minutos-next-day',
        'domestic-mx-99minutos-same-day',
        'domestic-mx-dhl-express',
        'domestic-mx-estafeta-dia-siguiente',
        'domestic-mx-estafeta-terrestre',
        'domestic-mx-jt',
        'domestic-us-fedex-2day',
        'domestic-us-ups-ground',
        'domestic-us-usps-ground-advantage',
      ].sort(),
    );
  });

  it('pick up only at warehouses of their own country, and every warehouse has domestic services', () => {
    for (const card of domestic) {
      for (const code of Object.keys(card.zones.byWarehouse)) {
        expect(WAREHOUSES.find((warehouse) => warehouse.code === code)?.country).toBe(card.destination);
      }
    }
    for (const warehouse of WAREHOUSES) {
      expect(domestic.some((card) => card.zones.byWarehouse[warehouse.code] !== undefined)).toBe(true);
    }
  });

  it('mark invented figures as sandbox and cite the research for sourced ones', () => {
    for (const card of domestic) {
      expect(card.zones.provenance.sandbox).toBe(true);
      expect(card.lastMile.provenance.sandbox).toBe(true);
      for (const provenance of [card.limits.provenance, card.chargeableWeight.provenance, card.fuelSurcharge.provenance]) {
        if (!provenance.sandbox) expect(provenance.source).toMatch(/fulfilment-facts|domain-facts/);
      }
    }
  });
});

describe('rating a domestic shipment (same engine)', () => {
  it('quotes only the warehouse’s domestic services: no line-haul, no clearance, no DDP fee, and no cross-border service', () => {
    const result = rateShipment(request('MX-CTT-01', 'MX', '06700', { insured: true }), { at: AT });
    expect(result.origin).toEqual({ warehouseCode: 'MX-CTT-01' });
    expect(result.quotes.length).toBeGreaterThanOrEqual(5);
    for (const quote of result.quotes) {
      expect(quote.serviceId).toMatch(/^domestic-mx-/);
      const codes = quote.lines.map((line) => line.code);
      expect(codes).not.toEqual(expect.arrayContaining(['LINE_HAUL']));
      expect(codes).not.toContain('CUSTOMS_CLEARANCE');
      expect(codes).not.toContain('DDP_SERVICE');
      expect(codes).toContain('LAST_MILE');
      expect(codes).toContain('INSURANCE');
      expect(quote.lines.reduce((sum, line) => sum + line.amount.amount, 0)).toBe(quote.shippingTotal.amount);
      expect(quote.domestic).toEqual({ warehouseCode: 'MX-CTT-01', zone: 'metro' });
    }
  });

  it('says there are no import duties: a zero block with a note and no payer; the seller pays the shipping, the buyer nothing at the door', () => {
    for (const incoterm of ['DDP', 'DDU'] as const) {
      const [quote] = rateShipment(request('BR-SP-01', 'BR', '01310-200', { incoterm }), { at: AT }).quotes;
      expect(quote?.dutiesAndTaxes).toMatchObject({ payer: 'none', estimate: false, lines: [], total: { amount: 0, currency: 'BRL' } });
      expect(quote?.dutiesAndTaxes.note).toMatch(/paid when the stock was imported/);
      expect(quote?.totalCharges).toEqual(quote?.shippingTotal);
      expect(quote?.sellerPays).toEqual(quote?.shippingTotal);
      expect(quote?.buyerPaysOnDelivery.amount).toBe(0);
      expect(quote?.warnings.join(' ')).not.toMatch(/DDU/);
    }
  });

  it('itemises fuel as a share of the carrier’s delivery charge (Estafeta), and none where the carrier bills none (Correios)', () => {
    const mx = rateShipment(request('MX-CTT-01', 'MX', '06700'), { at: AT, serviceIds: ['domestic-mx-estafeta-terrestre'] }).quotes[0];
    const fuel = mx?.lines.find((line) => line.code === 'FUEL_SURCHARGE');
    expect(fuel?.basis).toBe('7.8% × delivery MXN 115.00');
    expect(fuel?.amount).toEqual({ amount: 897, currency: 'MXN' });
    const br = rateShipment(request('BR-SP-01', 'BR', '01310-200'), { at: AT, serviceIds: ['domestic-br-correios-pac'] }).quotes[0];
    expect(br?.lines.map((line) => line.code)).toEqual(['LAST_MILE']);
  });

  it('shows the chargeable weight per parcel with the carrier’s divisor (Estafeta /5000: a light, bulky box bills its volume)', () => {
    const bulky = request('MX-CTT-01', 'MX', '06700', { parcels: [{ weightGrams: 800, lengthMm: 400, widthMm: 300, heightMm: 200 }] });
    const quote = rateShipment(bulky, { at: AT, serviceIds: ['domestic-mx-estafeta-dia-siguiente'] }).quotes[0];
    expect(quote?.parcels[0]).toMatchObject({ actualWeightGrams: 800, volumetricWeightGrams: 4800, chargeableWeightGrams: 4800 });
    expect(quote?.lines[0]?.description).toMatch(/\(volumetric\)/);
  });

  it('lists quotes cheapest first', () => {
    const totals = rateShipment(request('MX-CTT-01', 'MX', '06700'), { at: AT }).quotes.map((quote) => quote.totalCharges.amount);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(totals.length).toBeGreaterThan(1);
  });

  it('takes transit and price from the zone seen from the warehouse: USPS from New Jersey is near to New York and far to Los Angeles', () => {
    const from = (warehouse: string, zip: string) =>
      rateShipment(request(warehouse, 'US', zip), { at: AT, serviceIds: ['domestic-us-usps-ground-advantage'] }).quotes[0];
    const nearby = from('US-NJ-01', '10001');
    const across = from('US-NJ-01', '90012');
    expect(nearby?.domestic?.zone).toBe('zone-3');
    expect(across?.domestic?.zone).toBe('zone-8');
    expect(nearby!.transitDays.max).toBeLessThan(across!.transitDays.max);
    expect(nearby!.shippingTotal.amount).toBeLessThan(across!.shippingTotal.amount);
    expect(from('US-CA-01', '90012')?.domestic?.zone).toBe('zone-4');
  });

  it('gives every reason a service cannot carry it: outside 99minutos’ metro, over its size, loose lithium', () => {
    const result = rateShipment(
      request('MX-CTT-01', 'MX', '44100', {
        parcels: [{ weightGrams: 1200, lengthMm: 600, widthMm: 200, heightMm: 100 }],
        items: [{ quantity: 1, unitValue: { amount: 1990, currency: 'USD' }, hsCode: '8507.60', battery: 'lithium-ion-standalone' }],
      }),
      { at: AT },
    );
    expect(result.quotes).toEqual([]);
    const sameDay = result.ineligible.find((quote) => quote.serviceId === 'domestic-mx-99minutos-same-day');
    expect(sameDay?.reasons.map((reason) => reason.code).sort()).toEqual(['BATTERY_REFUSED', 'OVERSIZE', 'POSTAL_CODE_NOT_SERVED']);
    expect(sameDay?.reasons.find((reason) => reason.code === 'POSTAL_CODE_NOT_SERVED')?.message).toBe(
      '99minutos does not deliver from MX-CTT-01 to 44100 (Jalisco) on this service',
    );
  });

  it('never offers domestic services to an order from China, and a cross-border order keeps its duties', () => {
    const { origin: _origin, ...fromChina } = request('MX-CTT-01', 'MX', '06700');
    const result = rateShipment(fromChina, { at: AT });
    expect(result.origin).toBeUndefined();
    expect(result.quotes.every((quote) => !quote.serviceId.startsWith('domestic-'))).toBe(true);
    expect(result.quotes.every((quote) => quote.dutiesAndTaxes.payer === 'seller')).toBe(true);
  });
});

describe('rating a domestic order', () => {
  it('rates an order for stock in Mexico on the Mexican domestic services, summarised for order.rated v1 with zero duties', () => {
    const order = createOrder(orderInputSchema.parse(mexicoDomesticOrderBody()), { orderId: 'ord_D1', receivedAt: AT.toISOString() });
    const rating = rateOrder(order);
    expect(rating.outcome).toBe('rated');
    const quotes = rating.result?.quotes ?? [];
    expect(quotes.every((quote) => quote.serviceId.startsWith('domestic-mx-'))).toBe(true);
    const summary = summariseQuote(quotes[0]!);
    expect(summary.dutiesAndTaxes.amount).toBe(0);
    // v1 of the event knows only seller and buyer: the seller pays the whole (duty-free) charge.
    expect(summary.dutiesPayer).toBe('seller');
  });

  it('rates an order for stock in Brazil from the São Paulo warehouse', () => {
    const order = createOrder(orderInputSchema.parse(brazilDomesticOrderBody()), { orderId: 'ord_D2', receivedAt: AT.toISOString() });
    const rating = rateOrder(order);
    expect(rating.result?.origin).toEqual({ warehouseCode: 'BR-SP-01' });
    expect(rating.result?.quotes.map((quote) => quote.serviceId)).toEqual(expect.arrayContaining(['domestic-br-loggi', 'domestic-br-correios-pac']));
  });
});
