import { verifySignature } from '../../../domain/shared/signature';
import type { Tenant } from '../../../domain/shared/tenant';
import { httpHandler } from '../../../functions/shared/http/http-handler';
import { SUBSCRIPTION_ROUTES } from '../../../functions/subscriptions/route-keys';
import { buildSubscriptionRoutes, buildSubscriptionsRouter } from '../../../functions/subscriptions/subscriptions';
import { buildVerifyTarget } from '../../../functions/subscriptions/verification';
import { activeSubscription, fakeQueue, fakeSend, memoryStore } from '../../fakes/notifications';
import { httpEvent, lambdaContext } from './http-fixtures';
import { expectEvery } from '../../setup/assertions';

const sellerA: Tenant = { tenantId: 'seller-a', kind: 'seller', sellerIds: ['seller-a'] };
const sellerB: Tenant = { tenantId: 'seller-b', kind: 'seller', sellerIds: ['seller-b'] };
const integration: Tenant = { tenantId: 'mkt', kind: 'integration', sellerIds: ['seller-a', 'seller-c'] };
const now = new Date('2026-11-22T12:00:00.000Z');

function setup(options: { verifies?: boolean } = {}) {
  const store = memoryStore();
  const queue = fakeQueue();
  const verifications: string[] = [];
  let ids = 0;
  let secrets = 0;
  const deps = {
    ...store,
    enqueueDeliveries: queue.enqueueDeliveries,
    verifyTarget: async (subscription: { subscriptionId: string }) => {
      verifications.push(subscription.subscriptionId);
      return options.verifies === false ? { ok: false, reason: 'HTTP 404' } : { ok: true };
    },
    targetPolicy: { network: {}, reservedBusNames: ['enlace'], ownAccountId: '999999999999' },
    newSubscriptionId: () => `sub_${(ids += 1)}`,
    newSecret: () => `whsec_secret${(secrets += 1)}`,
    now: () => now,
  };
  const handler = httpHandler(buildSubscriptionsRouter(deps));
  const call = async (method: string, path: string, tenant: Tenant, body?: unknown, query?: Record<string, string>) => {
    const route = SUBSCRIPTION_ROUTES.find((candidate) => candidate.method === method && new RegExp(`^${candidate.path.replace('{id}', '[^/]+')}$`).test(path));
    const id = /^\/v1\/subscriptions\/([^/]+)/.exec(path)?.[1];
    const event = httpEvent({
      method,
      path: route?.path ?? path,
      tenant,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      ...(id === undefined ? {} : { pathParameters: { id } }),
    });
    const withQuery = query === undefined ? event : { ...event, queryStringParameters: query };
    const result = await handler(withQuery, lambdaContext);
    return { status: result.statusCode, body: (result.body === undefined ? undefined : JSON.parse(result.body)) as ResponseBody };
  };
  return { store, queue, verifications, call, deps };
}

/** The fields these tests read from response bodies. */
interface ResponseBody extends Record<string, unknown> {
  errors: { path: string }[];
  subscriptions: { subscriptionId: string; sellerId: string }[];
  signingSecrets: { expiresAt?: string }[];
  deadLetters: Record<string, unknown>[];
  nextCursor?: string;
}

const valid = { endpoint: 'https://erp.example.com/hooks', eventTypes: ['order.rated', 'shipment.delivered'] };

describe('/v1/subscriptions', () => {
  it('has a route for every route the CDK declares', () => {
    const { deps } = setup();
    expect(Object.keys(buildSubscriptionRoutes(deps)).sort()).toEqual(SUBSCRIPTION_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  it("subscribes for the key's own seller, verifies, and shows the secret once", async () => {
    const { call, verifications } = setup();
    const created = await call('POST', '/v1/subscriptions', sellerA, valid);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      subscriptionId: 'sub_1',
      sellerId: 'seller-a',
      status: 'active',
      endpoint: 'https://erp.example.com/hooks',
      eventTypes: ['order.rated', 'shipment.delivered'],
      secret: 'whsec_secret1',
      verification: { ok: true },
      signingSecrets: [{ hint: 'whsec_…ret1', createdAt: now.toISOString() }],
    });
    expect(verifications).toEqual(['sub_1']);
    const read = await call('GET', '/v1/subscriptions/sub_1', sellerA);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain('whsec_secret1');
  });

  it('keeps a subscription whose handshake failed pending, and verifies it later', async () => {
    const { call, store } = setup({ verifies: false });
    const created = await call('POST', '/v1/subscriptions', sellerA, valid);
    expect(created.body).toMatchObject({ status: 'pending_verification', verification: { ok: false, reason: 'HTTP 404' } });
    expect(store.subscriptions.get('seller-a/sub_1')?.lastVerification).toMatchObject({ ok: false });
  });

  it('names every problem at once, including a missing seller for a key acting for several', async () => {
    const { call, store } = setup();
    const rejected = await call('POST', '/v1/subscriptions', integration, { endpoint: 'http://erp.example.com', eventTypes: ['order.lost'] });
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors.map((error) => error.path).sort()).toEqual(['endpoint', 'eventTypes.0', 'sellerId']);
    expect(store.subscriptions.size).toBe(0);
  });

  it('answers 415, 400 and 413 for bodies that are not JSON objects of a sane size', async () => {
    const { call, deps } = setup();
    const asText = await httpHandler(buildSubscriptionsRouter(deps))(
      httpEvent({ method: 'POST', path: '/v1/subscriptions', tenant: sellerA, body: JSON.stringify(valid), headers: { 'content-type': 'text/plain' } }),
      lambdaContext,
    );
    expect(asText.statusCode).toBe(415);
    expect((await call('POST', '/v1/subscriptions', sellerA, '{"endpoint":')).status).toBe(400);
    expect((await call('POST', '/v1/subscriptions', sellerA, '[]')).status).toBe(400);
    expect((await call('POST', '/v1/subscriptions', sellerA, 'null')).status).toBe(400);
    expect((await call('POST', '/v1/subscriptions', sellerA, JSON.stringify({ ...valid, description: 'x'.repeat(20_000) }))).status).toBe(413);
  });

  it('lets an integration act for its listed sellers only', async () => {
    const { call } = setup();
    expect((await call('POST', '/v1/subscriptions', integration, { ...valid, sellerId: 'seller-c' })).status).toBe(201);
    expect((await call('POST', '/v1/subscriptions', integration, { ...valid, sellerId: 'seller-b' })).status).toBe(403);
    expect((await call('GET', '/v1/subscriptions', integration, undefined, { sellerId: 'seller-b' })).status).toBe(403);
  });

  it("lists only the caller's sellers' subscriptions, and answers 404 for anyone else's", async () => {
    const { call } = setup();
    await call('POST', '/v1/subscriptions', sellerA, valid);
    await call('POST', '/v1/subscriptions', sellerB, valid);
    await call('POST', '/v1/subscriptions', integration, { ...valid, sellerId: 'seller-c' });
    const asA = await call('GET', '/v1/subscriptions', sellerA);
    expect(asA.body.subscriptions.map((item) => item.subscriptionId)).toEqual(['sub_1']);
    const asIntegration = await call('GET', '/v1/subscriptions', integration);
    expect(asIntegration.body.subscriptions.map((item) => item.sellerId).sort()).toEqual(['seller-a', 'seller-c']);
    const onlyC = await call('GET', '/v1/subscriptions', integration, undefined, { sellerId: 'seller-c' });
    expect(onlyC.body.subscriptions).toHaveLength(1);
    for (const [method, suffix] of [
      ['GET', ''],
      ['DELETE', ''],
      ['POST', '/verify'],
      ['POST', '/rotate-secret'],
      ['GET', '/dead-letters'],
      ['POST', '/replay'],
    ]) {
      expect((await call(method!, `/v1/subscriptions/sub_2${suffix!}`, sellerA)).status).toBe(404);
    }
  });

  it('answers 404 for an id Enlace could not have issued, without looking it up', async () => {
    const { deps } = setup();
    const router = buildSubscriptionsRouter({
      ...deps,
      findSubscription: async () => {
        throw new Error('must not be called');
      },
    });
    for (const [id, status] of [
      ['x'.repeat(2_000), 400], // longer than any id: refused at the edge, naming the parameter
      ['sub_../../etc', 404],
      ['ord_123', 404],
    ] as const) {
      const response = await httpHandler(router)(
        httpEvent({ method: 'GET', path: '/v1/subscriptions/{id}', tenant: sellerA, pathParameters: { id } }),
        lambdaContext,
      );
      expect(response.statusCode).toBe(status);
    }
  });

  it('caps subscriptions per seller', async () => {
    const { call } = setup();
    for (let i = 0; i < 20; i += 1) {
      expect((await call('POST', '/v1/subscriptions', sellerA, valid)).status).toBe(201);
    }
    expect((await call('POST', '/v1/subscriptions', sellerA, valid)).status).toBe(409);
  });

  it('rotates the secret, returning the new one once and keeping the old one for the overlap', async () => {
    const { call, store } = setup();
    await call('POST', '/v1/subscriptions', sellerA, valid);
    const rotated = await call('POST', '/v1/subscriptions/sub_1/rotate-secret', sellerA);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toBe('whsec_secret2');
    expect(rotated.body.signingSecrets).toHaveLength(2);
    expect(rotated.body.signingSecrets[1]!.expiresAt).toBe('2026-11-23T12:00:00.000Z');
    const immediate = await call('POST', '/v1/subscriptions/sub_1/rotate-secret', sellerA, { overlapSeconds: 0 });
    expect(immediate.body.signingSecrets).toHaveLength(3);
    expectEvery(store.subscriptions.get('seller-a/sub_1')!.secrets.slice(1), (secret) => secret.expiresAt === now.toISOString());
    expect((await call('POST', '/v1/subscriptions/sub_1/rotate-secret', sellerA, { overlapSeconds: -1 })).status).toBe(400);
  });

  it('answers 409 when another request changed the subscription meanwhile', async () => {
    const { call, deps, store } = setup();
    await call('POST', '/v1/subscriptions', sellerA, valid);
    // A concurrent writer bumps the revision between this request's read and its write.
    const racing = buildSubscriptionsRouter({
      ...deps,
      saveSubscription: async (subscription) => {
        const stored = store.subscriptions.get('seller-a/sub_1')!;
        store.subscriptions.set('seller-a/sub_1', { ...stored, revision: stored.revision + 1 });
        await deps.saveSubscription(subscription);
      },
    });
    const response = await httpHandler(racing)(
      httpEvent({ method: 'POST', path: '/v1/subscriptions/{id}/rotate-secret', tenant: sellerA, pathParameters: { id: 'sub_1' } }),
      lambdaContext,
    );
    expect(response.statusCode).toBe(409);
    expect(store.subscriptions.get('seller-a/sub_1')!.secrets).toHaveLength(1);
  });

  it('deletes a subscription', async () => {
    const { call } = setup();
    await call('POST', '/v1/subscriptions', sellerA, valid);
    expect((await call('DELETE', '/v1/subscriptions/sub_1', sellerA)).status).toBe(204);
    expect((await call('GET', '/v1/subscriptions/sub_1', sellerA)).status).toBe(404);
  });
});

describe('dead letters and replay', () => {
  async function withDeadLetters(count: number) {
    const context = setup();
    await context.call('POST', '/v1/subscriptions', sellerA, valid);
    for (let i = 0; i < count; i += 1) {
      await context.store.saveDeadLetter({
        deliveryId: `dlv_${String(i).padStart(32, '0')}`,
        subscriptionId: 'sub_1',
        sellerId: 'seller-a',
        firstAttemptAt: '2026-11-21T11:00:00.000Z',
        deadAt: '2026-11-22T11:00:00.000Z',
        attempts: 13,
        lastError: 'HTTP 500',
        payload: {
          formatVersion: 1,
          eventId: `evt_${i}`,
          type: 'order.rated',
          version: 1,
          occurredAt: '2026-11-21T11:00:00.000Z',
          orderId: 'ord_1',
          subject: { kind: 'order', id: 'ord_1' },
          sellerId: 'seller-a',
          sequence: i + 1,
          data: {},
        },
      });
    }
    return context;
  }

  it('lists dead letters a page at a time', async () => {
    const { call } = await withDeadLetters(3);
    const first = await call('GET', '/v1/subscriptions/sub_1/dead-letters', sellerA, undefined, { limit: '2' });
    expect(first.body.deadLetters).toHaveLength(2);
    expect(first.body.deadLetters[0]).toMatchObject({ type: 'order.rated', orderId: 'ord_1', attempts: 13, lastError: 'HTTP 500', eventId: 'evt_0' });
    const second = await call('GET', '/v1/subscriptions/sub_1/dead-letters', sellerA, undefined, { limit: '2', cursor: first.body.nextCursor! });
    expect(second.body.deadLetters).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    const bad = await call('GET', '/v1/subscriptions/sub_1/dead-letters', sellerA, undefined, { limit: 'lots' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.path).toBe('limit');
  });

  it('replays dead letters with their delivery ids and a fresh retry window, then removes them', async () => {
    const { call, queue, store } = await withDeadLetters(2);
    const replayed = await call('POST', '/v1/subscriptions/sub_1/replay', sellerA);
    expect(replayed.status).toBe(202);
    expect(replayed.body).toEqual({ replayed: [`dlv_${'0'.repeat(32)}`, `dlv_${'0'.repeat(31)}1`], notFound: [], more: false });
    expect(queue.jobs.map((job) => [job.deliveryId, job.firstAttemptAt, job.payload.sequence])).toEqual([
      [`dlv_${'0'.repeat(32)}`, now.toISOString(), 1],
      [`dlv_${'0'.repeat(31)}1`, now.toISOString(), 2],
    ]);
    expect(store.deadLetters.size).toBe(0);
  });

  it('replays chosen deliveries and says which it did not find', async () => {
    const { call, queue } = await withDeadLetters(2);
    const missing = `dlv_${'f'.repeat(32)}`;
    const replayed = await call('POST', '/v1/subscriptions/sub_1/replay', sellerA, { deliveryIds: [`dlv_${'0'.repeat(31)}1`, missing] });
    expect(replayed.body).toEqual({ replayed: [`dlv_${'0'.repeat(31)}1`], notFound: [missing], more: false });
    expect(queue.jobs).toHaveLength(1);
    expect((await call('POST', '/v1/subscriptions/sub_1/replay', sellerA, { deliveryIds: ['nope'] })).status).toBe(400);
  });

  it('refuses to replay to a subscription that is not verified', async () => {
    const { call, store } = await withDeadLetters(1);
    store.subscriptions.set('seller-a/sub_1', { ...store.subscriptions.get('seller-a/sub_1')!, status: 'pending_verification' });
    expect((await call('POST', '/v1/subscriptions/sub_1/replay', sellerA)).status).toBe(409);
  });
});

describe('the verification handshake', () => {
  const subscription = activeSubscription({ status: 'pending_verification' });

  it('sends a signed enlace.verification and passes when the endpoint echoes the challenge', async () => {
    const { sent, send } = fakeSend([{ ok: true, responseBody: 'c0ffee' }]);
    const verify = buildVerifyTarget({ send, newChallenge: () => 'c0ffee', now: () => now });
    expect(await verify(subscription)).toEqual({ ok: true });
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ type: 'enlace.verification', challenge: 'c0ffee', subscriptionId: 'sub_1' });
    expect(verifySignature({ header: sent[0]!.signature, secrets: ['whsec_1'], body: sent[0]!.body, nowSeconds: now.getTime() / 1000 }).valid).toBe(true);
  });

  it('fails when the endpoint answers without the challenge, or not at all', async () => {
    const ignoring = buildVerifyTarget({ send: fakeSend([{ ok: true, responseBody: 'thanks' }]).send, newChallenge: () => 'c0ffee', now: () => now });
    expect(await ignoring(subscription)).toEqual({ ok: false, reason: expect.stringContaining('challenge') });
    const down = buildVerifyTarget({ send: fakeSend([{ ok: false, error: 'no answer within 5 s' }]).send, newChallenge: () => 'c0ffee', now: () => now });
    expect(await down(subscription)).toEqual({ ok: false, reason: 'no answer within 5 s' });
  });

  it('passes a bus once PutEvents accepts the handshake', async () => {
    const verify = buildVerifyTarget({ send: fakeSend([{ ok: true, responseBody: '' }]).send, newChallenge: () => 'c0ffee', now: () => now });
    expect(await verify({ ...subscription, target: { kind: 'event-bus', arn: 'arn:aws:events:us-east-1:123456789012:event-bus/erp' } })).toEqual({ ok: true });
  });
});
