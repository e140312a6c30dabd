import { randomBytes } from 'node:crypto';
import type { Tenant } from '../../domain/shared/tenant';
import { signatureHeader } from '../../domain/shared/signature';
import { publicNotificationV1 } from '../../events/public/notification';
import { buildSaveApiKey, issueApiKey } from '../../functions/shared/store/api-key-store';
import {
  dockMilestones,
  EARBUDS,
  EARBUDS_NOM,
  forwarderMilestones,
  journeyInbound,
  journeyProducts,
  journeyReceipt,
  pastDockSlot,
  TSHIRTS,
} from '../../local/warehouse-journey';
import type { RequestBody } from '../../api/client';
import { apiClient, apiFetch } from '../setup/api-contract';
import { eventually, localCloud, localDynamoDb } from '../setup/local-cloud-client';
import { TEST_KEYS } from '../setup/test-keys';
import { WebhookReceiver } from '../setup/webhook-receiver';

/*
 * The overseas warehouse through the local cloud: API Gateway and the authorizer, the products,
 * inbound-shipments, warehouse-operations and stock functions, the signed forwarder webhook, its
 * queue and the milestone consumer, the outbox stream to the bus, and the seller's notifications.
 * Each test uses a seller of its own.
 */

const receivers: WebhookReceiver[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
  await Promise.all(receivers.map((receiver) => receiver.stop()));
});

async function newSeller(label: string): Promise<{ sellerId: string; key: string }> {
  const sellerId = `inv-${label}-${randomBytes(4).toString('hex')}`;
  const key = `enl_test_${sellerId.replace(/-/g, '_')}_${randomBytes(8).toString('hex')}`;
  const tenant: Tenant = { tenantId: sellerId, kind: 'seller', sellerIds: [sellerId] };
  await issueApiKey(buildSaveApiKey(localDynamoDb().documents, localCloud().table), tenant, { name: 'inventory e2e', now: new Date(), key });
  return { sellerId, key };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies, asserted field by field
type Problem = { path: string; code: string; message: string };
/** A notification as the receiver got it (the public format; `data` per type). */
type Delivered = { type: string; sellerId: string; orderId?: string; sequence: number; subject: { kind: string; id: string }; data: Json };

async function api(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await apiFetch(`${localCloud().api}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text.length > 0 ? JSON.parse(text) : {}) as Json, headers: response.headers };
}

async function forwarderSecret(): Promise<string> {
  const secrets = (await (await fetch(`${localCloud().admin}/secrets`)).json()) as { logicalId: string; value: Record<string, string[] | string> }[];
  const stored = secrets.find((candidate) => candidate.logicalId.includes('ForwarderWebhookSecrets'))?.value['enlace-forwarder'];
  const secret = typeof stored === 'string' ? stored : stored?.[0];
  if (secret === undefined) throw new Error('no forwarder secret in the local cloud');
  return secret;
}

async function postForwarder(body: string, signature?: string): Promise<{ status: number; body: Json }> {
  const response = await apiFetch(`${localCloud().api}/v1/webhooks/forwarders/enlace-forwarder`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'enlace-forwarder-signature': signature ?? signatureHeader(await forwarderSecret(), Math.floor(Date.now() / 1000), body),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: (text.length > 0 ? JSON.parse(text) : {}) as Json };
}

const warehouseMx = TEST_KEYS.warehouseMx.key;
const warehouseBr = TEST_KEYS.warehouseBr.key;

async function statusOf(seller: { key: string }, id: string): Promise<string> {
  return (await apiClient(seller.key).GET('/v1/inbound-shipments/{id}', { params: { path: { id } } })).data!.status;
}

/** A seller with both journey products registered (with the NOM the earbuds need) and a booked shipment. */
async function bookedShipment(label: string): Promise<{ seller: { sellerId: string; key: string }; id: string; suffix: string; run: string }> {
  const seller = await newSeller(label);
  const run = randomBytes(4).toString('hex');
  const suffix = '';
  const products = journeyProducts(seller.sellerId, suffix);
  // Through the typed client generated from openapi.json.
  const enlace = apiClient(seller.key);
  expect(
    (await enlace.POST('/v1/products', { body: { ...products.earbuds, certificates: [EARBUDS_NOM] } as RequestBody<'createProduct'> })).response.status,
  ).toBe(201);
  expect((await enlace.POST('/v1/products', { body: products.tshirts as RequestBody<'createProduct'> })).response.status).toBe(201);
  const booked = await enlace.POST('/v1/inbound-shipments', {
    body: journeyInbound(seller.sellerId, `PO-${run}`, suffix) as RequestBody<'bookInboundShipment'>,
  });
  expect(booked.response.status).toBe(201);
  return { seller, id: booked.data!.inboundShipmentId, suffix, run };
}

describe('the overseas warehouse journey, Shenzhen to Mexico City', () => {
  it('refuses then books, moves through a customs hold, receives a short and damaged count, and stock, ledger, lots and notifications agree', async () => {
    const seller = await newSeller('journey');
    const receiver = await new WebhookReceiver().start();
    receivers.push(receiver);
    const inventoryTypes = ['inbound.booked', 'inbound.status-changed', 'inbound.held', 'inbound.received', 'inbound.discrepancy-resolved', 'stock.received'];
    const subscription = await api('POST', '/v1/subscriptions', seller.key, { endpoint: receiver.url, eventTypes: inventoryTypes });
    expect(subscription.status).toBe(201);
    cleanups.push(() => api('DELETE', `/v1/subscriptions/${String(subscription.body.subscriptionId)}`, seller.key));
    const run = randomBytes(4).toString('hex');

    // The catalogue: the earbuds come without their NOM.
    const products = journeyProducts(seller.sellerId);
    expect((await api('POST', '/v1/products', seller.key, products.earbuds)).status).toBe(201);
    expect((await api('POST', '/v1/products', seller.key, products.tshirts)).status).toBe(201);

    // The compliance gate names the missing certificate; nothing is booked.
    const asn = journeyInbound(seller.sellerId, `PO-${run}`);
    const refused = await api('POST', '/v1/inbound-shipments', seller.key, asn);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'CERTIFICATE_REQUIRED', path: `products.${EARBUDS}.certificates` })]);
    expect((await api('GET', '/v1/inbound-shipments', seller.key)).body.items).toEqual([]);

    // The seller adds the NOM; the same booking (same reference) now goes through, and a retry of it is recognised.
    const patched = await api('PATCH', `/v1/products/${EARBUDS}`, seller.key, { certificates: [EARBUDS_NOM] });
    expect(patched.status).toBe(200);
    expect(patched.body.version).toBe(2);
    const booked = await api('POST', '/v1/inbound-shipments', seller.key, asn);
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      status: 'booked',
      warehouseCode: 'MX-CTT-01',
      lines: [
        { sku: EARBUDS, expected: 300 },
        { sku: TSHIRTS, expected: 100 },
      ],
    });
    const id = String(booked.body.inboundShipmentId);
    const retried = await api('POST', '/v1/inbound-shipments', seller.key, asn);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body.inboundShipmentId).toBe(id);
    expect((await api('GET', '/v1/inbound-shipments', seller.key)).body.items).toHaveLength(1);

    // Booked stock shows as inbound, not available.
    const before = await api('GET', '/v1/stock', seller.key);
    expect(before.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ sku: EARBUDS, available: 0, onHand: 0, inbound: expect.objectContaining({ booked: 300 }) })]),
    );

    // The forwarder: consolidation, the flight, arrival, the pedimento, a labelling hold, release.
    const slot = pastDockSlot(new Date());
    const milestones = forwarderMilestones(id, slot, run);
    const accepted = await postForwarder(JSON.stringify({ inboundShipmentId: id, milestones }));
    expect(accepted.status).toBe(202);
    await eventually(async () => ((await statusOf(seller, id)) === 'released' ? true : undefined), 20_000, 'the forwarder milestones');
    // The same webhook again (a forwarder's retry) changes nothing.
    expect((await postForwarder(JSON.stringify({ inboundShipmentId: id, milestones }))).status).toBe(202);

    const released = (await api('GET', `/v1/inbound-shipments/${id}`, seller.key)).body;
    const customs = released.customs as { holds: unknown[]; entryNumber: string };
    expect(customs.holds).toEqual([expect.objectContaining({ kind: 'hold', reason: expect.objectContaining({ code: 'labelling' }) })]);
    expect(customs.entryNumber).toBe('26  47  3063  6000123');
    expect(released.transport).toMatchObject({ flight: 'CX096', airWaybill: '160-12345675', departurePort: 'CNSZX', arrivalPort: 'MXMEX' });
    expect(released.landedCost).toMatchObject({ currency: 'MXN' });
    const landedCost = released.landedCost as { lines: { sku: string; landedUnitCost: { amount: number; currency: string } }[] };
    const landedEarbuds = landedCost.lines.find((line) => line.sku === EARBUDS)!.landedUnitCost;
    expect(landedEarbuds.currency).toBe('MXN');
    // More than the FOB price (USD 4.50 is about MXN 80): freight, insurance, IGI, DTA and IVA on top.
    expect(landedEarbuds.amount).toBeGreaterThan(8_000);

    // The warehouse: a dock appointment inside receiving hours, the truck's arrival, then the count.
    // The warehouse operator's calls, through the typed client with the operator's key.
    const operator = apiClient(warehouseMx);
    const atMx = { path: { code: 'MX-CTT-01' } };
    for (const milestone of dockMilestones(slot, run)) {
      const applied = await operator.POST('/v1/warehouses/{code}/inbound-shipments/{id}/milestones', {
        params: { path: { code: 'MX-CTT-01', id } },
        body: milestone as RequestBody<'recordDockMilestone'>,
      });
      expect(applied.response.status).toBe(200);
    }
    const receipt = journeyReceipt(id, slot, run) as RequestBody<'recordReceipt'>;
    const received = await operator.POST('/v1/warehouses/{code}/receipts', { params: atMx, body: receipt });
    expect(received.response.status).toBe(200);
    expect(received.data!.status).toBe('received');
    expect(received.data!.discrepancies).toEqual([
      { sku: EARBUDS, kind: 'shortage', expected: 300, counted: 200, quantity: 100 },
      { sku: EARBUDS, kind: 'damaged', expected: 300, counted: 200, quantity: 12 },
    ]);
    // The same receipt again (the operator's retry) adds nothing.
    expect((await operator.POST('/v1/warehouses/{code}/receipts', { params: atMx, body: receipt })).response.status).toBe(200);

    // Stock, its ledger and its lots say the same thing (the seller's reads, through the typed client).
    const enlace = apiClient(seller.key);
    const stock = (await enlace.GET('/v1/stock', { params: { query: { warehouse: 'MX-CTT-01' } } })).data!.items;
    const earbuds = stock.find((item) => item.sku === EARBUDS)!;
    const tees = stock.find((item) => item.sku === TSHIRTS)!;
    expect(earbuds).toMatchObject({ onHand: 200, available: 188, quarantined: 12, allocated: 0, receiving: 0, inbound: { booked: 0 } });
    expect(tees).toMatchObject({ onHand: 100, available: 100, quarantined: 0 });
    const movements = (await enlace.GET('/v1/stock/{sku}/movements', { params: { path: { sku: EARBUDS }, query: { warehouse: 'MX-CTT-01' } } })).data!
      .items as Json[];
    const into = (bucket: string) =>
      movements.reduce((sum, movement) => sum + (movement.to === bucket ? movement.quantity : 0) - (movement.from === bucket ? movement.quantity : 0), 0);
    expect({ available: into('available'), quarantined: into('quarantined'), receiving: into('receiving') }).toEqual({
      available: 188,
      quarantined: 12,
      receiving: 0,
    });
    const lots = (await enlace.GET('/v1/stock/{sku}/lots', { params: { path: { sku: EARBUDS }, query: { warehouse: 'MX-CTT-01' } } })).data!.items;
    expect(lots).toEqual([expect.objectContaining({ inboundShipmentId: id, receivedQuantity: 188, remaining: 188, landedUnitCost: landedEarbuds })]);

    // The seller accepts the shortage and disputes the damage; with both decided the shipment closes.
    expect((await api('POST', `/v1/inbound-shipments/${id}/discrepancies`, seller.key, { sku: EARBUDS, kind: 'shortage', decision: 'accepted' })).status).toBe(
      200,
    );
    const disputed = await api('POST', `/v1/inbound-shipments/${id}/discrepancies`, seller.key, {
      sku: EARBUDS,
      kind: 'damaged',
      decision: 'disputed',
      note: 'Crushed in carton SZX-BT-2: claim with the forwarder',
    });
    expect(disputed.status).toBe(200);
    expect(disputed.body.status).toBe('closed');

    // A receipt for a closed shipment is a conflict, and changes nothing.
    const late = await api('POST', '/v1/warehouses/MX-CTT-01/receipts', warehouseMx, {
      inboundShipmentId: id,
      receiptId: `${run}-late`,
      cartons: [{ cartonId: 'SZX-BT-3', lines: [{ sku: EARBUDS, good: 100 }] }],
    });
    expect(late.status).toBe(409);
    expect((await api('GET', `/v1/stock?warehouse=MX-CTT-01&sku=${EARBUDS}`, seller.key)).body.items).toEqual([
      expect.objectContaining({ sku: EARBUDS, available: 188 }),
    ]);

    // The seller's systems heard all of it, signed, in the public format, numbered per subject.
    const wanted = ['inbound.booked', 'inbound.held', 'stock.received', 'inbound.received', 'inbound.discrepancy-resolved'];
    const deliveries = await eventually(
      async () => {
        const got = receiver.delivered.map((request) => request.json as unknown as Delivered);
        // Deliveries run in parallel and arrive in any order: wait until the shipment's numbers have no gap (a real gap times out).
        const numbers = got.filter((notification) => notification.subject.kind === 'inbound-shipment').map((notification) => notification.sequence);
        const contiguous = numbers.length > 0 && Math.max(...numbers) === new Set(numbers).size;
        return contiguous &&
          wanted.every((type) => got.some((notification) => notification.type === type)) &&
          got.filter((n) => n.type === 'inbound.discrepancy-resolved').length === 2
          ? got
          : undefined;
      },
      30_000,
      'the inventory notifications',
    );
    for (const notification of deliveries) {
      expect(publicNotificationV1.safeParse(notification).error).toBeUndefined();
      expect(notification.sellerId).toBe(seller.sellerId);
      expect(notification.orderId).toBeUndefined();
    }
    const aboutShipment = deliveries.filter((notification) => notification.subject.kind === 'inbound-shipment');
    expect(new Set(aboutShipment.map((notification) => notification.subject.id))).toEqual(new Set([id]));
    expect(aboutShipment.map((notification) => notification.sequence).sort((a, b) => a - b)).toEqual(aboutShipment.map((_, index) => index + 1));
    const stockReceived = deliveries.filter((notification) => notification.type === 'stock.received');
    expect(
      stockReceived
        .map((notification) => ({ subject: notification.subject, good: notification.data.good, damaged: notification.data.damaged }))
        .sort((a, b) => String(a.subject.id).localeCompare(String(b.subject.id))),
    ).toEqual([
      { subject: { kind: 'stock', id: `MX-CTT-01/${EARBUDS}` }, good: 188, damaged: 12 },
      { subject: { kind: 'stock', id: `MX-CTT-01/${TSHIRTS}` }, good: 100, damaged: 0 },
    ]);
    expect(stockReceived.find((notification) => notification.data.sku === EARBUDS)!.data.landedUnitCost).toEqual(landedEarbuds);
    const receivedNote = deliveries.find((notification) => notification.type === 'inbound.received')!;
    expect(receivedNote.data.discrepancies).toEqual(received.data!.discrepancies);
    const statuses = deliveries.filter((notification) => notification.type === 'inbound.status-changed').map((notification) => String(notification.data.to));
    expect(statuses).toEqual(
      expect.arrayContaining(['consolidated', 'departed', 'arrived-port', 'in-customs', 'customs-held', 'released', 'received', 'closed']),
    );
  }, 120_000);
});

describe('counting under concurrency and redelivery', () => {
  it('ten concurrent bookings with one reference make one shipment', async () => {
    const seller = await newSeller('race');
    const products = journeyProducts(seller.sellerId);
    expect((await api('POST', '/v1/products', seller.key, { ...products.earbuds, certificates: [EARBUDS_NOM] })).status).toBe(201);
    expect((await api('POST', '/v1/products', seller.key, products.tshirts)).status).toBe(201);
    const asn = journeyInbound(seller.sellerId, 'PO-RACE-1');
    const answers = await Promise.all(Array.from({ length: 10 }, () => api('POST', '/v1/inbound-shipments', seller.key, asn)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((answer) => String(answer.body.inboundShipmentId))).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect((await api('GET', '/v1/inbound-shipments', seller.key)).body.items).toHaveLength(1);
    expect((await api('GET', '/v1/stock', seller.key)).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ sku: EARBUDS, inbound: expect.objectContaining({ booked: 300 }) })]),
    );
  });

  it('receipts posted concurrently, each twice, count every unit once', async () => {
    const { seller, id, run } = await bookedShipment('receipts');
    const slot = pastDockSlot(new Date());
    expect((await postForwarder(JSON.stringify({ inboundShipmentId: id, milestones: forwarderMilestones(id, slot, run) }))).status).toBe(202);
    await eventually(async () => ((await statusOf(seller, id)) === 'released' ? true : undefined), 20_000, 'release');
    for (const milestone of dockMilestones(slot, run)) {
      expect((await api('POST', `/v1/warehouses/MX-CTT-01/inbound-shipments/${id}/milestones`, warehouseMx, milestone)).status).toBe(200);
    }
    const cartons = [
      { cartonId: 'SZX-BT-1', sku: EARBUDS, good: 100, damaged: 0 },
      { cartonId: 'SZX-BT-2', sku: EARBUDS, good: 97, damaged: 3 },
      { cartonId: 'SZX-BT-3', sku: EARBUDS, good: 100, damaged: 0 },
      { cartonId: 'SZX-TEE-1', sku: TSHIRTS, good: 50, damaged: 0 },
      { cartonId: 'SZX-TEE-2', sku: TSHIRTS, good: 49, damaged: 1 },
    ];
    const receipts = cartons.map(({ cartonId, sku, good, damaged }) => ({
      inboundShipmentId: id,
      receiptId: `${run}-${cartonId}`,
      cartons: [{ cartonId, lines: [{ sku, good, damaged }] }],
    }));
    const answers = await Promise.all([...receipts, ...receipts].map((receipt) => api('POST', '/v1/warehouses/MX-CTT-01/receipts', warehouseMx, receipt)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    const stock = (await api('GET', '/v1/stock?warehouse=MX-CTT-01', seller.key)).body.items as Json[];
    expect(stock.find((item) => item.sku === EARBUDS)).toMatchObject({ available: 297, quarantined: 3, receiving: 0, onHand: 300 });
    expect(stock.find((item) => item.sku === TSHIRTS)).toMatchObject({ available: 99, quarantined: 1, receiving: 0, onHand: 100 });
    const shipment = (await api('GET', `/v1/inbound-shipments/${id}`, seller.key)).body;
    expect([...(shipment.countedCartons as string[])].sort()).toEqual(cartons.map((carton) => carton.cartonId).sort());
    expect(shipment.counted).toEqual({ [EARBUDS]: { good: 297, damaged: 3 }, [TSHIRTS]: { good: 99, damaged: 1 } });
    const movements = (await api('GET', `/v1/stock/${EARBUDS}/movements?warehouse=MX-CTT-01&limit=100`, seller.key)).body.items as Json[];
    expect(movements.filter((movement) => movement.kind === 'put-away').reduce((sum, movement) => sum + Number(movement.quantity), 0)).toBe(297);
  }, 60_000);
});

describe('what the warehouse API refuses', () => {
  it('names every problem of a product at once, refuses a duplicate SKU, and keeps products to their seller', async () => {
    const seller = await newSeller('products');
    const other = await newSeller('other');
    const invalid = await api('POST', '/v1/products', seller.key, {
      sellerId: seller.sellerId,
      sku: 'bad sku!',
      description: '',
      hsCode: '85',
      originCountry: 'CN',
      category: 'electronics',
      unitWeightGrams: -1,
      unitDimensions: { lengthMm: 10, widthMm: 10, heightMm: 10 },
      carton: { unitsPerCarton: 10, grossWeightGrams: 1000, dimensions: { lengthMm: 100, widthMm: 100, heightMm: 100 } },
      certificates: [{ country: 'MX', agency: 'CE', reference: 'x' }],
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body.errors as Problem[]).map((error) => error.path).sort()).toEqual(
      ['certificates.0.agency', 'description', 'hsCode', 'sku', 'unitWeightGrams'].sort(),
    );
    const products = journeyProducts(seller.sellerId);
    expect((await api('POST', '/v1/products', seller.key, products.tshirts)).status).toBe(201);
    expect((await api('POST', '/v1/products', seller.key, products.tshirts)).status).toBe(409);
    expect((await api('GET', `/v1/products/${TSHIRTS}`, other.key)).status).toBe(404);
    expect((await api('PATCH', `/v1/products/${TSHIRTS}`, other.key, { reorderPoint: 5 })).status).toBe(404);
    expect((await api('GET', `/v1/products?sellerId=${seller.sellerId}`, other.key)).status).toBe(403);
    expect((await api('GET', `/v1/products/${TSHIRTS}`, seller.key)).body.version).toBe(1);
  });

  it('names unknown SKUs and warehouses and cartons that do not add up, and writes nothing', async () => {
    const seller = await newSeller('asn');
    const products = journeyProducts(seller.sellerId);
    expect((await api('POST', '/v1/products', seller.key, products.tshirts)).status).toBe(201);
    const base = journeyInbound(seller.sellerId, 'PO-BAD-1');
    const unknownSku = await api('POST', '/v1/inbound-shipments', seller.key, base);
    expect(unknownSku.status).toBe(422);
    expect(JSON.stringify(unknownSku.body.errors)).toContain(EARBUDS);
    const unknownWarehouse = await api('POST', '/v1/inbound-shipments', seller.key, { ...base, warehouseCode: 'MX-XXX-99' });
    expect(unknownWarehouse.status).toBe(400);
    expect(JSON.stringify(unknownWarehouse.body.errors)).toContain('MX-XXX-99');
    const notAddingUp = await api('POST', '/v1/inbound-shipments', seller.key, {
      ...base,
      values: [
        { sku: TSHIRTS, unitValue: '2.10' },
        { sku: TSHIRTS, unitValue: '2.20' },
      ],
      mode: 'rowboat',
    });
    expect(notAddingUp.status).toBe(400);
    expect((notAddingUp.body.errors as Problem[]).map((error) => error.path)).toEqual(expect.arrayContaining(['mode', 'values.1.sku', 'values']));
    expect((await api('GET', '/v1/inbound-shipments', seller.key)).body.items).toEqual([]);
    expect((await api('GET', '/v1/stock', seller.key)).body.items).toEqual([]);
  });

  it("answers 404 for another seller's shipment and for a shipment bound for another warehouse", async () => {
    const { seller, id, run } = await bookedShipment('tenancy');
    const other = await newSeller('intruder');
    expect((await api('GET', `/v1/inbound-shipments/${id}`, other.key)).status).toBe(404);
    expect((await api('POST', `/v1/inbound-shipments/${id}/cancel`, other.key, { reason: 'not mine' })).status).toBe(404);
    const arrival = dockMilestones(pastDockSlot(new Date()), run)[1];
    expect((await api('POST', `/v1/warehouses/BR-SP-01/inbound-shipments/${id}/milestones`, warehouseBr, arrival)).status).toBe(404);
    expect((await api('POST', `/v1/warehouses/MX-CTT-01/inbound-shipments/${id}/milestones`, warehouseBr, arrival)).status).toBe(404);
    expect((await api('GET', '/v1/warehouses/MX-CTT-01/inbound-shipments', warehouseBr)).status).toBe(404);
    // A seller's key does not learn which warehouses exist through the operators' API.
    expect((await api('GET', '/v1/warehouses/MX-CTT-01/inbound-shipments', seller.key)).status).toBe(404);
    expect((await api('GET', '/v1/stock', warehouseMx)).status).toBe(403);
    expect(await statusOf(seller, id)).toBe('booked');
  });

  it('refuses an unsigned or unreadable forwarder webhook with the reason, and a milestone out of order leaves the shipment as it was', async () => {
    const { seller, id, run } = await bookedShipment('forwarder');
    const body = JSON.stringify({ inboundShipmentId: id, milestones: forwarderMilestones(id, pastDockSlot(new Date()), run).slice(0, 1) });
    expect((await postForwarder(body, 't=1,v1=' + '0'.repeat(64))).status).toBe(401);
    const unreadable = await postForwarder(JSON.stringify({ inboundShipmentId: 'nope', milestones: [{ type: 'teleported', milestoneId: 'x', at: 'now' }] }));
    expect(unreadable.status).toBe(400);
    expect((unreadable.body.errors as Problem[]).map((error) => error.path)).toEqual(['inboundShipmentId', 'milestones.0.type']);
    expect((await postForwarder('{')).status).toBe(400);

    // Well formed but out of order: release before the flight. Accepted (202), retried, then parked in the DLQ, visible.
    const released = forwarderMilestones(id, pastDockSlot(new Date()), run).find((milestone) => milestone.type === 'customs-released');
    const queued = await postForwarder(JSON.stringify({ inboundShipmentId: id, milestones: [released] }));
    expect(queued.status).toBe(202);
    const receiptId = String(queued.body.receiptId);
    const parked = await eventually(
      async () => {
        const queues = (await (await fetch(`${localCloud().admin}/queues`)).json()) as { logicalId: string; isDeadLetterQueue: boolean; sample: unknown[] }[];
        const dlq = queues.find((queue) => queue.isDeadLetterQueue && queue.logicalId.includes('Forwarder'));
        return dlq?.sample.find((message) => JSON.stringify(message).includes(receiptId));
      },
      40_000,
      'the out-of-order milestone in the forwarder DLQ',
    );
    expect(parked).toMatchObject({ receiptId, forwarder: 'enlace-forwarder' });
    expect(await statusOf(seller, id)).toBe('booked');
  }, 60_000);

  it('raises a stall when a leg goes silent past its threshold, once', async () => {
    const { seller, id } = await bookedShipment('stall');
    const sweep = async (hoursLater: number) => {
      const response = await fetch(`${localCloud().admin}/invoke/inbound-sweep`, {
        method: 'POST',
        body: JSON.stringify({
          version: '0',
          id: `inbound-sweep-${hoursLater}`,
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          time: new Date(Date.now() + hoursLater * 3_600_000).toISOString(),
          resources: [],
          detail: {},
        }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { raised: string[] };
    };
    expect((await sweep(1)).raised).not.toContain(id);
    expect((await sweep(24 * 30)).raised).toContain(id);
    expect((await sweep(24 * 31)).raised).not.toContain(id);
    const shipment = (await api('GET', `/v1/inbound-shipments/${id}`, seller.key)).body;
    expect(shipment.status).toBe('booked');
    expect(shipment.stallRaised).toBeDefined();
  });
});
