import { apiFetch } from '../setup/api-contract';
import { parseEvent } from '../../events/envelope';
import { shipmentRoutedV1 } from '../../events/shipment-routed';
import { sampleOrderBody, withShipTo } from '../fixtures/orders';
import { eventually, localCloud } from '../setup/local-cloud-client';
import { TEST_KEYS } from '../setup/test-keys';
import { expectEvery } from '../setup/assertions';

const headers = { authorization: `Bearer ${TEST_KEYS.integration.key}`, 'content-type': 'application/json' };
let counter = 0;

async function postOrder(body: Record<string, unknown>): Promise<string> {
  const response = await apiFetch(`${localCloud().api}/v1/orders`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ...body, sellerId: 'seller-a', externalOrderId: `ROUTE-${Date.now()}-${(counter += 1)}` }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { orderId: string }).orderId;
}

interface Decision {
  status: 'routed' | 'unroutable';
  orderStatus: string;
  chosen?: { carrier: string; carrierName: string };
  explanation: string[];
  exclusions: { code: string; carrierName: string; message: string }[];
  booking?: { status: string; trackingNumber?: string };
  unroutable?: { reasons: string[] };
}

async function routingOf(orderId: string, key: string = TEST_KEYS.integration.key): Promise<Decision> {
  return eventually(
    async () => {
      const response = await apiFetch(`${localCloud().api}/v1/orders/${orderId}/routing`, { headers: { authorization: `Bearer ${key}` } });
      return response.status === 200 ? ((await response.json()) as Decision) : undefined;
    },
    25_000,
    `routing of ${orderId}`,
  );
}

const mexicoOrder = (postalCode: string, state: string) =>
  withShipTo(sampleOrderBody({ serviceLevel: 'standard' }), {
    country: 'MX',
    postalCode,
    state,
    city: 'Tuxtla Gutiérrez',
    taxId: { type: 'RFC', value: 'XAXX010101000' },
  });

describe('routing through the local cloud', () => {
  it('routes a São Paulo order, books it with a real-format tracking number, and explains the choice', async () => {
    const orderId = await postOrder(sampleOrderBody());
    const decision = await routingOf(orderId);
    expect(decision.status).toBe('routed');
    expect(decision.booking).toMatchObject({ status: 'booked', trackingNumber: expect.any(String) });
    expect(decision.explanation.join(' ')).toContain(decision.chosen!.carrierName);

    const events = await eventually(async () => {
      const all = (await (await fetch(`${localCloud().admin}/events`)).json()) as { 'detail-type': string; detail: { metadata: { correlationId: string } } }[];
      const found = all.filter((event) => event['detail-type'] === 'shipment.routed' && event.detail.metadata.correlationId === orderId);
      return found.length > 0 ? found : undefined;
    });
    expect(events).toHaveLength(1);
    const routed = parseEvent(shipmentRoutedV1, events[0]!.detail);
    expect(routed.data.shipment.trackingNumber).toBe(decision.booking!.trackingNumber);
    expect(routed.data.shipment.lane).toBe('CN-BR-SP');

    const label = await apiFetch(`${localCloud().api}/v1/orders/${orderId}/label`, { headers });
    expect(label.status).toBe(200);
    expect(label.headers.get('content-type')).toContain('application/zpl');
    const zpl = await label.text();
    expect(zpl).toMatch(/^\^XA/);
    expect(zpl).toContain('^BC');
    expect(zpl).toContain(routed.data.shipment.trackingNumber);
  });

  it('routes a remote Chiapas postal code to a carrier that serves it, saying why the metro-only carrier was not used', async () => {
    const orderId = await postOrder(mexicoOrder('29000', 'CHIS'));
    const decision = await routingOf(orderId);
    expect(decision.status).toBe('routed');
    expect(decision.chosen?.carrier).not.toBe('99minutos');
    expect(decision.exclusions.some((exclusion) => exclusion.code === 'NOT_COVERED' || exclusion.code === 'SERVICE_LEVEL_MISMATCH')).toBe(true);
  });

  it('routes a lithium-battery order away from carriers that refuse batteries, and says so', async () => {
    const orderId = await postOrder(sampleOrderBody());
    const decision = await routingOf(orderId);
    expect(decision.status).toBe('routed');
    expect(decision.exclusions.filter((exclusion) => exclusion.code === 'BATTERY_REFUSED').length).toBeGreaterThan(0);
    expect(decision.chosen?.carrier).not.toBe('correios');
  });

  it('says exactly why an order no service can take is stuck (a loose power bank)', async () => {
    const powerBank = sampleOrderBody({
      items: [
        {
          sku: 'PB-20K',
          description: 'Power bank 20000 mAh',
          quantity: 1,
          unitDeclaredValue: '18.00',
          hsCode: '8507.60',
          originCountry: 'CN',
          unitWeightGrams: 420,
          batteryType: 'lithium-ion-standalone',
        },
      ],
    });
    const orderId = await postOrder(powerBank);
    const status = await eventually(async () => {
      const response = await apiFetch(`${localCloud().api}/v1/orders/${orderId}`, { headers });
      const order = (await response.json()) as { status: string };
      return order.status === 'received' ? undefined : order.status;
    });
    // No service rates a loose lithium battery, so it never reaches routing: unrateable, every service saying why.
    expect(status).toBe('unrateable');
    const quotes = await apiFetch(`${localCloud().api}/v1/orders/${orderId}/quotes`, { headers });
    const body = (await quotes.json()) as { ineligible: { reasons: { code: string }[] }[] };
    expectEvery(body.ineligible, (service) => service.reasons.some((reason) => reason.code === 'BATTERY_REFUSED'));
  });

  it("does not show one seller's routing to another", async () => {
    const orderId = await postOrder(sampleOrderBody());
    await routingOf(orderId);
    const asB = await apiFetch(`${localCloud().api}/v1/orders/${orderId}/routing`, { headers: { authorization: `Bearer ${TEST_KEYS.sellerB.key}` } });
    expect(asB.status).toBe(404);
  });

  it('serves carrier KPIs per lane, with the sandbox history that drives volume shifts', async () => {
    const response = await apiFetch(`${localCloud().api}/v1/kpis?lane=CN-BR-SP`, { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { summary: { carriers: Record<string, { shipments: number; exceptionRate?: number }> } };
    expect(Object.keys(body.summary.carriers).length).toBeGreaterThanOrEqual(2);
    const bad = await apiFetch(`${localCloud().api}/v1/kpis?lane=nowhere`, { headers });
    expect(bad.status).toBe(400);
  });
});
