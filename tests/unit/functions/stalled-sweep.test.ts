import { parseEvent } from '../../../events/envelope';
import { shipmentStalledV1 } from '../../../events/shipment-tracking';
import { DEFAULT_STALL_POLICY } from '../../../domain/tracking';
import { buildStalledSweep } from '../../../functions/stalled-sweep/stalled-sweep';
import { buildTrackingIngestion } from '../../../functions/tracking-ingestion/tracking-ingestion';
import { InMemoryTrackingStore, saoPauloShipment, sqsEvent, trackingRecord, webhookMessage } from '../../fakes/tracking';
import { webhooks } from '../domain/tracking/helpers';

const [labelAndPickup] = webhooks('enlace-linehaul', 'sao-paulo-journey.json');
const scheduled = (time: string) => ({ version: '0', id: 'x', 'detail-type': 'Scheduled Event', source: 'aws.events', time, resources: [], detail: {} });
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString().replace('.000Z', 'Z');

function setup() {
  const store = new InMemoryTrackingStore();
  store.addShipment(saoPauloShipment());
  let ids = 0;
  const ingest = buildTrackingIngestion({ ...store, backoff: async () => undefined, now: () => new Date('2025-11-04T02:00:00.000Z') });
  const sweep = buildStalledSweep({
    findCandidates: store.findCandidates,
    raiseStall: store.raiseStall,
    rescheduleCheck: store.rescheduleCheck,
    newEventId: () => `evt_stall_${++ids}`,
  });
  return { store, ingest, sweep };
}

describe('stalled sweep', () => {
  const receivedAt = '2025-11-04T02:00:00.000Z';

  it('raises shipment.stalled once for a parcel silent 49 h in the first mile, and not again on the next run', async () => {
    const { store, ingest, sweep } = setup();
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', labelAndPickup, receivedAt))]));

    expect((await sweep(scheduled(hoursAfter(receivedAt, 47)))).raised).toEqual([]);
    const first = await sweep(scheduled(hoursAfter(receivedAt, 49)));
    const second = await sweep(scheduled(hoursAfter(receivedAt, 49.25)));

    expect(first).toMatchObject({ examined: 1, raised: ['shp_SP0001'] });
    expect(second).toMatchObject({ examined: 0, raised: [] });
    const stalled = store.eventsOf('shipment.stalled').map((event) => parseEvent(shipmentStalledV1, event.detail));
    expect(stalled).toHaveLength(1);
    expect(stalled[0]?.metadata).toMatchObject({ occurredAt: '2025-11-06T03:00:00.000Z', correlationId: 'ord_SP0001', sellerId: 'seller-a' });
    expect(stalled[0]?.data).toMatchObject({ status: 'in-transit', leg: 'first-mile', silentSince: receivedAt, hoursSilent: 49, thresholdHours: 48 });
  });

  it('starts a new silence with the next carrier event: a second stall is raised after another 48 h', async () => {
    const { store, sweep } = setup();
    let at = receivedAt;
    const ingestAt = (time: string) => buildTrackingIngestion({ ...store, backoff: async () => undefined, now: () => new Date(time) });
    await ingestAt(at)(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', labelAndPickup, at))]));
    await sweep(scheduled(hoursAfter(at, 49)));

    at = hoursAfter(at, 60);
    const [, exportBag] = webhooks('enlace-linehaul', 'sao-paulo-journey.json');
    await ingestAt(at)(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', exportBag, at), 3)]));
    expect((await sweep(scheduled(hoursAfter(at, 47)))).raised).toEqual([]);
    // In flight now (line-haul leg): 72 h.
    expect((await sweep(scheduled(hoursAfter(at, 71)))).raised).toEqual([]);
    expect((await sweep(scheduled(hoursAfter(at, 73)))).raised).toEqual(['shp_SP0001']);
    expect(store.eventsOf('shipment.stalled').map((event) => parseEvent(shipmentStalledV1, event.detail).data.leg)).toEqual(['first-mile', 'line-haul']);
  });

  it('never raises for a delivered parcel', async () => {
    const { store, sweep } = setup();
    const ingest = buildTrackingIngestion({ ...store, backoff: async () => undefined, now: () => new Date(receivedAt) });
    const journey = [
      ...webhooks('enlace-linehaul', 'sao-paulo-journey.json').map((body) => ['enlace-linehaul', body] as const),
      ...webhooks('correios', 'sao-paulo-journey.json').map((body) => ['correios', body] as const),
    ];
    await ingest(sqsEvent(journey.map(([carrier, body]) => trackingRecord(webhookMessage(carrier, body, receivedAt), 3))));
    expect((await store.getTracking('shp_SP0001'))?.state.current?.status).toBe('delivered');

    expect(await sweep(scheduled(hoursAfter(receivedAt, 24 * 30)))).toMatchObject({ examined: 0, raised: [] });
  });

  it('skips, raising nothing, a candidate the index holds as due but the decision does not stall (the skip guard), and moves its entry to its due time', async () => {
    const { store, ingest } = setup();
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', labelAndPickup, receivedAt))]));
    // The index was written under the 48 h policy; the policy has since moved the first mile to 96 h.
    const longer = { ...DEFAULT_STALL_POLICY, byLeg: { ...DEFAULT_STALL_POLICY.byLeg, 'first-mile': 96 } };
    const raised: string[] = [];
    const sweep = buildStalledSweep({
      findCandidates: store.findCandidates,
      raiseStall: async (...args) => {
        raised.push(args[0].shipmentId);
        return store.raiseStall(...args);
      },
      rescheduleCheck: store.rescheduleCheck,
      policy: longer,
    });
    const summary = await sweep(scheduled(hoursAfter(receivedAt, 49)));
    expect(summary).toMatchObject({ examined: 1, raised: [], skipped: { 'within-threshold': 1 }, rescheduled: 1, lostRaces: 0 });
    expect(raised).toEqual([]);
    expect(store.eventsOf('shipment.stalled')).toEqual([]);
    expect((await store.getTracking('shp_SP0001'))?.state.stallAlertRaised).toBeNull();
    // Looked at again when the decision's own threshold runs out, and raised then.
    expect(store.rescheduled).toEqual([{ shipmentId: 'shp_SP0001', checkAt: '2025-11-08T02:00:00.000Z' }]);
    expect(await sweep(scheduled(hoursAfter(receivedAt, 95.75)))).toMatchObject({ examined: 0, raised: [] });
    expect((await sweep(scheduled(hoursAfter(receivedAt, 96.25)))).raised).toEqual(['shp_SP0001']);
  });

  it('finds a parcel whose carrier events moved its due time later before that time, moves its entry there, and raises the stall on time', async () => {
    const { store, sweep } = setup();
    const ingestAt = (time: string) => buildTrackingIngestion({ ...store, backoff: async () => undefined, now: () => new Date(time) });
    await ingestAt(receivedAt)(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', labelAndPickup, receivedAt))]));
    const later = hoursAfter(receivedAt, 10);
    const [, exportBag] = webhooks('enlace-linehaul', 'sao-paulo-journey.json');
    await ingestAt(later)(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', exportBag, later), 3)]));
    // The carrier event moved the due time from +48 h (first mile) to +10 h + 72 h (line-haul); the entry stayed (no index write).
    expect(store.rows.get('shp_SP0001')?.stallDueAt).toBe('2025-11-06T02:00:00.000Z');

    expect(await sweep(scheduled(hoursAfter(receivedAt, 48.25)))).toMatchObject({ examined: 1, raised: [], rescheduled: 1 });
    expect(store.rows.get('shp_SP0001')?.stallDueAt).toBe('2025-11-07T12:00:00.000Z');
    expect(await sweep(scheduled(hoursAfter(receivedAt, 81.75)))).toMatchObject({ examined: 0, raised: [] });
    const due = await sweep(scheduled(hoursAfter(receivedAt, 82.25)));
    expect(due).toMatchObject({ examined: 1, raised: ['shp_SP0001'], rescheduled: 0 });
    expect(store.eventsOf('shipment.stalled').map((event) => parseEvent(shipmentStalledV1, event.detail).data)).toEqual([
      expect.objectContaining({ leg: 'line-haul', silentSince: later.replace('Z', '.000Z'), thresholdHours: 72 }),
    ]);
  });

  it('does not move the entry of a candidate whose silence ended between its query and its write', async () => {
    const { store, ingest } = setup();
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', labelAndPickup, receivedAt))]));
    const candidates = await store.findCandidates(hoursAfter(receivedAt, 49));
    const longer = { ...DEFAULT_STALL_POLICY, byLeg: { ...DEFAULT_STALL_POLICY.byLeg, 'first-mile': 96 } };
    const raced = buildStalledSweep({
      findCandidates: async () => candidates.map((candidate) => ({ ...candidate, lastCarrierUpdateAt: '2025-11-03T00:00:00.000Z' })),
      raiseStall: store.raiseStall,
      rescheduleCheck: store.rescheduleCheck,
      policy: longer,
    });
    expect(await raced(scheduled(hoursAfter(receivedAt, 49)))).toMatchObject({ raised: [], rescheduled: 0 });
    expect(store.rows.get('shp_SP0001')?.stallDueAt).toBe('2025-11-06T02:00:00.000Z');
  });

  it('skips a candidate whose projection says it is delivered (terminal), and one whose stall was already raised', async () => {
    const { store, ingest } = setup();
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', labelAndPickup, receivedAt))]));
    const [candidate] = await store.findCandidates(hoursAfter(receivedAt, 49));
    const delivered = { ...candidate!, current: { ...candidate!.current!, status: 'delivered' as const } };
    const calls: string[] = [];
    const sweep = buildStalledSweep({
      findCandidates: async () => [delivered],
      raiseStall: async (c) => {
        calls.push(c.shipmentId);
        return true;
      },
      rescheduleCheck: async (c) => {
        calls.push(c.shipmentId);
        return true;
      },
    });
    expect(await sweep(scheduled(hoursAfter(receivedAt, 49)))).toMatchObject({ examined: 1, raised: [], skipped: { terminal: 1 } });
    expect(calls).toEqual([]);
  });

  it('loses the race gracefully when a carrier event lands between its query and its write', async () => {
    const { store, ingest, sweep } = setup();
    await ingest(sqsEvent([trackingRecord(webhookMessage('enlace-linehaul', labelAndPickup, receivedAt))]));
    const candidates = await store.findCandidates(hoursAfter(receivedAt, 49));
    const raced = buildStalledSweep({
      findCandidates: async () => candidates,
      raiseStall: async (candidate, key, event, at) => store.raiseStall({ ...candidate, lastCarrierUpdateAt: '2025-11-05T00:00:00.000Z' }, key, event, at),
      rescheduleCheck: store.rescheduleCheck,
    });
    expect(await raced(scheduled(hoursAfter(receivedAt, 49)))).toMatchObject({ raised: [], lostRaces: 1 });
    expect(store.eventsOf('shipment.stalled')).toEqual([]);
    expect((await sweep(scheduled(hoursAfter(receivedAt, 49)))).raised).toEqual(['shp_SP0001']);
  });

  it('takes "now" from the scheduled event and refuses an event without a time', async () => {
    const { sweep } = setup();
    await expect(sweep({ 'detail-type': 'Scheduled Event' })).rejects.toThrow();
    expect((await sweep(scheduled('2030-01-01T00:00:00Z'))).now).toBe('2030-01-01T00:00:00.000Z');
  });
});
