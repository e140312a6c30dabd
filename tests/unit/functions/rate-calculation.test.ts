import { Logger } from '@aws-lambda-powertools/logger';
import { createOrder, type Order } from '../../../domain/order/order';
import { orderInputSchema } from '../../../domain/order/order-input';
import { createEvent, parseEvent } from '../../../events/envelope';
import { orderAllocatedV1 } from '../../../events/fulfilment';
import { orderRatedV1, orderUnrateableV1 } from '../../../events/order-rated';
import { orderReceivedV1 } from '../../../events/order-received';
import { buildRateCalculation } from '../../../functions/rate-calculation/rate-calculation';
import type { OrderRating } from '../../../functions/shared/store/rating-store';
import { sampleOrderBody } from '../../fixtures/orders';

const log = new Logger({ logLevel: 'SILENT' });

function received(order: Order) {
  return createEvent(orderReceivedV1, { order }, { eventId: 'evt_in', occurredAt: order.receivedAt, correlationId: order.orderId, sellerId: order.sellerId });
}

function allocated(order: Order, fromBackorder: boolean) {
  return createEvent(
    orderAllocatedV1,
    { orderId: order.orderId, warehouseCode: 'MX-CTT-01', country: 'MX', lines: [{ sku: 'A', quantity: 1 }], transitDays: 2, fromBackorder },
    { eventId: 'evt_alloc', occurredAt: order.receivedAt, correlationId: order.orderId, sellerId: order.sellerId },
  );
}

function setup(order: Order, alreadyRated = false) {
  const steps: OrderRating[] = [];
  const rate = buildRateCalculation({
    getOrder: async (id) => (id === order.orderId ? order : undefined),
    recordRating: async (step) => {
      steps.push(step);
      return !alreadyRated;
    },
    newEventId: () => 'evt_out',
    now: () => new Date('2026-11-22T12:00:01.000Z'),
  });
  return { steps, rate };
}

const orderOf = (body: Record<string, unknown>) => createOrder(orderInputSchema.parse(body), { orderId: 'ord_R1', receivedAt: '2026-11-22T12:00:00.000Z' });

describe('rate-calculation', () => {
  it('stores the quotes, moves the order from received to rated and queues order.rated', async () => {
    const order = orderOf(sampleOrderBody());
    const { steps, rate } = setup(order);
    await rate.received(received(order), log);
    expect(steps).toHaveLength(1);
    const [step] = steps;
    expect(step).toMatchObject({ orderId: 'ord_R1', outcome: 'rated', at: '2026-11-22T12:00:01.000Z' });
    expect(step!.result?.quotes.length).toBeGreaterThan(0);
    const event = parseEvent(orderRatedV1, step!.event.detail);
    expect(event.metadata).toMatchObject({ causationId: 'evt_in', correlationId: 'ord_R1', source: 'enlace.rating' });
    expect(event.data.quotes.length).toBeGreaterThan(0);
    // Cheapest first, as the engine sorts them.
    const totals = event.data.quotes.map((quote) => quote.totalCharges.amount);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
  });

  it('makes an order no service can carry unrateable, with every service and why', async () => {
    const order = orderOf(
      sampleOrderBody({
        items: [
          {
            sku: 'PB',
            description: 'Power bank 20000 mAh',
            quantity: 1,
            unitDeclaredValue: '18.00',
            hsCode: '850760',
            originCountry: 'CN',
            unitWeightGrams: 420,
            batteryType: 'lithium-ion-standalone',
          },
        ],
      }),
    );
    const { steps, rate } = setup(order);
    await rate.received(received(order), log);
    expect(steps[0]!.outcome).toBe('unrateable');
    const event = parseEvent(orderUnrateableV1, steps[0]!.event.detail);
    expect(event.data.reasons.length).toBeGreaterThanOrEqual(3);
    for (const service of event.data.reasons) {
      expect(service.reasons.map((reason) => reason.code)).toContain('BATTERY_REFUSED');
    }
  });

  it('treats a redelivered event as done (the store reports the order already moved)', async () => {
    const order = orderOf(sampleOrderBody());
    const { steps, rate } = setup(order, true);
    await expect(rate.received(received(order), log)).resolves.toBeUndefined();
    expect(steps).toHaveLength(1);
  });

  it('fails (for a retry) when the order cannot be read', async () => {
    const order = orderOf(sampleOrderBody());
    const { rate } = setup({ ...order, orderId: 'other' });
    await expect(rate.received(received(order), log)).rejects.toThrow(/not found/);
  });

  it('leaves a backordered order alone until its stock is allocated', async () => {
    const order: Order = { ...orderOf(sampleOrderBody()), status: 'backordered' };
    const { steps, rate } = setup(order);
    await rate.received(received(order), log);
    expect(steps).toHaveLength(0);
  });

  it('rates a filled backorder on its order.allocated, caused by that event', async () => {
    const order = orderOf(sampleOrderBody());
    const { steps, rate } = setup(order);
    await rate.allocated(allocated(order, true), log);
    expect(steps).toHaveLength(1);
    expect(parseEvent(orderRatedV1, steps[0]!.event.detail).metadata.causationId).toBe('evt_alloc');
  });

  it('ignores an allocation made at intake (that order was rated on order.received)', async () => {
    const order = orderOf(sampleOrderBody());
    const { steps, rate } = setup(order);
    await rate.allocated(allocated(order, false), log);
    expect(steps).toHaveLength(0);
  });
});
