import fc from 'fast-check';
import type { EligibleQuote, RatingRequest } from '../../../../domain/rating';
import { isDomesticCard, RATE_CARDS, rateShipment } from '../../../../domain/rating';
import { add } from '../../../../domain/shared/money';
import { postalCodeOf } from '../../../../domain/shared/postal-codes';
import { parcelArb, QUOTE_DATE, requestArb, sumAmounts } from './fixtures';
import { expectEvery } from '../../../setup/assertions';

const at = QUOTE_DATE;

function checkQuote(quote: EligibleQuote, req: RatingRequest): void {
  const currency = quote.currency;
  for (const l of [...quote.lines, ...quote.dutiesAndTaxes.lines]) expect(l.amount.currency).toBe(currency);
  // Totals equal the sum of lines, at every level.
  expect(quote.shippingTotal.amount).toBe(sumAmounts(quote.lines.map((l) => l.amount)));
  expect(quote.dutiesAndTaxes.total.amount).toBe(sumAmounts(quote.dutiesAndTaxes.lines.map((l) => l.amount)));
  for (const parcel of quote.parcels) {
    expect(parcel.subtotal.amount).toBe(sumAmounts(parcel.lines.map((l) => l.amount)));
    expectEvery(parcel.lines, (l) => l.parcelIndex === parcel.index);
  }
  const shipmentLevel = quote.lines.filter((l) => l.parcelIndex === undefined);
  expect(sumAmounts(quote.parcels.map((p) => p.subtotal)) + sumAmounts(shipmentLevel.map((l) => l.amount))).toBe(quote.shippingTotal.amount);
  expect(quote.totalCharges).toEqual(add(quote.shippingTotal, quote.dutiesAndTaxes.total));
  expect(quote.landedCost).toEqual(add(quote.goodsValue, quote.totalCharges));
  expect(add(add(quote.sellerPays, quote.buyerPaysOnDelivery), quote.buyerPaidAtCheckout)).toEqual(quote.totalCharges);
  // Collected at checkout or on delivery, never both, never told to pay twice.
  expect(quote.buyerPaysOnDelivery.amount === 0 || quote.buyerPaidAtCheckout.amount === 0).toBe(true);
  // Chargeable weight ≥ actual, per parcel and in total.
  quote.parcels.forEach((p, i) => {
    expect(p.actualWeightGrams).toBe(req.parcels[i]?.weightGrams);
    expect(p.chargeableWeightGrams).toBeGreaterThanOrEqual(p.actualWeightGrams);
  });
  expect(quote.chargeableWeightGrams).toBe(quote.parcels.reduce((acc, p) => acc + p.chargeableWeightGrams, 0));
  // No negative charges.
  for (const l of [...quote.lines, ...quote.dutiesAndTaxes.lines]) expect(l.amount.amount).toBeGreaterThanOrEqual(0);
  // Incoterm decides who pays the duties.
  expect(quote.dutiesAndTaxes.payer).toBe(req.incoterm === 'DDP' ? 'seller' : 'buyer');
}

/** Every service id of a lane from China, sorted: several last-mile carriers per service level since smart routing. */
function laneServiceIds(country: RatingRequest['destination']['country']): string[] {
  return [...new Set(RATE_CARDS.filter((c) => c.destination === country && !isDomesticCard(c)).map((c) => c.serviceId))].sort();
}

/** A domestic service is rated from one of its warehouses (the first it lists); a cross-border one from China. */
function originOf(serviceId: string): Pick<RatingRequest, 'origin'> {
  const card = RATE_CARDS.find((c) => c.serviceId === serviceId);
  const warehouse = card && isDomesticCard(card) ? Object.keys(card.zones.byWarehouse)[0] : undefined;
  return warehouse === undefined ? {} : { origin: { warehouseCode: warehouse } };
}

/** The lane a service belongs to (ids no longer end in the country code: enlace-standard-mx-99minutos). */
function countryOf(serviceId: string): RatingRequest['destination']['country'] {
  const card = RATE_CARDS.find((c) => c.serviceId === serviceId);
  if (!card) throw new Error(`unknown service ${serviceId}`);
  return card.destination;
}

describe('rating invariants (fast-check)', () => {
  it('every quote: totals = sum of lines, chargeable ≥ actual, payer follows the incoterm, all in the quote currency', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const result = rateShipment(req, { at });
        expect(result.currency).toBe(req.quoteCurrency ?? 'USD');
        for (const quote of result.quotes) checkQuote(quote, req);
        // Every service of the lane is answered exactly once.
        const ids = [...result.quotes, ...result.ineligible].map((q) => q.serviceId).sort();
        expect(ids).toEqual(laneServiceIds(req.destination.country));
        for (const entry of result.ineligible) expect(entry.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes come sorted by total, then transit time, then id, and rating is deterministic', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const first = rateShipment(req, { at });
        const second = rateShipment(req, { at });
        expect(second).toEqual(first);
        for (let i = 1; i < first.quotes.length; i++) {
          const a = first.quotes[i - 1];
          const b = first.quotes[i];
          if (!a || !b) continue;
          const key = (q: EligibleQuote) => [q.totalCharges.amount, q.transitDays.max, q.transitDays.min] as const;
          const [ta, ma, na] = key(a);
          const [tb, mb, nb] = key(b);
          const ordered = ta < tb || (ta === tb && (ma < mb || (ma === mb && (na < nb || (na === nb && a.serviceId < b.serviceId)))));
          expect(ordered).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  const serviceIds = [...new Set(RATE_CARDS.map((c) => c.serviceId))];

  it('more weight never costs less on the same card (shipping and total charges)', () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom(...serviceIds), parcelArb(30_000), fc.integer({ min: 0, max: 10_000 }), (base, serviceId, parcel, extra) => {
        const country = countryOf(serviceId);
        const postal = { BR: '01310-100', MX: '06600', CL: '8320000', CO: '110111', PE: '15001', US: '10001' }[country];
        const req: RatingRequest = { ...base, ...originOf(serviceId), destination: postalCodeOf(country, postal), parcels: [parcel] };
        const heavier: RatingRequest = { ...req, parcels: [{ ...parcel, weightGrams: parcel.weightGrams + extra }] };
        const light = rateShipment(req, { at, serviceIds: [serviceId] }).quotes[0];
        const heavy = rateShipment(heavier, { at, serviceIds: [serviceId] }).quotes[0];
        fc.pre(light !== undefined && heavy !== undefined);
        if (!light || !heavy) return;
        expect(heavy.shippingTotal.amount).toBeGreaterThanOrEqual(light.shippingTotal.amount);
        expect(heavy.totalCharges.amount).toBeGreaterThanOrEqual(light.totalCharges.amount);
      }),
      { numRuns: 500 },
    );
  });

  it('more weight never costs less, shown exhaustively in 10 g steps on every card for a small box', () => {
    for (const serviceId of serviceIds) {
      const country = countryOf(serviceId);
      const postal = { BR: '01310-100', MX: '06600', CL: '8320000', CO: '110111', PE: '15001', US: '10001' }[country];
      let previous = -1;
      for (let grams = 10; grams <= 2000; grams += 10) {
        const req: RatingRequest = {
          ...originOf(serviceId),
          destination: postalCodeOf(country, postal),
          parcels: [{ weightGrams: grams, lengthMm: 200, widthMm: 150, heightMm: 100 }],
          items: [{ quantity: 1, unitValue: { amount: 3000, currency: 'USD' }, hsCode: '950300', battery: 'none' }],
          incoterm: 'DDP',
        };
        const quote = rateShipment(req, { at, serviceIds: [serviceId] }).quotes[0];
        expect(quote).toBeDefined();
        const total = quote?.shippingTotal.amount ?? 0;
        expect(total).toBeGreaterThanOrEqual(previous);
        previous = total;
      }
    }
  });
});
