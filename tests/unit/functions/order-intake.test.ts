import type { Tenant } from '../../../domain/shared/tenant';
import { parseEvent } from '../../../events/envelope';
import { orderReceivedV1 } from '../../../events/order-received';
import { buildOrderIntake, MAX_ORDER_BYTES } from '../../../functions/order-intake/order-intake';
import { httpHandler } from '../../../functions/shared/http/http-handler';
import { fakeOrderStore } from '../../fakes/orders';
import { sampleOrderBody } from '../../fixtures/orders';
import { httpEvent, lambdaContext } from './http-fixtures';

const integration: Tenant = { tenantId: 'mx-integration', kind: 'integration', sellerIds: ['seller-sz-001'] };

function setup() {
  const store = fakeOrderStore();
  let sequence = 0;
  const handler = httpHandler(
    buildOrderIntake({
      ...store,
      newOrderId: () => `ord_${(sequence += 1)}`,
      newEventId: () => `evt_${sequence}`,
      now: () => new Date('2026-11-22T12:00:00.000Z'),
    }),
    { jsonBody: { maxBytes: MAX_ORDER_BYTES } },
  );
  const post = async (body: unknown, tenant: Tenant = integration) => {
    const response = await handler(httpEvent({ body: JSON.stringify(body), tenant }), lambdaContext);
    return { ...response, json: JSON.parse(response.body ?? '{}') as Record<string, unknown> };
  };
  return { store, post };
}

describe('POST /v1/orders', () => {
  it('creates the order, answers 201 with its location, and queues a valid order.received event', async () => {
    const { store, post } = setup();
    const response = await post(sampleOrderBody());
    expect(response.statusCode).toBe(201);
    expect(response.headers?.location).toBe('/v1/orders/ord_1');
    expect(response.json).toMatchObject({ orderId: 'ord_1', status: 'received', receivedAt: '2026-11-22T12:00:00.000Z' });
    expect(store.events).toHaveLength(1);
    const event = parseEvent(orderReceivedV1, store.events[0]!.detail);
    expect(event.metadata).toMatchObject({ correlationId: 'ord_1', sellerId: 'seller-sz-001', type: 'order.received', version: 1 });
    expect(store.events[0]).toMatchObject({ detailType: 'order.received', source: 'enlace.orders' });
  });

  it('answers a retry with the stored order and the same status, whatever the key order of the body', async () => {
    const { store, post } = setup();
    const first = await post(sampleOrderBody());
    const reordered = Object.fromEntries(Object.entries(sampleOrderBody()).reverse());
    const second = await post(reordered);
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.json.orderId).toBe(first.json.orderId);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
    expect(store.events).toHaveLength(1);
  });

  it('answers 409 for the same marketplace order id with a different body', async () => {
    const { post } = setup();
    await post(sampleOrderBody());
    const response = await post(sampleOrderBody({ incoterm: 'DDU' }));
    expect(response.statusCode).toBe(409);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });

  it("lets another seller neither detect nor block an order id: the same marketplace id is that seller's own order", async () => {
    const { store, post } = setup();
    const rival: Tenant = { tenantId: 'rival', kind: 'seller', sellerIds: ['seller-rival-9'] };
    // The rival posts first, with the victim's future marketplace id, then probes with a different body.
    expect((await post(sampleOrderBody({ sellerId: 'seller-rival-9' }), rival)).statusCode).toBe(201);
    expect((await post(sampleOrderBody({ sellerId: 'seller-rival-9', incoterm: 'DDU' }), rival)).statusCode).toBe(409);
    // The real order is created, and its retry replays it.
    const real = await post(sampleOrderBody());
    expect(real.statusCode).toBe(201);
    expect(real.headers?.['idempotent-replayed']).toBeUndefined();
    expect((await post(sampleOrderBody())).headers?.['idempotent-replayed']).toBe('true');
    expect([...store.orders.values()].map((order) => order.sellerId).sort()).toEqual(['seller-rival-9', 'seller-sz-001']);
  });

  it('answers 409, revealing nothing, when another tenant reuses a taken key with the same body', async () => {
    const { post } = setup();
    await post(sampleOrderBody());
    const other: Tenant = { tenantId: 'other', kind: 'integration', sellerIds: ['seller-sz-001', 'x'] };
    const sameBodyOtherTenant = await post(sampleOrderBody(), other);
    // The other tenant may act for the seller, so it sees the replay; a tenant that may not is refused before any lookup.
    expect(sameBodyOtherTenant.statusCode).toBe(201);
    const stranger: Tenant = { tenantId: 'stranger', kind: 'seller', sellerIds: ['stranger'] };
    expect((await post(sampleOrderBody(), stranger)).statusCode).toBe(403);
  });

  it('answers 403 when the key may not act for the seller, and stores nothing', async () => {
    const { store, post } = setup();
    const response = await post(sampleOrderBody({ sellerId: 'seller-elsewhere' }));
    expect(response.statusCode).toBe(403);
    expect(store.orders.size).toBe(0);
  });

  it('answers 400 naming every invalid field, and stores nothing', async () => {
    const { store, post } = setup();
    const response = await post(sampleOrderBody({ currency: 'XYZ', items: [] }));
    expect(response.statusCode).toBe(400);
    expect((response.json.errors as { path: string }[]).map((error) => error.path).sort()).toEqual(['currency', 'items']);
    expect(store.orders.size).toBe(0);
  });

  it('answers 400 for amounts finer than the currency allows', async () => {
    const { post } = setup();
    const response = await post(sampleOrderBody({ currency: 'CLP' }));
    expect(response.statusCode).toBe(400);
    expect((response.json.errors as { path: string }[])[0]!.path).toBe('items.0.unitDeclaredValue');
  });

  it('returns intake warnings with the created order', async () => {
    const { post } = setup();
    const body = sampleOrderBody();
    const response = await post({ ...body, shipTo: { ...(body.shipTo as object), taxId: undefined } });
    expect(response.statusCode).toBe(201);
    expect(response.json.warnings).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_MISSING' })]);
  });
});
