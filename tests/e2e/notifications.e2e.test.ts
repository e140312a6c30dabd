import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tenant } from '../../domain/shared/tenant';
import { publicNotificationV1 } from '../../events/public/notification';
import { buildSaveApiKey, issueApiKey } from '../../functions/shared/store/api-key-store';
import type { RequestBody } from '../../api/client';
import { sampleOrderBody } from '../fixtures/orders';
import { apiClient, apiFetch } from '../setup/api-contract';
import { eventually, localClientConfig, localCloud, localDynamoDb } from '../setup/local-cloud-client';
import { readmeVerifier } from '../setup/readme-verifier';
import { WebhookReceiver, type ReceivedRequest } from '../setup/webhook-receiver';
import { expectEvery } from '../setup/assertions';

/*
 * Seller notifications through the local cloud: API Gateway → subscriptions → handshake with a real
 * HTTP receiver on 127.0.0.1; orders → pipeline → bus → shared rule → fan-out → delivery → receiver.
 * The test cloud retries from 1 s and dead-letters after 8 s (tests/setup/global-setup.ts).
 * Each test uses sellers of its own, so other test files' orders never reach these receivers.
 */

const isFromEnlace = readmeVerifier();
const receivers: WebhookReceiver[] = [];
const subscriptions: { id: string; key: string }[] = [];

afterAll(async () => {
  await Promise.all(subscriptions.map(({ id, key }) => apiClient(key).DELETE('/v1/subscriptions/{id}', { params: { path: { id } } })));
  await Promise.all(receivers.map((receiver) => receiver.stop()));
});

/** A fresh seller with a key of its own. */
async function newSeller(label: string): Promise<{ sellerId: string; key: string }> {
  const sellerId = `ntf-${label}-${randomBytes(4).toString('hex')}`;
  const key = `enl_test_${sellerId.replace(/-/g, '_')}_${randomBytes(8).toString('hex')}`;
  const tenant: Tenant = { tenantId: sellerId, kind: 'seller', sellerIds: [sellerId] };
  await issueApiKey(buildSaveApiKey(localDynamoDb().documents, localCloud().table), tenant, { name: 'notifications e2e', now: new Date(), key });
  return { sellerId, key };
}

async function api(method: string, path: string, key: string, body?: unknown) {
  const response = await apiFetch(`${localCloud().api}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text.length > 0 ? JSON.parse(text) : undefined) as Record<string, unknown> };
}

async function startReceiver(): Promise<WebhookReceiver> {
  const receiver = await new WebhookReceiver().start();
  receivers.push(receiver);
  return receiver;
}

/** Through the typed client generated from openapi.json. */
async function subscribe(seller: { sellerId: string; key: string }, target: { endpoint: string } | { eventBusArn: string }, eventTypes: string[] = ['*']) {
  const created = await apiClient(seller.key).POST('/v1/subscriptions', { body: { ...target, eventTypes } as RequestBody<'createSubscription'> });
  expect(created.response.status).toBe(201);
  const body = created.data!;
  subscriptions.push({ id: body.subscriptionId, key: seller.key });
  return { id: body.subscriptionId, secret: body.secret, body };
}

const deadLettersOf = async (seller: { key: string }, id: string) =>
  (await apiClient(seller.key).GET('/v1/subscriptions/{id}/dead-letters', { params: { path: { id } } })).data!.deadLetters;

async function postOrder(seller: { sellerId: string; key: string }): Promise<string> {
  const created = await api('POST', '/v1/orders', seller.key, sampleOrderBody({ sellerId: seller.sellerId, externalOrderId: `NTF-${randomUUID()}` }));
  expect(created.status).toBe(201);
  return String(created.body.orderId);
}

/** The accepted deliveries about one order, one per delivery id (a retry repeats the id). */
function deliveriesFor(receiver: WebhookReceiver, orderId: string): ReceivedRequest[] {
  const byId = new Map<string, ReceivedRequest>();
  for (const request of receiver.delivered.filter((candidate) => candidate.json.orderId === orderId)) {
    byId.set(String(request.headers['enlace-delivery-id']), request);
  }
  return [...byId.values()].sort((a, b) => Number(a.json.sequence) - Number(b.json.sequence));
}

const waitForTypes = (receiver: WebhookReceiver, orderId: string, types: string[], timeoutMs = 30_000) =>
  eventually(
    async () => {
      const got = deliveriesFor(receiver, orderId);
      return types.every((type) => got.some((request) => request.json.type === type)) ? got : undefined;
    },
    timeoutMs,
    `${types.join(', ')} for ${orderId}`,
  );

/**
 * Events of the routing, customs and tracking steps for this order: the contract fixtures
 * (tests/fixtures/events/) moved to this order and seller, delivered into the fan-out's queue exactly
 * as the shared rule delivers bus events. (Putting them on the bus would also feed those steps'
 * consumers; and tracking events need a carrier's signed webhook.)
 */
async function injectPipelineEvents(orderId: string, sellerId: string, types: string[]): Promise<string[]> {
  const queues = (await (await fetch(`${localCloud().admin}/queues`)).json()) as { queue: string; logicalId: string }[];
  const fanout = queues.find((queue) => /^NotificationsFanoutQueue/.test(queue.logicalId));
  expect(fanout).toBeDefined();
  const sqs = new SQSClient({ ...localClientConfig(localCloud().sqs), useQueueUrlAsEndpoint: false });
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: fanout!.queue }));
  const eventIds: string[] = [];
  for (const type of types) {
    const captured = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'events', `${type}.v1.json`), 'utf8')) as {
      metadata: { correlationId: string; sellerId: string; source: string };
    };
    const detail = JSON.parse(
      JSON.stringify(captured).replaceAll(captured.metadata.correlationId, orderId).replaceAll(captured.metadata.sellerId, sellerId),
    ) as {
      metadata: Record<string, unknown>;
    };
    const eventId = `evt_${randomUUID()}`;
    detail.metadata = { ...detail.metadata, eventId, occurredAt: new Date().toISOString() };
    const event = {
      version: '0',
      id: randomUUID(),
      'detail-type': type,
      source: captured.metadata.source,
      account: '000000000000',
      time: new Date().toISOString(),
      region: 'us-east-1',
      resources: [],
      detail,
    };
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(event) }));
    eventIds.push(eventId);
    // One at a time, so their sequence numbers follow this list.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return eventIds;
}

function expectSignedBy(request: ReceivedRequest, secret: string): void {
  const header = request.headers['enlace-signature'];
  expect(typeof header).toBe('string');
  expect(isFromEnlace(header as string, request.body, secret)).toBe(true);
  // Tampering with a single byte breaks it.
  expect(isFromEnlace(header as string, `${request.body} `, secret)).toBe(false);
}

describe('seller notifications through the local cloud', () => {
  it('a seller subscribes a localhost receiver, posts an order and receives every event, signed, timed and numbered; a receiver restart loses nothing', async () => {
    const seller = await newSeller('a');
    const receiver = await startReceiver();
    const subscription = await subscribe(seller, { endpoint: receiver.url });
    expect(subscription.body).toMatchObject({ status: 'active', verification: { ok: true }, endpoint: receiver.url });
    expect(subscription.secret).toMatch(/^whsec_/);
    const handshake = receiver.requests.find((request) => request.json.type === 'enlace.verification');
    expect(handshake).toBeDefined();
    expectSignedBy(handshake!, subscription.secret);

    const orderId = await postOrder(seller);
    await waitForTypes(receiver, orderId, ['order.received', 'order.rated']);

    // The receiver goes down while routing, customs and tracking happen, and comes back a couple of seconds later.
    await receiver.stop();
    const later = ['shipment.routed', 'customs.documents-ready', 'shipment.status-changed', 'shipment.delivered'];
    const injected = await injectPipelineEvents(orderId, seller.sellerId, later);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await receiver.start();

    const deliveries = await waitForTypes(receiver, orderId, ['order.received', 'order.rated', ...later]);
    const ofInjected = injected.map((eventId) => deliveries.find((request) => request.json.eventId === eventId));
    expect(ofInjected.map((request) => request?.json.type)).toEqual(later);
    // Sequence numbers order the order's events: 1, 2, 3… without gaps or repeats (whatever the
    // routing and customs steps published for this order meanwhile counts too), in forwarding order.
    expect(deliveries.map((request) => request.json.sequence)).toEqual(deliveries.map((_, index) => index + 1));
    const injectedSequences = ofInjected.map((request) => Number(request?.json.sequence));
    expect([...injectedSequences].sort((a, b) => a - b)).toEqual(injectedSequences);
    for (const request of deliveries) {
      expectSignedBy(request, subscription.secret);
      const payload = publicNotificationV1.parse(request.json);
      expect(payload).toMatchObject({ orderId, sellerId: seller.sellerId, formatVersion: 1 });
      expect(Date.parse(payload.occurredAt)).not.toBeNaN();
      expect(request.headers['enlace-event-type']).toBe(payload.type);
      expect(request.headers['enlace-delivery-id']).toMatch(/^dlv_[0-9a-f]{32}$/);
    }
    // Deliveries attempted while the receiver was down came back: nothing waits in the dead letters.
    expect(await deadLettersOf(seller, subscription.id)).toEqual([]);
  });

  it('retries a receiver that fails, with the same delivery id, until it recovers', async () => {
    const seller = await newSeller('b');
    const receiver = await startReceiver();
    const subscription = await subscribe(seller, { endpoint: receiver.url }, ['order.received']);
    // A witness: the same seller's subscription to order.rated alone, on a receiver of its own.
    const witness = await startReceiver();
    await subscribe(seller, { endpoint: witness.url }, ['order.rated']);
    receiver.failNext = 2;

    const orderId = await postOrder(seller);
    const [delivered] = await waitForTypes(receiver, orderId, ['order.received']);
    const deliveryId = delivered!.headers['enlace-delivery-id'];
    const attempts = receiver.requests.filter((request) => request.headers['enlace-delivery-id'] === deliveryId);
    expect(attempts.map((request) => request.status)).toEqual([503, 503, 200]);
    // Exponential backoff from 1 s in the test cloud: ~1 s, then ~2 s (±20 %).
    expect(attempts[2]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(2_000);
    expectSignedBy(delivered!, subscription.secret);
    // Only the subscribed type arrives. The positive signal: the witness got order.rated, so the
    // fan-out has decided about it for every subscription of the seller (one invocation, one batch of jobs).
    await waitForTypes(witness, orderId, ['order.rated']);
    expect(deliveriesFor(receiver, orderId).map((request) => request.json.type)).toEqual(['order.received']);
  });

  it("parks deliveries to a receiver that stays down in the seller's dead letters, and replays them once it is back", async () => {
    const seller = await newSeller('c');
    const receiver = await startReceiver();
    const subscription = await subscribe(seller, { endpoint: receiver.url }, ['order.received', 'order.rated']);
    await receiver.stop();

    const orderId = await postOrder(seller);
    const deadLetters = await eventually(
      async () => {
        const items = await deadLettersOf(seller, subscription.id);
        return items.filter((item) => item.orderId === orderId).length === 2 ? items : undefined;
      },
      40_000,
      'two dead letters',
    );
    expect(deadLetters.map((item) => item.type).sort()).toEqual(['order.rated', 'order.received']);
    for (const item of deadLetters) {
      expect(item.attempts).toBeGreaterThanOrEqual(3);
      expect(item.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    }
    expect(receiver.delivered).toHaveLength(0);

    await receiver.start();
    const replay = await apiClient(seller.key).POST('/v1/subscriptions/{id}/replay', { params: { path: { id: subscription.id } } });
    expect(replay.response.status).toBe(202);
    expect(replay.data!.replayed.sort()).toEqual(deadLetters.map((item) => item.deliveryId).sort());

    const delivered = await waitForTypes(receiver, orderId, ['order.received', 'order.rated']);
    expect(delivered.map((request) => request.headers['enlace-delivery-id']).sort()).toEqual(deadLetters.map((item) => item.deliveryId).sort());
    expect(delivered.map((request) => request.json.sequence)).toEqual([1, 2]);
    delivered.forEach((request) => expectSignedBy(request, subscription.secret));
    expect(await deadLettersOf(seller, subscription.id)).toEqual([]);
  });

  it("never delivers seller B's events to seller A, and never lets A see or control B's subscriptions", async () => {
    const [sellerA, sellerB] = [await newSeller('iso-a'), await newSeller('iso-b')];
    const [receiverA, receiverB] = [await startReceiver(), await startReceiver()];
    const subscriptionA = await subscribe(sellerA, { endpoint: receiverA.url });
    const subscriptionB = await subscribe(sellerB, { endpoint: receiverB.url });

    const orderB = await postOrder(sellerB);
    const orderA = await postOrder(sellerA);
    await waitForTypes(receiverB, orderB, ['order.received', 'order.rated']);
    await waitForTypes(receiverA, orderA, ['order.received', 'order.rated']);
    // The positive signal is the waits above: each of B's events was fanned out (B got it), and the
    // fan-out queues an event's jobs for every subscription it picks in one batch, so one for A would be here.
    expectEvery(receiverA.delivered, (request) => request.json.sellerId === sellerA.sellerId);
    expect(receiverA.delivered.some((request) => request.json.orderId === orderB)).toBe(false);
    expectEvery(receiverB.delivered, (request) => request.json.sellerId === sellerB.sellerId);

    // B's subscription does not exist for A: every route answers as for a missing one.
    for (const [method, path] of [
      ['GET', ''],
      ['DELETE', ''],
      ['POST', '/verify'],
      ['POST', '/rotate-secret'],
      ['GET', '/dead-letters'],
      ['POST', '/replay'],
    ] as const) {
      expect({ method, path, status: (await api(method, `/v1/subscriptions/${subscriptionB.id}${path}`, sellerA.key)).status }).toEqual({
        method,
        path,
        status: 404,
      });
    }
    const listedByA = await api('GET', '/v1/subscriptions', sellerA.key);
    expect((listedByA.body.subscriptions as { subscriptionId: string }[]).map((item) => item.subscriptionId)).toEqual([subscriptionA.id]);
    expect((await api('GET', `/v1/subscriptions?sellerId=${sellerB.sellerId}`, sellerA.key)).status).toBe(403);
    expect((await api('POST', '/v1/subscriptions', sellerA.key, { sellerId: sellerB.sellerId, endpoint: receiverA.url, eventTypes: ['*'] })).status).toBe(403);
    // B's subscription is untouched.
    expect((await api('GET', `/v1/subscriptions/${subscriptionB.id}`, sellerB.key)).body.status).toBe('active');
  });

  it('signs with both secrets while a rotated secret overlaps the new one', async () => {
    const seller = await newSeller('rot');
    const receiver = await startReceiver();
    const subscription = await subscribe(seller, { endpoint: receiver.url });
    const rotated = await apiClient(seller.key).POST('/v1/subscriptions/{id}/rotate-secret', { params: { path: { id: subscription.id } } });
    expect(rotated.response.status).toBe(200);
    const newSecret = rotated.data!.secret;
    expect(newSecret).not.toBe(subscription.secret);
    expect(rotated.data!.signingSecrets).toEqual([
      expect.objectContaining({ hint: expect.stringMatching(/^whsec_…/) }),
      expect.objectContaining({ expiresAt: expect.any(String) }),
    ]);

    const orderId = await postOrder(seller);
    const [delivery] = await waitForTypes(receiver, orderId, ['order.received']);
    expect(String(delivery!.headers['enlace-signature']).match(/v1=/g)).toHaveLength(2);
    expectSignedBy(delivery!, newSecret);
    expectSignedBy(delivery!, subscription.secret);
    expect(isFromEnlace(String(delivery!.headers['enlace-signature']), delivery!.body, 'whsec_someone_else')).toBe(false);
  });

  it('keeps a subscription whose endpoint does not answer the handshake pending, delivering nothing, until it verifies', async () => {
    const seller = await newSeller('ver');
    const receiver = await startReceiver();
    receiver.ignoreChallenge = true;
    const subscription = await subscribe(seller, { endpoint: receiver.url });
    expect(subscription.body).toMatchObject({ status: 'pending_verification', verification: { ok: false } });
    expect(subscription.body.verification.reason).toContain('challenge');
    // A witness: an active subscription of the same seller, on a receiver of its own.
    const witness = await startReceiver();
    await subscribe(seller, { endpoint: witness.url });

    const before = await postOrder(seller);
    // The positive signal: the witness got both events, so the fan-out has passed over the pending subscription.
    await waitForTypes(witness, before, ['order.received', 'order.rated']);
    expect(deliveriesFor(receiver, before)).toHaveLength(0);

    receiver.ignoreChallenge = false;
    const verified = await api('POST', `/v1/subscriptions/${subscription.id}/verify`, seller.key);
    expect(verified.body).toMatchObject({ status: 'active', verification: { ok: true } });
    const after = await postOrder(seller);
    await waitForTypes(receiver, after, ['order.received', 'order.rated']);
  });

  it("forwards to a seller's event bus, with the public payload as the detail and a detail-type of its own", async () => {
    const seller = await newSeller('bus');
    // Enlace's local account is 000000000000; a seller's bus is in another account (the local EventBridge serves its default bus).
    const subscription = await subscribe(seller, { eventBusArn: 'arn:aws:events:us-east-1:111122223333:event-bus/default' }, ['order.rated']);
    expect(subscription.body).toMatchObject({ status: 'active', eventBusArn: expect.stringContaining('event-bus/default') });

    const orderId = await postOrder(seller);
    const forwarded = await eventually(
      async () => {
        const events = (await (await fetch(`${localCloud().admin}/events`)).json()) as {
          source: string;
          'detail-type': string;
          detail: Record<string, unknown>;
        }[];
        return events.find((event) => event.source === 'enlace.notifications' && event.detail.orderId === orderId);
      },
      30_000,
      'order.rated on the seller bus',
    );
    expect(forwarded['detail-type']).toBe('Enlace Notification');
    expect(publicNotificationV1.parse(forwarded.detail)).toMatchObject({ type: 'order.rated', sellerId: seller.sellerId, orderId, sequence: 1 });
  });

  it('answers bad subscription requests with 400 naming every problem, never a 500', async () => {
    const seller = await newSeller('bad');
    const bad = await api('POST', '/v1/subscriptions', seller.key, {
      endpoint: 'http://example.com/hooks',
      eventTypes: ['order.rated', 'order.teleported'],
      filter: { destinationCountries: ['AR'] },
      colour: 'blue',
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.errors as { path: string }[]).map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['endpoint', 'eventTypes.1', 'filter.destinationCountries.0', '(body)']));
    for (const eventBusArn of ['arn:aws:events:us-east-1:000000000000:event-bus/enlace', 'arn:aws:events:us-east-1:000000000000:event-bus/default']) {
      // Enlace's own buses, its default bus included: never a target.
      expect((await api('POST', '/v1/subscriptions', seller.key, { eventBusArn, eventTypes: ['*'] })).status).toBe(400);
    }
    expect((await api('GET', '/v1/subscriptions/sub_missing/dead-letters?limit=1000', seller.key)).status).toBe(400);
    expect((await api('GET', '/v1/subscriptions/sub_missing', seller.key)).status).toBe(404);
    const raw = await apiFetch(`${localCloud().api}/v1/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seller.key}`, 'content-type': 'application/json' },
      body: '{"endpoint":',
    });
    expect(raw.status).toBe(400);
  });
});
