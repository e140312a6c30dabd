import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signatureHeader } from '../../domain/shared/signature';
import { feedAdapter, WEBHOOK_FEEDS } from '../../domain/tracking';
import { webhookAuthHeaders } from '../../domain/tracking/webhook-auth';
import { forwarderMilestones } from '../../local/warehouse-journey';
import type { RouteSpec } from '../../local/wiring';
import { earbuds, inboundBody } from '../fixtures/inbound';
import { sampleOrderBody } from '../fixtures/orders';
import { hostileBody, hostilePathId, hostileText, legalButHardText } from '../fuzz/hostile';
import { eventually, localCloud } from '../setup/local-cloud-client';
import { TEST_KEYS } from '../setup/test-keys';

/*
 * Property-based fuzzing of every public route and every webhook through the local cloud (API
 * Gateway → authorizer → Lambda → DynamoDB, queues, the bus), with hostile Unicode, numbers at and
 * past the limits, hostile path ids and deep, wide or broken JSON. Asserted: never a 5xx, never a
 * hang (an answer within HANG_MS), and every order it gets accepted reaches a status the pipeline
 * stops at on its own. `npm test` runs a bounded slice (ENLACE_FUZZ_RUNS unset: a few requests per
 * route); `npm run fuzz` runs ENLACE_FUZZ_RUNS=… of them. ENLACE_FUZZ_SEED replays a run.
 */

const RUNS_PER_ROUTE = Number(process.env.ENLACE_FUZZ_RUNS ?? 4);
const SEED = Number(process.env.ENLACE_FUZZ_SEED ?? Date.now() % 2_147_483_647);
const HANG_MS = 20_000;
/** Statuses the pipeline stops at without outside input (a carrier's scan, a seller's correction). */
const SETTLED = new Set(['unrateable', 'unroutable', 'documents-ready', 'customs-held', 'in-transit', 'delivered', 'exception']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Tally {
  requests: number;
  byClass: Record<string, number>;
  failures: string[];
  accepted: string[];
}
const tally: Tally = { requests: 0, byClass: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, noAnswer: 0 }, failures: [], accepted: [] };

const keyFor = (path: string) => (path.startsWith('/v1/warehouses') ? TEST_KEYS.warehouseMx.key : TEST_KEYS.integration.key);

/** A valid body for each route that takes one, so mutations reach past the first check. */
function validBody(method: string, path: string): () => Json {
  if (path === '/v1/orders') return () => sampleOrderBody({ sellerId: 'seller-a', externalOrderId: `FUZZ-${randomUUID()}` }) as Json;
  if (path === '/v1/orders/{id}') return () => ({ shipTo: { taxId: { type: 'CPF', value: '390.533.447-05' } } });
  if (path === '/v1/rates') {
    return () => ({
      destination: { country: 'BR', postalCode: '01310-200', state: 'SP' },
      parcels: [{ weightGrams: 1200, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 100 } }],
      items: [{ quantity: 2, unitDeclaredValue: '19.90', hsCode: '6109.10', category: 'apparel' }],
      currency: 'USD',
      incoterm: 'DDP',
      marketplace: 'mercado-libre',
    });
  }
  if (path === '/v1/subscriptions') return () => ({ endpoint: 'https://hooks.example.com/enlace', eventTypes: ['*'] });
  if (path.includes('inbound-shipments') && method === 'POST' && !path.includes('{')) return () => inboundBody({ reference: `FUZZ-${randomUUID()}` }) as Json;
  if (path.includes('products') && !path.includes('{')) return () => ({ ...earbuds(), sku: `FUZZ-${randomUUID().slice(0, 8)}` }) as unknown as Json;
  return () => ({ note: 'fuzz' });
}

/** Sends one request; counts it; records a 5xx or a hang as a failure (the property then fails and shrinks). */
async function send(method: string, url: string, headers: Record<string, string>, body?: string | Buffer): Promise<{ status: number; json: unknown }> {
  tally.requests += 1;
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(HANG_MS) });
  } catch (error) {
    tally.byClass.noAnswer! += 1;
    const cause = (error as Error & { cause?: Error }).cause;
    const failure = `${method} ${url.slice(0, 200)}: no answer in ${Date.now() - started} ms (${(error as Error).name}: ${String(cause?.message ?? (error as Error).message)})`;
    tally.failures.push(failure);
    throw new Error(failure);
  }
  const text = await response.text();
  const kind = `${String(response.status)[0]}xx`;
  tally.byClass[kind] = (tally.byClass[kind] ?? 0) + 1;
  if (response.status >= 500) {
    const failure = `${method} ${url.slice(0, 200)} → ${response.status} ${text.slice(0, 300)} (body: ${String(body ?? '').slice(0, 300)})`;
    tally.failures.push(failure);
    throw new Error(failure);
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

const note = (status: number, json: unknown, path: string, method: string) => {
  if (method === 'POST' && path === '/v1/orders' && status === 201) {
    tally.accepted.push(String((json as { orderId: string }).orderId));
  }
};

/** One fixture payload per webhook feed (the first webhook of its first file). */
function feedFixture(feed: string): () => Json {
  const folder = join(__dirname, '..', 'fixtures', 'tracking', feed);
  const file = readdirSync(folder).find((name) => name.endsWith('.json'))!;
  const parsed = JSON.parse(readFileSync(join(folder, file), 'utf8')) as { webhooks?: Json[] } & Record<string, Json>;
  const payload = Array.isArray(parsed.webhooks) ? parsed.webhooks[0]! : (parsed as Json);
  return () => structuredClone(payload);
}

/** Runs a property with the run's seed; a failure's report is cut short (a counterexample can be megabytes of JSON). */
async function check<T>(property: fc.IAsyncPropertyWithHooks<T>): Promise<void> {
  try {
    await fc.assert(property, { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true, interruptAfterTimeLimit: 240_000 });
  } catch (error) {
    throw new Error(`${(error as Error).message.slice(0, 3_000)}…`);
  }
}

let routes: RouteSpec[] = [];
let trackingSecrets: Record<string, string[]> = {};
let forwarderSecret = '';

beforeAll(async () => {
  const wiring = (await (await fetch(`${localCloud().admin}/wiring`)).json()) as { routes: RouteSpec[] };
  routes = wiring.routes;
  const secrets = (await (await fetch(`${localCloud().admin}/secrets`)).json()) as { logicalId: string; value: Record<string, string[] | string> }[];
  const asList = (value: string[] | string | undefined) => (value === undefined ? [] : typeof value === 'string' ? [value] : value);
  const tracking = secrets.find((secret) => secret.logicalId.startsWith('TrackingWebhookSecrets'))?.value ?? {};
  trackingSecrets = Object.fromEntries(Object.entries(tracking).map(([feed, value]) => [feed, asList(value)]));
  forwarderSecret = asList(secrets.find((secret) => secret.logicalId.includes('ForwarderWebhookSecrets'))?.value['enlace-forwarder'])[0] ?? '';
});

afterAll(() => {
  const { requests, byClass, accepted } = tally;
  // The run's figures, printed for the log (the assertions are in the tests).
  process.stdout.write(
    `fuzz (seed ${SEED}, ${RUNS_PER_ROUTE} runs per property): ${requests} requests, 2xx ${byClass['2xx']}, 4xx ${byClass['4xx']}, 5xx ${byClass['5xx']}, no answer (hang or closed connection) ${byClass.noAnswer}; ` +
      `orders accepted ${accepted.length}, lost ${lostOrders.length}\n`,
  );
});

let lostOrders: string[] = [];

describe(`fuzzing every route and webhook through the local cloud (seed ${SEED})`, () => {
  it('finds every public route and webhook in the template', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.some((route) => route.path === '/v1/webhooks/tracking/{feed}' || route.path.startsWith('/v1/webhooks/tracking/'))).toBe(true);
  });

  it("answers a request line over API Gateway's limit with a 4xx, never a dropped connection (regression: the local API closed it)", async () => {
    const { status } = await send('POST', `${localCloud().api}/v1/orders/${'A'.repeat(70_000)}`, { 'content-type': 'application/json' }, '{}');
    expect(status).toBe(431);
  });

  it('answers hostile path ids, queries and bodies on every API route with a 2xx or a 4xx, never a 5xx or a hang', async () => {
    const apiRoutes = routes.filter((route) => !route.path.startsWith('/v1/webhooks/'));
    for (const route of apiRoutes) {
      const parameters = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      const takesBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
      await check(
        fc.asyncProperty(
          fc.array(fc.oneof({ weight: 3, arbitrary: hostilePathId }, { weight: 1, arbitrary: fc.constantFrom('ord_0000000000', 'sub_1', 'MX-CTT-01') }), {
            minLength: parameters.length,
            maxLength: parameters.length,
          }),
          takesBody ? hostileBody(validBody(route.method, route.path)) : fc.constant(undefined),
          // API Gateway refuses a request line and headers over 10 KB before any function runs: queries stay under that.
          fc.option(
            hostileText.map((text) => text.slice(0, 2_000)),
            { nil: undefined },
          ),
          fc.constantFrom('key', 'key', 'key', 'none', 'bogus'),
          async (ids, body, query, auth) => {
            let path = route.path;
            parameters.forEach((name, index) => (path = path.replace(`{${name}}`, ids[index]!)));
            const search =
              query === undefined
                ? ''
                : `?lane=${encodeURIComponent(query.replace(/[\uD800-\uDFFF]/g, ''))}&cursor=${encodeURIComponent(query.slice(0, 50).replace(/[\uD800-\uDFFF]/g, ''))}`;
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            if (auth === 'key') headers.authorization = `Bearer ${keyFor(route.path)}`;
            if (auth === 'bogus') headers.authorization = `Bearer enl_live_${'0'.repeat(40)}`;
            const { status, json } = await send(route.method, `${localCloud().api}${path}${search}`, headers, body);
            note(status, json, route.path, route.method);
          },
        ),
      );
    }
    expect(tally.requests).toBeGreaterThan(apiRoutes.length);
  }, 300_000);

  it('accepts orders whose text is hard but legal (astral, right-to-left, combining) or refuses them with a 400, never losing one', async () => {
    await check(
      fc.asyncProperty(legalButHardText, legalButHardText, legalButHardText, async (name, description, city) => {
        const order = sampleOrderBody({ sellerId: 'seller-a', externalOrderId: `FUZZ-TEXT-${randomUUID()}` }) as {
          shipTo: Record<string, unknown>;
          items: Record<string, unknown>[];
        };
        order.shipTo = { ...order.shipTo, name, city, streetLines: [`${name} 12`] };
        order.items = order.items.map((item) => ({ ...item, description }));
        const { status, json } = await send(
          'POST',
          `${localCloud().api}/v1/orders`,
          { authorization: `Bearer ${TEST_KEYS.integration.key}`, 'content-type': 'application/json' },
          JSON.stringify(order),
        );
        expect([201, 400]).toContain(status);
        note(status, json, '/v1/orders', 'POST');
      }),
    );
  }, 120_000);

  it('answers hostile signed payloads on every carrier webhook and the forwarder webhook with a 2xx or a 4xx', async () => {
    for (const feed of WEBHOOK_FEEDS) {
      const auth = feedAdapter(feed)!.webhook!.auth;
      const secret = trackingSecrets[feed]?.[0] ?? 'no-secret';
      await check(
        fc.asyncProperty(hostileBody(feedFixture(feed)), fc.boolean(), async (body, signed) => {
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            ...(signed ? webhookAuthHeaders(auth, secret, body, Math.floor(Date.now() / 1000)) : {}),
          };
          await send('POST', `${localCloud().api}/v1/webhooks/tracking/${feed}`, headers, body);
        }),
      );
    }
    await check(
      fc.asyncProperty(hostilePathId, async (feed) => {
        await send('POST', `${localCloud().api}/v1/webhooks/tracking/${feed}`, { 'content-type': 'application/json' }, '{}');
      }),
    );
    const milestones = () => ({ inboundShipmentId: 'inb_FUZZ', milestones: forwarderMilestones('inb_FUZZ', new Date(), 'fuzz') }) as unknown as Json;
    await check(
      fc.asyncProperty(hostileBody(milestones), async (body) => {
        const headers = {
          'content-type': 'application/json',
          'enlace-forwarder-signature': signatureHeader(forwarderSecret, Math.floor(Date.now() / 1000), body),
        };
        await send('POST', `${localCloud().api}/v1/webhooks/forwarders/enlace-forwarder`, headers, body);
      }),
    );
  }, 300_000);

  it('takes every order it accepted to a status the pipeline stops at: none lost', async () => {
    const statusOf = async (orderId: string) => {
      const response = await fetch(`${localCloud().api}/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${TEST_KEYS.integration.key}` } });
      return ((await response.json()) as { status?: string }).status;
    };
    const pending = new Set(tally.accepted);
    await eventually(
      async () => {
        for (const orderId of [...pending]) if (SETTLED.has((await statusOf(orderId)) ?? '')) pending.delete(orderId);
        return pending.size === 0 ? true : undefined;
      },
      90_000,
      'every accepted order settled',
    ).catch(() => undefined);
    lostOrders = [...pending];
    const stuck = await Promise.all(lostOrders.map(async (orderId) => `${orderId}: ${await statusOf(orderId)}`));
    expect(stuck).toEqual([]);
    expect(tally.failures).toEqual([]);
    expect(tally.byClass['5xx']).toBe(0);
  }, 120_000);
});
