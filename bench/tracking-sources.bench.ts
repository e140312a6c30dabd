/**
 * What following a parcel to the door costs, by tracking source: the same scripted last mile
 * (domain/tracking/sandbox.ts: hand-over 84 h after booking, delivered at 111 h) for parcels of a
 * pushing carrier (99minutos webhooks), an aggregated one (Blue Express through 17TRACK) and two
 * polled ones (Jadlog, 50 numbers a request; FedEx, 30), run through the real use cases in memory:
 * tracking-poller with the sandbox carrier and the poll schedule, tracking-ingestion, and the
 * registration's per-parcel work. Counted: requests to the carrier or aggregator, polls per parcel
 * (and per day), queue messages and SQS requests, Lambda invocations, DynamoDB writes and reads;
 * then priced at AWS us-east-1 list prices (bench/aws-prices.ts, with sources; durations and item
 * sizes are estimates, said so below). `npm run cost` (another issue) should take these counts.
 * Run: npx tsx bench/tracking-sources.bench.ts [parcels]
 */
// First, so the handlers' Powertools logger and metrics read it when they are created.
import '../tests/setup/quiet-logs';
import type { CarrierSlug } from '../domain/shared/carriers';
import type { Shipment } from '../domain/shared/shipment';
import { feedAdapter, firstPollAt, polledCarriers, sandboxPollCarrier, scriptedLastMile, trackingOf } from '../domain/tracking';
import { encodeTrackingMessage, type TrackingMessage } from '../events/tracking-message';
import { buildTrackingIngestion } from '../functions/tracking-ingestion/tracking-ingestion';
import { buildTrackingPoller } from '../functions/tracking-poller/tracking-poller';
import { InMemoryPollStore } from '../tests/fakes/polls';
import { InMemoryTrackingStore, saoPauloShipment, sqsEvent, trackingRecord, webhookMessage } from '../tests/fakes/tracking';
import { AGGREGATOR_FEES, ASSUMED_DURATIONS_SECONDS, AWS_US_EAST_1, FUNCTION_MEMORY_GB } from './aws-prices';

const parcels = Number(process.argv[2] ?? 300);
const BOOKED = '2026-03-01T12:00:00.000Z';
const HOURS_TO_DELIVERY = 111;
const CHUNK = 64 * 1024;

/** DynamoDB units (ESTIMATES from item sizes, docs/tracking.md "Write cost"). */
const TRACKING_ITEM_WRU = 4; // ~3.2 KB with one event's outbox
const SMALL_ITEM_WRU = 1; // KPI counter, alias, POLL item
const INDEX_KEY_CHANGE_WRU = 2; // an index entry whose key moves: delete + put

interface Counts {
  pushes: number;
  subscriptions: number;
  carrierRequests: number;
  polls: number;
  sqsRequests: number;
  ingestionBatches: number;
  trackingWrites: number;
  wru: number;
  rru: number;
  pollerInvocations: number;
}

const zero = (): Counts => ({
  pushes: 0,
  subscriptions: 0,
  carrierRequests: 0,
  polls: 0,
  sqsRequests: 0,
  ingestionBatches: 0,
  trackingWrites: 0,
  wru: 0,
  rru: 0,
  pollerInvocations: 0,
});

function shipment(carrier: string, index: number, trackingNumber: string): Shipment {
  return saoPauloShipment({
    shipmentId: `shp_${carrier}_${index}`,
    orderId: `ord_${carrier}_${index}`,
    carrier,
    trackingNumber,
    bookedAt: BOOKED,
    promisedBy: new Date(Date.parse(BOOKED) + 16 * 24 * 3_600_000).toISOString(),
  });
}

const bytes = (message: TrackingMessage) => Buffer.byteLength(encodeTrackingMessage(message), 'utf8');

/** tracking-ingestion over the messages in SQS batches of 10, counting its reads and writes. */
async function ingest(store: InMemoryTrackingStore, messages: readonly TrackingMessage[], counts: Counts): Promise<void> {
  let reads = 0;
  let lookups = 0;
  const run = buildTrackingIngestion({
    findShipment: async (update) => {
      lookups += 1;
      return store.findShipment(update);
    },
    getTracking: async (id) => {
      reads += 1;
      return store.getTracking(id);
    },
    saveTracking: store.saveTracking,
    keepUnmatched: store.keepUnmatched,
    backoff: async () => undefined,
  });
  const writesBefore = store.writes.length;
  for (let start = 0; start < messages.length; start += 10) {
    const batch = messages.slice(start, start + 10);
    await run(sqsEvent(batch.map((message) => trackingRecord(message))));
    counts.ingestionBatches += 1;
    // ReceiveMessage and DeleteMessageBatch, per 64 KB of the batch.
    counts.sqsRequests += 2 * Math.ceil(batch.reduce((sum, message) => sum + bytes(message), 0) / CHUNK);
  }
  for (const items of store.writes.slice(writesBefore)) {
    counts.trackingWrites += 1;
    // A lone Put, or a transaction (double) of the tracking item and small items; and the stall index entry moving.
    counts.wru += (items === 1 ? TRACKING_ITEM_WRU : 2 * (TRACKING_ITEM_WRU + (items - 1) * SMALL_ITEM_WRU)) + INDEX_KEY_CHANGE_WRU;
  }
  // getTracking: a strongly consistent Query of ~4 KB; findShipment: an eventually consistent gsi2 Query.
  counts.rru += reads * 1 + lookups * 0.5;
}

/** A pushing source: the carrier or aggregator posts once per step, with the history so far. */
async function pushed(carrier: string): Promise<Counts> {
  const counts = zero();
  const primary = trackingOf(carrier)!.primary;
  const adapter = feedAdapter(primary.feed)!;
  const store = new InMemoryTrackingStore();
  const messages: TrackingMessage[] = [];
  const events = scriptedLastMile(BOOKED, 'Bench City');
  for (let index = 0; index < parcels; index++) {
    const parcel = shipment(carrier, index, String(1_000_000_000 + index));
    store.addShipment(parcel);
    if (primary.kind !== 'poll' && primary.subscription === 'per-number') counts.subscriptions += 1;
    for (let step = 1; step <= events.length; step++) {
      messages.push(
        webhookMessage(
          primary.feed,
          adapter.sample([{ carrier: parcel.carrier as CarrierSlug, trackingNumber: parcel.trackingNumber, events: events.slice(0, step) }]),
          BOOKED,
        ),
      );
    }
  }
  // Interleaved as they arrive: every parcel's first push, then every parcel's second…
  const arrival = events.flatMap((_, step) => Array.from({ length: parcels }, (__, index) => messages[index * events.length + step]!));
  counts.pushes = arrival.length;
  counts.sqsRequests += arrival.reduce((sum, message) => sum + Math.ceil(bytes(message) / CHUNK), 0);
  await ingest(store, arrival, counts);
  // The registration reads UNMATCHED once per booked number (strongly consistent GetItem).
  counts.rru += parcels;
  return counts;
}

/** A polled source: the poller's runs until every parcel reached the door. */
async function polled(carrier: string): Promise<Counts> {
  const counts = zero();
  const { limits } = polledCarriers().find((entry) => entry.carrier === carrier)!;
  const polls = new InMemoryPollStore();
  const store = new InMemoryTrackingStore();
  const digits = carrier === 'fedex' ? 12 : 14;
  for (let index = 0; index < parcels; index++) {
    const parcel = shipment(carrier, index, String(10 ** (digits - 1) + index));
    store.addShipment(parcel);
    await polls.registerPoll(parcel, firstPollAt(parcel.bookedAt), BOOKED);
    counts.wru += SMALL_ITEM_WRU + 1; // the POLL item and its gsi4 entry
  }
  counts.rru += parcels;
  const queued: TrackingMessage[] = [];
  const poller = buildTrackingPoller({
    findDue: polls.findDue,
    pollCarrier: sandboxPollCarrier(),
    enqueue: async (messages) => {
      queued.push(...messages);
      // SendMessageBatch: one request per 10 messages and per 64 KB of them.
      for (let start = 0; start < messages.length; start += 10) {
        counts.sqsRequests += Math.max(1, Math.ceil(messages.slice(start, start + 10).reduce((sum, message) => sum + bytes(message), 0) / CHUNK));
      }
      return { failed: [] };
    },
    recordPoll: polls.recordPoll,
    carriers: [{ carrier: carrier as CarrierSlug, limits }],
    sleep: async () => undefined,
  });
  for (let run = 0; run < 200 && polls.rows.size > 0; run++) {
    const asOf = [...polls.rows.values()].map((row) => row.nextPollAt).sort()[0]!;
    const historyBefore = polls.history.length;
    const summary = await poller({ time: asOf });
    counts.pollerInvocations += 1;
    counts.carrierRequests += summary.carriers.reduce((sum, entry) => sum + entry.requests, 0);
    const recorded = polls.history.slice(historyBefore);
    counts.polls += recorded.length;
    // Each record moves the POLL item's gsi4 key (or deletes it); the due Query reads ~350 B per parcel, eventually consistent.
    counts.wru += recorded.reduce((sum, entry) => sum + SMALL_ITEM_WRU + (entry.stop === undefined ? INDEX_KEY_CHANGE_WRU : 1), 0);
    counts.rru += Math.max(0.5, (recorded.length * 350) / 4096 / 2);
    await ingest(store, queued.splice(0), counts);
  }
  return counts;
}

const perParcel = (value: number) => value / parcels;

function dollars(counts: Counts, kind: 'push' | 'poll'): number {
  const p = AWS_US_EAST_1;
  const lambdaSeconds =
    (kind === 'push' ? counts.pushes * ASSUMED_DURATIONS_SECONDS.webhook : counts.carrierRequests * ASSUMED_DURATIONS_SECONDS.pollerPerCarrierRequest) +
    counts.ingestionBatches * ASSUMED_DURATIONS_SECONDS.ingestionBatch +
    parcels * ASSUMED_DURATIONS_SECONDS.registrationRecord;
  const invocations = (kind === 'push' ? counts.pushes : counts.pollerInvocations) + counts.ingestionBatches + parcels / 10;
  return perParcel(
    (kind === 'push' ? counts.pushes * p.httpApiRequest.usd : 0) +
      invocations * p.lambdaRequest.usd +
      lambdaSeconds * FUNCTION_MEMORY_GB * p.lambdaArmGbSecond.usd +
      counts.sqsRequests * p.sqsRequest.usd +
      counts.wru * p.dynamoWriteRequestUnit.usd +
      counts.rru * p.dynamoReadRequestUnit.usd,
  );
}

async function main(): Promise<void> {
  const days = HOURS_TO_DELIVERY / 24;
  console.log(
    `Tracking one parcel to the door, by source: the scripted last mile (hand-over 84 h after booking, delivered at ${HOURS_TO_DELIVERY} h), ${parcels} parcels each, through the real use cases in memory`,
  );
  const rows: [string, Counts, 'push' | 'poll', string][] = [
    ['webhook (99minutos)', await pushed('99minutos'), 'push', 'carrier: none per update'],
    [
      'aggregator (17TRACK, Blue Express)',
      await pushed('blue-express'),
      'push',
      `17TRACK: ${AGGREGATOR_FEES['17track'].quotasPerParcel} quota (CNY 0.0099–0.0299 [scaffold])`,
    ],
    ['poll (Jadlog, 50 a request)', await polled('jadlog'), 'poll', 'Jadlog: by contract (not found)'],
    ['poll (FedEx, 30 a request)', await polled('fedex'), 'poll', 'FedEx Track API: no per-request fee found'],
  ];
  for (const [label, counts, kind, fee] of rows) {
    const carrierCalls =
      kind === 'push'
        ? `${perParcel(counts.pushes).toFixed(2)} pushes received`
        : `${perParcel(counts.polls).toFixed(2)} polls (${(perParcel(counts.polls) / days).toFixed(2)} a day)`;
    console.log(
      `  ${label}: ${carrierCalls}, ${perParcel(counts.carrierRequests + counts.subscriptions).toFixed(3)} requests to the carrier/aggregator ` +
        `(${(perParcel(counts.carrierRequests + counts.subscriptions) / days).toFixed(3)} a day); ` +
        `SQS ${perParcel(counts.sqsRequests).toFixed(2)} requests, ${perParcel(counts.ingestionBatches).toFixed(2)} ingestion invocations, ` +
        `${perParcel(counts.trackingWrites).toFixed(2)} tracking writes; DynamoDB ${perParcel(counts.wru).toFixed(1)} WRU + ${perParcel(counts.rru).toFixed(1)} RRU; ` +
        `AWS ≈ USD ${(dollars(counts, kind) * 1000).toFixed(4)} per 1,000 parcels; + ${fee}`,
    );
  }
  console.log(
    `  (us-east-1 list prices, bench/aws-prices.ts; Lambda durations assumed: webhook ${ASSUMED_DURATIONS_SECONDS.webhook * 1000} ms, ingestion batch ${ASSUMED_DURATIONS_SECONDS.ingestionBatch * 1000} ms, ` +
      `poller ${ASSUMED_DURATIONS_SECONDS.pollerPerCarrierRequest * 1000} ms per carrier request; item sizes estimated; no free tier)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
