/**
 * Tracking updates per second through the tracking-ingestion handler, with SQS batches of 10
 * webhooks (what the event source mapping delivers).
 * - in memory: the handler with the in-memory store (tests/fakes): parsing, matching, the timeline
 *   fold, events and KPIs, without I/O — the CPU cost per update.
 * - DynamoDB Local: the same handler with the real adapters against a fresh table defined like the
 *   template's, when `npm start` is running (it uses that DynamoDB Local). DynamoDB Local is a
 *   single Java process on this machine, so this shows the per-update round trips, not AWS's
 *   throughput.
 * Run: npx tsx bench/tracking.bench.ts [shipments]
 */
// First: silence handler logs and metrics before Powertools reads its settings.
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Shipment } from '../domain/shared/shipment';
import { type TrackingMessage } from '../events/tracking-message';
import { buildDocumentClient } from '../functions/shared/store/dynamo-client';
import { buildSaveShipment } from '../functions/shared/store/shipment-store';
import { buildFindShipmentForUpdate, buildGetShipmentTracking } from '../functions/shared/store/tracking-lookups';
import { buildSaveTracking } from '../functions/shared/store/tracking-writes';
import { buildKeepUnmatched } from '../functions/shared/store/unmatched-store';
import { buildTrackingIngestion, type IngestionOutcome, type TrackingIngestionDeps } from '../functions/tracking-ingestion/tracking-ingestion';
import { createTableInput, LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/resources';
import { synthesizeTemplate } from '../local/template';
import { readWiring } from '../local/wiring';
import { runningLocalCloud } from '../scripts/local-cloud-state';
import { InMemoryTrackingStore, saoPauloShipment, sqsEvent, trackingRecord, webhookMessage } from '../tests/fakes/tracking';
import '../tests/setup/quiet-logs';

const shipments = Number(process.argv[2] ?? 500);
const fixtures = join(__dirname, '..', 'tests', 'fixtures', 'tracking');
const correios = (JSON.parse(readFileSync(join(fixtures, 'correios', 'sao-paulo-journey.json'), 'utf8')) as { webhooks: unknown[] }).webhooks;
// Each Correios poll repeats the history so far; only the last one's events are all new, so the
// bench posts poll 1, then poll 3 (new events past the first four), as Correios would.
const bodies = [JSON.stringify(correios[0]), JSON.stringify(correios[2])];
/** Poll 1 carries 4 events; poll 3 repeats them and adds 8: 16 updates to process, 12 of them new. */
const UPDATES_PER_SHIPMENT = 16;
const NEW_EVENTS_PER_SHIPMENT = 12;

const numberOf = (index: number) => `NX${String(100_000_000 + index).padStart(9, '0')}BR`;
const shipmentOf = (index: number): Shipment =>
  saoPauloShipment({ shipmentId: `shp_BENCH_${index}`, orderId: `ord_BENCH_${index}`, trackingNumber: numberOf(index) });

/** Two rounds (poll 1 for every shipment, then poll 3), each in SQS batches of 10 webhooks. */
function batches(): TrackingMessage[][][] {
  return bodies.map((body, round) => {
    const messages = Array.from({ length: shipments }, (_, index) =>
      webhookMessage('correios', body.replaceAll('NX482157365BR', numberOf(index)), new Date(Date.UTC(2025, 10, 12 + round)).toISOString()),
    );
    const chunks: TrackingMessage[][] = [];
    for (let start = 0; start < messages.length; start += 10) chunks.push(messages.slice(start, start + 10));
    return chunks;
  });
}

async function measure(label: string, deps: TrackingIngestionDeps): Promise<IngestionOutcome[]> {
  const ingest = buildTrackingIngestion(deps);
  const rounds = batches();
  let added = 0;
  let failures = 0;
  let invocations = 0;
  const outcomes: IngestionOutcome[] = [];
  const started = performance.now();
  for (const round of rounds) {
    for (const batch of round) {
      const result = await ingest(sqsEvent(batch.map((message) => trackingRecord(message))));
      invocations += 1;
      failures += result.batchItemFailures.length;
      added += result.outcomes.reduce((sum, outcome) => sum + outcome.newEvents, 0);
      outcomes.push(...result.outcomes);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const updates = shipments * UPDATES_PER_SHIPMENT;
  console.log(
    `${label}: ${updates} tracking updates (${added} new, the rest repeats) for ${shipments} shipments in ${invocations} batches of 10 webhooks, ${(seconds * 1000).toFixed(0)} ms → ` +
      `${(updates / seconds).toFixed(0)} updates/s, ${((seconds * 1e6) / updates).toFixed(0)} µs per update, ${((seconds * 1000) / invocations).toFixed(1)} ms per batch` +
      (failures > 0 ? `, ${failures} failed records` : ''),
  );
  if (added !== shipments * NEW_EVENTS_PER_SHIPMENT) console.log(`  (expected ${shipments * NEW_EVENTS_PER_SHIPMENT} new events)`);
  return outcomes;
}

/** The write cost: items per new event overall, and the worst single write. */
function writeCost(outcomes: readonly IngestionOutcome[]): string {
  const written = outcomes.filter((outcome) => outcome.written);
  const items = written.reduce((sum, outcome) => sum + outcome.itemsWritten, 0);
  const fresh = written.reduce((sum, outcome) => sum + outcome.newEvents, 0);
  const alone = written.filter((outcome) => outcome.itemsWritten === 1).length;
  const worst = Math.max(...written.map((outcome) => outcome.itemsWritten / Math.max(outcome.newEvents, 1)));
  return (
    `  items written: ${items} in ${written.length} writes (${alone} a lone conditional Put, ${written.length - alone} a transaction) for ${fresh} new events: ` +
    `${(items / fresh).toFixed(2)} per new event, ${worst.toFixed(2)} in the worst write; repeats write nothing`
  );
}

async function main(): Promise<void> {
  const memory = new InMemoryTrackingStore();
  for (let index = 0; index < shipments; index++) memory.addShipment(shipmentOf(index));
  // Warm-up: compile the adapters and the timeline code paths.
  const warm = new InMemoryTrackingStore();
  warm.addShipment(saoPauloShipment());
  await buildTrackingIngestion({ ...warm, backoff: async () => undefined })(
    sqsEvent([trackingRecord(webhookMessage('correios', bodies[1]!, '2025-11-12T00:00:00.000Z'))]),
  );
  console.log(writeCost(await measure('in memory', { ...memory, backoff: async () => undefined })));

  const cloud = runningLocalCloud();
  if (cloud === undefined) {
    console.log('DynamoDB Local: skipped (run `npm start` in another terminal to measure against it too)');
    return;
  }
  const client = new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: cloud.dynamodb });
  const documents = buildDocumentClient(client);
  const tableName = `bench-tracking-${Date.now()}`;
  const table = readWiring(synthesizeTemplate()).tables[0]!;
  // No stream: the bench measures ingestion, not the outbox relay of `npm start`'s table.
  const { StreamSpecification: _stream, ...input } = createTableInput(tableName, table.properties);
  await client.send(new CreateTableCommand(input));
  try {
    const save = buildSaveShipment(documents, tableName);
    for (let index = 0; index < shipments; index++) await save(shipmentOf(index));
    const outcomes = await measure('DynamoDB Local', {
      findShipment: buildFindShipmentForUpdate(documents, tableName),
      getTracking: buildGetShipmentTracking(documents, tableName),
      saveTracking: buildSaveTracking(documents, tableName),
      keepUnmatched: buildKeepUnmatched(documents, tableName),
    });
    console.log(writeCost(outcomes));
  } finally {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
