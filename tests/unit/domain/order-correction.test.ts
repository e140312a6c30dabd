import { applyCorrection, orderCorrectionSchema } from '../../../domain/order/order-correction';
import { ANATEL, brOrderBody, orderFrom, VALID_CPF } from '../../fixtures/customs';

const AT = '2026-11-23T09:00:00.000Z';
const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('order correction (PATCH body)', () => {
  it('names every invalid field at once, unknown fields included', () => {
    const result = orderCorrectionSchema.safeParse({
      shipTo: { taxId: { type: 'SSN', value: '' }, name: 'Someone else' },
      items: [
        { sku: 'A', hsCode: '12', unitDeclaredValue: '-1' },
        { sku: 'A', batteryType: 'nuclear' },
      ],
      certificates: [{ agency: 'NASA', reference: 'x' }],
      parcels: [],
    });
    expect(result.success).toBe(false);
    expect(pathsOf(result)).toEqual(
      expect.arrayContaining([
        'shipTo.taxId.type',
        'shipTo.taxId.value',
        'shipTo',
        'items.0.hsCode',
        'items.0.unitDeclaredValue',
        'items.1.batteryType',
        'certificates.0.agency',
        '',
      ]),
    );
    // Duplicate skus are reported once the fields themselves are valid.
    expect(pathsOf(orderCorrectionSchema.safeParse({ items: [{ sku: 'A' }, { sku: 'A' }] }))).toEqual(['items.1.sku']);
  });

  it('refuses a correction that corrects nothing', () => {
    expect(orderCorrectionSchema.safeParse({}).success).toBe(false);
    expect(orderCorrectionSchema.safeParse({ shipTo: {} }).success).toBe(false);
  });

  it('adds a CPF: a new version made now, the tax-id warning from intake gone', () => {
    const order = orderFrom(brOrderBody({ withoutTaxId: true }));
    expect(order.warnings.map((warning) => warning.code)).toContain('RECIPIENT_TAX_ID_MISSING');
    const result = applyCorrection(order, orderCorrectionSchema.parse({ shipTo: { taxId: VALID_CPF } }), { at: AT });
    expect(result).toMatchObject({
      ok: true,
      changed: true,
      order: { version: 2, revisedAt: AT, updatedAt: AT, shipTo: { taxId: VALID_CPF, city: 'São Paulo' } },
    });
    expect(result.ok && result.order.warnings).toEqual([]);
  });

  it('changes only the named items, by sku, and recomputes the declared value', () => {
    const order = orderFrom(brOrderBody());
    const correction = orderCorrectionSchema.parse({
      items: [{ sku: 'PHONE-CASE-14', unitDeclaredValue: '6.00', hsCode: '3926.90.90', category: null, description: 'Silicone phone case' }],
    });
    const result = applyCorrection(order, correction, { at: AT });
    if (!result.ok) throw new Error('expected a corrected order');
    expect(result.order.items[0]).toEqual(order.items[0]);
    expect(result.order.items[1]).toEqual({
      sku: 'PHONE-CASE-14',
      description: 'Silicone phone case',
      quantity: 2,
      unitDeclaredValue: { amount: 600, currency: 'USD' },
      hsCode: '39269090',
      originCountry: 'CN',
      unitWeightGrams: 40,
      dimensions: { lengthMm: 160, widthMm: 80, heightMm: 15 },
      batteryType: 'none',
    });
    expect(result.order.declaredValue).toEqual({ amount: 2490 + 1200, currency: 'USD' });
  });

  it('replaces the certificates on file, and removes them with null', () => {
    const order = orderFrom(brOrderBody());
    const added = applyCorrection(order, orderCorrectionSchema.parse({ certificates: [ANATEL] }), { at: AT });
    expect(added).toMatchObject({ ok: true, changed: true, order: { certificates: [ANATEL] } });
    if (!added.ok) throw new Error('expected a corrected order');
    const removed = applyCorrection(added.order, orderCorrectionSchema.parse({ certificates: null }), { at: AT });
    expect(removed).toMatchObject({ ok: true, changed: true, order: { version: 3 } });
    expect(removed.ok && 'certificates' in removed.order).toBe(false);
  });

  it('removes the tax id with null', () => {
    const result = applyCorrection(orderFrom(brOrderBody()), orderCorrectionSchema.parse({ shipTo: { taxId: null } }), { at: AT });
    expect(result.ok && result.order.shipTo.taxId).toBeUndefined();
    expect(result.ok && result.order.warnings.map((warning) => warning.code)).toEqual(['RECIPIENT_TAX_ID_MISSING']);
  });

  it('reports skus the order does not hold and amounts its currency cannot carry, all together', () => {
    const order = orderFrom(
      brOrderBody({
        body: { currency: 'CLP', items: [{ ...(brOrderBody().items as Record<string, unknown>[])[1], unitDeclaredValue: '4500' }] },
        shipTo: { country: 'CL', state: 'RM', postalCode: '8320000', city: 'Santiago', taxId: undefined },
      }),
    );
    const result = applyCorrection(
      order,
      orderCorrectionSchema.parse({
        items: [{ sku: 'NOPE' }, { sku: 'PHONE-CASE-14', unitDeclaredValue: '4500.50' }],
        certificates: [{ agency: 'ANATEL', reference: 'x', skus: ['GHOST'] }],
      }),
      { at: AT },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: ['items', 0, 'sku'], message: 'the order has no item with sku "NOPE"' },
        { path: ['items', 1, 'unitDeclaredValue'], message: '"4500.50" has more decimals than CLP allows' },
        { path: ['certificates', 0, 'skus', 0], message: 'sku "GHOST" is not among the order\'s items' },
      ],
    });
  });

  it('makes no new version when nothing changes (a retried PATCH)', () => {
    const order = orderFrom(brOrderBody());
    const result = applyCorrection(
      order,
      orderCorrectionSchema.parse({ shipTo: { taxId: order.shipTo.taxId }, items: [{ sku: 'BT-EARBUDS-X2', hsCode: '8518.30' }] }),
      { at: AT },
    );
    expect(result).toEqual({ ok: true, changed: false, order });
  });
});
