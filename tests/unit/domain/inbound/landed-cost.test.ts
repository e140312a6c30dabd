import { calculateLandedCost, LandedCostError, type LandedCostLine } from '../../../../domain/inbound';
import { FX_TABLES } from '../../../../domain/shared/fx-rates';
import { sum } from '../../../../domain/shared/money';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });
const earbuds: LandedCostLine = { sku: 'BT', quantity: 1000, unitValue: usd(450), hsCode: '851830', volumeCm3: 300_000, weightGrams: 60_000 };
const tees: LandedCostLine = { sku: 'TEE', quantity: 100, unitValue: usd(210), hsCode: '610910', volumeCm3: 123_200, weightGrams: 18_000 };

describe('landed cost per unit', () => {
  it('Mexico, by air: FOB + freight + insurance, IGI, DTA, prevalidación and IVA, worked by hand', () => {
    // 1,000 earbuds at USD 4.50, USD 600 freight and USD 45 insurance; FX 18.50 MXN per USD (sandbox table of 2026-11-02).
    const cost = calculateLandedCost({
      country: 'MX',
      mode: 'air',
      lines: [earbuds],
      freight: usd(60_000),
      insurance: usd(4_500),
      customsDay: '2026-11-20',
      fxTables: FX_TABLES,
    });
    const [line] = cost.lines;

    // VA = 83,250.00 + 11,100.00 + 832.50 = 95,182.50; IGI 15% = 14,277.38; DTA 0.8% = 761.46;
    // PRV 350.00; IVA 16% × (95,182.50 + 14,277.38 + 761.46) = 17,635.41; total 128,206.75; per unit 128.21.
    expect(line?.customsValue).toEqual({ amount: 9_518_250, currency: 'MXN' });
    expect(line?.charges.map((charge) => [charge.code, charge.amount.amount])).toEqual([
      ['IGI', 1_427_738],
      ['DTA', 76_146],
      ['PRV', 35_000],
      ['IVA', 1_763_541],
    ]);
    expect(line?.total).toEqual({ amount: 12_820_675, currency: 'MXN' });
    expect(line?.landedUnitCost).toEqual({ amount: 12_821, currency: 'MXN' });
    expect(cost).toMatchObject({
      currency: 'MXN',
      allocationBasis: 'chargeable-weight',
      fx: { table: 'sandbox-2026-11-02', rate: '1 USD = 18.50 MXN', sandbox: true },
      sandbox: true,
    });
    expect(line?.charges.find((charge) => charge.code === 'IVA')?.recoverable).toBe(true);
    expect(cost.notes.some((note) => note.startsWith('IGI headphones and speakers: SANDBOX'))).toBe(true);
  });

  it('shares freight and insurance by volume by sea and by chargeable weight by air, and records which', () => {
    const sea = calculateLandedCost({
      country: 'MX',
      mode: 'sea-lcl',
      lines: [earbuds, tees],
      freight: usd(100_000),
      customsDay: '2026-11-20',
      fxTables: FX_TABLES,
    });
    const air = calculateLandedCost({
      country: 'MX',
      mode: 'air',
      lines: [earbuds, tees],
      freight: usd(100_000),
      customsDay: '2026-11-20',
      fxTables: FX_TABLES,
    });

    // Sea: volumes 300,000 : 123,200 cm³. Air: chargeable 60,000 g (heavier than 300,000/6) : 20,534 g (123,200/6, bulkier than 18,000 g).
    expect(sea.allocationBasis).toBe('volume');
    expect(sea.lines.map((line) => line.freight.amount)).toEqual([1_311_437, 538_563]);
    expect(air.allocationBasis).toBe('chargeable-weight');
    expect(air.lines.map((line) => line.freight.amount)).toEqual([1_378_300, 471_700]);
    for (const cost of [sea, air])
      expect(
        sum(
          'MXN',
          cost.lines.map((line) => line.freight),
        ).amount,
      ).toBe(1_850_000);
  });

  it('Brazil, by sea: II, IPI, PIS, COFINS (with the 2026 additional on apparel), Siscomex, AFRMM and ICMS "por dentro"', () => {
    const cost = calculateLandedCost({ country: 'BR', mode: 'sea-fcl', lines: [tees], freight: usd(20_000), customsDay: '2026-11-20', fxTables: FX_TABLES });
    const charges = Object.fromEntries(cost.lines[0]!.charges.map((charge) => [charge.code, charge.amount.amount]));

    // FOB 210.00 × 5.40 = 1,134.00; freight 1,080.00; VA 2,214.00. II 35% = 774.90; IPI 0%; PIS 2.1% = 46.49;
    // COFINS 10.25% = 226.94; Siscomex 115.67 + 38.56 = 154.23; AFRMM 8% × 1,080 = 86.40;
    // ICMS = (2,214 + 774.90 + 0 + 46.49 + 226.94 + 154.23 + 86.40) × 18/82 = 3,502.96 × 18/82 = 768.94.
    expect(charges).toEqual({ II: 77_490, IPI: 0, PIS: 4_649, COFINS: 22_694, SISCOMEX: 15_423, AFRMM: 8_640, ICMS: 76_894 });
  });

  it('United States: MFN, Section 301 and the surcharge on the entered value (no freight), the MPF minimum per entry, HMF only by sea', () => {
    const sea = calculateLandedCost({ country: 'US', mode: 'sea-lcl', lines: [tees], freight: usd(20_000), customsDay: '2026-11-20', fxTables: FX_TABLES });
    const air = calculateLandedCost({ country: 'US', mode: 'air', lines: [tees], freight: usd(20_000), customsDay: '2026-11-20', fxTables: FX_TABLES });
    const codes = (cost: typeof sea) => Object.fromEntries(cost.lines[0]!.charges.map((charge) => [charge.code, charge.amount.amount]));

    // Entered value 210.00: MFN 16.5% = 34.65; 301 List 4A 7.5% = 15.75; surcharge 0% after 2026-07-24 (uncertain);
    // MPF 0.3464% = 0.73 → the FY2027 minimum 34.45 (sandbox); HMF 0.125% = 0.26 by sea only.
    expect(codes(sea)).toEqual({ DUTY_MFN: 3_465, DUTY_301: 1_575, SURCHARGE: 0, MPF: 3_445, HMF: 26 });
    expect(codes(air)).not.toHaveProperty('HMF');
    expect(sea.lines[0]?.customsValue).toEqual(usd(21_000));
    expect(sea.notes.some((note) => note.includes('expired'))).toBe(true);
  });

  it('uses the rates in effect on the customs day: Section 301 on lithium-ion batteries went from 7.5% to 25% on 2026-01-01', () => {
    const battery: LandedCostLine = { sku: 'PB', quantity: 10, unitValue: usd(1_000), hsCode: '8507600020', volumeCm3: 5_000, weightGrams: 4_000 };
    const on = (day: string) =>
      calculateLandedCost({
        country: 'US',
        mode: 'sea-lcl',
        lines: [battery],
        freight: usd(1_000),
        customsDay: day,
        fxTables: FX_TABLES,
      }).lines[0]!.charges.find((charge) => charge.code === 'DUTY_301')?.amount.amount;
    expect(FX_TABLES.some((table) => table.effectiveFrom <= '2025-12-31')).toBe(false);
    expect(() => on('2025-12-31')).toThrow(/no FX table/);
    expect(on('2026-11-20')).toBe(2_500);
  });

  it('refuses what it cannot cost: a country without a warehouse regime, a shipment without lines', () => {
    expect(() => calculateLandedCost({ country: 'CL', mode: 'air', lines: [earbuds], freight: usd(1), customsDay: '2026-11-20', fxTables: FX_TABLES })).toThrow(
      LandedCostError,
    );
    expect(() => calculateLandedCost({ country: 'MX', mode: 'air', lines: [], freight: usd(1), customsDay: '2026-11-20', fxTables: FX_TABLES })).toThrow(
      LandedCostError,
    );
  });
});
