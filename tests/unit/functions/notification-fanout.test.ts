import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InternalEvent } from '../../../domain/notifications/public-notification';
import { createOrder } from '../../../domain/order/order';
import { orderInputSchema } from '../../../domain/order/order-input';
import { InvalidEventError } from '../../../events/envelope';
import { publicNotificationV1 } from '../../../events/public/notification';
import { buildNotificationFanout, parseAnyEvent } from '../../../functions/notification-fanout/notification-fanout';
import { activeSubscription, fakeQueue, memoryStore, silentLog } from '../../fakes/notifications';
import { sampleOrderBody } from '../../fixtures/orders';

const fixture = (type: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'events', `${type}.v1.json`), 'utf8')) as Record<string, unknown>;

/** A captured event of `type`, moved to `orderId` of `sellerId` under a new event id. */
function eventOf(type: string, options: { orderId?: string; sellerId?: string; eventId?: string } = {}): InternalEvent {
  const captured = fixture(type) as unknown as InternalEvent;
  const text = JSON.stringify(captured)
    .replaceAll(captured.metadata.correlationId, options.orderId ?? 'ord_1')
    .replaceAll(captured.metadata.sellerId, options.sellerId ?? 'seller-a');
  const event = JSON.parse(text) as InternalEvent;
  return { ...event, metadata: { ...event.metadata, eventId: options.eventId ?? `evt_${type}` } };
}

const brOrder = createOrder(orderInputSchema.parse(sampleOrderBody({ sellerId: 'seller-a' })), { orderId: 'ord_1', receivedAt: '2026-11-22T12:00:00.000Z' });

function setup() {
  const store = memoryStore();
  const queue = fakeQueue();
  const ordersRead: string[] = [];
  const fanout = buildNotificationFanout({
    listSubscriptions: store.listSubscriptions,
    nextSequence: store.nextSequence,
    getOrder: async (orderId) => {
      ordersRead.push(orderId);
      return orderId === brOrder.orderId ? brOrder : undefined;
    },
    enqueueDeliveries: queue.enqueueDeliveries,
    now: () => new Date('2026-11-22T12:00:05.000Z'),
  });
  const add = (...subscriptions: Parameters<typeof activeSubscription>[0][]) =>
    subscriptions.forEach((overrides) => {
      const subscription = activeSubscription(overrides);
      store.subscriptions.set(`${subscription.sellerId}/${subscription.subscriptionId}`, subscription);
    });
  return { store, queue, ordersRead, fanout, add };
}

describe('notification fan-out', () => {
  it("queues one job per subscription of the event's seller, with the public payload, and reads no other seller", async () => {
    const { store, queue, fanout, add } = setup();
    add({ subscriptionId: 'sub_a1' }, { subscriptionId: 'sub_a2', eventTypes: ['order.rated'] }, { subscriptionId: 'sub_b1', sellerId: 'seller-b' });
    expect(await fanout(eventOf('order.rated'), silentLog)).toBe(2);
    expect(store.listedSellers).toEqual(['seller-a']);
    expect(queue.jobs.map((job) => job.subscriptionId).sort()).toEqual(['sub_a1', 'sub_a2']);
    for (const job of queue.jobs) {
      expect(job).toMatchObject({ sellerId: 'seller-a', firstAttemptAt: '2026-11-22T12:00:05.000Z', deliveryId: expect.stringMatching(/^dlv_/) });
      expect(publicNotificationV1.parse(job.payload)).toMatchObject({
        type: 'order.rated',
        orderId: 'ord_1',
        sellerId: 'seller-a',
        sequence: 1,
        eventId: 'evt_order.rated',
      });
    }
    expect(new Set(queue.jobs.map((job) => job.deliveryId)).size).toBe(2);
  });

  it('numbers the events of an order 1, 2, 3… and gives a redelivered event the same number and delivery id', async () => {
    const { queue, fanout, add } = setup();
    add({});
    for (const type of ['order.received', 'order.rated', 'shipment.routed', 'customs.documents-ready', 'shipment.status-changed']) {
      await fanout(eventOf(type), silentLog);
    }
    await fanout(eventOf('order.rated'), silentLog);
    expect(queue.jobs.map((job) => [job.payload.type, job.payload.sequence])).toEqual([
      ['order.received', 1],
      ['order.rated', 2],
      ['shipment.routed', 3],
      ['customs.documents-ready', 4],
      ['shipment.status-changed', 5],
      ['order.rated', 2],
    ]);
    expect(queue.jobs[5]!.deliveryId).toBe(queue.jobs[1]!.deliveryId);
  });

  it('consumes no sequence number and queues nothing when no subscription wants the event', async () => {
    const { store, queue, fanout, add } = setup();
    add({ eventTypes: ['shipment.delivered'] }, { subscriptionId: 'sub_p', status: 'pending_verification' });
    expect(await fanout(eventOf('order.rated'), silentLog)).toBe(0);
    expect(queue.jobs).toEqual([]);
    expect(await store.nextSequence({ kind: 'order', id: 'ord_1', sellerId: 'seller-a' }, 'probe')).toBe(1);
  });

  it('reads the order only when a country filter needs it, and filters by its destination', async () => {
    const { queue, ordersRead, fanout, add } = setup();
    add({ subscriptionId: 'sub_br', filter: { destinationCountries: ['BR'] } }, { subscriptionId: 'sub_mx', filter: { destinationCountries: ['MX'] } });
    await fanout(eventOf('order.received'), silentLog);
    expect(ordersRead).toEqual([]); // order.received carries the order
    await fanout(eventOf('order.rated'), silentLog);
    expect(ordersRead).toEqual(['ord_1']);
    expect(queue.jobs.map((job) => [job.subscriptionId, job.payload.type])).toEqual([
      ['sub_br', 'order.received'],
      ['sub_br', 'order.rated'],
    ]);
  });

  it('sends only exceptions to an "only exceptions" subscription', async () => {
    const { queue, fanout, add } = setup();
    add({ filter: { exceptionsOnly: true } });
    for (const type of ['order.rated', 'customs.held', 'shipment.delivered', 'shipment.exception']) {
      await fanout(eventOf(type), silentLog);
    }
    expect(queue.jobs.map((job) => job.payload.type)).toEqual(['customs.held', 'shipment.exception']);
  });

  it('does not forward events outside the public vocabulary', async () => {
    const { queue, fanout, add } = setup();
    add({});
    const internal = eventOf('order.rated');
    expect(await fanout({ ...internal, metadata: { ...internal.metadata, type: 'kpi.recomputed' } }, silentLog)).toBe(0);
    expect(queue.jobs).toEqual([]);
  });

  it('matches no country filter for an order it cannot find, and still serves unfiltered subscriptions', async () => {
    const { queue, fanout, add } = setup();
    add({ subscriptionId: 'sub_br', filter: { destinationCountries: ['BR'] } }, { subscriptionId: 'sub_all' });
    await fanout(eventOf('order.rated', { orderId: 'ord_gone' }), silentLog);
    expect(queue.jobs.map((job) => job.subscriptionId)).toEqual(['sub_all']);
  });
});

describe('inventory notifications', () => {
  it('go only to subscriptions that name them (* means order types), filter by the warehouse country without reading an order, and count per subject', async () => {
    const { queue, ordersRead, fanout, add } = setup();
    add(
      { subscriptionId: 'sub_star' },
      { subscriptionId: 'sub_stock', eventTypes: ['*', 'stock.received', 'inbound.held'] },
      { subscriptionId: 'sub_br_stock', eventTypes: ['stock.received'], filter: { destinationCountries: ['BR'] } },
      { subscriptionId: 'sub_mx_exceptions', eventTypes: ['stock.received', 'inbound.held'], filter: { destinationCountries: ['MX'], exceptionsOnly: true } },
    );
    await fanout(eventOf('stock.received', { eventId: 'evt_s1' }), silentLog);
    await fanout(eventOf('inbound.held', { eventId: 'evt_h1' }), silentLog);
    await fanout(eventOf('stock.received', { eventId: 'evt_s1' }), silentLog); // redelivered: same number
    expect(ordersRead).toEqual([]);
    expect(queue.jobs.map((job) => [job.subscriptionId, job.payload.type, job.payload.subject.kind, job.payload.sequence])).toEqual([
      ['sub_stock', 'stock.received', 'stock', 1],
      ['sub_stock', 'inbound.held', 'inbound-shipment', 1],
      ['sub_mx_exceptions', 'inbound.held', 'inbound-shipment', 1],
      ['sub_stock', 'stock.received', 'stock', 1],
    ]);
    for (const job of queue.jobs) {
      expect(publicNotificationV1.safeParse(job.payload).success).toBe(true);
      expect(job.payload.orderId).toBeUndefined();
    }
  });
});

describe('reading any Enlace event off the bus', () => {
  it("validates a catalog event's data against its contract", () => {
    expect(parseAnyEvent(fixture('shipment.routed')).metadata.type).toBe('shipment.routed');
    const broken = fixture('shipment.routed');
    delete (broken.data as Record<string, unknown>).shipment;
    expect(() => parseAnyEvent(broken)).toThrow(InvalidEventError);
  });

  it('forwards an event the catalog does not know yet with its data as published', () => {
    const future = fixture('order.rated');
    (future.metadata as Record<string, unknown>).version = 2;
    (future.data as Record<string, unknown>).quotes = 'a new shape';
    expect(parseAnyEvent(future).metadata.version).toBe(2);
  });

  it('refuses an envelope without a seller', () => {
    const orphan = fixture('order.rated');
    delete (orphan.metadata as Record<string, unknown>).sellerId;
    expect(() => parseAnyEvent(orphan)).toThrow(/metadata\.sellerId/);
    expect(() => parseAnyEvent(undefined)).toThrow(InvalidEventError);
  });
});
