import { bookInbound, checkCompliance, inboundInputSchema } from '../../../../domain/inbound';
import { warehouseByCode } from '../../../../domain/warehouses';
import { earbuds, inboundBody, MX_WAREHOUSE, tshirts } from '../../../fixtures/inbound';

const DAY = '2026-11-10';
const input = (overrides: Record<string, unknown> = {}) => inboundInputSchema.parse(inboundBody(overrides));
const catalogue = (...products: ReturnType<typeof earbuds>[]) => new Map(products.map((product) => [product.sku, product]));

describe('the inbound compliance gate', () => {
  it('refuses earbuds bound for Mexico without a NOM, naming the SKU, the agency and the fix, and books them once the NOM is on the product', () => {
    // Prepare
    const withoutNom = earbuds();
    const withNom = earbuds({ certificates: [{ country: 'MX', agency: 'NOM', reference: 'NOM-208 + IFT RCPHUBT26-0001' }] });
    const context = { id: 'inb_1', at: `${DAY}T08:00:00.000Z`, warehouse: MX_WAREHOUSE };

    // Act
    const refused = bookInbound(input(), { ...context, products: catalogue(withoutNom, tshirts()) });
    const accepted = bookInbound(input(), { ...context, products: catalogue(withNom, tshirts()) });

    // Assess
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.filter((problem) => problem.severity === 'error')).toEqual([
      expect.objectContaining({
        code: 'CERTIFICATE_REQUIRED',
        sku: 'BT-EARBUDS-X2',
        agency: 'NOM',
        path: 'products.BT-EARBUDS-X2.certificates',
        message: expect.stringContaining('PATCH /v1/products/BT-EARBUDS-X2'),
      }),
    ]);
    expect(accepted).toMatchObject({
      ok: true,
      shipment: {
        status: 'booked',
        lines: [
          { sku: 'BT-EARBUDS-X2', expected: 300 },
          { sku: 'TEE-COTTON-M', expected: 100 },
        ],
      },
    });
  });

  it('reports every problem at once: unknown SKUs, cartons lighter or smaller than their contents, and a certificate past its date', () => {
    const expired = tshirts({ certificates: [{ country: 'MX', agency: 'NOM', reference: 'NOM-004 old', validUntil: '2026-01-31' }] });
    const body = inboundBody({
      values: [
        { sku: 'BT-EARBUDS-X2', unitValue: '4.50' },
        { sku: 'TEE-COTTON-M', unitValue: '2.10' },
        { sku: 'GHOST-1', unitValue: '1.00' },
      ],
      cartons: [
        {
          cartonId: 'A',
          contents: [{ sku: 'BT-EARBUDS-X2', quantity: 100 }],
          grossWeightGrams: 5_000,
          dimensions: { lengthMm: 600, widthMm: 400, heightMm: 300 },
        },
        {
          cartonId: 'B',
          contents: [{ sku: 'TEE-COTTON-M', quantity: 50 }],
          grossWeightGrams: 9_500,
          dimensions: { lengthMm: 100, widthMm: 100, heightMm: 100 },
        },
        { cartonId: 'C', contents: [{ sku: 'GHOST-1', quantity: 5 }], grossWeightGrams: 1_000, dimensions: { lengthMm: 200, widthMm: 200, heightMm: 200 } },
      ],
    });

    const problems = checkCompliance({
      cartons: inboundInputSchema.parse(body).cartons,
      mode: 'air',
      warehouse: MX_WAREHOUSE,
      products: catalogue(earbuds(), expired),
      day: DAY,
    });

    expect(problems.map((problem) => `${problem.code}:${problem.sku ?? problem.path}`)).toEqual([
      'UNKNOWN_SKU:GHOST-1',
      'CARTON_LIGHTER_THAN_CONTENTS:cartons.0.grossWeightGrams',
      'CARTON_SMALLER_THAN_CONTENTS:cartons.1.dimensions',
      'CERTIFICATE_REQUIRED:BT-EARBUDS-X2',
      'CERTIFICATE_REQUIRED:TEE-COTTON-M',
    ]);
  });

  it('checks batteries against the mode: power banks are refused by express, flagged for freighters by air, and declared as class 9 by sea', () => {
    const powerBank = earbuds({
      sku: 'PB-20K',
      description: 'Power bank 20000 mAh',
      hsCode: '8507.60',
      batteryType: 'lithium-ion-standalone',
      certificates: [{ country: 'MX', agency: 'NOM', reference: 'NOM-001' }],
    });
    const body = (mode: string) =>
      inboundInputSchema.parse(
        inboundBody({
          mode,
          values: [{ sku: 'PB-20K', unitValue: '9.00' }],
          cartons: [
            { cartonId: 'P', contents: [{ sku: 'PB-20K', quantity: 20 }], grossWeightGrams: 9_000, dimensions: { lengthMm: 600, widthMm: 400, heightMm: 300 } },
          ],
        }),
      );
    const batteryProblems = (mode: string) =>
      checkCompliance({ cartons: body(mode).cartons, mode: body(mode).mode, warehouse: MX_WAREHOUSE, products: catalogue(powerBank), day: DAY })
        .filter((problem) => problem.code === 'BATTERY_MODE')
        .map((problem) => problem.severity);

    expect(batteryProblems('express')).toEqual(['error']);
    expect(batteryProblems('air')).toEqual(['warning']);
    expect(batteryProblems('sea-lcl')).toEqual(['warning']);
  });

  it('refuses what the target warehouse does not store: standalone batteries in São Paulo, liquids and oversize cartons in New Jersey', () => {
    const powerBank = earbuds({ sku: 'PB-20K', hsCode: '8507.60', batteryType: 'lithium-ion-standalone', category: 'general' });
    const perfume = earbuds({ sku: 'OIL-1', hsCode: '3307.90', batteryType: 'none', category: 'liquid', description: 'Essential oil 10 ml' });
    const cartons = (sku: string, grossWeightGrams = 2_000) =>
      inboundInputSchema.parse(
        inboundBody({
          values: [{ sku, unitValue: '1.00' }],
          cartons: [{ cartonId: 'X', contents: [{ sku, quantity: 10 }], grossWeightGrams, dimensions: { lengthMm: 600, widthMm: 400, heightMm: 300 } }],
        }),
      ).cartons;
    const codes = (warehouse: string, sku: string, products: Map<string, ReturnType<typeof earbuds>>, weight?: number) =>
      checkCompliance({ cartons: cartons(sku, weight), mode: 'sea-lcl', warehouse: warehouseByCode(warehouse)!, products, day: DAY }).map(
        (problem) => problem.code,
      );

    expect(codes('BR-SP-01', 'PB-20K', catalogue(powerBank))).toContain('WAREHOUSE_REFUSES_BATTERIES');
    expect(codes('US-NJ-01', 'OIL-1', catalogue(perfume))).toContain('WAREHOUSE_REFUSES_LIQUIDS');
    expect(codes('US-NJ-01', 'PB-20K', catalogue({ ...powerBank, batteryType: 'none' }), 25_000)).toContain('WAREHOUSE_REFUSES_OVERSIZE');
    expect(codes('US-CA-01', 'OIL-1', catalogue(perfume))).not.toContain('WAREHOUSE_REFUSES_LIQUIDS');
  });

  it('keeps warnings on the booked shipment (a missing Portuguese description in Brazil is the broker’s to translate)', () => {
    const product = earbuds({ localDescriptions: { es: 'Audífonos' }, certificates: [{ country: 'BR', agency: 'ANATEL', reference: '12345-26-01234' }] });
    const result = bookInbound(
      inboundInputSchema.parse(
        inboundBody({ warehouseCode: 'BR-SP-01', values: [{ sku: 'BT-EARBUDS-X2', unitValue: '4.50' }], cartons: [(inboundBody().cartons as object[])[0]] }),
      ),
      {
        id: 'inb_2',
        at: `${DAY}T08:00:00.000Z`,
        warehouse: warehouseByCode('BR-SP-01')!,
        products: catalogue(product),
      },
    );

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.shipment.warnings.map((warning) => warning.code)).toEqual(['LOCAL_DESCRIPTION_MISSING']);
  });
});
