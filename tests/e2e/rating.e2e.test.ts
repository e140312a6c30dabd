import { apiFetch } from '../setup/api-contract';
import { parseEvent } from '../../events/envelope';
import { orderRatedV1 } from '../../events/order-rated';
import { sampleOrderBody } from '../fixtures/orders';
import { eventually, localCloud } from '../setup/local-cloud-client';
import { TEST_KEYS } from '../setup/test-keys';

const headers = { authorization: `Bearer ${TEST_KEYS.integration.key}`, 'content-type': 'application/json' };

/** A 1.2 kg parcel of apparel, as the example. */
function proposal(destination: Record<string, string>) {
  return {
    destination,
    parcels: [{ weightGrams: 1200, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 100 } }],
    items: [{ quantity: 2, unitDeclaredValue: '19.90', hsCode: '6109.10', category: 'apparel', description: 'Cotton T-shirt' }],
    currency: 'USD',
    incoterm: 'DDP',
    marketplace: 'mercado-libre',
  };
}

describe('rating through the local cloud', () => {
  it.each([
    ['São Paulo', { country: 'BR', postalCode: '01310-200', state: 'SP' }],
    ['Mexico City', { country: 'MX', postalCode: '06700', state: 'CDMX' }],
    ['Santiago', { country: 'CL', postalCode: '8320000' }],
    ['Bogotá', { country: 'CO', postalCode: '110111' }],
    ['Lima', { country: 'PE', postalCode: '15074' }],
    ['New York', { country: 'US', postalCode: '10001', state: 'NY' }],
  ])('POST /v1/rates prices a 1.2 kg parcel to %s with every line itemised', async (_, destination) => {
    const response = await apiFetch(`${localCloud().api}/v1/rates`, { method: 'POST', headers, body: JSON.stringify(proposal(destination)) });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      quotes: {
        lines: { amount: { amount: number } }[];
        shippingTotal: { amount: number };
        dutiesAndTaxes: { payer: string };
        chargeableWeightGrams: number;
      }[];
    };
    expect(result.quotes.length).toBeGreaterThan(0);
    for (const quote of result.quotes) {
      expect(quote.chargeableWeightGrams).toBeGreaterThanOrEqual(1200);
      expect(quote.lines.reduce((sum, line) => sum + line.amount.amount, 0)).toBe(quote.shippingTotal.amount);
      expect(quote.dutiesAndTaxes.payer).toBe('seller');
    }
  });

  it('POST /v1/rates names every invalid field', async () => {
    const bad = { ...proposal({ country: 'BR', postalCode: '999' }), incoterm: 'FOB', parcels: [] };
    const response = await apiFetch(`${localCloud().api}/v1/rates`, { method: 'POST', headers, body: JSON.stringify(bad) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { path: string }[] };
    expect(body.errors.map((error) => error.path)).toEqual(expect.arrayContaining(['destination.postalCode', 'incoterm', 'parcels']));
  });

  it.each([
    ['MX-CTT-01', { country: 'MX', postalCode: '06700' }, /^domestic-mx-/],
    ['BR-SP-01', { country: 'BR', postalCode: '01310-100' }, /^domestic-br-/],
    ['US-NJ-01', { country: 'US', postalCode: '10001', state: 'NY' }, /^domestic-us-/],
  ])('POST /v1/rates with shipFrom %s quotes its domestic services: no line-haul, no duties', async (warehouseCode, destination, services) => {
    const body = { ...proposal(destination), shipFrom: { warehouseCode } };
    const response = await apiFetch(`${localCloud().api}/v1/rates`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      quotes: { serviceId: string; lines: { code: string }[]; dutiesAndTaxes: { payer: string; total: { amount: number } } }[];
    };
    expect(result.quotes.length).toBeGreaterThan(0);
    for (const quote of result.quotes) {
      expect(quote.serviceId).toMatch(services);
      expect(quote.lines.map((line) => line.code)).not.toContain('LINE_HAUL');
      expect(quote.dutiesAndTaxes).toMatchObject({ payer: 'none', total: { amount: 0 } });
    }
  });

  it('POST /v1/rates refuses a shipFrom that is not a warehouse in the destination country, naming the field', async () => {
    for (const warehouseCode of ['BR-SP-01', 'NOWHERE-1']) {
      const body = { ...proposal({ country: 'MX', postalCode: '06700' }), shipFrom: { warehouseCode } };
      const response = await apiFetch(`${localCloud().api}/v1/rates`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors).toEqual([expect.objectContaining({ path: 'shipFrom.warehouseCode', message: expect.stringContaining(warehouseCode) })]);
    }
  });

  it('prices a posted order automatically: quotes readable at /quotes and order.rated on the bus', async () => {
    const created = await apiFetch(`${localCloud().api}/v1/orders`, {
      method: 'POST',
      headers,
      body: JSON.stringify(sampleOrderBody({ sellerId: 'seller-a', externalOrderId: `RATE-${Date.now()}` })),
    });
    expect(created.status).toBe(201);
    const { orderId } = (await created.json()) as { orderId: string };

    const quotes = await eventually(
      async () => {
        const response = await apiFetch(`${localCloud().api}/v1/orders/${orderId}/quotes`, { headers });
        return response.status === 200 ? ((await response.json()) as { status: string; quotes: { serviceId: string }[] }) : undefined;
      },
      20_000,
      'quotes',
    );
    expect(quotes.status).toBe('rated');
    expect(quotes.quotes.length).toBeGreaterThan(0);

    const order = (await (await apiFetch(`${localCloud().api}/v1/orders/${orderId}`, { headers })).json()) as { status: string };
    expect(order.status).not.toBe('received');

    const rated = await eventually(
      async () => {
        const events = (await (await fetch(`${localCloud().admin}/events`)).json()) as {
          'detail-type': string;
          detail: { metadata: { correlationId: string } };
        }[];
        const found = events.filter((event) => event['detail-type'] === 'order.rated' && event.detail.metadata.correlationId === orderId);
        return found.length > 0 ? found : undefined;
      },
      10_000,
      'order.rated',
    );
    expect(rated).toHaveLength(1);
    expect(parseEvent(orderRatedV1, rated[0]!.detail).data.quotes.map((quote) => quote.serviceId)).toEqual(quotes.quotes.map((quote) => quote.serviceId));
  });

  it("another seller cannot read an order's quotes", async () => {
    const created = await apiFetch(`${localCloud().api}/v1/orders`, {
      method: 'POST',
      headers,
      body: JSON.stringify(sampleOrderBody({ sellerId: 'seller-a', externalOrderId: `RATE-B-${Date.now()}` })),
    });
    const { orderId } = (await created.json()) as { orderId: string };
    const asB = await apiFetch(`${localCloud().api}/v1/orders/${orderId}/quotes`, { headers: { authorization: `Bearer ${TEST_KEYS.sellerB.key}` } });
    expect(asB.status).toBe(404);
  });
});
