import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestBody } from '../../api/client';
import { parseEvent } from '../../events/envelope';
import { orderReceivedV1 } from '../../events/order-received';
import { apiClient, apiFetch } from '../setup/api-contract';
import { eventually, localCloud } from '../setup/local-cloud-client';
import { relayBarrier } from '../setup/relay-barrier';
import { TEST_KEYS } from '../setup/test-keys';

/** The README's sample order, exactly as a newcomer would post it. */
const sampleOrder = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'order-br.json'), 'utf8')) as RequestBody<'createOrder'>;

let counter = 0;
const uniqueOrder = (overrides: Record<string, unknown> = {}) => ({
  ...sampleOrder,
  sellerId: 'seller-a',
  externalOrderId: `E2E-${Date.now()}-${(counter += 1)}`,
  ...overrides,
});

async function post(path: string, body: unknown, options: { key?: string | null; contentType?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  if (options.key !== null) {
    headers.authorization = `Bearer ${options.key ?? TEST_KEYS.integration.key}`;
  }
  const response = await apiFetch(`${localCloud().api}${path}`, { method: 'POST', headers, body: options.raw ?? JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json().catch(() => undefined)) as Record<string, unknown> };
}

async function get(path: string, key: string = TEST_KEYS.integration.key) {
  const response = await apiFetch(`${localCloud().api}${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as Record<string, unknown> };
}

async function publishedFor(orderId: string) {
  const response = await fetch(`${localCloud().admin}/events`);
  const events = (await response.json()) as { 'detail-type': string; detail: { metadata: { correlationId: string } } }[];
  return events.filter((event) => event['detail-type'] === 'order.received' && event.detail.metadata.correlationId === orderId);
}

describe('order intake through the local cloud (API Gateway → authorizer → Lambda → DynamoDB → stream → EventBridge)', () => {
  it('accepts the README sample order as is, returns it by id, and announces it once on the bus', async () => {
    // Through the typed client generated from openapi.json, as an integrator would.
    const enlace = apiClient(TEST_KEYS.demo.key);
    const created = await enlace.POST('/v1/orders', { body: { ...sampleOrder, externalOrderId: `README-${Date.now()}` } });
    expect(created.response.status).toBe(201);
    const orderId = created.data!.orderId;
    expect(created.response.headers.get('location')).toBe(`/v1/orders/${orderId}`);
    expect(created.data).toMatchObject({ status: 'received', sellerId: 'seller-sz-001', declaredValue: { amount: 3390, currency: 'USD' } });

    const fetched = await enlace.GET('/v1/orders/{id}', { params: { path: { id: orderId } } });
    expect(fetched.response.status).toBe(200);
    expect(fetched.data?.orderId).toBe(orderId);

    const events = await eventually(
      async () => {
        const found = await publishedFor(orderId);
        return found.length > 0 ? found : undefined;
      },
      15_000,
      'order.received on the bus',
    );
    expect(events).toHaveLength(1);
    expect(events[0]!['detail-type']).toBe('order.received');
    // The consumer's contract check: the published detail satisfies the schema.
    const event = parseEvent(orderReceivedV1, events[0]!.detail);
    expect(event.data.order.orderId).toBe(orderId);
  });

  it('answers a retry with the same order and status code, and publishes nothing more', async () => {
    const order = uniqueOrder();
    const first = await post('/v1/orders', order);
    const second = await post('/v1/orders', order);
    expect(second.status).toBe(first.status);
    expect(second.body.orderId).toBe(first.body.orderId);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    // Everything written before the barrier's marker order is on the bus once the marker's event is.
    await relayBarrier();
    expect(await publishedFor(String(first.body.orderId))).toHaveLength(1);
  });

  it('creates exactly one order from concurrent duplicates', async () => {
    const order = uniqueOrder();
    const responses = await Promise.all(Array.from({ length: 8 }, () => post('/v1/orders', order)));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((response) => response.body.orderId)).size).toBe(1);
    const orderId = String(responses[0]!.body.orderId);
    await relayBarrier();
    expect(await publishedFor(orderId)).toHaveLength(1);
  });

  it('answers 409 when the same marketplace order id comes with a different body', async () => {
    const order = uniqueOrder();
    expect((await post('/v1/orders', order)).status).toBe(201);
    const changed = await post('/v1/orders', { ...order, serviceLevel: 'express' });
    expect(changed.status).toBe(409);
    expect(String(changed.body.detail)).toContain(String(order.externalOrderId));
  });

  it('names every invalid field at once and stores nothing', async () => {
    const order = uniqueOrder({ currency: 'EUR', shipTo: { ...(sampleOrder.shipTo as object), postalCode: '123' }, items: [] });
    const rejected = await post('/v1/orders', order);
    expect(rejected.status).toBe(400);
    const paths = (rejected.body.errors as { path: string }[]).map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['currency', 'items']));
    // Nothing was stored under the key: the corrected order is a new order, not a conflict.
    const corrected = await post('/v1/orders', { ...order, currency: 'USD', shipTo: sampleOrder.shipTo, items: sampleOrder.items });
    expect(corrected.status).toBe(201);
  });

  it('rejects bad requests with the right status and never a 500', async () => {
    expect((await post('/v1/orders', undefined, { raw: '{"marketplace": ' })).status).toBe(400);
    expect((await post('/v1/orders', uniqueOrder(), { contentType: 'text/plain' })).status).toBe(415);
    expect((await post('/v1/orders', undefined, { raw: JSON.stringify({ pad: 'x'.repeat(200 * 1024) }) })).status).toBe(413);
    // A route that does not exist is API Gateway's own 404, outside the document by definition: plain fetch.
    const headers = { authorization: `Bearer ${TEST_KEYS.integration.key}`, 'content-type': 'application/json' };
    expect((await fetch(`${localCloud().api}/v1/nowhere`, { method: 'POST', headers, body: JSON.stringify(uniqueOrder()) })).status).toBe(404);
    expect((await fetch(`${localCloud().api}/v1/orders`, { headers })).status).toBe(404);
  });

  it('needs a known API key and keeps tenants apart', async () => {
    expect((await post('/v1/orders', uniqueOrder(), { key: null })).status).toBe(401);
    const unknown = await post('/v1/orders', uniqueOrder(), { key: 'enl_live_not_a_real_key' });
    expect(unknown.status).toBe(401);
    // Seller B may not place seller A's orders…
    expect((await post('/v1/orders', uniqueOrder(), { key: TEST_KEYS.sellerB.key })).status).toBe(403);
    // …nor read them: another seller's order answers exactly as a missing one.
    const created = await post('/v1/orders', uniqueOrder(), { key: TEST_KEYS.sellerA.key });
    expect(created.status).toBe(201);
    const asB = await get(`/v1/orders/${String(created.body.orderId)}`, TEST_KEYS.sellerB.key);
    const missing = await get('/v1/orders/ord_DOESNOTEXIST', TEST_KEYS.sellerB.key);
    expect(asB.status).toBe(404);
    expect(asB.body.title).toBe(missing.body.title);
    expect((await get(`/v1/orders/${String(created.body.orderId)}`, TEST_KEYS.sellerA.key)).status).toBe(200);
  });
});
