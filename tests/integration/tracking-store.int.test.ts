import { GetCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseEvent } from '../../events/envelope';
import { shipmentDeliveredV1, shipmentStalledV1 } from '../../events/shipment-tracking';
import { buildStalledSweep } from '../../functions/stalled-sweep/stalled-sweep';
import { keys, INDEXES } from '../../functions/shared/store/keys';
import { buildGetKpiCounters } from '../../functions/shared/store/kpi-store';
import { pendingEventFromItem } from '../../functions/shared/store/outbox';
import { buildFindShipmentByTracking, buildSaveShipment } from '../../functions/shared/store/shipment-store';
import {
  buildFindShipmentForUpdate,
  buildFindShipmentsByTrackingNumber,
  buildFindStallCandidates,
  buildGetShipmentTracking,
  buildKeepUnmatched,
  buildRaiseStall,
  buildSaveTracking,
} from '../../functions/shared/store/tracking-store';
import { buildTrackingIngestion } from '../../functions/tracking-ingestion/tracking-ingestion';
import type { Shipment } from '../../domain/shipment';
import { applyUpdates } from '../../domain/tracking/timeline';
import { saoPauloShipment, sqsEvent, trackingRecord, webhookMessage } from '../fakes/tracking-store';
import { webhooks } from '../unit/domain/tracking/helpers';
import { createTestTable, localDynamoDb } from '../setup/local-cloud-client';

const { client, documents } = localDynamoDb();
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
  const { tableName } = await createTestTable(client);
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
  const sweep = buildStalledSweep({ findCandidates: buildFindStallCandidates(recorder.documents, tableName), raiseStall: buildRaiseStall(recorder.documents, tableName) });
  const outbox = async (type: string) => {
    const events = [];
    for (const call of recorder.sent.filter((entry) => entry.name === 'TransactWriteCommand')) {
      for (const item of call.input.TransactItems as { Put?: { Item: Record<string, unknown> } }[]) {
        if (item.Put?.Item.type === 'OutboxEvent') {
          const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { pk: item.Put.Item.pk, sk: 'OUTBOX' } }));
          if (Item !== undefined && Item.detailType === type) events.push(pendingEventFromItem(Item));
        }
      }
    }
    return events;
  };
  return { tableName, ingest, sweep, recorder, outbox, getTracking: buildGetShipmentTracking(documents, tableName) };
}

const journey = () => [
  ...linehaul.map((body) => webhookMessage('enlace-linehaul', body, '2025-11-12T20:00:00.000Z')),
  ...correios.map((body) => webhookMessage('correios', body, '2025-11-12T20:00:00.000Z')),
];

const scheduled = (time: string) => ({ 'detail-type': 'Scheduled Event', source: 'aws.events', time, detail: {} });

describe('tracking store against DynamoDB Local', () => {
  it('writes the journey in one transaction per shipment and batch: tracking item, outbox events, KPI counters, alias; at most 2 items per update', async () => {
    const { tableName, ingest, recorder, outbox, getTracking } = await setup();

    // The unknown bag parcels are kept on their last delivery, so nothing is left to retry.
    const { batchItemFailures } = await ingest(sqsEvent(journey().map((message) => trackingRecord(message, 3))));

    expect(batchItemFailures).toEqual([]);
    const stored = await getTracking('shp_SP0001');
    expect(stored?.state.current?.status).toBe('delivered');
    expect(stored?.state.timeline).toHaveLength(22);
    expect(stored?.version).toBe(1);
    const transactions = recorder.sent.filter((entry) => entry.name === 'TransactWriteCommand').map((entry) => (entry.input.TransactItems as unknown[]).length);
    expect(transactions).toHaveLength(1);
    expect(transactions[0]).toBeLessThanOrEqual(2 * 22);
    const delivered = await outbox('shipment.delivered');
    expect(delivered.map((event) => parseEvent(shipmentDeliveredV1, event.detail).data.shipmentId)).toEqual(['shp_SP0001']);
    expect(await outbox('shipment.status-changed')).toHaveLength(14);

    const counters = buildGetKpiCounters(documents, tableName);
    expect(await counters('correios', 'CN-BR-SP', '2025-W45')).toEqual({ exceptions: 1 });
    expect(await counters('correios', 'CN-BR-SP', '2025-W46')).toEqual({ delivered: 1, onTime: 1, transit_09: 1 });
    // Routing's own lookup finds the shipment under the line-haul number now.
    expect((await buildFindShipmentByTracking(documents, tableName)('enlace-linehaul', 'ENL2511030417BR'))?.shipmentId).toBe('shp_SP0001');
    expect((await buildFindShipmentsByTrackingNumber(documents, tableName)('NX482157365BR')).map((s) => s.shipmentId)).toEqual(['shp_SP0001']);
    const { Item: unmatched } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.unmatchedTracking('enlace-linehaul', 'ENL2511030418BR') }));
    expect(unmatched).toMatchObject({ receivedCount: 7, carrier: 'enlace-linehaul' });

    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.shipmentTracking('shp_SP0001') }));
    const size = Buffer.byteLength(JSON.stringify({ ...Item, timeline: undefined })) + (Item?.timeline as Uint8Array).length;
    console.log(`tracking item after the São Paulo journey: ~${size} bytes (timeline gzipped: ${(Item?.timeline as Uint8Array).length} bytes)`);
    expect(size).toBeLessThan(4096);
    expect(Item?.gsi3pk).toBeUndefined();
  });

  it('changes nothing on a redelivery: duplicates write no item and publish nothing', async () => {
    const { ingest, recorder, getTracking } = await setup();
    await ingest(sqsEvent(correios.map((body) => trackingRecord(webhookMessage('correios', body, '2025-11-12T20:00:00.000Z')))));
    const writes = recorder.sent.filter((entry) => entry.name === 'TransactWriteCommand').length;

    const again = await ingest(sqsEvent(correios.map((body) => trackingRecord(webhookMessage('correios', body, '2025-11-12T21:00:00.000Z')))));

    expect(again.batchItemFailures).toEqual([]);
    expect(recorder.sent.filter((entry) => entry.name === 'TransactWriteCommand')).toHaveLength(writes);
    expect((await getTracking('shp_SP0001'))?.version).toBe(1);
  });

  it('optimistic concurrency: of two writes from the same version one wins; concurrent batches both land', async () => {
    const { tableName, ingest, getTracking } = await setup();
    const save = buildSaveTracking(documents, tableName);
    const stored = (await getTracking('shp_SP0001'))!;
    const write = (webhookIndex: number) => {
      const { state } = applyUpdates(stored.state, [], { receivedAt: '2025-11-12T20:00:00.000Z' });
      return { shipment: stored.shipment, state: { ...state, lastCarrierUpdateAt: `2025-11-12T20:00:0${webhookIndex}.000Z` }, kpiMarks: [], expectedVersion: 0, stallDueAt: null, events: [], kpiIncrements: [], aliases: [], at: '2025-11-12T20:00:00.000Z' };
    };
    expect(await save(write(1))).toBe('saved');
    expect(await save(write(2))).toBe('conflict');

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
      new QueryCommand({ TableName: tableName, IndexName: INDEXES.inTransitByStallDue.name, KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': Item?.gsi3pk } }),
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
    expect(Item).toMatchObject({ receivedCount: 90, lastReceivedAt: '2025-11-10T03:00:00.000Z', expiresAt: Math.floor(Date.parse('2025-11-10T03:00:00.000Z') / 1000) + 30 * 86_400 });
    expect(Item?.updates).toHaveLength(60);
    expect((Item?.updates as { raw?: unknown }[])[0]?.raw).toBeUndefined();
  });

  it('two sweeps racing over the same silence raise one stall', async () => {
    const { tableName, ingest } = await setup();
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', linehaul[0], '2025-11-04T02:00:00.000Z'))]));
    const sweeps = [1, 2, 3].map(() =>
      buildStalledSweep({ findCandidates: buildFindStallCandidates(documents, tableName), raiseStall: buildRaiseStall(documents, tableName) }),
    );
    const results = await Promise.all(sweeps.map((sweep) => sweep(scheduled('2025-11-20T00:00:00Z'))));
    expect(results.flatMap((result) => result.raised)).toEqual(['shp_SP0001']);
    expect(results.reduce((sum, result) => sum + result.lostRaces, 0)).toBe(2);
    // A scan is fine in a test of a throw-away table (the sweep itself only queries).
    const { Items: written = [] } = await documents.send(new ScanCommand({ TableName: tableName, FilterExpression: 'detailType = :type', ExpressionAttributeValues: { ':type': 'shipment.stalled' } }));
    expect(written).toHaveLength(1);
    const { Items = [] } = await documents.send(
      new QueryCommand({ TableName: tableName, IndexName: INDEXES.inTransitByStallDue.name, KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': keys.inTransit('shp_SP0001', 'x').gsi3pk } }),
    );
    expect(Items).toEqual([]);
  });
});
