import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { Shipment } from '../../domain/shared/shipment';
import { parseFeedPayload, sandboxPollCarrier, sandboxSubscribeTracking, type TrackingSubscription } from '../../domain/tracking';
import type { TrackingMessage } from '../../events/tracking-message';
import { keys } from '../../functions/shared/store/keys';
import { buildFindDuePolls, buildRecordPoll, buildRegisterPoll } from '../../functions/shared/store/poll-store';
import { registrationOf, TRACKING_REGISTRATION_FILTERS } from '../../functions/shared/store/registration-records';
import { buildSaveShipment } from '../../functions/shared/store/shipment-store';
import { buildFindShipmentForUpdate, buildFindShipmentsByTrackingNumber, buildGetShipmentTracking } from '../../functions/shared/store/tracking-lookups';
import { buildSaveTracking } from '../../functions/shared/store/tracking-writes';
import { buildForgetUnmatched, buildGetUnmatched, buildKeepUnmatched } from '../../functions/shared/store/unmatched-store';
import { buildTrackingIngestion } from '../../functions/tracking-ingestion/tracking-ingestion';
import { buildTrackingPoller } from '../../functions/tracking-poller/tracking-poller';
import { buildTrackingRegistration } from '../../functions/tracking-registration/tracking-registration';
import { saoPauloShipment, sqsEvent, trackingRecord, webhookMessage } from '../fakes/tracking';
import { createTestTable, localDynamoDb } from '../setup/local-cloud-client';
import { filteredStreamEvent } from '../setup/table-stream';
import { webhooks } from '../unit/domain/tracking/helpers';

const { client, documents } = localDynamoDb();
const correios = webhooks('correios', 'sao-paulo-journey.json');
const linehaul = webhooks('enlace-linehaul', 'sao-paulo-journey.json');

/** Everything wired to a fresh table as the handlers wire it; the tracking queue is an array both ends share. */
async function setup() {
  const { tableName, streamArn } = await createTestTable(client);
  const queue: TrackingMessage[] = [];
  const subscriptions: TrackingSubscription[] = [];
  const sandboxSubscribe = sandboxSubscribeTracking();
  const ingest = buildTrackingIngestion({
    findShipment: buildFindShipmentForUpdate(documents, tableName),
    getTracking: buildGetShipmentTracking(documents, tableName),
    saveTracking: buildSaveTracking(documents, tableName),
    keepUnmatched: buildKeepUnmatched(documents, tableName),
  });
  const register = buildTrackingRegistration({
    getUnmatched: buildGetUnmatched(documents, tableName),
    forgetUnmatched: buildForgetUnmatched(documents, tableName),
    findShipments: buildFindShipmentsByTrackingNumber(documents, tableName),
    enqueue: async (message) => {
      queue.push(message);
    },
    registerPoll: buildRegisterPoll(documents, tableName),
    subscribe: async (subscription) => {
      subscriptions.push(subscription);
      await sandboxSubscribe(subscription);
    },
  });
  let handled = 0;
  /** Runs tracking-registration on the stream records it has not seen yet (all of them again: a redelivery), as its event source mapping would. */
  const registration = async (redeliver = false): Promise<void> => {
    const event: DynamoDBStreamEvent = await filteredStreamEvent(streamArn!, TRACKING_REGISTRATION_FILTERS);
    const fresh = event.Records.slice(redeliver ? 0 : handled);
    handled = event.Records.length;
    const { failedFrom } = await register(
      fresh.map((record) => ({ sequenceNumber: record.dynamodb?.SequenceNumber ?? '', registration: registrationOf(record) })),
    );
    expect(failedFrom).toBeUndefined();
  };
  /** tracking-ingestion on everything queued (webhooks and replays alike), as SQS delivers it after `receiveCount` tries. */
  const drain = async (receiveCount = 1) => {
    const messages = queue.splice(0);
    return messages.length === 0 ? { batchItemFailures: [] } : ingest(sqsEvent(messages.map((message) => trackingRecord(message, receiveCount))));
  };
  const unmatchedItem = async (carrier: string, number: string) =>
    (await documents.send(new GetCommand({ TableName: tableName, Key: keys.unmatchedTracking(carrier, number), ConsistentRead: true }))).Item;
  return {
    tableName,
    queue,
    subscriptions,
    ingest,
    registration,
    drain,
    unmatchedItem,
    save: buildSaveShipment(documents, tableName),
    getTracking: buildGetShipmentTracking(documents, tableName),
  };
}

describe('unmatched carrier updates are replayed once their number is registered (#17 item 9), against DynamoDB Local', () => {
  it('a booking a minute late loses nothing: the Correios scans kept as unmatched reach the timeline once routing books the shipment, once', async () => {
    const { queue, registration, drain, unmatchedItem, save, getTracking } = await setup();
    const shipment = saoPauloShipment({ shipmentId: 'shp_LATE0001', orderId: 'ord_LATE0001' });

    // Correios reports the parcel before routing's booking is written: after its retries, the scans are kept.
    queue.push(...correios.map((body) => webhookMessage('correios', body, '2025-11-12T20:00:00.000Z')));
    expect((await drain(3)).batchItemFailures).toEqual([]);
    expect((await unmatchedItem('correios', shipment.trackingNumber))?.receivedCount).toBeGreaterThan(0);
    expect(await getTracking(shipment.shipmentId)).toBeUndefined();

    // Routing books it (the shipment item and its gsi2 keys): the registration replays the kept scans.
    await save(shipment);
    await registration();
    expect(queue.map((message) => [message.kind, message.kind === 'replay' ? message.trackingNumber : ''])).toEqual([['replay', shipment.trackingNumber]]);
    expect(await unmatchedItem('correios', shipment.trackingNumber)).toBeUndefined();
    const replay = queue[0]!;
    expect((await drain()).batchItemFailures).toEqual([]);

    const stored = await getTracking(shipment.shipmentId);
    expect(stored?.state.current?.status).toBe('delivered');
    const events = stored?.state.timeline.length;
    expect(events).toBeGreaterThan(5);

    // The same stream records again (a redelivery), and the same replay again: nothing changes.
    await registration(true);
    expect(queue).toEqual([]);
    queue.push(replay);
    await drain();
    expect((await getTracking(shipment.shipmentId))?.state.timeline).toHaveLength(events!);
    expect((await getTracking(shipment.shipmentId))?.version).toBe(stored?.version);
  });

  it('replays a line-haul number’s milestones once it becomes an alias of the shipment', async () => {
    const { queue, registration, drain, unmatchedItem, save, getTracking } = await setup();
    const shipment = saoPauloShipment({ shipmentId: 'shp_ALIAS001', orderId: 'ord_ALIAS001' });
    await save(shipment);
    await registration();
    // A first milestone that does not name the last-mile number: nobody claims ENL2511030417BR yet.
    const [first, second] = linehaul as { schemaVersion: number; milestones: { parcels: { trackingNumber: string; lastMileTrackingNumber?: string }[] }[] }[];
    const anonymous = structuredClone(first!);
    anonymous.milestones.forEach((milestone) => milestone.parcels.forEach((parcel) => delete parcel.lastMileTrackingNumber));
    queue.push(webhookMessage('enlace-linehaul', anonymous, '2025-11-12T20:00:00.000Z'));
    await drain(3);
    expect(await unmatchedItem('enlace-linehaul', 'ENL2511030417BR')).toBeDefined();

    // The next milestone names it: ingestion registers the alias, and the registration replays the first.
    queue.push(webhookMessage('enlace-linehaul', second, '2025-11-12T20:05:00.000Z'));
    await drain(3);
    await registration();
    expect(queue.filter((message) => message.kind === 'replay').map((message) => (message.kind === 'replay' ? message.trackingNumber : ''))).toContain(
      'ENL2511030417BR',
    );
    await drain();

    const statuses = (await getTracking(shipment.shipmentId))?.state.timeline.map((event) => event.carrierCode);
    expect(statuses).toEqual(expect.arrayContaining(['LABEL_CREATED', 'PICKED_UP_FROM_SELLER']));
    expect(await unmatchedItem('enlace-linehaul', 'ENL2511030417BR')).toBeUndefined();
  });

  it('closes the race from the other side: updates kept just after the booking was registered are replayed from their own stream record', async () => {
    const { queue, registration, drain, unmatchedItem, save, getTracking, tableName } = await setup();
    const shipment = saoPauloShipment({ shipmentId: 'shp_RACE0001', orderId: 'ord_RACE0001' });
    await save(shipment);
    // The booking's record is handled first: nothing is kept yet.
    await registration();
    expect(queue).toEqual([]);

    // Ingestion looked the number up just before the booking, found nothing, and keeps the scans now.
    const keep = buildKeepUnmatched(documents, tableName);
    const [webhook] = correios as { objetos: unknown[] }[];
    const parsed = parseFeedPayload('correios', webhook);
    if (!parsed.ok) throw new Error('fixture');
    await keep('correios', shipment.trackingNumber, parsed.updates, '2025-11-12T20:00:00.000Z');

    await registration();
    expect(queue.map((message) => message.kind)).toEqual(['replay']);
    await drain();
    expect((await getTracking(shipment.shipmentId))?.state.timeline.length).toBe(parsed.updates.length);
    expect(await unmatchedItem('correios', shipment.trackingNumber)).toBeUndefined();
  });
});

describe('booked parcels start their tracking source, against DynamoDB Local', () => {
  const booked = (overrides: Partial<Shipment>): Shipment =>
    saoPauloShipment({ bookedAt: '2026-03-01T12:00:00.000Z', promisedBy: '2026-03-17T12:00:00.000Z', ...overrides });

  it('a polled carrier’s parcel gets a poll schedule a day after booking, and the poller follows it to the door', async () => {
    const { tableName, queue, registration, drain, save, getTracking, subscriptions } = await setup();
    const shipment = booked({ shipmentId: 'shp_POLL0001', carrier: 'jadlog', carrierName: 'Jadlog', trackingNumber: '10087040452963' });
    await save(shipment);
    await registration();
    await registration();

    const findDue = buildFindDuePolls(documents, tableName);
    expect(await findDue('jadlog', '2026-03-02T11:59:59.000Z', 10)).toEqual([]);
    const [due] = await findDue('jadlog', '2026-03-02T12:00:00.000Z', 10);
    expect(due).toMatchObject({ shipmentId: shipment.shipmentId, trackingNumber: shipment.trackingNumber, nextPollAt: '2026-03-02T12:00:00.000Z', polls: 0 });
    expect(subscriptions).toEqual([]);

    const poller = buildTrackingPoller({
      findDue,
      pollCarrier: sandboxPollCarrier(),
      enqueue: async (messages) => {
        queue.push(...messages);
        return { failed: [] };
      },
      recordPoll: buildRecordPoll(documents, tableName),
      sleep: async () => undefined,
    });
    // As of five days after booking: the scripted journey has been delivered.
    await poller({ time: '2026-03-06T12:00:00.000Z' });
    await drain();

    expect((await getTracking(shipment.shipmentId))?.state.current?.status).toBe('delivered');
    expect(await findDue('jadlog', '2026-12-31T00:00:00.000Z', 10)).toEqual([]);
  });

  it('an aggregator’s carrier is subscribed number by number; a pushing carrier by account is not', async () => {
    const { registration, save, subscriptions } = await setup();
    await save(booked({ shipmentId: 'shp_AGG00001', carrier: 'blue-express', carrierName: 'Blue Express', trackingNumber: '0603297600' }));
    await save(booked({ shipmentId: 'shp_OLVA0001', carrier: 'olva', carrierName: 'Olva Courier', trackingNumber: 'OLV745688298' }));
    await registration();

    expect(subscriptions.map((subscription) => [subscription.carrier, subscription.trackingNumber, subscription.source.feed])).toEqual([
      ['blue-express', '0603297600', '17track'],
    ]);
  });

  it('records a poll once when two runs race for the same parcel (conditional on the schedule read)', async () => {
    const { tableName, save, registration } = await setup();
    await save(booked({ shipmentId: 'shp_POLL0002', carrier: 'fedex', carrierName: 'FedEx', trackingNumber: '794874381730' }));
    await registration();
    const [due] = await buildFindDuePolls(documents, tableName)('fedex', '2026-03-02T12:00:00.000Z', 10);
    const record = buildRecordPoll(documents, tableName);
    const outcome = { polledAt: '2026-03-02T12:00:00.000Z', lastEventAt: null, lastStatus: null };

    const results = await Promise.all(Array.from({ length: 8 }, (_, index) => record(due!, outcome, { next: `2026-03-03T0${index}:00:00.000Z` })));

    expect(results.filter(Boolean)).toHaveLength(1);
    const item = (await documents.send(new GetCommand({ TableName: tableName, Key: keys.pollSchedule('shp_POLL0002'), ConsistentRead: true }))).Item;
    expect(item?.polls).toBe(1);
    expect(item?.gsi4sk).toBe(`${String(item?.nextPollAt)}#shp_POLL0002`);
  });
});
