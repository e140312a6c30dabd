/**
 * `npm run demo`: drives sample orders for every destination through the backend and prints what
 * happened to each, step by step; then an inbound shipment from Shenzhen to the Mexico City
 * warehouse through a customs hold and a receipt with a damaged carton; then a poison message
 * landing in a dead-letter queue.
 * Uses the local cloud `npm start` is running, or starts one of its own.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEnlaceClient, type EnlaceClient, type RequestBody } from '../api/client';
import { buildSaveApiKey, issueApiKey } from '../functions/shared/store/api-key-store';
import { buildDocumentClient } from '../functions/shared/store/dynamo-client';
import { DEMO_TENANT, DEMO_WAREHOUSE_OPERATOR } from '../local/demo-tenant';
import { LocalCloud } from '../local/local-cloud';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/resources';
import { seedSandboxKpis } from '../local/seed';
import { warehouseDemo } from './demo-warehouse';
import { playParcelWeek, sourceWords, type BookedParcel } from './demo-tracking';
import { runningLocalCloud } from './local-cloud-state';

interface BusEvent {
  'detail-type': string;
  time: string;
  detail: { metadata?: { correlationId?: string }; data?: Record<string, unknown> };
}

type Money = { amount: number; currency: string };
const money = (value: Money | undefined) =>
  value === undefined ? '?' : `${value.currency} ${(value.amount / (value.currency === 'CLP' ? 1 : 100)).toFixed(value.currency === 'CLP' ? 0 : 2)}`;

/** One line per event, in words. */
function describe(event: BusEvent): string {
  const data = event.detail.data ?? {};
  switch (event['detail-type']) {
    case 'order.received':
      return 'received and stored';
    case 'order.rated': {
      const quotes = data.quotes as {
        serviceName: string;
        totalCharges: Money;
        dutiesAndTaxes: Money;
        dutiesPayer: string;
        transitDays: { min: number; max: number };
      }[];
      const best = quotes[0]!;
      return `rated: ${quotes.length} service(s); cheapest ${best.serviceName} ${money(best.totalCharges)} (duties and taxes ${money(best.dutiesAndTaxes)}, paid by the ${best.dutiesPayer}), ${best.transitDays.min}-${best.transitDays.max} days`;
    }
    case 'shipment.routed': {
      const shipment = data.shipment as { carrierName: string; trackingNumber: string };
      return `routed: ${shipment.carrierName}, tracking number ${shipment.trackingNumber}. ${String(data.summary)}`;
    }
    case 'order.unroutable':
      return `unroutable: ${(data.explanation as string[]).join(' ')}`;
    case 'customs.documents-ready': {
      const documents = (data.documents as { type?: string; documentType?: string }[] | undefined) ?? [];
      return `customs documents ready: ${documents.map((document) => document.documentType ?? document.type ?? '?').join(', ')}`;
    }
    case 'customs.held': {
      const problems = (data.problems as { message: string; severity: string }[] | undefined) ?? [];
      return `held at customs check: ${problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => problem.message)
        .join(' | ')}`;
    }
    case 'shipment.status-changed': {
      const by = (data.reportedBy as { carrier?: string } | undefined)?.carrier ?? '?';
      return `tracking (${by}): ${typeof data.from === 'string' ? data.from : 'new'} → ${typeof data.to === 'string' ? data.to : '?'}`;
    }
    case 'shipment.delivered':
      return `delivered: ${data.onTime === true ? 'on time' : 'late'}, ${String(data.transitDays)} days after booking`;
    case 'order.unrateable':
      return `unrateable: ${JSON.stringify(data.reasons).slice(0, 160)}`;
    default:
      return `${event['detail-type']}: ${JSON.stringify(data).slice(0, 160)}`;
  }
}

/** What the demo's seller corrects when customs holds a sample order (README, "Customs documents"). */
const DEMO_FIXES: Readonly<Record<string, { readonly words: string; readonly patch: unknown }>> = {
  'order-br.json': {
    words: 'adds the ANATEL homologation of its earbuds',
    patch: { certificates: [{ agency: 'ANATEL', reference: '12345-20-01234', skus: ['BT-EARBUDS-X2'] }] },
  },
};

async function busEvents(admin: string): Promise<BusEvent[]> {
  return (await (await fetch(`${admin}/events`)).json()) as BusEvent[];
}

/** The order's booked shipment's tracking, through the typed client (undefined until a shipment is booked). */
async function trackingOf(enlace: EnlaceClient, orderId: string) {
  const { data: order } = await enlace.GET('/v1/orders/{id}', { params: { path: { id: orderId } } });
  const shipmentId = order?.tracking?.shipmentId;
  return shipmentId === undefined ? undefined : (await enlace.GET('/v1/shipments/{id}/tracking', { params: { path: { id: shipmentId } } })).data;
}

const statusOf = async (enlace: EnlaceClient, orderId: string) => (await enlace.GET('/v1/orders/{id}', { params: { path: { id: orderId } } })).data?.status;

/** Polls until `probe` answers, or gives up after `timeoutMs` (the demo then shows what it has). */
async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let cloud = runningLocalCloud();
  let own: LocalCloud | undefined;
  if (cloud === undefined) {
    console.log('No local cloud running: starting one for the demo (npm start runs one you can keep)…');
    own = new LocalCloud({ apiPort: 0, log: () => undefined, visibilityTimeoutSeconds: 2 });
    const endpoints = await own.start();
    const tableName = own.resources!.tables.values().next().value!.name;
    const documents = buildDocumentClient(new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: endpoints.dynamodb }));
    await seedSandboxKpis(documents, tableName, new Date());
    const apiKey = await issueApiKey(buildSaveApiKey(documents, tableName), DEMO_TENANT, { name: 'demo', now: new Date() });
    const warehouseKey = await issueApiKey(buildSaveApiKey(documents, tableName), DEMO_WAREHOUSE_OPERATOR, { name: 'demo warehouse', now: new Date() });
    cloud = { ...endpoints, tableName, apiKey, warehouseKey, pid: process.pid };
  }
  // Every API call below goes through the client generated from openapi.json (api/client): the demo is its proof.
  const enlace = createEnlaceClient({ baseUrl: cloud.api, apiKey: cloud.apiKey });
  const examples = join(__dirname, '..', 'examples');
  const run = Date.now().toString(36);

  const orders: { file: string; orderId: string; country: string }[] = [];
  for (const file of readdirSync(examples)
    .filter((name) => /^order-.*\.json$/.test(name))
    .sort()) {
    const body = JSON.parse(readFileSync(join(examples, file), 'utf8')) as RequestBody<'createOrder'>;
    body.externalOrderId = `${body.externalOrderId}-${run}`;
    const { data: created, error, response } = await enlace.POST('/v1/orders', { body });
    if (created === undefined) {
      console.log(`✗ ${file}: ${response.status} ${error !== undefined && 'detail' in error ? error.detail : ''}`);
      continue;
    }
    orders.push({ file, orderId: created.orderId, country: body.shipTo.country });
    console.log(`→ ${file}: order ${created.orderId} to ${body.shipTo.city}, ${body.shipTo.country} accepted (201)`);
    for (const warning of (created.warnings as { message: string }[] | undefined) ?? []) {
      console.log(`    warning: ${warning.message}`);
    }
  }

  console.log('\nWaiting for the pipeline (rating, routing, customs)…');
  const routed = await waitFor(async () => {
    const events = await busEvents(cloud.admin);
    const found = orders.map((order) =>
      events.find((event) => event.detail.metadata?.correlationId === order.orderId && /^(shipment\.routed|order\.unroutable)$/.test(event['detail-type'])),
    );
    return found.every((event) => event !== undefined) ? found : undefined;
  }, 30_000);
  const parcels: (BookedParcel & { file: string })[] = [];
  orders.forEach((order, index) => {
    const shipment = routed?.[index]?.detail.data?.shipment as { carrier: string; carrierName: string; trackingNumber: string; bookedAt: string } | undefined;
    if (shipment !== undefined) parcels.push({ ...order, ...shipment });
  });

  // A seller fixes a customs hold before the parcel leaves China (README, "Customs documents").
  await waitFor(async () => {
    const events = await busEvents(cloud.admin);
    return (
      orders.every((order) => events.some((event) => event.detail.metadata?.correlationId === order.orderId && event['detail-type'].startsWith('customs.'))) ||
      undefined
    );
  }, 20_000);
  for (const order of orders) {
    const fix = DEMO_FIXES[order.file];
    if (fix === undefined || (await statusOf(enlace, order.orderId)) !== 'customs-held') continue;
    const { data: fixed, response } = await enlace.PATCH('/v1/orders/{id}', {
      params: { path: { id: order.orderId } },
      body: fix.patch as RequestBody<'correctOrder'>,
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    console.log(`→ ${order.file}: held at customs check; the seller ${fix.words} (PATCH ${response.status}) → ${fixed?.status ?? '?'}`);
  }

  console.log('\nThe week after booking, played now: the line-haul, then each last mile through its carrier’s own tracking source…');
  await playParcelWeek(cloud, parcels, run, (line) => console.log(line));
  await waitFor(async () => {
    const views = await Promise.all(parcels.map(async (parcel) => trackingOf(enlace, parcel.orderId)));
    return views.every((view) => view?.status === 'delivered') || undefined;
  }, 45_000);

  const events = await busEvents(cloud.admin);
  const notDelivered: string[] = [];
  for (const order of orders) {
    console.log(`\n${order.country}  ${order.orderId}  (${order.file})`);
    for (const event of events.filter((candidate) => candidate.detail.metadata?.correlationId === order.orderId)) {
      console.log(`  ${event.time}  ${describe(event)}`);
    }
    const parcel = parcels.find((candidate) => candidate.orderId === order.orderId);
    const view = parcel === undefined ? undefined : await trackingOf(enlace, order.orderId);
    if (parcel !== undefined && view !== undefined) {
      const lastMile = view.events.filter((event) => event.carrier === parcel.carrier);
      console.log(
        `  last mile: ${parcel.carrierName} ${parcel.trackingNumber} through ${sourceWords(parcel.carrier)} [${[...new Set(lastMile.map((event) => event.source))].join(', ')}]: ${lastMile.map((event) => `${event.status} (${event.occurredAt.slice(5, 16)})`).join(' → ')}`,
      );
    }
    console.log(`  now: ${(await statusOf(enlace, order.orderId)) ?? '?'}`);
    const lastMileStatuses = view?.events.filter((event) => event.carrier === parcel?.carrier).map((event) => event.status) ?? [];
    const lineHaul = view?.events.filter((event) => event.carrier === 'enlace-linehaul') ?? [];
    if (lineHaul.length === 0 || !lastMileStatuses.includes('out-for-delivery') || !lastMileStatuses.includes('delivered')) notDelivered.push(order.file);
  }
  console.log(
    notDelivered.length === 0
      ? `\n✓ all ${orders.length} orders reached out-for-delivery and delivered through their own last-mile carrier.`
      : `\n✗ not followed to the door: ${notDelivered.join(', ')}`,
  );
  process.exitCode = notDelivered.length === 0 ? 0 : 1;

  await warehouseDemo(cloud, DEMO_TENANT.sellerIds[0]!, run);

  console.log('\nA poison message: a consumer queue receives something that is not an event it accepts…');
  const queues = (await (await fetch(`${cloud.admin}/queues`)).json()) as {
    queue: string;
    logicalId: string;
    isDeadLetterQueue: boolean;
    visible: number;
    sample: unknown[];
  }[];
  const target = queues.find((queue) => !queue.isDeadLetterQueue && queue.logicalId.includes('Queue') && !queue.logicalId.includes('Failures'));
  if (target !== undefined) {
    const sqs = new SQSClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: cloud.sqs });
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: target.queue }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ demo: `poison-${run}` }) }));
    console.log(`  sent to ${target.queue}; it fails on every delivery and is redriven to the DLQ after its last allowed receive.`);
    for (let waited = 0; waited < 120; waited += 2) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const report = (await (await fetch(`${cloud.admin}/queues`)).json()) as typeof queues;
      const parked = report.find((queue) => queue.isDeadLetterQueue && queue.sample.some((message) => JSON.stringify(message).includes(`poison-${run}`)));
      if (parked !== undefined) {
        console.log(`  parked in ${parked.queue} after ${waited + 2} s: ${JSON.stringify(parked.sample.at(-1))}`);
        console.log('  (see every queue with `npm run queues`, or GET /queues on the admin endpoint)');
        break;
      }
    }
  }
  await own?.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
