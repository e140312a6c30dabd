import fc from 'fast-check';
import { parseEvent } from '../../../events/envelope';
import { shipmentDeliveredV1, shipmentExceptionV1, shipmentStatusChangedV1 } from '../../../events/shipment-tracking';
import type { GetShipmentTracking } from '../../../domain/tracking';
import { type TrackingMessage } from '../../../events/tracking-message';
import { buildTrackingIngestion, UNMATCHED_ATTEMPTS } from '../../../functions/tracking-ingestion/tracking-ingestion';
import { InMemoryTrackingStore, saoPauloShipment, sqsEvent, trackingRecord, webhookMessage } from '../../fakes/tracking';
import { fixture, SAO_PAULO_STATUS_CHANGES, saoPauloSingleUpdates, webhooks } from '../domain/tracking/helpers';

const linehaul = webhooks('enlace-linehaul', 'sao-paulo-journey.json');
const correios = webhooks('correios', 'sao-paulo-journey.json');
/** The six webhooks of the São Paulo journey as the carriers posted them. */
const journey: { carrier: string; body: unknown }[] = [
  ...linehaul.map((body) => ({ carrier: 'enlace-linehaul', body })),
  ...correios.map((body) => ({ carrier: 'correios', body })),
];

function setup() {
  const store = new InMemoryTrackingStore();
  store.addShipment(saoPauloShipment());
  let clock = Date.parse('2025-11-13T00:00:00.000Z');
  let ids = 0;
  const ingest = buildTrackingIngestion({
    findShipment: store.findShipment,
    getTracking: store.getTracking,
    saveTracking: store.saveTracking,
    keepUnmatched: store.keepUnmatched,
    newEventId: () => `evt_${++ids}`,
    now: () => new Date((clock += 1000)),
    backoff: async () => undefined,
  });
  return { store, ingest };
}

/**
 * SQS as the tracking queue behaves: batches of up to `size`, failed records come back with their
 * receive count raised, and are parked in the DLQ after 5 deliveries.
 */
async function drain(ingest: ReturnType<typeof setup>['ingest'], messages: TrackingMessage[], sizes: readonly number[] = [10]) {
  let queue: { message: TrackingMessage; count: number }[] = messages.map((message) => ({ message, count: 1 }));
  const dlq: TrackingMessage[] = [];
  let round = 0;
  while (queue.length > 0) {
    const size = sizes[round % sizes.length] ?? 10;
    round += 1;
    const batch = queue.slice(0, size);
    queue = queue.slice(size);
    const records = batch.map(({ message, count }) => ({ record: trackingRecord(message, count), message, count }));
    const { batchItemFailures } = await ingest(sqsEvent(records.map(({ record }) => record)));
    const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
    for (const { record, message, count } of records) {
      if (!failed.has(record.messageId)) continue;
      if (count >= 5) dlq.push(message);
      else queue.push({ message, count: count + 1 });
    }
  }
  return { dlq };
}

describe('tracking-ingestion', () => {
  it('folds the São Paulo journey into one timeline: delivered, 22 events, one shipment.delivered', async () => {
    const { store, ingest } = setup();
    const messages = journey.map(({ carrier, body }, index) => webhookMessage(carrier, body, `2025-11-12T18:00:0${index}.000Z`));

    const { dlq } = await drain(ingest, messages);

    const stored = await store.getTracking('shp_SP0001');
    expect(dlq).toEqual([]);
    expect(stored?.state.current).toMatchObject({ status: 'delivered', since: '2025-11-12T17:26:31.000Z' });
    expect(stored?.state.timeline).toHaveLength(22);
    expect(store.eventsOf('shipment.delivered')).toHaveLength(1);
    const delivered = parseEvent(shipmentDeliveredV1, store.eventsOf('shipment.delivered')[0]?.detail);
    expect(delivered.metadata).toMatchObject({ correlationId: 'ord_SP0001', sellerId: 'seller-a', source: 'enlace.tracking' });
    expect(delivered.data).toMatchObject({ deliveredAt: '2025-11-12T17:26:31.000Z', onTime: true, transitDays: 9, reportedBy: { carrier: 'correios' } });
    // The bag milestones also list two parcels Enlace has no shipment for: retried, then kept.
    expect(store.unmatched.map((entry) => entry.trackingNumber).sort()).toEqual(['ENL2511030418BR', 'ENL2511030418BR', 'ENL2511030422BR', 'ENL2511030422BR']);
    // The line-haul number found the shipment through the last-mile number it names, and is registered.
    expect(store.aliases.get('enlace-linehaul#ENL2511030417BR')).toBe('shp_SP0001');
  });

  it('publishes every status change and the exceptions, each with the carrier event that caused it', async () => {
    const { store, ingest } = setup();
    await drain(
      ingest,
      journey.map(({ carrier, body }, index) => webhookMessage(carrier, body, `2025-11-12T18:00:0${index}.000Z`)),
      [1],
    );
    const changes = store.eventsOf('shipment.status-changed').map((event) => parseEvent(shipmentStatusChangedV1, event.detail).data);
    expect(changes.map((change) => change.to)).toEqual(SAO_PAULO_STATUS_CHANGES);
    expect(changes.at(-1)).toMatchObject({
      from: 'out-for-delivery',
      reportedBy: { carrier: 'correios', carrierDescription: 'Objeto entregue ao destinatário' },
    });
    const exceptions = store.eventsOf('shipment.exception').map((event) => parseEvent(shipmentExceptionV1, event.detail).data);
    expect(exceptions.map((exception) => [exception.status, exception.reportedBy.carrier])).toEqual([
      ['duties-due', 'correios'],
      ['delivery-attempt-failed', 'correios'],
    ]);
  });

  it('reaches the same timeline, status and single delivery whatever the order, duplicates and batch sizes (fast-check)', async () => {
    const reference = setup();
    await drain(
      reference.ingest,
      journey.map(({ carrier, body }) => webhookMessage(carrier, body, '2025-11-12T18:00:00.000Z')),
    );
    const expected = (await reference.store.getTracking('shp_SP0001'))!.state;

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: journey.length - 1 }), { maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 }),
        fc.infiniteStream(fc.nat()),
        async (repeats, sizes, randomness) => {
          const withRepeats = [...journey, ...repeats.map((index) => journey[index]!)];
          const order = withRepeats.map((entry) => ({ entry, key: randomness.next().value as number })).sort((a, b) => a.key - b.key);
          const { store, ingest } = setup();
          const messages = order.map(({ entry }, index) =>
            webhookMessage(entry.carrier, entry.body, new Date(Date.UTC(2025, 10, 12, 18) + index * 60_000).toISOString()),
          );

          await drain(ingest, messages, sizes);

          const state = (await store.getTracking('shp_SP0001'))!.state;
          expect(state.current).toEqual(expected.current);
          expect(state.timeline.map(({ receivedAt: _r, ...event }) => event)).toEqual(expected.timeline.map(({ receivedAt: _r, ...event }) => event));
          expect(store.eventsOf('shipment.delivered')).toHaveLength(1);
          expect(
            store.eventsOf('shipment.status-changed').filter((event) => parseEvent(shipmentStatusChangedV1, event.detail).data.to === 'delivered'),
          ).toHaveLength(1);
          // KPIs: delivered once, its exceptions once (routing counts the shipment at booking).
          const counted = store.kpis.flatMap((increment) => Object.entries(increment.add));
          expect(counted.filter(([name]) => name === 'shipments')).toEqual([]);
          expect(counted.filter(([name]) => name === 'delivered')).toEqual([['delivered', 1]]);
          expect(counted.filter(([name]) => name === 'exceptions')).toEqual([['exceptions', 1]]);
          // The write cost: at most two items per tracking update (docs/tracking.md).
          expect(store.writes.reduce((sum, items) => sum + items, 0)).toBeLessThanOrEqual(2 * 22);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('costs at most two items per tracking update: each update alone, in any order, is one Put or a transaction of two', async () => {
    const reference = setup();
    await drain(
      reference.ingest,
      journey.map(({ carrier, body }) => webhookMessage(carrier, body, '2025-11-12T18:00:00.000Z')),
    );
    const expected = (await reference.store.getTracking('shp_SP0001'))!.state;
    const updates = saoPauloSingleUpdates();
    expect(updates.length).toBeGreaterThan(expected.timeline.length);

    await fc.assert(
      fc.asyncProperty(fc.infiniteStream(fc.nat()), async (randomness) => {
        const order = updates.map((entry) => ({ entry, key: randomness.next().value as number })).sort((a, b) => a.key - b.key);
        const { store, ingest } = setup();
        const messages = order.map(({ entry }, index) =>
          webhookMessage(entry.carrier, entry.body, new Date(Date.UTC(2025, 10, 12, 18) + index * 60_000).toISOString()),
        );

        // One update per webhook, one webhook per invocation: each write is one update's cost.
        await drain(ingest, messages, [1]);

        expect((await store.getTracking('shp_SP0001'))!.state.current).toEqual(expected.current);
        expect(store.writes).toHaveLength(expected.timeline.length);
        expect(Math.max(...store.writes)).toBeLessThanOrEqual(2);
        expect(store.writes.filter((items) => items === 1).length).toBeGreaterThan(store.writes.length / 2);
        expect(store.eventsOf('shipment.delivered')).toHaveLength(1);
        // The KPIs do not depend on the order either: delivered once, Correios's exception once.
        const counted = store.kpis.flatMap((increment) => Object.entries(increment.add)).filter(([name]) => name === 'delivered' || name === 'exceptions');
        expect(counted.sort()).toEqual([
          ['delivered', 1],
          ['exceptions', 1],
        ]);
      }),
      { numRuns: 25 },
    );
  });

  it('a lone delivery scan writes two items: the tracking item (carrying status-changed and delivered) and the KPI counter', async () => {
    const { store, ingest } = setup();
    const updates = saoPauloSingleUpdates();
    const delivery = updates.find((entry) => JSON.stringify(entry.body).includes('"codigo":"BDE","tipo":"01"'));
    expect(delivery).toBeDefined();
    await drain(
      ingest,
      updates.filter((entry) => entry !== delivery).map(({ carrier, body }) => webhookMessage(carrier, body, '2025-11-12T18:00:00.000Z')),
    );
    const before = { writes: store.writes.length, events: store.events.length, kpis: store.kpis.length };

    const { outcomes } = await ingest(sqsEvent([trackingRecord(webhookMessage('correios', delivery!.body, '2025-11-12T19:00:00.000Z'))]));

    expect(outcomes).toEqual([expect.objectContaining({ newEvents: 1, itemsWritten: 2, facts: ['status-changed', 'delivered'] })]);
    expect(store.writes.slice(before.writes)).toEqual([2]);
    expect(store.events.slice(before.events).map((event) => event.detailType)).toEqual(['shipment.status-changed', 'shipment.delivered']);
    expect(store.kpis.slice(before.kpis)).toEqual([
      expect.objectContaining({ carrier: 'correios', add: expect.objectContaining({ delivered: 1 }) as unknown }),
    ]);
  });

  it('writes nothing for a webhook whose updates are all duplicates', async () => {
    const { store, ingest } = setup();
    await drain(ingest, [webhookMessage('correios', correios[2], '2025-11-12T18:00:00.000Z')]);
    const before = { transactions: store.writes.length, events: store.events.length, version: (await store.getTracking('shp_SP0001'))!.version };

    const { batchItemFailures } = await ingest(sqsEvent([trackingRecord(webhookMessage('correios', correios[1], '2025-11-12T19:00:00.000Z'))]));

    expect(batchItemFailures).toEqual([]);
    expect({ transactions: store.writes.length, events: store.events.length, version: (await store.getTracking('shp_SP0001'))!.version }).toEqual(before);
  });

  it('reads the tracking eventually consistent first, with the shipment it found; a stale read costs a strongly consistent re-read, never a lost or doubled event', async () => {
    const store = new InMemoryTrackingStore();
    store.addShipment(saoPauloShipment());
    const staleSnapshot = (await store.getTracking('shp_SP0001'))!;
    const reads: { consistentRead: boolean | undefined; shipmentId: string | undefined }[] = [];
    // An eventually consistent read that has not seen any write yet: the item as it was before the first webhook.
    const getTracking: GetShipmentTracking = async (shipmentId, known) => {
      reads.push({ consistentRead: known?.consistentRead, shipmentId: known?.shipment.shipmentId });
      return known?.consistentRead === false ? staleSnapshot : store.getTracking(shipmentId, known);
    };
    const ingest = buildTrackingIngestion({ ...store, getTracking, backoff: async () => undefined, now: () => new Date('2025-11-13T00:00:00.000Z') });
    const first = webhookMessage('correios', correios[0], '2025-11-12T18:00:00.000Z');

    expect((await ingest(sqsEvent([trackingRecord(first)]))).batchItemFailures).toEqual([]);
    expect(reads).toEqual([{ consistentRead: false, shipmentId: 'shp_SP0001' }]);
    const written = { writes: store.writes.length, events: store.events.length, tracking: await store.getTracking('shp_SP0001') };

    // The same webhook again: the stale read takes it for new, the write conflicts, the strong re-read sees the duplicate.
    reads.length = 0;
    expect((await ingest(sqsEvent([trackingRecord(first)]))).batchItemFailures).toEqual([]);
    expect(reads.map((read) => read.consistentRead)).toEqual([false, true]);
    expect({ writes: store.writes.length, events: store.events.length, tracking: await store.getTracking('shp_SP0001') }).toEqual(written);

    // A new webhook on a stale read: written once, on top of the first.
    reads.length = 0;
    await ingest(sqsEvent([trackingRecord(webhookMessage('correios', correios[1], '2025-11-12T19:00:00.000Z'))]));
    expect(reads.map((read) => read.consistentRead)).toEqual([false, true]);
    const after = await store.getTracking('shp_SP0001');
    expect(after?.version).toBe(written.tracking!.version + 1);
    expect(after?.state.timeline.length).toBeGreaterThan(written.tracking!.state.timeline.length);
    expect(store.writes.length).toBe(written.writes + 1);
  });

  it('fails an unparseable payload alone, so SQS retries it and then parks it in the DLQ, intact', async () => {
    const { store, ingest } = setup();
    const bad = webhookMessage('correios', '{"objetos": [{"codObjeto": 42}]}', '2025-11-12T18:00:00.000Z');
    const notJson = webhookMessage('estafeta', 'this is not JSON', '2025-11-12T18:00:00.000Z');
    const good = webhookMessage('correios', correios[0], '2025-11-12T18:00:00.000Z');
    const records = [trackingRecord(bad), trackingRecord(notJson), trackingRecord(good), trackingRecord('not even an envelope')];

    const { batchItemFailures } = await ingest(sqsEvent(records));

    expect(batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual([records[0]!.messageId, records[1]!.messageId, records[3]!.messageId]);
    expect((await store.getTracking('shp_SP0001'))?.state.timeline).toHaveLength(4);
    const { dlq } = await drain(ingest, [bad]);
    expect(dlq).toEqual([bad]);
  });

  it('retries a webhook for an unknown number a few times (the booking may be seconds behind), then keeps it', async () => {
    const { store, ingest } = setup();
    const stray = JSON.parse(JSON.stringify(correios[0]).replaceAll('NX482157365BR', 'NX000000000BR')) as unknown;
    const message = webhookMessage('correios', stray, '2025-11-12T18:00:00.000Z');

    const first = await ingest(sqsEvent([trackingRecord(message, 1)]));
    expect(first.batchItemFailures).toHaveLength(1);
    expect(store.unmatched).toEqual([]);

    const last = await ingest(sqsEvent([trackingRecord(message, UNMATCHED_ATTEMPTS)]));
    expect(last.batchItemFailures).toEqual([]);
    expect(store.unmatched).toEqual([expect.objectContaining({ carrier: 'correios', trackingNumber: 'NX000000000BR' })]);
    expect(store.unmatched[0]?.updates).toHaveLength(4);
  });

  it('applies a webhook that arrives once the shipment exists (the retry after a booking race)', async () => {
    const store = new InMemoryTrackingStore();
    const ingest = buildTrackingIngestion({ ...store, backoff: async () => undefined });
    const message = webhookMessage('correios', correios[0], '2025-11-12T18:00:00.000Z');

    expect((await ingest(sqsEvent([trackingRecord(message, 1)]))).batchItemFailures).toHaveLength(1);
    store.addShipment(saoPauloShipment());
    expect((await ingest(sqsEvent([trackingRecord(message, 2)]))).batchItemFailures).toEqual([]);

    expect((await store.getTracking('shp_SP0001'))?.state.current?.status).toBe('import-customs');
  });

  it('re-reads and retries when another writer moved the version, and gives the batch back after too many conflicts', async () => {
    const { store, ingest } = setup();
    store.conflictsToInject = 2;
    const ok = await ingest(sqsEvent([trackingRecord(webhookMessage('correios', correios[0], '2025-11-12T18:00:00.000Z'))]));
    expect(ok.batchItemFailures).toEqual([]);
    expect((await store.getTracking('shp_SP0001'))?.version).toBe(1);

    store.conflictsToInject = 99;
    const record = trackingRecord(webhookMessage('correios', correios[1], '2025-11-12T19:00:00.000Z'));
    const gaveUp = await ingest(sqsEvent([record]));
    expect(gaveUp.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
    expect((await store.getTracking('shp_SP0001'))?.version).toBe(1);
  });

  it('takes the shipment out of the stall index once delivered, and watches it by its leg threshold until then', async () => {
    const { store, ingest } = setup();
    const at = '2025-11-08T12:00:00.000Z';
    await ingest(sqsEvent([trackingRecord(webhookMessage('correios', correios[0], at))]));
    // Arrived in Brazil, before clearance: the import-customs leg, 120 h on CN-BR.
    expect(store.rows.get('shp_SP0001')?.stallDueAt).toBe('2025-11-13T12:00:00.000Z');

    await ingest(sqsEvent([trackingRecord(webhookMessage('correios', correios[2], '2025-11-12T18:00:00.000Z'))]));
    expect(store.rows.get('shp_SP0001')?.stallDueAt).toBeNull();
  });

  it('keeps each event’s source and absorbs the same FedEx scans pushed after they were polled', async () => {
    const { store, ingest } = setup();
    store.addShipment(saoPauloShipment({ shipmentId: 'shp_US0001', orderId: 'ord_US0001', carrier: 'fedex', trackingNumber: '794874381730', lane: 'CN-US-1' }));
    const answer = fixture('fedex', 'track-api-answer.json') as { output: { completeTrackResults: { trackResults: unknown[] }[] } };
    const pushed = answer.output.completeTrackResults[0]!.trackResults[0];

    await drain(ingest, [webhookMessage('fedex', answer, '2025-11-19T14:00:00.000Z', 'poll')]);
    const afterPoll = await store.getTracking('shp_US0001');
    await drain(ingest, [webhookMessage('fedex', pushed, '2025-11-19T14:05:00.000Z', 'webhook')]);
    const afterPush = await store.getTracking('shp_US0001');

    expect(afterPoll?.state.timeline.map((event) => [event.carrierCode, event.source])).toEqual([
      ['DE/07', 'poll'],
      ['AR', 'poll'],
      ['OD', 'poll'],
    ]);
    expect(afterPush?.version).toBe(afterPoll?.version);
    expect(store.eventsOf('shipment.status-changed').map((event) => parseEvent(shipmentStatusChangedV1, event.detail).data.to)).toEqual([
      'delivery-attempt-failed',
      'out-for-delivery',
    ]);
  });
});
