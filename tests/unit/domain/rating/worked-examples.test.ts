/**
 * Worked examples, one per destination, each computed by hand below and tied to the rule it uses.
 *
 * Common to all: quote date 2026-11-22, quoted in USD.
 * - FX (sandbox-2026-11-02, illustrative): 1 USD = 7.10 CNY = 5.40 BRL = 18.50 MXN = 940 CLP = 3900 COP = 3.60 PEN.
 * - Parcel: 1.2 kg, 30 × 25 × 10 cm = 7,500,000 mm³ → volumetric 1,250 g at /6000, 1,500 g at /5000.
 * - Goods (except Lima): 2 cotton T-shirts at US$20.00, HS 6109.10 → FOB US$40.00.
 * - Service: each lane's standard service; fuel 9.5% of line-haul from 2026-11-01.
 * - Every amount is computed in the card's currency, rounded half away from zero to its minor unit,
 *   then converted to USD and rounded again; "freight" for customs is line-haul + fuel + last mile
 *   (+ surcharges), each converted to USD; clearance and DDP fees are services, not freight.
 */
import type { EligibleQuote, FeeLine, RatingRequest } from '../../../../domain/rating';
import { rateShipment } from '../../../../domain/rating';
import { findQuote, PARCEL_1200G, QUOTE_DATE, request, TSHIRTS, usd } from './fixtures';

const rate = (req: RatingRequest, serviceId: string): EligibleQuote => findQuote(rateShipment(req, { at: QUOTE_DATE }).quotes, serviceId);
const amounts = (lines: readonly FeeLine[]): [string, number][] => lines.map((l) => [l.code, l.amount.amount]);

describe('São Paulo (01310-100, SP) — enlace-standard-br 2026.11, Remessa Conforme seller, DDP', () => {
  /*
   * Chargeable: max(1,200, 1,250) = 1,250 g → up to 100 g = 1,300 g.
   * Line-haul: 1.3 × CNY 96.00 + 22.00 = CNY 146.80 (next break at 2 kg: 2 × 89 + 22 = 200.00, dearer) → /7.10 = 20.676 → USD 20.68.
   * Fuel: 9.5% × 146.80 = 13.946 → CNY 13.95 → /7.10 = 1.9648 → USD 1.96.
   * Last mile (Jadlog): 1.3 kg in the 1–3 kg break, flat BRL 19.90 → /5.40 = 3.6852 → USD 3.69.
   * Clearance: BRL 18.00 → /5.40 = 3.3333 → USD 3.33.
   * Customs value (Portaria MF 1.086/2024: goods + freight + insurance): 40.00 + (20.68 + 1.96 + 3.69) = USD 66.33.
   * II (Remessa Conforme, VA > 50): 60% × 66.33 = 39.798 → 39.80 − 20.00 = USD 19.80.
   * ICMS (SP 17%, por dentro, Convênio 81/2023): (66.33 + 19.80) × 17/83 = 86.13 × 0.204819… = 17.641 → USD 17.64.
   * Duties and taxes: 19.80 + 17.64 = 37.44. DDP fee: max(2% × 37.44 = 0.75, 1.00) = USD 1.00.
   * Shipping: 20.68 + 1.96 + 3.69 + 3.33 + 1.00 = 30.66. Landed: 40.00 + 30.66 + 37.44 = USD 108.10.
   */
  const quote = rate(request('BR', { seller: { remessaConforme: true } }), 'enlace-standard-br');

  it('prices every line as computed by hand', () => {
    expect(quote.rateCard.version).toBe('2026.11');
    expect(quote.parcels[0]?.chargeableWeightGrams).toBe(1300);
    expect(amounts(quote.lines)).toEqual([
      ['LINE_HAUL', 2068],
      ['FUEL_SURCHARGE', 196],
      ['LAST_MILE', 369],
      ['CUSTOMS_CLEARANCE', 333],
      ['DDP_SERVICE', 100],
    ]);
    expect(quote.lines[0]?.original).toEqual({ amount: 14_680, currency: 'CNY' });
    expect(quote.lines[0]?.basis).toContain('1.300 kg × CNY 96.00/kg + CNY 22.00 per parcel');
  });

  it('computes II and ICMS under the Remessa Conforme rule', () => {
    expect(quote.dutiesAndTaxes.ruleId).toBe('br-rts-conforme-2025-04-01');
    expect(quote.dutiesAndTaxes.customsValue.cif).toEqual(usd(6633));
    expect(amounts(quote.dutiesAndTaxes.lines)).toEqual([
      ['BR.II', 1980],
      ['BR.ICMS', 1764],
    ]);
  });

  it('totals', () => {
    expect(quote.shippingTotal).toEqual(usd(3066));
    expect(quote.dutiesAndTaxes.total).toEqual(usd(3744));
    expect(quote.landedCost).toEqual(usd(10_810));
    expect(quote.dutiesAndTaxes.payer).toBe('seller');
  });
});

describe('Mexico City (06600) — enlace-standard-mx (Estafeta, /5000), insured, DDP', () => {
  /*
   * Chargeable: max(1,200, 1,500) = 1,500 g (already a multiple of 100 g).
   * Line-haul: 1.5 × CNY 70.00 + 18.00 = CNY 123.00 (2 kg break minimum: 2 × 65 + 18 = 148.00, dearer) → /7.10 = 17.324 → USD 17.32.
   * Fuel: 9.5% × 123.00 = 11.685 → CNY 11.69 (an exact half, rounded away from zero) → /7.10 = 1.6465 → USD 1.65.
   * Last mile (Estafeta): 1.5 kg in the 1–5 kg break, flat MXN 149.00 → /18.50 = 8.0541 → USD 8.05.
   * Insurance: max(1% × 40.00 = 0.40, minimum 1.00) = USD 1.00.
   * Clearance: MXN 45.00 → /18.50 = 2.4324 → USD 2.43.
   * Customs value (taken as CIF, see the rule's uncertainty): 40.00 + (17.32 + 1.65 + 8.05) + 1.00 = USD 68.02.
   * Global rate (RGCE 3.7.35, 33.5% for non-treaty origin since 2025-08-15): 33.5% × 68.02 = 22.7867 → USD 22.79.
   * DDP fee: max(2% × 22.79 = 0.46, 1.00) = USD 1.00.
   * Shipping: 17.32 + 1.65 + 8.05 + 1.00 + 2.43 + 1.00 = 31.45. Landed: 40.00 + 31.45 + 22.79 = USD 94.24.
   */
  const quote = rate(request('MX', { insured: true }), 'enlace-standard-mx');

  it('prices every line as computed by hand', () => {
    expect(quote.chargeableWeightGrams).toBe(1500);
    expect(amounts(quote.lines)).toEqual([
      ['LINE_HAUL', 1732],
      ['FUEL_SURCHARGE', 165],
      ['LAST_MILE', 805],
      ['INSURANCE', 100],
      ['CUSTOMS_CLEARANCE', 243],
      ['DDP_SERVICE', 100],
    ]);
    expect(quote.lines[1]?.original).toEqual({ amount: 1169, currency: 'CNY' });
  });

  it('applies the 33.5% global rate to the CIF value', () => {
    expect(quote.dutiesAndTaxes.customsValue).toEqual({ fob: usd(4000), freight: usd(2702), insurance: usd(100), cif: usd(6802) });
    expect(amounts(quote.dutiesAndTaxes.lines)).toEqual([['MX.GLOBAL', 2279]]);
  });

  it('totals', () => {
    expect(quote.shippingTotal).toEqual(usd(3145));
    expect(quote.landedCost).toEqual(usd(9424));
  });
});

describe('Santiago (8320000) — enlace-standard-cl, SII-registered platform, DDP', () => {
  /*
   * Chargeable: 1,250 g → 1,300 g.
   * Line-haul: 1.3 × CNY 118.00 + 24.00 = CNY 177.40 → /7.10 = 24.986 → USD 24.99.
   * Fuel: 9.5% × 177.40 = 16.853 → CNY 16.85 → /7.10 = 2.3732 → USD 2.37.
   * Last mile (Blue Express): flat CLP 5,490 (CLP has no decimals) → /940 = 5.8404 → USD 5.84.
   * Clearance: CLP 2,000 → /940 = 2.1277 → USD 2.13.
   * Registered platform, FOB 40.00 ≤ 500 (Ley 21.713): IVA 19% on product + shipping = 19% × (40.00 + 24.99 + 2.37 + 5.84 = 73.20) = 13.908 → USD 13.91.
   * DDP fee: max(2% × 13.91 = 0.28, 1.00) = 1.00.
   * Shipping: 24.99 + 2.37 + 5.84 + 2.13 + 1.00 = 36.33. Landed: 40.00 + 36.33 + 13.91 = USD 90.24.
   */
  const quote = rate(request('CL', { seller: { chileVatRegistered: true } }), 'enlace-standard-cl');

  it('prices every line as computed by hand', () => {
    expect(amounts(quote.lines)).toEqual([
      ['LINE_HAUL', 2499],
      ['FUEL_SURCHARGE', 237],
      ['LAST_MILE', 584],
      ['CUSTOMS_CLEARANCE', 213],
      ['DDP_SERVICE', 100],
    ]);
    expect(quote.lines[2]?.original).toEqual({ amount: 5490, currency: 'CLP' });
  });

  it('charges only IVA under the registered-platform rule', () => {
    expect(quote.dutiesAndTaxes.ruleId).toBe('cl-registered-platform-2025-10-25');
    expect(amounts(quote.dutiesAndTaxes.lines)).toEqual([['CL.IVA', 1391]]);
  });

  it('totals', () => {
    expect(quote.shippingTotal).toEqual(usd(3633));
    expect(quote.landedCost).toEqual(usd(9024));
  });
});

describe('Bogotá (110111) — enlace-standard-co, DDU (the buyer pays on delivery)', () => {
  /*
   * Chargeable: 1,300 g.
   * Line-haul: 1.3 × CNY 113.00 + 24.00 = CNY 170.90 → /7.10 = 24.070 → USD 24.07.
   * Fuel: 9.5% × 170.90 = 16.2355 → CNY 16.24 → /7.10 = 2.2873 → USD 2.29.
   * Last mile (Servientrega): flat COP 17,900.00 → /3900 = 4.5897 → USD 4.59.
   * Clearance: COP 10,000.00 → /3900 = 2.5641 → USD 2.56.
   * Decreto 1090/2020: FOB 40.00 ≤ 200 → no arancel (0.00). IVA 19% (China origin, no exemption) on
   * CIF = 40.00 + 24.07 + 2.29 + 4.59 = 70.95 → 13.4805 → USD 13.48.
   * DDU: no DDP fee. Shipping (seller): 24.07 + 2.29 + 4.59 + 2.56 = 33.51. Buyer on delivery: 13.48 (estimate).
   * Landed: 40.00 + 33.51 + 13.48 = USD 86.99.
   */
  const quote = rate(request('CO', { incoterm: 'DDU' }), 'enlace-standard-co');

  it('prices every line as computed by hand, without a DDP fee', () => {
    expect(amounts(quote.lines)).toEqual([
      ['LINE_HAUL', 2407],
      ['FUEL_SURCHARGE', 229],
      ['LAST_MILE', 459],
      ['CUSTOMS_CLEARANCE', 256],
    ]);
  });

  it('shows the duty exemption and the IVA estimate, payable by the buyer', () => {
    expect(amounts(quote.dutiesAndTaxes.lines)).toEqual([
      ['CO.ARANCEL', 0],
      ['CO.IVA', 1348],
    ]);
    expect(quote.dutiesAndTaxes).toMatchObject({ payer: 'buyer', estimate: true });
    expect(quote.buyerPaysOnDelivery).toEqual(usd(1348));
    expect(quote.sellerPays).toEqual(usd(3351));
    expect(quote.landedCost).toEqual(usd(8699));
  });
});

describe('Lima (15001) — enlace-standard-pe, headphones with a built-in battery, US$250, DDP', () => {
  /*
   * Goods: 1 pair of Bluetooth headphones, US$250.00, HS 8518.30, lithium-ion in equipment (the standard line takes it).
   * Chargeable: 1,300 g.
   * Line-haul: 1.3 × CNY 115.00 + 24.00 = CNY 173.50 → /7.10 = 24.437 → USD 24.44.
   * Fuel: 9.5% × 173.50 = 16.4825 → CNY 16.48 → /7.10 = 2.3211 → USD 2.32.
   * Last mile (Olva): flat PEN 16.00 → /3.60 = 4.4444 → USD 4.44.
   * Battery surcharge: CNY 8.00 → /7.10 = 1.1268 → USD 1.13.
   * Clearance: PEN 12.00 → /3.60 = 3.3333 → USD 3.33.
   * FOB 250.00 > 200 (LGA art. 147(m) exemption does not apply). CIF = 250.00 + 24.44 + 2.32 + 4.44 + 1.13 = 282.33.
   * Ad valorem 4% × 282.33 = 11.2932 → 11.29. IGV 16% × (282.33 + 11.29 = 293.62) = 46.9792 → 46.98.
   * IPM 2% × 293.62 = 5.8724 → 5.87. Total 64.14. DDP fee: max(2% × 64.14 = 1.2828 → 1.28, 1.00) = USD 1.28.
   * Shipping: 24.44 + 2.32 + 4.44 + 1.13 + 3.33 + 1.28 = 36.94. Landed: 250.00 + 36.94 + 64.14 = USD 351.08.
   */
  const headphones = { quantity: 1, unitValue: usd(25_000), hsCode: '8518.30', category: 'electronics', battery: 'lithium-ion-in-equipment' } as const;
  const result = rateShipment(request('PE', { items: [headphones] }), { at: QUOTE_DATE });
  const quote = findQuote(result.quotes, 'enlace-standard-pe');

  it('prices every line as computed by hand, with the battery surcharge', () => {
    expect(amounts(quote.lines)).toEqual([
      ['LINE_HAUL', 2444],
      ['FUEL_SURCHARGE', 232],
      ['LAST_MILE', 444],
      ['BATTERY_SURCHARGE', 113],
      ['CUSTOMS_CLEARANCE', 333],
      ['DDP_SERVICE', 128],
    ]);
  });

  it('applies 4% then IGV and IPM on CIF + duty', () => {
    expect(amounts(quote.dutiesAndTaxes.lines)).toEqual([
      ['PE.AD_VALOREM', 1129],
      ['PE.IGV', 4698],
      ['PE.IPM', 587],
    ]);
    expect(quote.shippingTotal).toEqual(usd(3694));
    expect(quote.landedCost).toEqual(usd(35_108));
  });

  it('refuses the battery on the economy (general-cargo) line', () => {
    const economy = result.ineligible.find((i) => i.serviceId === 'enlace-economy-pe');
    expect(economy?.reasons.map((r) => r.code)).toEqual(['BATTERY_REFUSED']);
  });
});

describe('New York (10001) — enlace-standard-us (UPS, /5000), DDP', () => {
  /*
   * Chargeable: max(1,200, 1,500) = 1,500 g.
   * Line-haul: 1.5 × CNY 77.00 + 20.00 = CNY 135.50 → /7.10 = 19.085 → USD 19.08.
   * Fuel: 9.5% × 135.50 = 12.8725 → CNY 12.87 → /7.10 = 1.8127 → USD 1.81.
   * Last mile (UPS Ground): 1.5 kg in the 1 lb–5 lb break, flat USD 13.20. Clearance USD 2.50.
   * Duties on FOB, no de minimis (suspended for China since 2025-05-02), rule for dates after
   * 2026-07-24 (an unverified assumption: Section 122 terms carried forward):
   *   MFN (indicative ch. 61) 16.5% × 40.00 = 6.60; Section 301 (List 4A) 7.5% × 40.00 = 3.00; surcharge 10% × 40.00 = 4.00 → 13.60.
   * DDP fee: max(2% × 13.60 = 0.27, 1.00) = 1.00.
   * Shipping: 19.08 + 1.81 + 13.20 + 2.50 + 1.00 = 37.59. Landed: 40.00 + 37.59 + 13.60 = USD 91.19.
   */
  const quote = rate(request('US'), 'enlace-standard-us');

  it('prices every line as computed by hand', () => {
    expect(amounts(quote.lines)).toEqual([
      ['LINE_HAUL', 1908],
      ['FUEL_SURCHARGE', 181],
      ['LAST_MILE', 1320],
      ['CUSTOMS_CLEARANCE', 250],
      ['DDP_SERVICE', 100],
    ]);
    expect(quote.lines[2]?.original).toBeUndefined();
  });

  it('charges MFN, Section 301 and the surcharge, and warns that the rule is unverified', () => {
    expect(amounts(quote.dutiesAndTaxes.lines)).toEqual([
      ['US.MFN', 660],
      ['US.S301', 300],
      ['US.SURCHARGE', 400],
    ]);
    expect(quote.warnings.some((w) => w.includes('unverified'))).toBe(true);
    expect(quote.landedCost).toEqual(usd(9119));
  });
});

describe('the same parcel in several parcels', () => {
  it('prices parcel by parcel: two parcels cost two line-hauls, and one clearance', () => {
    const single = rate(request('BR', { seller: { remessaConforme: true } }), 'enlace-standard-br');
    const double = rate(request('BR', { seller: { remessaConforme: true }, parcels: [PARCEL_1200G, PARCEL_1200G], items: [TSHIRTS] }), 'enlace-standard-br');
    expect(double.parcels).toHaveLength(2);
    expect(double.chargeableWeightGrams).toBe(2600);
    expect(double.parcels[1]?.subtotal).toEqual(single.parcels[0]?.subtotal);
    expect(double.lines.filter((l) => l.code === 'LINE_HAUL').map((l) => l.parcelIndex)).toEqual([0, 1]);
    expect(double.lines.filter((l) => l.code === 'CUSTOMS_CLEARANCE')).toHaveLength(1);
  });
});
