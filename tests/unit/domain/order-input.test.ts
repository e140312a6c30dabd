import { intakeWarnings } from '../../../domain/order/intake-warnings';
import { createOrder, deriveParcel } from '../../../domain/order/order';
import { orderInputSchema } from '../../../domain/order/order-input';
import { sampleOrderBody, withShipTo } from '../../fixtures/orders';

const withItem = (body: Record<string, unknown>, index: number, change: Record<string, unknown>) => ({
  ...body,
  items: (body.items as Record<string, unknown>[]).map((item, at) => (at === index ? { ...item, ...change } : item)),
});

const problemsOf = (body: unknown) => {
  const result = orderInputSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('order input schema', () => {
  it('accepts the sample order and fills defaults', () => {
    const parsed = orderInputSchema.parse(sampleOrderBody());
    expect(parsed.insured).toBe(false);
    expect(parsed.items[1]!.batteryType).toBe('none');
    expect(parsed.items[0]!.hsCode).toBe('851830');
  });

  it.each([
    ['BR', '01310-200', true],
    ['BR', '01310200', true],
    ['BR', '0131-0200', false],
    ['MX', '06700', true],
    ['MX', '6700', false],
    ['CL', '8320000', true],
    ['CL', '832000', false],
    ['CO', '110111', true],
    ['CO', '11011', false],
    ['PE', '15074', true],
    ['PE', '150740', false],
    ['US', '10001', true],
    ['US', '10001-1234', true],
    ['US', '1000', false],
  ])('checks %s postal code %s (valid: %s)', (country, postalCode, valid) => {
    const problems = problemsOf(withShipTo(sampleOrderBody(), { country, postalCode, taxId: undefined }));
    expect(problems.includes('shipTo.postalCode')).toBe(!valid);
  });

  it.each([
    ['shipTo.name', (body: Record<string, unknown>) => withShipTo(body, { name: 'Ana\uFFFE Souza' }), 'U+FFFE'],
    ['shipTo.streetLines.0', (body: Record<string, unknown>) => withShipTo(body, { streetLines: ['Rua \uFFFF 1'] }), 'U+FFFF'],
    ['shipTo.city', (body: Record<string, unknown>) => withShipTo(body, { city: 'São\u0000Paulo' }), 'U+0000'],
    ['items.0.description', (body: Record<string, unknown>) => withItem(body, 0, { description: 'Earbuds \uD800' }), 'lone surrogate'],
    ['items.1.sku', (body: Record<string, unknown>) => withItem(body, 1, { sku: 'SKU\nNEXT' }), 'U+000A'],
  ])('refuses characters no queue, table or label can carry in %s, naming the field and the character', (path, change, message) => {
    const result = orderInputSchema.safeParse(change(sampleOrderBody()));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) })]);
    expect(result.error!.issues[0]!.message).toContain(message);
  });

  it('takes emoji, RTL and CJK text as it is', () => {
    const parsed = orderInputSchema.parse(withShipTo(sampleOrderBody(), { name: 'محمد 王芳 📦' }));
    expect(parsed.shipTo.name).toBe('محمد 王芳 📦');
  });

  it('refuses an order whose total declared value passes the cap, instead of overflowing (100 items × 10,000 × "999999999.99")', () => {
    const item = (sampleOrderBody().items as Record<string, unknown>[])[0]!;
    const items = Array.from({ length: 100 }, (_, index) => ({ ...item, sku: `SKU-${index}`, quantity: 10_000, unitDeclaredValue: '999999999.99' }));
    const result = orderInputSchema.safeParse(sampleOrderBody({ items, currency: 'COP' }));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['items'], message: expect.stringContaining('at most COP 4000000000.00') })]);
  });

  it('accepts a total declared value exactly at the cap and refuses one minor unit above it', () => {
    const item = (sampleOrderBody().items as Record<string, unknown>[])[0]!;
    const at = orderInputSchema.safeParse(sampleOrderBody({ currency: 'USD', items: [{ ...item, quantity: 2, unitDeclaredValue: '500000.00' }] }));
    const above = orderInputSchema.safeParse(
      sampleOrderBody({
        currency: 'USD',
        items: [
          { ...item, quantity: 2, unitDeclaredValue: '500000.00' },
          { ...item, sku: 'ONE-CENT', quantity: 1, unitDeclaredValue: '0.01' },
        ],
      }),
    );
    expect(at.success).toBe(true);
    expect(above.success).toBe(false);
  });

  it('names every failing field at once', () => {
    const body = withShipTo(sampleOrderBody({ currency: 'EUR', serviceLevel: 'overnight', marketplace: 'ebay' }), { country: 'AR', phone: 'call me' });
    expect(problemsOf(body)).toEqual(expect.arrayContaining(['currency', 'serviceLevel', 'marketplace', 'shipTo.country', 'shipTo.phone']));
  });

  it('rejects malformed HS codes, fractional weights and non-positive quantities per item', () => {
    const body = sampleOrderBody();
    const items = body.items as Record<string, unknown>[];
    items[0] = { ...items[0], hsCode: '85', unitWeightGrams: 12.5, quantity: 0 };
    expect(problemsOf(body)).toEqual(expect.arrayContaining(['items.0.hsCode', 'items.0.unitWeightGrams', 'items.0.quantity']));
  });

  it('requires parcels to hold exactly the ordered units', () => {
    const body = sampleOrderBody({
      parcels: [
        {
          weightGrams: 200,
          dimensions: { lengthMm: 100, widthMm: 100, heightMm: 50 },
          items: [
            { sku: 'BT-EARBUDS-X2', quantity: 1 },
            { sku: 'UNKNOWN', quantity: 1 },
          ],
        },
        { weightGrams: 100, dimensions: { lengthMm: 100, widthMm: 100, heightMm: 50 }, items: [{ sku: 'PHONE-CASE-14', quantity: 1 }] },
      ],
    });
    expect(problemsOf(body)).toEqual(['parcels.0.items.1.sku', 'items.1.quantity']);
  });

  it('rejects an sku listed twice', () => {
    const body = sampleOrderBody();
    const items = body.items as Record<string, unknown>[];
    items[1] = { ...items[1], sku: items[0]!.sku };
    expect(problemsOf(body)).toContain('items.1.sku');
  });

  it('rejects amounts with more decimals than the currency has, and converts the others to minor units once', () => {
    expect(problemsOf(sampleOrderBody({ currency: 'CLP' }))).toEqual(['items.0.unitDeclaredValue', 'items.1.unitDeclaredValue']);
    const whole = orderInputSchema.parse(
      sampleOrderBody({ currency: 'CLP', items: (sampleOrderBody().items as object[]).map((item) => ({ ...item, unitDeclaredValue: '24990' })) }),
    );
    expect(whole.items.map((item) => item.unitDeclaredValue)).toEqual([
      { amount: 24990, currency: 'CLP' },
      { amount: 24990, currency: 'CLP' },
    ]);
    expect(orderInputSchema.parse(sampleOrderBody()).items[0]?.unitDeclaredValue).toEqual({ amount: 2490, currency: 'USD' });
  });

  it('parses the postal code once: its canonical form on the address, the value (number, region) as the destination', () => {
    const input = orderInputSchema.parse(withShipTo(sampleOrderBody(), { postalCode: '01310200' }));
    expect(input.shipTo.postalCode).toBe('01310-200');
    expect(input.destination).toEqual({ country: 'BR', code: '01310-200', number: 1310200, region: { code: 'SP', name: 'São Paulo' } });
    expect(input.shipTo).not.toHaveProperty('postal');
  });
});

describe('createOrder', () => {
  const input = orderInputSchema.parse(sampleOrderBody());

  it('stores amounts in minor units and totals the declared value', () => {
    const order = createOrder(input, { orderId: 'ord_1', receivedAt: '2026-11-22T10:00:00.000Z' });
    expect(order.items.map((item) => item.unitDeclaredValue)).toEqual([
      { amount: 2490, currency: 'USD' },
      { amount: 450, currency: 'USD' },
    ]);
    expect(order.declaredValue).toEqual({ amount: 2490 + 2 * 450, currency: 'USD' });
    expect(order).toMatchObject({ orderId: 'ord_1', status: 'received', version: 1, parcelsDerived: true });
  });

  it('normalises the postal code', () => {
    const order = createOrder(orderInputSchema.parse(withShipTo(sampleOrderBody(), { postalCode: '01310200' })), {
      orderId: 'o',
      receivedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(order.shipTo.postalCode).toBe('01310-200');
  });

  it('derives one parcel from the items: total weight, largest footprint, units stacked', () => {
    const order = createOrder(input, { orderId: 'o', receivedAt: '2026-01-01T00:00:00.000Z' });
    expect(order.parcels).toEqual([
      {
        parcelNumber: 1,
        weightGrams: 180 + 2 * 40,
        dimensions: { lengthMm: 160, widthMm: 90, heightMm: 45 + 2 * 15 },
        items: [
          { sku: 'BT-EARBUDS-X2', quantity: 1 },
          { sku: 'PHONE-CASE-14', quantity: 2 },
        ],
      },
    ]);
  });

  it('leaves a derived parcel without dimensions when an item has none', () => {
    const order = createOrder(input, { orderId: 'o', receivedAt: '2026-01-01T00:00:00.000Z' });
    const parcel = deriveParcel([{ ...order.items[0]!, dimensions: undefined }]);
    expect(parcel.dimensions).toBeUndefined();
    expect(parcel.weightGrams).toBe(180);
  });

  it('keeps marketplace parcels as sent, numbered', () => {
    const parcels = [
      { reference: 'BOX-A', weightGrams: 200, dimensions: { lengthMm: 130, widthMm: 100, heightMm: 50 }, items: [{ sku: 'BT-EARBUDS-X2', quantity: 1 }] },
      { weightGrams: 90, dimensions: { lengthMm: 170, widthMm: 90, heightMm: 35 }, items: [{ sku: 'PHONE-CASE-14', quantity: 2 }] },
    ];
    const order = createOrder(orderInputSchema.parse(sampleOrderBody({ parcels })), { orderId: 'o', receivedAt: '2026-01-01T00:00:00.000Z' });
    expect(order.parcelsDerived).toBe(false);
    expect(order.parcels.map((parcel) => [parcel.parcelNumber, parcel.reference, parcel.weightGrams])).toEqual([
      [1, 'BOX-A', 200],
      [2, undefined, 90],
    ]);
  });
});

describe('intake warnings', () => {
  it('warns when a Brazilian recipient has no CPF/CNPJ: customs will hold the parcel', () => {
    const warnings = intakeWarnings(orderInputSchema.parse(withShipTo(sampleOrderBody(), { taxId: undefined })));
    expect(warnings).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_MISSING', path: 'shipTo.taxId' })]);
  });

  it('warns when the CPF check digits are wrong', () => {
    const warnings = intakeWarnings(orderInputSchema.parse(withShipTo(sampleOrderBody(), { taxId: { type: 'CPF', value: '390.533.447-06' } })));
    expect(warnings).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_CHECK_DIGIT' })]);
  });

  it('has nothing to say about a valid CPF', () => {
    expect(intakeWarnings(orderInputSchema.parse(sampleOrderBody()))).toEqual([]);
  });
});
