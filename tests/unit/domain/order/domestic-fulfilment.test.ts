import { createOrder, fulfilmentWarehouse, intakeWarnings, isDomesticFulfilment, orderInputSchema } from '../../../../domain/order';
import { brazilDomesticOrderBody, mexicoDomesticOrderBody, NFE_KEY } from '../../../fixtures/domestic-orders';
import { sampleOrderBody } from '../../../fixtures/orders';

const issuesOf = (body: Record<string, unknown>) => {
  const parsed = orderInputSchema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('isDomesticFulfilment: one predicate for intake, rating, routing and customs', () => {
  it.each([
    ['a destination warehouse in the buyer’s country', { warehouseCode: 'MX-CTT-01' }, 'MX', true],
    ['the Brazil warehouse to a Brazilian buyer', { warehouseCode: 'BR-SP-01' }, 'BR', true],
    ['either US warehouse to a US buyer', { warehouseCode: 'US-NJ-01' }, 'US', true],
    ['a destination warehouse in another country', { warehouseCode: 'MX-CTT-01' }, 'US', false],
    ['an origin warehouse in China', { warehouseCode: 'SZX-01' }, 'MX', false],
    ['a Chinese city', { city: 'Shenzhen', country: 'CN' }, 'BR', false],
  ] as const)('%s → %s', (_, shipFrom, country, domestic) => {
    const order = { shipFrom, shipTo: { country } };
    expect(isDomesticFulfilment(order)).toBe(domestic);
    expect(fulfilmentWarehouse(order)?.country).toBe(domestic ? country : undefined);
  });
});

describe('intake warnings on a domestic order', () => {
  it('warns of no customs hold: a domestic parcel meets no customs (the same recipient from China is warned)', () => {
    const body = brazilDomesticOrderBody();
    const { taxId: _taxId, ...withoutCpf } = body.shipTo as Record<string, unknown>;
    expect(intakeWarnings(orderInputSchema.parse({ ...body, shipTo: withoutCpf }))).toEqual([]);
    const fromChina = orderInputSchema.parse({ ...body, shipTo: withoutCpf, shipFrom: { warehouseCode: 'SZX-01' } });
    expect(intakeWarnings(fromChina).map((warning) => warning.code)).toEqual(['RECIPIENT_TAX_ID_MISSING']);
  });
});

describe('the NF-e access key on a domestic order in Brazil', () => {
  it('is required, and the 400 names documents.nfeAccessKey', () => {
    const { documents: _documents, ...withoutKey } = brazilDomesticOrderBody();
    expect(issuesOf(withoutKey)).toEqual([{ path: 'documents.nfeAccessKey', message: expect.stringContaining('BR-SP-01') }]);
  });

  it('is validated: a wrong key is named with the reason, together with the order’s other problems', () => {
    const body = brazilDomesticOrderBody({ documents: { nfeAccessKey: `${NFE_KEY.slice(0, 43)}4` }, serviceLevel: 'overnight' });
    const issues = issuesOf(body);
    expect(issues.map((issue) => issue.path).sort()).toEqual(['documents.nfeAccessKey', 'serviceLevel']);
    expect(issues.find((issue) => issue.path === 'documents.nfeAccessKey')?.message).toMatch(/check digit/);
  });

  it('is kept on the order, in its compact form', () => {
    const input = orderInputSchema.parse(brazilDomesticOrderBody({ documents: { nfeAccessKey: NFE_KEY.replace(/(\d{4})/g, '$1 ').trim() } }));
    const order = createOrder(input, { orderId: 'ord_1', receivedAt: '2026-12-05T12:00:00.000Z' });
    expect(order.documents).toEqual({ nfeAccessKey: NFE_KEY });
  });

  it('is not required for a cross-border order to Brazil, nor for a domestic order in Mexico', () => {
    expect(issuesOf(sampleOrderBody())).toEqual([]);
    expect(issuesOf(mexicoDomesticOrderBody())).toEqual([]);
  });

  it('refuses unknown fields under documents', () => {
    expect(issuesOf(brazilDomesticOrderBody({ documents: { nfeAccessKey: NFE_KEY, cfdi: 'x' } })).map((issue) => issue.path)).toEqual(['documents']);
  });
});
