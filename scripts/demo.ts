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
import { signatureHeader } from '../domain/shared/signature';
import { buildSaveApiKey, issueApiKey } from '../functions/shared/store/api-key-store';
import { buildDocumentClient } from '../functions/shared/store/dynamo-client';
import { DEMO_TENANT, DEMO_WAREHOUSE_OPERATOR } from '../local/demo-tenant';
import { LocalCloud } from '../local/local-cloud';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/resources';
import { seedSandboxKpis } from '../local/seed';
import { warehouseDemo } from './demo-warehouse';
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
    case 'shipment.status-changed':
      return `tracking: ${typeof data.from === 'string' ? data.from : 'new'} → ${typeof data.to === 'string' ? data.to : '?'}`;
    case 'order.unrateable':
      return `unrateable: ${JSON.stringify(data.reasons).slice(0, 160)}`;
    default:
      return `${event['detail-type']}: ${JSON.stringify(data).slice(0, 160)}`;
  }
}

/** Milestones Enlace's own line-haul reports for every booked parcel, as a signed carrier webhook. */
const MILESTONES = [
  'LABEL_CREATED',
  'PICKED_UP_FROM_SELLER',
  'RECEIVED_AT_ORIGIN_HUB',
  'EXPORT_CUSTOMS_CLEARED',
  'DEPARTED_ORIGIN_AIRPORT',
  'ARRIVED_DESTINATION_AIRPORT',
] as const;

async function postLineHaulMilestones(cloud: { api: string; admin: string }, orders: readonly { orderId: string }[], run: string): Promise<void> {
  const all = (await (await fetch(`${cloud.admin}/events`)).json()) as BusEvent[];
  const secrets = (await (await fetch(`${cloud.admin}/secrets`)).json()) as { logicalId: string; value: Record<string, string[] | string> }[];
  const stored = secrets.find((candidate) => candidate.logicalId.startsWith('TrackingWebhookSecrets'))?.value['enlace-linehaul'];
  const secret = typeof stored === 'string' ? stored : stored?.[0];
  if (secret === undefined) {
    console.log('  (no line-haul webhook secret found; skipping carrier webhooks)');
    return;
  }
  const start = Date.now() - MILESTONES.length * 3_600_000;
  for (const order of orders) {
    const routed = all.find((event) => event['detail-type'] === 'shipment.routed' && event.detail.metadata?.correlationId === order.orderId);
    const lastMile = (routed?.detail.data?.shipment as { trackingNumber?: string } | undefined)?.trackingNumber;
    if (lastMile === undefined) {
      continue;
    }
    const parcel = { trackingNumber: `ENL${order.orderId.slice(-10)}`, lastMileTrackingNumber: lastMile };
    const body = JSON.stringify({
      schemaVersion: 1,
      milestones: MILESTONES.map((code, index) => ({
        milestoneId: `demo-${run}-${order.orderId}-${index}`,
        code,
        occurredAt: new Date(start + index * 3_600_000).toISOString(),
        location: { city: index < 5 ? 'Shenzhen' : 'Destination airport', country: index < 5 ? 'CN' : 'XX' },
        parcels: [parcel],
      })),
    });
    const response = await fetch(`${cloud.api}/v1/webhooks/tracking/enlace-linehaul`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'enlace-carrier-signature': signatureHeader(secret, Math.floor(Date.now() / 1000), body) },
      body,
    });
    console.log(`  line-haul webhook for ${order.orderId} (${lastMile}): ${response.status}`);
  }
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
  const headers = { authorization: `Bearer ${cloud.apiKey}`, 'content-type': 'application/json' };
  const examples = join(__dirname, '..', 'examples');
  const run = Date.now().toString(36);

  const orders: { file: string; orderId: string; country: string }[] = [];
  for (const file of readdirSync(examples)
    .filter((name) => /^order-.*\.json$/.test(name))
    .sort()) {
    const body = JSON.parse(readFileSync(join(examples, file), 'utf8')) as { externalOrderId: string; shipTo: { country: string; city: string } };
    body.externalOrderId = `${body.externalOrderId}-${run}`;
    const response = await fetch(`${cloud.api}/v1/orders`, { method: 'POST', headers, body: JSON.stringify(body) });
    const created = (await response.json()) as { orderId?: string; warnings?: { message: string }[]; detail?: string };
    if (response.status !== 201 || created.orderId === undefined) {
      console.log(`✗ ${file}: ${response.status} ${created.detail ?? ''}`);
      continue;
    }
    orders.push({ file, orderId: created.orderId, country: body.shipTo.country });
    console.log(`→ ${file}: order ${created.orderId} to ${body.shipTo.city}, ${body.shipTo.country} accepted (201)`);
    for (const warning of created.warnings ?? []) {
      console.log(`    warning: ${warning.message}`);
    }
  }

  console.log('\nWaiting for the pipeline…');
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  await postLineHaulMilestones(cloud, orders, run);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const events = (await (await fetch(`${cloud.admin}/events`)).json()) as BusEvent[];
  for (const order of orders) {
    console.log(`\n${order.country}  ${order.orderId}  (${order.file})`);
    for (const event of events.filter((candidate) => candidate.detail.metadata?.correlationId === order.orderId)) {
      console.log(`  ${event.time}  ${describe(event)}`);
    }
    const current = (await (await fetch(`${cloud.api}/v1/orders/${order.orderId}`, { headers })).json()) as { status: string };
    console.log(`  now: ${current.status}`);
  }

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
