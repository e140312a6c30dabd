import { Logger } from '@aws-lambda-powertools/logger';
import { createOrder, type Order } from '../../../domain/order/order';
import { orderInputSchema } from '../../../domain/order/order-input';
import { rateOrder, summariseQuote } from '../../../domain/rating/rate-order';
import { CarrierRejectedError, type BookShipment } from '../../../domain/routing/booking';
import { sandboxBookShipment } from '../../../domain/routing/sandbox-booking';
import { createEvent, parseEvent } from '../../../events/envelope';
import { orderRatedV1 } from '../../../events/order-rated';
import { shipmentRoutedV1 } from '../../../events/shipment-routed';
import { buildRouting } from '../../../functions/routing/routing';
import type { OrderRouted, OrderUnroutable } from '../../../functions/shared/store/routing-store';
import { mexicoDomesticOrderBody } from '../../fixtures/domestic-orders';
import { sampleOrderBody } from '../../fixtures/orders';

const log = new Logger({ logLevel: 'SILENT' });

function setup(book: BookShipment = sandboxBookShipment(), body: Record<string, unknown> = sampleOrderBody()) {
  const order: Order = {
    ...createOrder(orderInputSchema.parse(body), { orderId: 'ord_RT1', receivedAt: '2026-11-22T12:00:00.000Z' }),
    status: 'rated',
  };
  const rating = rateOrder(order);
  if (rating.outcome !== 'rated') throw new Error('sample order must rate');
  const kpiReads: { lane: string; carriers: readonly string[] }[] = [];
  const steps: ((OrderRouted & { readonly outcome: 'routed' }) | (OrderUnroutable & { readonly outcome: 'unroutable' }))[] = [];
  const route = buildRouting({
    getOrder: async () => order,
    getQuotes: async () => ({ orderId: order.orderId, ratedAt: '2026-11-22T12:00:01.000Z', result: rating.result }),
    getKpiRows: async (lane, carriers) => {
      kpiReads.push({ lane, carriers });
      return [];
    },
    getSellerPolicy: async () => undefined,
    book,
    // Retry back-offs pass at once; the booking timeout (seconds) never fires before a fake answers.
    sleep: (ms) => (ms >= 1_000 ? new Promise<void>(() => undefined) : Promise.resolve()),
    recordRouted: async (routed) => {
      steps.push({ ...routed, outcome: 'routed' });
      return true;
    },
    recordUnroutable: async (unroutable) => {
      steps.push({ ...unroutable, outcome: 'unroutable' });
      return true;
    },
    now: () => new Date('2026-11-22T12:00:02.000Z'),
    newEventId: () => 'evt_routed',
    newShipmentId: () => 'shp_1',
  });
  const rated = createEvent(
    orderRatedV1,
    {
      orderId: order.orderId,
      quotedOn: rating.result.quotedOn,
      currency: rating.result.currency,
      serviceLevel: order.serviceLevel,
      quotes: rating.result.quotes.map(summariseQuote),
      ineligible: [],
    },
    { eventId: 'evt_rated', occurredAt: '2026-11-22T12:00:01.000Z', correlationId: order.orderId, sellerId: order.sellerId },
  );
  return { route, rated, steps, kpiReads };
}

describe('routing handler', () => {
  it('books the chosen carrier and writes decision, shipment, label, shipped KPI and shipment.routed together', async () => {
    const { route, rated, steps } = setup();
    await route(rated, log);
    expect(steps).toHaveLength(1);
    const [step] = steps;
    if (step?.outcome !== 'routed') throw new Error('expected the order routed');
    expect(step).toMatchObject({ orderId: 'ord_RT1', decision: { orderId: 'ord_RT1' }, shipment: { shipmentId: 'shp_1', orderId: 'ord_RT1' } });
    expect(step.kpiIncrements).toEqual([expect.objectContaining({ add: { shipments: 1 }, lane: 'CN-BR-SP' })]);
    const event = parseEvent(shipmentRoutedV1, step.event.detail);
    expect(event.data.shipment).toMatchObject({ shipmentId: 'shp_1', orderId: 'ord_RT1', lane: 'CN-BR-SP', promisedBy: expect.any(String) });
    expect(event.data.shipment.trackingNumber).toBe(step.shipment.trackingNumber);
    expect(step.labelZpl).toContain(event.data.shipment.trackingNumber);
    // The sample holds a lithium-ion battery in a device: the booked service must accept it.
    expect(event.data.acceptsBatteries).toContain('lithium-ion-in-equipment');
  });

  it('routes a domestic order on its domestic lane: KPIs read and counted under MX-MX-CMX, a Mexican domestic service booked', async () => {
    const { route, rated, steps, kpiReads } = setup(sandboxBookShipment(), mexicoDomesticOrderBody());
    await route(rated, log);
    expect(kpiReads).toEqual([{ lane: 'MX-MX-CMX', carriers: expect.arrayContaining(['estafeta', '99minutos', 'jt-express', 'dhl-express']) }]);
    const [step] = steps;
    if (step?.outcome !== 'routed') throw new Error('expected the order routed');
    expect(step.shipment).toMatchObject({ lane: 'MX-MX-CMX', serviceId: expect.stringMatching(/^domestic-mx-/) });
    expect(step.kpiIncrements).toEqual([expect.objectContaining({ lane: 'MX-MX-CMX' })]);
    expect(step.labelZpl).toContain('FROM Enlace Tepotzotlán');
  });

  it('falls back to the next carrier when the first refuses, and records what happened', async () => {
    const sandbox = sandboxBookShipment();
    let first: string | undefined;
    const { route, rated, steps } = setup(async (request) => {
      first ??= request.carrier;
      if (request.carrier === first) throw new CarrierRejectedError('account suspended');
      return sandbox(request);
    });
    await route(rated, log);
    const { decision } = steps[0]!;
    expect(decision.booking?.carrier).not.toBe(first);
    expect(decision.booking?.attempts[0]).toMatchObject({ carrier: first, outcome: 'failed' });
    expect(decision.explanation.join(' ')).toMatch(/next best carrier/);
  });

  it('makes the order unroutable, with every attempt, when every carrier fails to book', async () => {
    const { route, rated, steps } = setup(async () => {
      throw new Error('carrier API down');
    });
    await route(rated, log);
    expect(steps[0]!.outcome).toBe('unroutable');
    expect(steps[0]!.event.detailType).toBe('order.unroutable');
  });
});
