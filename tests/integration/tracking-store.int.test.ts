import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import type { Shipment } from '../../domain/shared/shipment';
import { applyUpdates } from '../../domain/tracking/timeline';
import { parseEvent } from '../../events/envelope';
import { type PendingEvent } from '../../events/pending';
import { shipmentDeliveredV1, shipmentStalledV1, shipmentStatusChangedV1 } from '../../events/shipment-tracking';
import { INDEXES, keys } from '../../functions/shared/store/keys';
import { buildGetKpiCounters } from '../../functions/shared/store/kpi-store';
import { pendingEventsFromImage } from '../../functions/shared/store/outbox';
import { buildFindShipmentByTracking, buildSaveShipment } from '../../functions/shared/store/shipment-store';
import {
  buildFindShipmentForUpdate,
  buildFindShipmentsByTrackingNumber,
  buildFindStallCandidates,
  buildGetShipmentTracking,
} from '../../functions/shared/store/tracking-lookups';
import { buildRaiseStall, buildRescheduleStallCheck, buildSaveTracking, TrackingWriteTooLargeError } from '../../functions/shared/store/tracking-writes';
import { buildKeepUnmatched } from '../../functions/shared/store/unmatched-store';
import { buildStalledSweep } from '../../functions/stalled-sweep/stalled-sweep';
import { buildIngestTracking } from '../../functions/shared/tracking-ingest/ingest-tracking';
import { buildTrackingIngestion } from '../../functions/tracking-ingestion/tracking-ingestion';
import { InMemoryTrackingStore, saoPauloShipment, sqsEvent, trackingRecord, webhookMessage } from '../fakes/tracking';
import { createTestTable, localDynamoDb } from '../setup/local-cloud-client';
import { relayedEvents } from '../setup/table-stream';
import { saoPauloSingleUpdates, webhooks } from '../unit/domain/tracking/helpers';
import { expectEvery } from '../setup/assertions';

const { client, documents } = localDynamoDb();

/** Text gzip cannot shrink much, so its size survives compression. */
const randomText = (bytes: number) => randomBytes(bytes).toString('base64');
const linehaul = webhooks('enlace-linehaul', 'sao-paulo-journey.json');
const correios = webhooks('correios', 'sao-paulo-journey.json');

/** The document client, recording every command it sends (name and input). */
function recording(inner: DynamoDBDocumentClient) {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const proxy = new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'send') {
        return (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
          sent.push({ name: command.constructor.name, input: command.input });
          return (target.send as (c: unknown) => Promise<unknown>)(command);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { documents: proxy, sent };
}

async function setup(shipment: Shipment = saoPauloShipment()) {
  const { tableName, streamArn } = await createTestTable(client);
  await buildSaveShipment(documents, tableName)(shipment);
  const recorder = recording(documents);
  let clock = Date.parse('2025-11-12T20:00:00.000Z');
  const ingest = buildTrackingIngestion({
    findShipment: buildFindShipmentForUpdate(recorder.documents, tableName),
    getTracking: buildGetShipmentTracking(recorder.documents, tableName),
    saveTracking: buildSaveTracking(recorder.documents, tableName),
    keepUnmatched: buildKeepUnmatched(recorder.documents, tableName),
    now: () => new Date((clock += 1000)),
  });
  const sweep = buildStalledSweep({
    findCandidates: buildFindStallCandidates(recorder.documents, tableName),
    raiseStall: buildRaiseStall(recorder.documents, tableName),
    rescheduleCheck: buildRescheduleStallCheck(recorder.documents, tableName),
  });
  // What the outbox relay publishes: the table stream's records that pass its filters, as it reads them.
  const outbox = async (type?: string) => relayedEvents(streamArn!, type);
  return { tableName, ingest, sweep, recorder, outbox, getTracking: buildGetShipmentTracking(documents, tableName) };
}

const journey = () => [
  ...linehaul.map((body) => webhookMessage('enlace-linehaul', body, '2025-11-12T20:00:00.000Z')),
  ...correios.map((body) => webhookMessage('correios', body, '2025-11-12T20:00:00.000Z')),
];

/** The writes sent to the shipment's partition (tracking item first in a transaction), with how many items each put. */
function writes(recorder: { sent: { name: string; input: Record<string, unknown> }[] }, shipmentId = 'shp_SP0001') {
  const pkOf = (entry: { name: string; input: Record<string, unknown> }): unknown => {
    if (entry.name === 'PutCommand') return (entry.input.Item as { pk?: unknown }).pk;
    if (entry.name === 'UpdateCommand') return (entry.input.Key as { pk?: unknown }).pk;
    return (entry.input.TransactItems as { Put?: { Item: { pk?: unknown } } }[])[0]?.Put?.Item.pk;
  };
  return recorder.sent
    .filter((entry) => ['PutCommand', 'UpdateCommand', 'TransactWriteCommand'].includes(entry.name) && pkOf(entry) === keys.shipment(shipmentId).pk)
    .map((entry) => ({ name: entry.name, items: entry.name === 'TransactWriteCommand' ? (entry.input.TransactItems as unknown[]).length : 1 }));
}

const scheduled = (time: string) => ({ 'detail-type': 'Scheduled Event', source: 'aws.events', time, detail: {} });

describe('tracking store against DynamoDB Local', () => {
  it('writes the journey once per shipment and batch: the tracking item carrying its events, KPI counters and alias in one transaction', async () => {
    const { tableName, ingest, recorder, outbox, getTracking } = await setup();

    // The unknown bag parcels are kept on their last delivery, so nothing is left to retry.
    const { batchItemFailures } = await ingest(sqsEvent(journey().map((message) => trackingRecord(message, 3))));

    expect(batchItemFailures).toEqual([]);
    const stored = await getTracking('shp_SP0001');
    expect(stored?.state.current?.status).toBe('delivered');
    expect(stored?.state.timeline).toHaveLength(22);
    expect(stored?.version).toBe(1);
    // Tracking item + the two ISO weeks' KPI counters + the line-haul alias; the events ride on the tracking item.
    expect(writes(recorder)).toEqual([{ name: 'TransactWriteCommand', items: 4 }]);
    const delivered = await outbox('shipment.delivered');
    expect(delivered.map((event) => parseEvent(shipmentDeliveredV1, event.detail).data.shipmentId)).toEqual(['shp_SP0001']);
    expect(await outbox('shipment.status-changed')).toHaveLength(14);

    const counters = buildGetKpiCounters(documents, tableName);
    expect(await counters('correios', 'CN-BR-SP', '2025-W45')).toEqual({ exceptions: 1 });
    expect(await counters('correios', 'CN-BR-SP', '2025-W46')).toEqual({ delivered: 1, onTime: 1, transit_09: 1 });
    // Routing's own lookup finds the shipment under the line-haul number now.
    expect((await buildFindShipmentByTracking(documents, tableName)('enlace-linehaul', 'ENL2511030417BR'))?.shipmentId).toBe('shp_SP0001');
    expect((await buildFindShipmentsByTrackingNumber(documents, tableName)('NX482157365BR')).map((s) => s.shipmentId)).toEqual(['shp_SP0001']);
    const { Item: unmatched } = await documents.send(
      new GetCommand({ TableName: tableName, Key: keys.unmatchedTracking('enlace-linehaul', 'ENL2511030418BR') }),
    );
    expect(unmatched).toMatchObject({ receivedCount: 7, carrier: 'enlace-linehaul' });

    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.shipmentTracking('shp_SP0001') }));
    const outboxBytes = String(Item?.outbox).length;
    const size = Buffer.byteLength(JSON.stringify({ ...Item, timeline: undefined, outbox: undefined })) + (Item?.timeline as Uint8Array).length;
    console.log(
      `tracking item after the São Paulo journey: ~${size} bytes (timeline gzipped: ${(Item?.timeline as Uint8Array).length} bytes) + the outbox of its last write: ${outboxBytes} bytes for ${pendingEventsFromImage(Item!).length} events`,
    );
    expect(size).toBeLessThan(4096);
    expect(outboxBytes).toBeLessThan(4096);
    expect(Item?.gsi3pk).toBeUndefined();
  });

  it('at most two items per tracking update: one update per webhook is a conditional Put, or a transaction of two with a KPI counter or the alias; the stream relays every write', async () => {
    const { ingest, recorder, outbox, getTracking } = await setup();
    const messages = saoPauloSingleUpdates().map(({ carrier, body }) => webhookMessage(carrier, body, '2025-11-12T20:00:00.000Z'));

    for (const message of messages) {
      const { batchItemFailures } = await ingest(sqsEvent([trackingRecord(message)]));
      expect(batchItemFailures).toEqual([]);
    }

    const stored = await getTracking('shp_SP0001');
    expect(stored?.state.timeline).toHaveLength(22);
    const sent = writes(recorder);
    expect(sent).toHaveLength(22);
    expectEvery(
      sent.filter((write) => write.items === 1),
      (write) => write.name === 'PutCommand',
    );
    // The alias (first line-haul milestone), the first Correios exception, the delivery: a tracking item and one more.
    expect(sent.filter((write) => write.items > 1)).toEqual(Array.from({ length: 3 }, () => ({ name: 'TransactWriteCommand', items: 2 })));
    // Every write's events came through the stream once, in the order written: the same events the
    // use case hands the in-memory store for the same webhooks.
    const reference = new InMemoryTrackingStore();
    reference.addShipment(saoPauloShipment());
    const referenceIngest = buildTrackingIngestion({ ...reference, backoff: async () => undefined });
    for (const message of messages) await referenceIngest(sqsEvent([trackingRecord(message)]));
    const contents = (events: readonly PendingEvent[]) => events.map((event) => [event.detailType, (event.detail as { data: unknown }).data]);
    expect(contents(await outbox())).toEqual(contents(reference.events));
    expect(await outbox('shipment.delivered')).toHaveLength(1);
    expect((await outbox('shipment.status-changed')).map((event) => parseEvent(shipmentStatusChangedV1, event.detail).data.to).at(-1)).toBe('delivered');
  });

  it('changes nothing on a redelivery: duplicates write no item and publish nothing', async () => {
    const { ingest, recorder, outbox, getTracking } = await setup();
    await ingest(sqsEvent(correios.map((body) => trackingRecord(webhookMessage('correios', body, '2025-11-12T20:00:00.000Z')))));
    const before = writes(recorder).length;
    const published = (await outbox('shipment.status-changed')).length;

    const again = await ingest(sqsEvent(correios.map((body) => trackingRecord(webhookMessage('correios', body, '2025-11-12T21:00:00.000Z')))));

    expect(again.batchItemFailures).toEqual([]);
    expect(writes(recorder)).toHaveLength(before);
    expect(await outbox('shipment.status-changed')).toHaveLength(published);
    expect((await getTracking('shp_SP0001'))?.version).toBe(1);
  });

  it("reads the tracking item alone per update (eventually consistent), and leaves the sweep's index entry where it is while carrier events move the due time later", async () => {
    const { tableName, ingest, recorder } = await setup();
    const messages = saoPauloSingleUpdates()
      .slice(0, 4)
      .map(({ carrier, body }) => webhookMessage(carrier, body, '2025-11-12T20:00:00.000Z'));
    const entries: unknown[] = [];
    for (const message of messages) {
      expect((await ingest(sqsEvent([trackingRecord(message)]))).batchItemFailures).toEqual([]);
      const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.shipmentTracking('shp_SP0001'), ConsistentRead: true }));
      entries.push({ gsi3sk: Item?.gsi3sk, stallDueAt: Item?.stallDueAt, version: Item?.version });
    }
    expect(writes(recorder)).toHaveLength(4);
    // Written four times, indexed once: the first update's due time is still the earliest the sweep needs to look.
    const [first] = entries as { gsi3sk: string; stallDueAt: string }[];
    expect(first?.gsi3sk).toBe(`${first?.stallDueAt}#shp_SP0001`);
    expect(entries).toEqual([1, 2, 3, 4].map((version) => ({ ...first, version })));
    const reads = recorder.sent.filter((entry) => entry.name === 'GetCommand' || (entry.name === 'QueryCommand' && entry.input.IndexName === undefined));
    expect(reads).toEqual(
      messages.map(() => ({
        name: 'GetCommand',
        input: expect.objectContaining({ Key: keys.shipmentTracking('shp_SP0001'), ConsistentRead: false }) as unknown,
      })),
    );
  });

  it("refuses, before sending anything, a write over DynamoDB's 100-item transaction or the item-size guard; takes one at the limit", async () => {
    const { tableName, getTracking } = await setup();
    const save = buildSaveTracking(documents, tableName);
    const stored = (await getTracking('shp_SP0001'))!;
    const increments = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ carrier: 'correios' as const, lane: `CN-BR-T${index}`, week: '2025-W46', add: { shipments: 1 } }));
    const base = {
      shipment: stored.shipment,
      state: stored.state,
      kpiMarks: [],
      expectedVersion: 0,
      stallDueAt: null,
      events: [],
      aliases: [],
      at: '2025-11-12T20:00:00.000Z',
    };

    await expect(save({ ...base, kpiIncrements: increments(100) })).rejects.toThrow(TrackingWriteTooLargeError);
    expect((await getTracking('shp_SP0001'))?.version).toBe(0);
    const hugeEvent = { eventId: 'evt_huge', detailType: 'shipment.status-changed', source: 'enlace.tracking', detail: { noise: randomText(400 * 1024) } };
    await expect(save({ ...base, kpiIncrements: [], events: [hugeEvent] })).rejects.toThrow(TrackingWriteTooLargeError);
    expect((await getTracking('shp_SP0001'))?.version).toBe(0);

    expect(await save({ ...base, kpiIncrements: increments(99) })).toEqual({ outcome: 'saved', itemsWritten: 100 });
    expect((await getTracking('shp_SP0001'))?.version).toBe(1);
  });

  it('optimistic concurrency: of two writes from the same version one wins; concurrent batches both land', async () => {
    const { tableName, ingest, getTracking } = await setup();
    const save = buildSaveTracking(documents, tableName);
    const stored = (await getTracking('shp_SP0001'))!;
    const write = (webhookIndex: number) => {
      const { state } = applyUpdates(stored.state, [], { receivedAt: '2025-11-12T20:00:00.000Z' });
      return {
        shipment: stored.shipment,
        state: { ...state, lastCarrierUpdateAt: `2025-11-12T20:00:0${webhookIndex}.000Z` },
        kpiMarks: [],
        expectedVersion: 0,
        stallDueAt: null,
        events: [],
        kpiIncrements: [],
        aliases: [],
        at: '2025-11-12T20:00:00.000Z',
      };
    };
    expect(await save(write(1))).toEqual({ outcome: 'saved', itemsWritten: 1 });
    expect(await save(write(2))).toEqual({ outcome: 'conflict' });

    // Two Lambda invocations at once for the same parcel: the loser re-reads and applies on top.
    const results = await Promise.all([
      ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', linehaul[0], '2025-11-12T20:00:00.000Z'), 3)])),
      ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', linehaul[1], '2025-11-12T20:00:00.000Z'), 3)])),
      ingest(sqsEvent([trackingRecord(webhookMessage('correios', correios[2], '2025-11-12T20:00:00.000Z'), 3)])),
    ]);
    expect(results.flatMap((result) => result.batchItemFailures)).toEqual([]);
    const final = await getTracking('shp_SP0001');
    expect(final?.state.timeline.map((event) => event.carrier).filter((carrier) => carrier === 'enlace-linehaul')).toHaveLength(7);
    expect(final?.state.current?.status).toBe('delivered');
    expect(final?.version).toBe(4);
  });

  it("the webhook's direct write racing the queue over the same webhooks: every event once, one shipment.delivered, nothing lost", async () => {
    const { tableName, ingest, outbox, getTracking } = await setup();
    // tracking-webhook's use case as its handler builds it: 2 attempts on a conflict, no UNMATCHED items.
    const direct = buildIngestTracking({
      findShipment: buildFindShipmentForUpdate(documents, tableName),
      getTracking: buildGetShipmentTracking(documents, tableName),
      saveTracking: buildSaveTracking(documents, tableName),
      maxAttempts: 2,
      maxNumbersPerDelivery: 10,
    });
    const messages = journey();
    // Every webhook at once, each also redelivered by the queue (a carrier's retry of a webhook already written).
    const queued: { message: (typeof messages)[number]; count: number }[] = [];
    const consume = async (batch: typeof queued) => {
      const records = batch.map((entry) => ({ ...entry, record: trackingRecord(entry.message, entry.count) }));
      const failed = new Set((await ingest(sqsEvent(records.map(({ record }) => record)))).batchItemFailures.map((failure) => failure.itemIdentifier));
      queued.push(...records.filter(({ record }) => failed.has(record.messageId)).map(({ message, count }) => ({ message, count: count + 1 })));
    };
    await Promise.all([
      ...messages.map(async (message) => {
        const { failed } = await direct([{ id: message.receiptId, receiveCount: 1, body: message }]);
        if (failed.length > 0) queued.push({ message, count: 1 });
      }),
      consume(messages.map((message) => ({ message, count: 1 }))),
    ]);
    // What is on the queue (the webhook's fallbacks, the batch's failed records): redelivered until none fails, as SQS would, before the DLQ.
    while (queued.length > 0 && queued.every(({ count }) => count < 5)) await consume(queued.splice(0));
    expect(queued).toEqual([]);

    // The same journey through one in-memory ingestion, in order: the reference timeline.
    const reference = new InMemoryTrackingStore();
    reference.addShipment(saoPauloShipment());
    await buildTrackingIngestion({ ...reference, backoff: async () => undefined })(sqsEvent(journey().map((message) => trackingRecord(message))));
    const final = await getTracking('shp_SP0001');
    expect(final?.state.timeline.map((event) => event.eventKey).sort()).toEqual(
      reference.rows
        .get('shp_SP0001')!
        .state.timeline.map((event) => event.eventKey)
        .sort(),
    );
    expect(final?.state.current?.status).toBe('delivered');
    expect(await outbox('shipment.delivered')).toHaveLength(1);
  });

  it('stalled sweep through gsi3, never a scan: exactly one stall per silence, and a new one after a new update', async () => {
    const { tableName, ingest, sweep, recorder, outbox } = await setup();
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', linehaul[0], '2025-11-04T02:00:00.000Z'))]));
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.shipmentTracking('shp_SP0001') }));
    // Received on 4 November at 02:00, first mile: due 48 h later.
    expect(Item).toMatchObject({ gsi3pk: keys.inTransit('shp_SP0001', 'x').gsi3pk, stallDueAt: '2025-11-06T02:00:00.000Z' });

    expect((await sweep(scheduled('2025-11-06T01:00:00Z'))).raised).toEqual([]);
    expect((await sweep(scheduled('2025-11-06T03:00:00Z'))).raised).toEqual(['shp_SP0001']);
    expect(await sweep(scheduled('2025-11-06T03:15:00Z'))).toMatchObject({ examined: 0, raised: [] });
    expect(await sweep(scheduled('2025-12-30T00:00:00Z'))).toMatchObject({ examined: 0, raised: [] });
    const stalled = await outbox('shipment.stalled');
    expect(stalled.map((event) => parseEvent(shipmentStalledV1, event.detail).data)).toEqual([
      expect.objectContaining({ shipmentId: 'shp_SP0001', leg: 'first-mile', thresholdHours: 48, silentSince: '2025-11-04T02:00:00.000Z' }),
    ]);
    // The stall took it out of the index.
    const { Items: indexed = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: INDEXES.inTransitByStallDue.name,
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': Item?.gsi3pk },
      }),
    );
    expect(indexed).toEqual([]);

    // A new carrier event ends the silence: watched again, and a new stall 72 h later (in flight).
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', linehaul[1], '2025-11-15T00:00:00.000Z'), 3)]));
    expect((await sweep(scheduled('2025-11-17T00:00:00Z'))).raised).toEqual([]);
    expect((await sweep(scheduled('2025-11-18T01:00:00Z'))).raised).toEqual(['shp_SP0001']);
    expect(await outbox('shipment.stalled')).toHaveLength(2);

    const names = new Set(recorder.sent.map((entry) => entry.name));
    expect(names.has('ScanCommand')).toBe(false);
    const sweepQueries = recorder.sent.filter((entry) => entry.name === 'QueryCommand' && entry.input.IndexName === 'gsi3');
    expect(sweepQueries.length).toBeGreaterThan(0);
  });

  it('a stall moves the version: a write prepared before it re-reads instead of erasing the stall', async () => {
    const { tableName, ingest, sweep } = await setup();
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', linehaul[0], '2025-11-04T02:00:00.000Z'))]));
    const getTracking = buildGetShipmentTracking(documents, tableName);
    const read = (await getTracking('shp_SP0001'))!;

    expect((await sweep(scheduled('2025-11-06T03:00:00Z'))).raised).toEqual(['shp_SP0001']);

    const stale = {
      shipment: read.shipment,
      state: read.state,
      kpiMarks: read.kpiMarks,
      expectedVersion: read.version,
      stallDueAt: null,
      events: [],
      kpiIncrements: [],
      aliases: [],
      at: '2025-11-06T03:00:01.000Z',
    };
    const save = buildSaveTracking(documents, tableName);
    // Both shapes of the write: a lone conditional Put, and a transaction (here with an alias).
    expect(await save(stale)).toEqual({ outcome: 'conflict' });
    expect(await save({ ...stale, aliases: [{ carrier: 'enlace-linehaul', trackingNumber: 'ENL-OTHER' }] })).toEqual({ outcome: 'conflict' });
    const after = (await getTracking('shp_SP0001'))!;
    expect(after.version).toBe(read.version + 1);
    expect(after.state.stallAlertRaised).not.toBeNull();
  });

  it('keeps a bounded sample of updates for an unknown number, and counts them all', async () => {
    const { tableName } = await createTestTable(client);
    const keep = buildKeepUnmatched(documents, tableName);
    const updates = Array.from({ length: 30 }, (_, index) => ({
      carrier: 'correios' as const,
      trackingNumber: 'NX999999999BR',
      carrierEventId: `e${index}`,
      occurredAt: '2025-11-10T00:00:00.000Z',
      status: 'in-transit' as const,
      subStatus: 'moving',
      recognised: true,
      carrierCode: 'RO 01',
      carrierDescription: 'Objeto em trânsito',
      raw: { big: 'x'.repeat(1000) },
    }));
    await keep('correios', 'NX999999999BR', updates, '2025-11-10T01:00:00.000Z');
    await keep('correios', 'NX999999999BR', updates, '2025-11-10T02:00:00.000Z');
    await keep('correios', 'NX999999999BR', updates, '2025-11-10T03:00:00.000Z');
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.unmatchedTracking('correios', 'NX999999999BR') }));
    expect(Item).toMatchObject({
      receivedCount: 90,
      lastReceivedAt: '2025-11-10T03:00:00.000Z',
      expiresAt: Math.floor(Date.parse('2025-11-10T03:00:00.000Z') / 1000) + 30 * 86_400,
    });
    expect(Item?.updates).toHaveLength(60);
    expect((Item?.updates as { raw?: unknown }[])[0]?.raw).toBeUndefined();
  });

  it('two sweeps racing over the same silence raise one stall', async () => {
    const { tableName, ingest, outbox } = await setup();
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', linehaul[0], '2025-11-04T02:00:00.000Z'))]));
    const sweeps = [1, 2, 3].map(() =>
      buildStalledSweep({
        findCandidates: buildFindStallCandidates(documents, tableName),
        raiseStall: buildRaiseStall(documents, tableName),
        rescheduleCheck: buildRescheduleStallCheck(documents, tableName),
      }),
    );
    const results = await Promise.all(sweeps.map((sweep) => sweep(scheduled('2025-11-20T00:00:00Z'))));
    expect(results.flatMap((result) => result.raised)).toEqual(['shp_SP0001']);
    expect(results.reduce((sum, result) => sum + result.lostRaces, 0)).toBe(2);
    expect(await outbox('shipment.stalled')).toHaveLength(1);
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: INDEXES.inTransitByStallDue.name,
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.inTransit('shp_SP0001', 'x').gsi3pk },
      }),
    );
    expect(Items).toEqual([]);
  });
});
