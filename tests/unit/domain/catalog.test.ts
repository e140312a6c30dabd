import { certificateFor, createProduct, patchProduct, productInputSchema, productPatchSchema } from '../../../domain/catalog';
import { isReceivingAt, localTime, warehouseByCode, WAREHOUSES } from '../../../domain/warehouses';
import { earbuds } from '../../fixtures/inbound';

describe('products', () => {
  it('names every problem of a new product at once: unknown fields, an HS code, a carton lighter than its units, two certificates from one agency', () => {
    const parsed = productInputSchema.safeParse({
      sellerId: 'seller-a',
      sku: 'BT-1',
      description: 'Earbuds',
      hsCode: '85',
      originCountry: 'CN',
      category: 'electronics',
      unitWeightGrams: 60,
      unitDimensions: { lengthMm: 90, widthMm: 60, heightMm: 35 },
      carton: { unitsPerCarton: 100, grossWeightGrams: 5_000, dimensions: { lengthMm: 600, widthMm: 400, heightMm: 300 } },
      certificates: [
        { country: 'MX', agency: 'NOM', reference: 'A' },
        { country: 'MX', agency: 'NOM', reference: 'B' },
      ],
      colour: 'black',
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.') || issue.code)).toEqual([
      'hsCode',
      'unrecognized_keys',
      'carton.grossWeightGrams',
      'certificates.1',
    ]);
  });

  it('applies a merge patch: replaces certificates, removes a local description with null, bumps the version only when something changed', () => {
    const product = earbuds();
    const patch = productPatchSchema.parse({
      certificates: [{ country: 'MX', agency: 'NOM', reference: 'NOM-208 + IFT', validUntil: '2027-12-31' }],
      localDescriptions: { pt: null },
    });
    const result = patchProduct(product, patch, '2026-11-20T00:00:00.000Z');
    expect(result).toMatchObject({
      ok: true,
      changed: true,
      product: { version: 2, updatedAt: '2026-11-20T00:00:00.000Z', localDescriptions: { es: 'Audífonos inalámbricos Bluetooth con estuche de carga' } },
    });
    if (!result.ok) return;
    expect(result.product.localDescriptions).not.toHaveProperty('pt');
    expect(certificateFor(result.product, 'MX', 'NOM', '2027-12-31')?.reference).toBe('NOM-208 + IFT');
    expect(certificateFor(result.product, 'MX', 'NOM', '2028-01-01')).toBeUndefined();
    const again = patchProduct(result.product, patch, '2026-11-21T00:00:00.000Z');
    expect(again).toMatchObject({ ok: true, changed: false, product: { version: 2 } });
    expect(patchProduct(product, productPatchSchema.parse({ unitWeightGrams: 500 }), 'x')).toMatchObject({
      ok: false,
      problems: [{ path: ['carton', 'grossWeightGrams'] }],
    });
    expect(productPatchSchema.safeParse({}).success).toBe(false);
  });

  it('creates a product at a given time, version 1', () => {
    const { createdAt: _createdAt, updatedAt: _updatedAt, version: _version, ...body } = earbuds();
    const input = productInputSchema.parse({ ...body, certificates: [] });
    expect(createProduct(input, '2026-11-01T00:00:00.000Z')).toMatchObject({ version: 1, createdAt: '2026-11-01T00:00:00.000Z', certificates: [] });
  });
});

describe('warehouses as data', () => {
  it('has a Mexico City, a São Paulo and a US warehouse, each marked sandbox, each with its time zone', () => {
    expect(WAREHOUSES.map((warehouse) => warehouse.country)).toEqual(expect.arrayContaining(['MX', 'BR', 'US']));
    for (const warehouse of WAREHOUSES) {
      expect(warehouse.provenance.sandbox).toBe(true);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: warehouse.timeZone })).not.toThrow();
    }
  });

  it('receives inside its local hours only: Tepotzotlán on a Saturday morning, not on a Saturday afternoon or a Sunday', () => {
    const mexico = warehouseByCode('MX-CTT-01')!;
    expect(localTime(mexico, new Date('2026-11-21T15:00:00Z'))).toEqual({ weekday: 6, time: '09:00', date: '2026-11-21' });
    expect(isReceivingAt(mexico, new Date('2026-11-21T15:00:00Z'))).toBe(true);
    expect(isReceivingAt(mexico, new Date('2026-11-21T20:00:00Z'))).toBe(false);
    expect(isReceivingAt(mexico, new Date('2026-11-22T16:00:00Z'))).toBe(false);
    expect(warehouseByCode('XX-00')).toBeUndefined();
  });
});
