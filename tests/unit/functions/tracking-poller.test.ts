import type { Shipment } from '../../../domain/shared/shipment';
import { firstPollAt, sandboxPollCarrier, type PollCarrier, type PollLimits } from '../../../domain/tracking';
import type { TrackingMessage } from '../../../events/tracking-message';
import { buildTrackingIngestion } from '../../../functions/tracking-ingestion/tracking-ingestion';
import { buildTrackingPoller } from '../../../functions/tracking-poller/tracking-poller';
import { InMemoryPollStore } from '../../fakes/polls';
import { InMemoryTrackingStore, saoPauloShipment, sqsEvent, trackingRecord } from '../../fakes/tracking';

const BOOKED = '2026-03-01T12:00:00.000Z';
const JADLOG: PollLimits = { requestsPerSecond: 1, numbersPerRequest: 50, provenance: { source: 'test', note: 'test', sandbox: true } };
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
const scheduled = (time: string) => ({ 'detail-type': 'Scheduled Event', source: 'aws.events', time, detail: {} });

function jadlogShipment(index: number): Shipment {
  return saoPauloShipment({
    shipmentId: `shp_JAD${String(index).padStart(4, '0')}`,
    orderId: `ord_JAD${index}`,
    carrier: 'jadlog',
    carrierName: 'Jadlog',
    trackingNumber: `100870404${String(index).padStart(5, '0')}`,
    bookedAt: BOOKED,
    promisedBy: hoursAfter(BOOKED, 16 * 24),
  });
}

function setup(options: { pollCarrier?: PollCarrier; enqueueFails?: (message: TrackingMessage) => boolean; limits?: PollLimits; sleeps?: number[] } = {}) {
  const polls = new InMemoryPollStore();
  const tracking = new InMemoryTrackingStore();
  const queued: TrackingMessage[] = [];
  let ids = 0;
  const poller = buildTrackingPoller({
    findDue: polls.findDue,
    pollCarrier: options.pollCarrier ?? sandboxPollCarrier(),
    enqueue: async (messages) => {
      const failed = messages.filter((message) => options.enqueueFails?.(message) === true);
      queued.push(...messages.filter((message) => !failed.includes(message)));
      return { failed };
    },
    recordPoll: polls.recordPoll,
    carriers: [{ carrier: 'jadlog', limits: options.limits ?? JADLOG }],
    newReceiptId: () => `pol_${++ids}`,
    sleep: async (ms) => {
      options.sleeps?.push(ms);
    },
  });
  const ingest = buildTrackingIngestion({
    findShipment: tracking.findShipment,
    getTracking: tracking.getTracking,
    saveTracking: tracking.saveTracking,
    keepUnmatched: tracking.keepUnmatched,
    newEventId: () => `evt_${++ids}`,
    backoff: async () => undefined,
  });
  const book = async (shipment: Shipment) => {
    tracking.addShipment(shipment);
    await polls.registerPoll(shipment, firstPollAt(shipment.bookedAt), shipment.bookedAt);
  };
  /** What tracking-ingestion does with everything queued so far (the same path as webhooks). */
  const drain = async () => {
    const messages = queued.splice(0);
    if (messages.length > 0) await ingest(sqsEvent(messages.map((message) => trackingRecord(message))));
  };
  return { polls, tracking, queued, poller, ingest, book, drain };
}

describe('tracking-poller', () => {
  it('follows a polled Jadlog parcel to the door through the same ingestion as webhooks, asking less as it goes quiet, and stops once delivered', async () => {
    const { polls, tracking, poller, book, drain } = setup();
    const shipment = jadlogShipment(1);
    await book(shipment);

    const runs: string[] = [];
    for (let round = 0; round < 30 && polls.rows.has(shipment.shipmentId); round++) {
      const due = polls.rows.get(shipment.shipmentId)!.nextPollAt;
      runs.push(due);
      await poller(scheduled(due));
      await drain();
    }

    const stored = await tracking.getTracking(shipment.shipmentId);
    expect(stored?.state.current?.status).toBe('delivered');
    expect(stored?.state.timeline.map((event) => [event.status, event.source])).toEqual([
      ['in-transit-destination', 'poll'],
      ['in-transit-destination', 'poll'],
      ['out-for-delivery', 'poll'],
      ['delivered', 'poll'],
    ]);
    expect(tracking.eventsOf('shipment.delivered')).toHaveLength(1);
    // KPIs count the polled carrier's delivery as they count a pushed one.
    expect(tracking.kpis).toEqual([expect.objectContaining({ carrier: 'jadlog', add: expect.objectContaining({ delivered: 1 }) as unknown })]);
    // Hours after booking of each poll: every 12 h while Jadlog has nothing, every 2–4 h once it moves, hourly out for delivery.
    expect(runs.map((at) => (Date.parse(at) - Date.parse(BOOKED)) / 3_600_000)).toEqual([24, 36, 48, 60, 72, 84, 96, 98, 100, 104, 108, 109, 110, 111]);
    expect(polls.history.at(-1)).toMatchObject({ stop: 'terminal' });
    expect(polls.rows.has(shipment.shipmentId)).toBe(false);
  });

  it('asks at most the run’s share of the carrier’s rate limit, in batches of its request size, paced below the limit', async () => {
    const sleeps: number[] = [];
    const requests: number[] = [];
    const sandbox = sandboxPollCarrier();
    const { polls, queued, poller, book } = setup({
      sleeps,
      limits: { ...JADLOG, requestsPerSecond: 1, numbersPerRequest: 50 },
      pollCarrier: async (request) => {
        requests.push(request.parcels.length);
        return sandbox(request);
      },
    });
    for (let index = 0; index < 130; index++) await book(jadlogShipment(index));

    // 60 s at half of 1 request/s: 30 requests of 50 numbers would be allowed; 130 parcels need 3.
    const summary = await poller(scheduled(hoursAfter(BOOKED, 24)));

    expect(requests).toEqual([50, 50, 30]);
    expect(sleeps).toEqual([2000, 2000]);
    expect(queued).toHaveLength(3);
    expect(summary.carriers[0]).toMatchObject({ carrier: 'jadlog', due: 130, requests: 3, rescheduled: 130, failedRequests: 0, skipped: 0 });
    expect([...polls.rows.values()].every((row) => row.nextPollAt === hoursAfter(BOOKED, 36))).toBe(true);
  });

  it('leaves the rest due when the budget is spent: a daily quota of 96 requests is one request a run', async () => {
    const { polls, poller, book } = setup({ limits: { ...JADLOG, numbersPerRequest: 10, requestsPerDay: 96 } });
    for (let index = 0; index < 25; index++) await book(jadlogShipment(index));

    const summary = await poller(scheduled(hoursAfter(BOOKED, 24)));

    expect(summary.carriers[0]).toMatchObject({ due: 10, requests: 1, rescheduled: 10 });
    expect([...polls.rows.values()].filter((row) => row.polls === 0)).toHaveLength(15);
  });

  it('leaves the parcels due when the carrier does not answer, or when its answer cannot be queued', async () => {
    const down = setup({ pollCarrier: () => Promise.reject(new Error('503 from the carrier')) });
    await down.book(jadlogShipment(1));
    const asOf = hoursAfter(BOOKED, 24);
    expect((await down.poller(scheduled(asOf))).carriers[0]).toMatchObject({ requests: 1, failedRequests: 1, queued: 0, skipped: 1 });
    expect(down.polls.rows.get('shp_JAD0001')?.nextPollAt).toBe(asOf);

    const full = setup({ enqueueFails: () => true });
    await full.book(jadlogShipment(1));
    expect((await full.poller(scheduled(asOf))).carriers[0]).toMatchObject({ requests: 1, queued: 0, rescheduled: 0, skipped: 1 });
    expect(full.polls.rows.get('shp_JAD0001')?.nextPollAt).toBe(asOf);
  });

  it('asks again in halves when an answer would not fit in a queue message', async () => {
    const asked: number[] = [];
    const { queued, poller, book } = setup({
      pollCarrier: async (request) => {
        asked.push(request.parcels.length);
        // 3 KB of history per parcel in this answer: 100 parcels would be 300 KB.
        return new TextEncoder().encode(
          JSON.stringify({ consulta: request.parcels.map((parcel) => ({ shipmentId: parcel.trackingNumber, padding: 'x'.repeat(3000) })) }),
        );
      },
      limits: { ...JADLOG, numbersPerRequest: 100 },
    });
    for (let index = 0; index < 100; index++) await book(jadlogShipment(index));

    await poller(scheduled(hoursAfter(BOOKED, 24)));

    expect(asked).toEqual([100, 50, 50]);
    expect(queued).toHaveLength(2);
  });

  it('reschedules a parcel once when two runs overlap (the second finds the schedule moved)', async () => {
    const { polls, poller, book } = setup();
    await book(jadlogShipment(1));
    const asOf = hoursAfter(BOOKED, 24);

    const [first, second] = await Promise.all([poller(scheduled(asOf)), poller(scheduled(asOf))]);

    expect(first.carriers[0]!.rescheduled + second.carriers[0]!.rescheduled).toBe(1);
    expect(first.carriers[0]!.skipped + second.carriers[0]!.skipped).toBe(1);
    expect(polls.history).toHaveLength(1);
  });
});
