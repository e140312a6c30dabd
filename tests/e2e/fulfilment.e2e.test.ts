import { randomBytes } from 'node:crypto';
import type { Tenant } from '../../domain/shared/tenant';
import { buildSaveApiKey, issueApiKey } from '../../functions/shared/store/api-key-store';
import { EARBUDS, EARBUDS_NOM, journeyProducts, warehouseOrderBody } from '../../local/warehouse-journey';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isoWeek } from '../../domain/performance';
import { SANDBOX_HANDOVER_AFTER_HOURS } from '../../domain/tracking';
import { keys } from '../../functions/shared/store/keys';
import { playLastMiles } from '../../scripts/demo-tracking';
import { eventually, localCloud, localDynamoDb } from '../setup/local-cloud-client';
import { TEST_KEYS } from '../setup/test-keys';

/*
 * Local fulfilment through the local cloud: a seller's stock in the Mexico City warehouse, orders
 * that take it (allocated at intake), the warehouse's pick list, pick, pack and hand-over, a
 * cancellation before pick, and what happens when the stock runs out (409, or a backorder).
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies, asserted field by field

async function newSeller(label: string): Promise<{ sellerId: string; key: string }> {
  const sellerId = `ful-${label}-${randomBytes(4).toString('hex')}`;
  const key = `enl_test_${sellerId.replace(/-/g, '_')}_${randomBytes(8).toString('hex')}`;
  const tenant: Tenant = { tenantId: sellerId, kind: 'seller', sellerIds: [sellerId] };
  await issueApiKey(buildSaveApiKey(localDynamoDb().documents, localCloud().table), tenant, { name: 'fulfilment e2e', now: new Date(), key });
  return { sellerId, key };
}

async function api(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${localCloud().api}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text.length > 0 ? JSON.parse(text) : {}) as Json };
}

const operator = TEST_KEYS.warehouseMx.key;

/** The bus's events of a type about one order (the local EventBridge's admin endpoint). */
const busEvents = async (type: string, orderId: string) =>
  (
    (await (await fetch(`${localCloud().admin}/events`)).json()) as { 'detail-type': string; detail: { metadata: { correlationId: string }; data: Json } }[]
  ).filter((event) => event['detail-type'] === type && event.detail.metadata.correlationId === orderId);
const run = randomBytes(3).toString('hex');

/** A seller with the earbuds in its catalogue and `units` of them available in MX-CTT-01 (a cycle count that found them). */
async function sellerWithStock(label: string, units: number) {
  const seller = await newSeller(label);
  const created = await api('POST', '/v1/products', seller.key, { ...journeyProducts(seller.sellerId).earbuds, certificates: [EARBUDS_NOM], reorderPoint: 0 });
  expect(created.status).toBe(201);
  const found = await api('POST', '/v1/warehouses/MX-CTT-01/stock-adjustments', operator, {
    adjustmentId: `${run}-${label}-count`,
    sellerId: seller.sellerId,
    sku: EARBUDS,
    type: 'found',
    quantity: units,
    reason: 'opening stock count',
  });
  expect(found.status).toBe(201);
  const stock = async () => ((await api('GET', `/v1/stock?warehouse=MX-CTT-01&sku=${EARBUDS}`, seller.key)).body.items as Json[])[0];
  return { ...seller, stock };
}

describe('local fulfilment from the Mexico City warehouse', () => {
  it('allocates at intake, lists the task, picks, packs and hands over once labelled; the units leave the stock', async () => {
    const seller = await sellerWithStock('ship', 3);

    const order = await api('POST', '/v1/orders', seller.key, warehouseOrderBody(seller.sellerId, `MLM-${run}-1`, 2));
    expect(order.status).toBe(201);
    expect(order.body.fulfilment).toMatchObject({ mode: 'warehouse', warehouseCode: 'MX-CTT-01', stage: 'allocated' });
    const orderId = String(order.body.orderId);
    expect(await seller.stock()).toMatchObject({ available: 1, allocated: 2 });

    const tasks = await api('GET', '/v1/warehouses/MX-CTT-01/tasks?stage=allocated&limit=100', operator);
    expect(tasks.status).toBe(200);
    expect(tasks.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ orderId, sellerId: seller.sellerId, lines: [expect.objectContaining({ sku: EARBUDS, quantity: 2 })] }),
      ]),
    );
    expect((await api('GET', '/v1/warehouses/MX-CTT-01/tasks', TEST_KEYS.warehouseBr.key)).status).toBe(404);

    const picked = await api('POST', `/v1/warehouses/MX-CTT-01/tasks/${orderId}/pick`, operator);
    expect(picked.status).toBe(200);
    expect(picked.body.fulfilment).toMatchObject({ stage: 'picked' });
    expect(await seller.stock()).toMatchObject({ available: 1, allocated: 0, picked: 2 });
    expect((await api('POST', `/v1/warehouses/MX-CTT-01/tasks/${orderId}/pick`, operator)).status).toBe(200);
    expect((await api('POST', `/v1/warehouses/MX-CTT-01/tasks/${orderId}/ship`, operator)).status).toBe(409);

    const badBox = await api('POST', `/v1/warehouses/MX-CTT-01/tasks/${orderId}/pack`, operator, { boxes: [{ weightGrams: -5 }] });
    expect(badBox.status).toBe(400);
    const packed = await api('POST', `/v1/warehouses/MX-CTT-01/tasks/${orderId}/pack`, operator, {
      boxes: [{ weightGrams: 180, dimensions: { lengthMm: 200, widthMm: 150, heightMm: 80 } }],
    });
    expect(packed.status).toBe(200);
    expect(packed.body.fulfilment).toMatchObject({ stage: 'packed', boxes: [{ weightGrams: 180 }] });

    // The label comes from routing, which runs on the order's events; hand-over waits for it.
    await eventually(
      async () => {
        const current = await api('GET', `/v1/orders/${orderId}`, seller.key);
        return ['routed', 'documents-ready', 'in-transit'].includes(String(current.body.status)) ? current : undefined;
      },
      60_000,
      'the order routed (its label booked)',
    );
    const shipped = await api('POST', `/v1/warehouses/MX-CTT-01/tasks/${orderId}/ship`, operator);
    expect(shipped.status).toBe(200);
    expect(shipped.body.fulfilment).toMatchObject({ stage: 'shipped' });
    expect(await seller.stock()).toMatchObject({ available: 1, allocated: 0, picked: 0, onHand: 1 });
    const movements = await api('GET', `/v1/stock/${EARBUDS}/movements?warehouse=MX-CTT-01`, seller.key);
    expect((movements.body.items as { kind: string }[]).map((movement) => movement.kind).sort()).toEqual(['adjusted', 'allocated', 'picked', 'shipped']);
    const open = await api('GET', '/v1/warehouses/MX-CTT-01/tasks?limit=100', operator);
    expect((open.body.items as Json[]).some((task) => task.orderId === orderId)).toBe(false);

    const late = await api('POST', `/v1/orders/${orderId}/cancel`, seller.key);
    expect(late.status).toBe(409);
  });

  it('when the stock runs out: 409 naming the SKU by default, a backorder once the seller accepts them; a cancellation before pick gives the units back', async () => {
    const seller = await sellerWithStock('short', 2);

    const refused = await api('POST', '/v1/orders', seller.key, warehouseOrderBody(seller.sellerId, `MLM-${run}-big`, 3));
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: `items[sku=${EARBUDS}]`, message: '3 requested, 2 available' })]);
    expect(await seller.stock()).toMatchObject({ available: 2, allocated: 0 });

    expect((await api('PUT', `/v1/fulfilment-settings/${seller.sellerId}`, seller.key, { backorders: 'sometimes' })).status).toBe(400);
    const settings = await api('PUT', `/v1/fulfilment-settings/${seller.sellerId}`, seller.key, { backorders: 'accept' });
    expect(settings.status).toBe(200);
    expect((await api('GET', `/v1/fulfilment-settings/${seller.sellerId}`, seller.key)).body.backorders).toBe('accept');
    const other = await newSeller('other');
    expect((await api('GET', `/v1/fulfilment-settings/${seller.sellerId}`, other.key)).status).toBe(403);

    const waiting = await api('POST', '/v1/orders', seller.key, warehouseOrderBody(seller.sellerId, `MLM-${run}-wait`, 3));
    expect(waiting.status).toBe(201);
    expect(waiting.body).toMatchObject({ status: 'backordered', fulfilment: { stage: 'backordered' } });

    const small = await api('POST', '/v1/orders', seller.key, warehouseOrderBody(seller.sellerId, `MLM-${run}-small`, 2));
    expect(small.body.fulfilment).toMatchObject({ stage: 'allocated' });
    expect(await seller.stock()).toMatchObject({ available: 0, allocated: 2 });
    expect((await api('POST', `/v1/orders/${String(small.body.orderId)}/cancel`, other.key)).status).toBe(404);
    const cancelled = await api('POST', `/v1/orders/${String(small.body.orderId)}/cancel`, seller.key, { reason: 'buyer changed their mind' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', fulfilment: { stage: 'cancelled' } });
    expect(await seller.stock()).toMatchObject({ available: 2, allocated: 0 });
    const backorderCancelled = await api('POST', `/v1/orders/${String(waiting.body.orderId)}/cancel`, seller.key);
    expect(backorderCancelled.body.status).toBe('cancelled');
    expect(await seller.stock()).toMatchObject({ available: 2, allocated: 0 });
  });

  it('refuses what cannot ship from a warehouse with 4xx naming the field', async () => {
    const seller = await sellerWithStock('bad', 1);
    const wrongCountry = await api('POST', '/v1/orders', seller.key, {
      ...warehouseOrderBody(seller.sellerId, `MLM-${run}-br`),
      shipFrom: { warehouseCode: 'BR-SP-01' },
    });
    expect(wrongCountry.status).toBe(400);
    expect(wrongCountry.body.errors).toEqual([expect.objectContaining({ path: 'shipFrom.warehouseCode' })]);
    const fromChina = await api('POST', '/v1/orders', seller.key, {
      ...warehouseOrderBody(seller.sellerId, `MLM-${run}-cn`),
      shipFrom: { city: 'Shenzhen', country: 'CN' },
    });
    expect(fromChina.status).toBe(400);
    expect(fromChina.body.errors).toEqual([expect.objectContaining({ path: 'shipFrom' })]);
    const body = warehouseOrderBody(seller.sellerId, `MLM-${run}-ghost`);
    const ghost = await api('POST', '/v1/orders', seller.key, { ...body, items: [{ ...(body.items as Json[])[0], sku: 'GHOST-1' }] });
    expect(ghost.status).toBe(422);
    expect(ghost.body.errors).toEqual([expect.objectContaining({ path: 'items.0.sku', code: 'unknown_sku' })]);
  });

  it('a backorder is filled when stock arrives, then rated, routed, picked, packed, handed over and tracked to the door by its domestic carrier', async () => {
    const seller = await sellerWithStock('journey', 1);
    expect((await api('PUT', `/v1/fulfilment-settings/${seller.sellerId}`, seller.key, { backorders: 'accept' })).status).toBe(200);
    const order = await api('POST', '/v1/orders', seller.key, warehouseOrderBody(seller.sellerId, `MLM-${run}-journey`, 2));
    expect(order.body).toMatchObject({ status: 'backordered', fulfilment: { stage: 'backordered' } });
    const orderId = String(order.body.orderId);
    // Waiting for stock, it is not rated (nor routed, nor on the pick list).
    expect((await api('GET', `/v1/orders/${orderId}/quotes`, seller.key)).status).toBe(404);

    // The warehouse finds one more unit: the backorder is filled, and the pipeline starts.
    const found = await api('POST', '/v1/warehouses/MX-CTT-01/stock-adjustments', operator, {
      adjustmentId: `${run}-journey-found`,
      sellerId: seller.sellerId,
      sku: EARBUDS,
      type: 'found',
      quantity: 1,
      reason: 'carton found behind the rack',
    });
    expect(found.status).toBe(201);
    const routed = await eventually(
      async () => {
        const current = await api('GET', `/v1/orders/${orderId}`, seller.key);
        return current.body.status === 'routed' ? current : undefined;
      },
      60_000,
      'the filled backorder rated and routed',
    );
    expect(routed.body.fulfilment).toMatchObject({ stage: 'allocated' });
    expect(await seller.stock()).toMatchObject({ available: 0, allocated: 2 });
    const allocatedEvents = await busEvents('order.allocated', orderId);
    expect(allocatedEvents.map((event) => event.detail.data.fromBackorder as boolean)).toEqual([true]);

    for (const step of ['pick', 'pack', 'ship']) {
      const body = step === 'pack' ? { boxes: [{ weightGrams: 240, dimensions: { lengthMm: 200, widthMm: 150, heightMm: 80 } }] } : undefined;
      expect((await api('POST', `/v1/warehouses/MX-CTT-01/tasks/${orderId}/${step}`, operator, body)).status).toBe(200);
    }
    expect(await seller.stock()).toMatchObject({ available: 0, allocated: 0, picked: 0, onHand: 0 });

    // Tracking: the domestic carrier's own source (webhook, aggregator or poll) takes the parcel to the door.
    const decision = await api('GET', `/v1/orders/${orderId}/routing`, seller.key);
    expect(decision.body).toMatchObject({ status: 'routed', lane: { id: 'MX-MX-CMX' }, booking: { status: 'booked' } });
    const chosen = decision.body.chosen as { carrier: string; carrierName: string };
    const trackingNumber = String((decision.body.booking as { trackingNumber: string }).trackingNumber);
    const shipmentRouted = await eventually(async () => (await busEvents('shipment.routed', orderId))[0], 20_000, 'shipment.routed');
    const shipment = shipmentRouted.detail.data.shipment as { shipmentId: string; lane: string };
    const handedOverAt = new Date(Date.now() - SANDBOX_HANDOVER_AFTER_HOURS * 3_600_000).toISOString();
    await playLastMiles(
      localCloud(),
      [
        {
          orderId,
          carrier: chosen.carrier,
          carrierName: chosen.carrierName,
          trackingNumber,
          bookedAt: handedOverAt,
          country: 'MX',
        },
      ],
      () => undefined,
    );
    const delivered = await eventually(
      async () => {
        const view = await api('GET', `/v1/shipments/${shipment.shipmentId}/tracking`, seller.key);
        return view.body.status === 'delivered' ? view : undefined;
      },
      60_000,
      'the parcel delivered',
    );
    expect((delivered.body.events as { status: string }[]).map((event) => event.status)).toEqual(
      expect.arrayContaining(['in-transit-destination', 'out-for-delivery', 'delivered']),
    );
    expect((await api('GET', `/v1/orders/${orderId}`, seller.key)).body.status).toBe('delivered');
    // The domestic lane's KPIs count the delivery, for the carrier that made it.
    const deliveredAt = String((delivered.body.events as Json[]).at(-1)!.occurredAt);
    const kpi = await eventually(
      async () => {
        const { Item } = await localDynamoDb().documents.send(
          new GetCommand({
            TableName: localCloud().table,
            Key: keys.kpi(chosen.carrier, shipment.lane, isoWeek(new Date(deliveredAt))),
            ConsistentRead: true,
          }),
        );
        return Item?.delivered === undefined ? undefined : Item;
      },
      20_000,
      'the domestic lane KPI',
    );
    expect(kpi.delivered).toBeGreaterThanOrEqual(1);
  });
});
