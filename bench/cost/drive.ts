/**
 * What `npm run cost` puts through the local cloud: the sample orders of examples/ (every destination,
 * the customs path included: a hold the seller corrects, as `npm run demo` does), then each parcel's
 * tracking: six line-haul milestones, each its own signed webhook, then the last mile through the
 * carrier's own source (its signed webhook or its aggregator's, four pushes; or Enlace's poller, run
 * at each time the parcel is due). One order at a time, each step waiting for its positive signal, so
 * batches hold one message and the counts repeat from run to run.
 */
import { GetItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCarrierSlug, type CarrierSlug } from '../../domain/shared/carriers';
import { feedAdapter, SANDBOX_HANDOVER_AFTER_HOURS, scriptedLastMile, trackingOf, webhookAuthHeaders } from '../../domain/tracking';
import type { LocalCloud } from '../../local/local-cloud';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/resources';
import type { CostMeter } from './meter';

const HOUR = 3_600_000;
const at = (from: string, hours: number) => new Date(Date.parse(from) + hours * HOUR).toISOString();

/** The line-haul's milestones a parcel reports, one webhook each (hours after booking). */
const LINE_HAUL: readonly (readonly [code: string, hours: number, where: 'origin' | 'destination'])[] = [
  ['PICKED_UP_FROM_SELLER', 6, 'origin'],
  ['RECEIVED_AT_ORIGIN_HUB', 12, 'origin'],
  ['DEPARTED_ORIGIN_AIRPORT', 30, 'origin'],
  ['ARRIVED_DESTINATION_AIRPORT', 52, 'destination'],
  ['IMPORT_CUSTOMS_RELEASED', 76, 'destination'],
  ['HANDED_TO_LAST_MILE', SANDBOX_HANDOVER_AFTER_HOURS, 'destination'],
];

/** What the demo's seller corrects when customs holds a sample order (scripts/demo.ts). */
const FIXES: Readonly<Record<string, unknown>> = {
  'order-br.json': { certificates: [{ agency: 'ANATEL', reference: '12345-20-01234', skus: ['BT-EARBUDS-X2'] }] },
};

export interface Sample {
  readonly file: string;
  readonly body: Record<string, unknown> & { externalOrderId: string; shipTo: { country: string } };
}

export function samples(): Sample[] {
  const folder = join(__dirname, '..', '..', 'examples');
  return readdirSync(folder)
    .filter((name) => /^order-.*\.json$/.test(name))
    .sort()
    .map((file) => ({ file, body: JSON.parse(readFileSync(join(folder, file), 'utf8')) as Sample['body'] }));
}

export interface Booked {
  readonly orderId: string;
  readonly file: string;
  readonly country: string;
  /** The pipeline's last word on the order (customs.documents-ready, order.unroutable…). */
  readonly outcome: string;
  readonly shipment?: { readonly shipmentId?: string; readonly carrier: string; readonly trackingNumber: string; readonly bookedAt: string };
}

export interface DriveContext {
  readonly cloud: LocalCloud;
  readonly meter: CostMeter;
  readonly apiKey: string;
  /** DynamoDB Local itself (not the meter's front): the driver's own look-ups are not billed. */
  readonly rawDynamodb: string;
  readonly tableName: string;
  readonly run: string;
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`npm run cost: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const eventsOf = (cloud: LocalCloud, orderId: string) =>
  cloud.publishedEvents.filter((event) => (event.detail as { metadata?: { correlationId?: string } } | undefined)?.metadata?.correlationId === orderId);

async function api(
  context: DriveContext,
  method: string,
  path: string,
  body: unknown,
  contentType = 'application/json',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${context.cloud.endpoints!.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${context.apiKey}`, 'content-type': contentType },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Posts one order and waits for the pipeline to finish with it: documents ready (after the seller's fix, for a held sample), or unroutable. */
export async function driveOrder(context: DriveContext, sample: Sample, index: number): Promise<Booked> {
  const body = { ...sample.body, externalOrderId: `${sample.body.externalOrderId}-${context.run}-${index}` };
  const created = await api(context, 'POST', '/v1/orders', body);
  if (created.status !== 201) throw new Error(`${sample.file}: POST /v1/orders answered ${created.status}: ${JSON.stringify(created.json)}`);
  const orderId = String(created.json.orderId);
  const done = (types: RegExp) => () => eventsOf(context.cloud, orderId).find((event) => types.test(event['detail-type']));
  let last = await until(`${orderId} through customs`, done(/^(customs\.documents-ready|customs\.held|order\.unroutable|order\.unrateable)$/));
  const fix = FIXES[sample.file];
  if (last['detail-type'] === 'customs.held' && fix !== undefined) {
    const patched = await api(context, 'PATCH', `/v1/orders/${orderId}`, fix, 'application/merge-patch+json');
    if (patched.status !== 200) throw new Error(`${sample.file}: PATCH answered ${patched.status}`);
    last = await until(`${orderId} documents after the fix`, done(/^customs\.documents-ready$/));
  }
  const routed = eventsOf(context.cloud, orderId).find((event) => event['detail-type'] === 'shipment.routed');
  const shipment = (routed?.detail as { data?: { shipment?: Booked['shipment'] } } | undefined)?.data?.shipment;
  return { orderId, file: sample.file, country: sample.body.shipTo.country, outcome: last['detail-type'], ...(shipment === undefined ? {} : { shipment }) };
}

function secrets(cloud: LocalCloud): Record<string, string> {
  const stored = (cloud.localSecrets().find((secret) => secret.logicalId.startsWith('TrackingWebhookSecrets'))?.value ?? {}) as Record<
    string,
    string | string[]
  >;
  return Object.fromEntries(Object.entries(stored).map(([feed, value]) => [feed, typeof value === 'string' ? value : (value[0] ?? '')]));
}

/** The version of a shipment's tracking item, read from DynamoDB Local itself (unbilled); 0 before its first write. */
async function trackingVersion(dynamodb: DynamoDBClient, context: DriveContext, shipmentId: string): Promise<number> {
  const { Item } = await dynamodb.send(
    new GetItemCommand({
      TableName: context.tableName,
      Key: { pk: { S: `SHIPMENT#${shipmentId}` }, sk: { S: 'TRACKING' } },
      ProjectionExpression: '#version',
      ExpressionAttributeNames: { '#version': 'version' },
      ConsistentRead: true,
    }),
  );
  return Number(Item?.version?.N ?? '0');
}

/**
 * Waits for an update to be written: the tracking item's version moves past `before`. It holds for
 * both of the webhook's paths (written in the request, or queued and written by tracking-ingestion);
 * every update the driver posts brings a new scan, so each one moves the version.
 */
const written = (dynamodb: DynamoDBClient, context: DriveContext, shipmentId: string, before: number) =>
  until(
    `tracking of ${shipmentId} written past version ${before}`,
    async () => ((await trackingVersion(dynamodb, context, shipmentId)) > before ? true : undefined),
    30_000,
  );

export interface TrackingPlayed {
  /** Webhooks sent for the parcel (line-haul and last-mile pushes). */
  readonly updates: number;
  /** Whether its last mile is Enlace's to poll (drivePolling does it, for every polled parcel at once). */
  readonly polled: boolean;
}

/** Plays one parcel's pushed tracking: the line-haul's webhooks, then its last mile's pushes unless its carrier is polled. */
export async function driveTracking(context: DriveContext, parcel: Booked): Promise<TrackingPlayed> {
  const shipment = parcel.shipment;
  if (shipment === undefined || !isCarrierSlug(shipment.carrier)) return { updates: 0, polled: false };
  const shipmentId = shipment.shipmentId;
  if (shipmentId === undefined) throw new Error(`${parcel.orderId}: shipment.routed carried no shipmentId`);
  const dynamodb = new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: context.rawDynamodb });
  try {
    return await playTracking(context, parcel, { ...shipment, shipmentId, carrier: shipment.carrier }, dynamodb);
  } finally {
    dynamodb.destroy();
  }
}

type PlayedShipment = NonNullable<Booked['shipment']> & { readonly shipmentId: string; readonly carrier: CarrierSlug };

async function playTracking(context: DriveContext, parcel: Booked, shipment: PlayedShipment, dynamodb: DynamoDBClient): Promise<TrackingPlayed> {
  const secretOf = secrets(context.cloud);
  const post = async (feed: string, body: string) => {
    const auth = feedAdapter(feed)?.webhook?.auth;
    if (auth === undefined) throw new Error(`${feed} takes no webhooks`);
    const before = await trackingVersion(dynamodb, context, shipment.shipmentId);
    const response = await fetch(`${context.cloud.endpoints!.api}/v1/webhooks/tracking/${feed}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...webhookAuthHeaders(auth, secretOf[feed] ?? '', body, Math.floor(Date.now() / 1000)) },
      body,
    });
    if (response.status >= 300) throw new Error(`${feed} webhook answered ${response.status}`);
    await written(dynamodb, context, shipment.shipmentId, before);
  };
  let updates = 0;
  for (const [index, [code, hours, where]] of LINE_HAUL.entries()) {
    const body = JSON.stringify({
      schemaVersion: 1,
      milestones: [
        {
          milestoneId: `cost-${context.run}-${parcel.orderId}-${index}`,
          code,
          occurredAt: at(shipment.bookedAt, hours),
          location: where === 'origin' ? { city: 'Shenzhen', country: 'CN' } : { country: parcel.country },
          parcels: [{ trackingNumber: `ENL${parcel.orderId.slice(-10)}`, lastMileTrackingNumber: shipment.trackingNumber }],
        },
      ],
    });
    await post('enlace-linehaul', body);
    updates++;
  }
  const primary = trackingOf(shipment.carrier)?.primary;
  if (primary === undefined) return { updates, polled: false };
  if (primary.kind === 'poll') return { updates, polled: true };
  const events = scriptedLastMile(shipment.bookedAt, parcel.country);
  const adapter = feedAdapter(primary.feed)!;
  for (let step = 1; step <= events.length; step++) {
    await post(
      primary.feed,
      JSON.stringify(adapter.sample([{ carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, events: events.slice(0, step) }])),
    );
    updates++;
  }
  return { updates, polled: false };
}

export interface PollingPlayed {
  /** Parcels polled, and the polls of them in all (a parcel asked once in a run is one poll, one update). */
  readonly parcels: number;
  readonly polls: number;
  /** Requests to the carriers' tracking APIs (a request may ask about several parcels). */
  readonly carrierRequests: number;
  /** Days from booking to each parcel's last poll, summed over the parcels. */
  readonly parcelDays: number;
}

/**
 * Enlace's polling of the polled parcels, as the schedule would run it: the tracking-poller is run at
 * the earliest time any parcel is due (its POLL item says when), again and again until none is left
 * to poll; each run asks about every parcel due then, as the 15-minute schedule would.
 */
export async function drivePolling(context: DriveContext, parcels: readonly Booked[], drained: () => Promise<void>): Promise<PollingPlayed> {
  const dynamodb = new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: context.rawDynamodb });
  const active = new Map(
    parcels.flatMap((parcel) => (parcel.shipment?.shipmentId === undefined ? [] : [[parcel.shipment.shipmentId, parcel.shipment.bookedAt] as const])),
  );
  let polls = 0;
  let carrierRequests = 0;
  let parcelDays = 0;
  let lastRun: string | undefined;
  try {
    for (let guard = 0; guard < 1_000 && active.size > 0; guard++) {
      const dues = new Map<string, string>();
      for (const [shipmentId, bookedAt] of active) {
        const { Item } = await dynamodb.send(
          new GetItemCommand({ TableName: context.tableName, Key: { pk: { S: `SHIPMENT#${shipmentId}` }, sk: { S: 'POLL' } }, ConsistentRead: true }),
        );
        const due = Item?.gsi4sk?.S?.split('#')[0];
        if (due === undefined) {
          parcelDays += (Date.parse(lastRun ?? bookedAt) - Date.parse(bookedAt)) / (24 * HOUR);
          active.delete(shipmentId);
        } else {
          dues.set(shipmentId, due);
        }
      }
      if (dues.size === 0) break;
      const time = [...dues.values()].sort()[0]!;
      const summary = (await context.cloud.invokeByName('tracking-poller', scheduled(time))) as { carriers?: { due?: number; requests?: number }[] };
      for (const carrier of summary.carriers ?? []) {
        polls += carrier.due ?? 0;
        carrierRequests += carrier.requests ?? 0;
      }
      lastRun = time;
      await drained();
    }
  } finally {
    dynamodb.destroy();
  }
  return { parcels: parcels.length, polls, carrierRequests, parcelDays };
}
const scheduled = (time: string) => ({
  version: '0',
  id: `cost-poll-${time}`,
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time,
  region: LOCAL_REGION,
  resources: [],
  detail: {},
});
