/**
 * One cost measurement: a local cloud of its own with the meter in front of every endpoint, a warm-up
 * (cold starts, caches), then `orders` orders through the pipeline and then their tracking, each
 * phase metered on its own. Used by `npm run cost` and by the check in `npm test`.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { trackingOf } from '../../domain/tracking';
import { buildSaveApiKey, issueApiKey } from '../../functions/shared/store/api-key-store';
import { buildDocumentClient } from '../../functions/shared/store/dynamo-client';
import { DEMO_TENANT } from '../../local/demo-tenant';
import { functionAccessKeyId } from '../../local/kms-server';
import { LocalCloud } from '../../local/local-cloud';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/resources';
import { seedSandboxKpis } from '../../local/seed';
import { price, writeUnits, type Priced } from './bill';
import { driveOrder, drivePolling, driveTracking, samples, type Booked, type DriveContext } from './drive';
import { CostMeter, type Usage } from './meter';

export interface CostMeasurement {
  readonly orders: number;
  readonly updates: number;
  readonly polledParcels: number;
  readonly polls: number;
  readonly polledDays: number;
  readonly carrierRequests: number;
  /** Usage of the order phase and of the tracking phase, as counted. */
  readonly orderUsage: readonly Usage[];
  readonly trackingUsage: readonly Usage[];
  readonly localWallMs: Record<string, number>;
  /** What became of the measured orders: sample → last-mile carrier and its tracking source (or why none). */
  readonly outcomes: Record<string, number>;
  /** DynamoDB write units per (caller, kind of item) in each phase. */
  readonly writesByItem: { readonly order: Record<string, number>; readonly tracking: Record<string, number> };
}

/** Waits until every queue is empty and nothing billable happened for `quietMs` (stream records and rule deliveries included). */
async function settle(cloud: LocalCloud, meter: CostMeter, quietMs = 2_000): Promise<void> {
  const sqs = new SQSClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: meter.upstreams.get('sqs')!, useQueueUrlAsEndpoint: false });
  try {
    const queues = [...cloud.resources!.queues.values()].filter((queue) => !/Dlq|DeadLetter|Failures/i.test(queue.logicalId));
    for (;;) {
      const depths = await Promise.all(
        queues.map(async (queue) => {
          const { Attributes = {} } = await sqs.send(
            new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
          );
          return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
        }),
      );
      await cloud.drain();
      if (depths.every((depth) => depth === 0) && Date.now() - meter.lastActivity > quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    sqs.destroy();
  }
}

export async function measureCost(options: { orders: number; warmup: number; say?: (line: string) => void }): Promise<CostMeasurement> {
  const say = options.say ?? (() => undefined);
  const meter = new CostMeter();
  const cloud = new LocalCloud({ apiPort: 0, log: () => undefined, meter });
  try {
    say('starting the local cloud with the cost meter in front of every endpoint…');
    await cloud.start();
    for (const [logicalId, name] of cloud.resources!.functions) meter.callers.set(functionAccessKeyId(logicalId), name);
    const tableName = cloud.resources!.tables.values().next().value!.name;
    const rawDynamodb = meter.upstreams.get('dynamodb')!;
    const documents = buildDocumentClient(new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: rawDynamodb }));
    await seedSandboxKpis(documents, tableName, new Date());
    const apiKey = await issueApiKey(buildSaveApiKey(documents, tableName), DEMO_TENANT, { name: 'cost', now: new Date() });
    const context: DriveContext = { cloud, meter, apiKey, rawDynamodb, tableName, run: Date.now().toString(36) };
    const all = samples();

    const play = async (count: number, offset: number) => {
      const booked: Booked[] = [];
      for (let index = 0; index < count; index++) booked.push(await driveOrder(context, all[(offset + index) % all.length]!, offset + index));
      return booked;
    };
    say(`warm-up: ${options.warmup} orders and their tracking (not counted)…`);
    const warm = await play(options.warmup, 0);
    const warmPolled: Booked[] = [];
    for (const parcel of warm) if ((await driveTracking(context, parcel)).polled) warmPolled.push(parcel);
    await drivePolling(context, warmPolled, () => settle(cloud, meter, 300));
    await settle(cloud, meter);

    meter.reset();
    say(`${options.orders} orders through intake, rating, routing and customs…`);
    const booked = await play(options.orders, options.warmup);
    await settle(cloud, meter);
    const orderUsage = structuredClone(meter.usage());
    const orderWrites = Object.fromEntries(meter.writesByItem);

    meter.reset();
    say(`their tracking: line-haul webhooks, then each last mile through its own source…`);
    let updates = 0;
    const polled: Booked[] = [];
    for (const parcel of booked) {
      const played = await driveTracking(context, parcel);
      updates += played.updates;
      if (played.polled) polled.push(parcel);
    }
    const polling = await drivePolling(context, polled, () => settle(cloud, meter, 300));
    updates += polling.polls;
    const { polls, carrierRequests } = polling;
    const polledParcels = polling.parcels;
    const polledDays = polling.parcelDays;
    await settle(cloud, meter);
    const trackingUsage = structuredClone(meter.usage());
    const outcomes: Record<string, number> = {};
    for (const parcel of booked) {
      const carrier = parcel.shipment?.carrier;
      const outcome = `${parcel.file} → ${carrier === undefined ? `not booked (${parcel.outcome})` : `${carrier} (${trackingOf(carrier)?.primary.kind ?? 'no tracking source'})`}`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    return {
      outcomes,
      writesByItem: { order: orderWrites, tracking: Object.fromEntries(meter.writesByItem) },
      orders: options.orders,
      updates,
      polls,
      carrierRequests,
      polledParcels,
      polledDays,
      orderUsage,
      trackingUsage,
      localWallMs: Object.fromEntries(meter.localWallMs()),
    };
  } finally {
    await cloud.stop();
    await meter.close();
  }
}

/** The figures of a measurement: per order (without tracking), per update, and per thousand orders with `updatesPerOrder` updates each. */
export function figures(measurement: CostMeasurement, updatesPerOrder = 10) {
  const perOrder = price(measurement.orderUsage, measurement.orders);
  const perUpdate = price(measurement.trackingUsage, Math.max(1, measurement.updates));
  const perThousand = price(
    [
      ...measurement.orderUsage.map((line) => ({
        ...line,
        quantity: (line.quantity * 1000) / measurement.orders,
        requests: (line.requests * 1000) / measurement.orders,
      })),
      ...measurement.trackingUsage.map((line) => ({
        ...line,
        quantity: (line.quantity * 1000 * updatesPerOrder) / Math.max(1, measurement.updates),
        requests: (line.requests * 1000 * updatesPerOrder) / Math.max(1, measurement.updates),
      })),
    ],
    1,
  );
  const perOrderWithUpdates: Priced = price(
    [
      ...measurement.orderUsage.map((line) => ({ ...line, quantity: line.quantity / measurement.orders, requests: line.requests / measurement.orders })),
      ...measurement.trackingUsage.map((line) => ({
        ...line,
        quantity: (line.quantity * updatesPerOrder) / Math.max(1, measurement.updates),
        requests: (line.requests * updatesPerOrder) / Math.max(1, measurement.updates),
      })),
    ],
    1,
  );
  return { perOrder, perUpdate, perThousand, perOrderWithUpdates, writeUnitsPerOrderWithUpdates: writeUnits(perOrderWithUpdates) };
}
