/**
 * Seller notifications: one shared rule + fan-out, against one EventBridge rule per subscription.
 * Run: npx tsx bench/notifications.bench.ts            (in-process figures, a few seconds)
 *      npx tsx bench/notifications.bench.ts --local-cloud   (also end-to-end latency in the local cloud, ~1 min)
 * docs/notifications.md records the figures and what they decided.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import {
  createSubscription,
  deliveryIdFor,
  NOTIFIABLE_EVENT_TYPES,
  signingSecrets,
  toPublicNotification,
  wantsEvent,
  type Subscription,
} from '../domain/notifications';
import { signatureHeader } from '../domain/shared/signature';
import { buildSaveApiKey, issueApiKey } from '../functions/shared/store/api-key-store';
import { buildDocumentClient } from '../functions/shared/store/dynamo-client';
import { buildSaveSubscription } from '../functions/shared/store/subscription-store';
import { matchesEventPattern } from '../local/eventbridge/event-pattern';
import { LocalCloud } from '../local/local-cloud';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/resources';
import { sampleOrderBody } from '../tests/fixtures/orders';
import { WebhookReceiver } from '../tests/setup/webhook-receiver';

const at = new Date('2026-11-22T12:00:00.000Z');
const SUBSCRIPTIONS_PER_SELLER = 2;

function subscriptionsFor(sellerId: string): Subscription[] {
  return Array.from({ length: SUBSCRIPTIONS_PER_SELLER }, (_, index) => ({
    ...createSubscription(
      {
        sellerId,
        target: { kind: 'https', url: `https://${sellerId}.example.com/hooks/${index}` },
        eventTypes: index === 0 ? ['*'] : ['shipment.delivered', 'shipment.exception'],
        filter: {},
      },
      { subscriptionId: `sub_${sellerId}_${index}`, secret: `whsec_${sellerId}_${index}`, now: at },
    ),
    status: 'active' as const,
  }));
}

/** The pattern a per-subscription rule would need: Enlace events of this seller, of these types. */
function ruleFor(subscription: Subscription): Record<string, unknown> {
  const types = subscription.eventTypes.includes('*') ? [...NOTIFIABLE_EVENT_TYPES] : [...subscription.eventTypes];
  return { source: [{ prefix: 'enlace.' }], 'detail-type': types, detail: { metadata: { sellerId: [subscription.sellerId] } } };
}

function busEvent(sellerId: string, index: number) {
  const metadata = {
    eventId: `evt_${index}`,
    type: 'order.rated',
    version: 1,
    source: 'enlace.rating',
    occurredAt: at.toISOString(),
    correlationId: `ord_${index}`,
    sellerId,
  };
  const detail = { metadata, data: { orderId: `ord_${index}`, quotes: [{ serviceId: 'enlace-standard-br', total: { amount: 1290, currency: 'USD' } }] } };
  return {
    version: '0',
    id: String(index),
    'detail-type': 'order.rated',
    source: 'enlace.rating',
    account: '000000000000',
    time: at.toISOString(),
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

function time(iterations: number, body: (index: number) => number): { usPerEvent: number; matches: number } {
  let matches = 0;
  for (let i = 0; i < Math.min(2_000, iterations); i += 1) body(i); // warm-up: let the JIT settle
  const start = performance.now();
  for (let i = 0; i < iterations; i += 1) matches += body(i);
  return { usPerEvent: ((performance.now() - start) * 1000) / iterations, matches };
}

function inProcess(): void {
  console.log('Per event: evaluate every per-subscription rule (what EventBridge does for each event on a bus with one rule per subscription)');
  console.log("versus the fan-out: the seller's own subscriptions (one Query) matched, payload built and signed.\n");
  console.log('sellers  subscriptions  rules on the bus  per-rule matching µs/event  fan-out µs/event (match + payload + HMAC)');
  for (const sellers of [50, 500, 5_000]) {
    const bySeller = new Map<string, Subscription[]>();
    for (let s = 0; s < sellers; s += 1) {
      bySeller.set(`seller-${s}`, subscriptionsFor(`seller-${s}`));
    }
    const all = [...bySeller.values()].flat();
    const rules = all.map(ruleFor);
    const events = Array.from({ length: 1_000 }, (_, index) => busEvent(`seller-${index % sellers}`, index));
    const iterations = Math.max(200, Math.floor(2_000_000 / rules.length));
    const perRule = time(iterations, (i) => rules.filter((rule) => matchesEventPattern(rule, events[i % events.length])).length);
    const fanout = time(20_000, (i) => {
      const event = events[i % events.length]!;
      const wanted = (bySeller.get(event.detail.metadata.sellerId) ?? []).filter((subscription) => wantsEvent(subscription, { type: event['detail-type'] }));
      const payload = toPublicNotification(event.detail, 1);
      const body = JSON.stringify(payload);
      for (const subscription of wanted) {
        deliveryIdFor(event.detail.metadata.eventId, subscription.subscriptionId);
        signatureHeader(signingSecrets(subscription, at), 1795435200, body);
      }
      return wanted.length;
    });
    console.log(
      `${String(sellers).padStart(7)}  ${String(all.length).padStart(13)}  ${String(rules.length).padStart(15)}  ${perRule.usPerEvent.toFixed(1).padStart(26)}  ${fanout.usPerEvent.toFixed(1).padStart(10)}`,
    );
  }
}

async function localCloudLatency(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  console.log(
    '\nLocal cloud: POST /v1/orders → order.received and order.rated at a 127.0.0.1 receiver (20 orders after 3 warm-up ones), with 0 and 2,000 other subscriptions in the table',
  );
  const cloud = new LocalCloud({
    apiPort: 0,
    log: () => undefined,
    visibilityTimeoutSeconds: 1,
    context: { notificationRetryWindowSeconds: 60, notificationBackoffBaseSeconds: 1 },
  });
  const endpoints = await cloud.start();
  try {
    const tableName = cloud.resources!.tables.values().next().value!.name;
    const documents = buildDocumentClient(new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: endpoints.dynamodb }));
    const sellerId = 'bench-seller';
    const key = `enl_test_bench_${randomBytes(8).toString('hex')}`;
    await issueApiKey(
      buildSaveApiKey(documents, tableName),
      { tenantId: sellerId, kind: 'seller', sellerIds: [sellerId] },
      { name: 'bench', now: new Date(), key },
    );
    const receiver = await new WebhookReceiver().start();
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const subscribed = await fetch(`${endpoints.api}/v1/subscriptions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ endpoint: receiver.url, eventTypes: ['*'] }),
    });
    if (subscribed.status !== 201) {
      throw new Error(`subscribe answered ${subscribed.status}`);
    }
    // Other sellers' subscriptions are only read by the fan-out, never delivered to: sealed by encoding, no KMS.
    const save = buildSaveSubscription(documents, tableName, { seal: async (secret) => ({ scheme: 'bench', value: secret }) });
    let others = 0;
    for (const target of [0, 2_000]) {
      for (; others < target; others += 1) {
        await save({ ...subscriptionsFor(`other-${others}`)[0]!, status: 'active' });
      }
      const latencies: { received: number; rated: number }[] = [];
      // The first 3 orders of each round warm the execution environments and are not counted.
      for (let n = 0; n < 23; n += 1) {
        const started = Date.now();
        const response = await fetch(`${endpoints.api}/v1/orders`, {
          method: 'POST',
          headers,
          body: JSON.stringify(sampleOrderBody({ sellerId, externalOrderId: `BENCH-${target}-${n}-${Date.now()}` })),
        });
        const { orderId } = (await response.json()) as { orderId: string };
        const arrival = async (type: string) => {
          for (;;) {
            const found = receiver.delivered.find((request) => request.json.orderId === orderId && request.json.type === type);
            if (found !== undefined) return found.at - started;
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        };
        const latency = { received: await arrival('order.received'), rated: await arrival('order.rated') };
        if (n >= 3) {
          latencies.push(latency);
        }
      }
      const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
      const received = latencies.map((latency) => latency.received);
      const rated = latencies.map((latency) => latency.rated);
      console.log(
        `${String(target).padStart(5)} other subscriptions: order.received p50 ${percentile(received, 0.5)} ms, p95 ${percentile(received, 0.95)} ms; order.rated p50 ${percentile(rated, 0.5)} ms, p95 ${percentile(rated, 0.95)} ms`,
      );
    }
    await receiver.stop();
  } finally {
    await cloud.stop();
  }
}

inProcess();
if (process.argv.includes('--local-cloud')) {
  localCloudLatency().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
