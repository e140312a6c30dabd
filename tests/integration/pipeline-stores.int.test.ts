import { createOrder, type Order } from '../../domain/order/order';
import { orderInputSchema } from '../../domain/order/order-input';
import { rateOrder } from '../../domain/rating/rate-order';
import { routeOrder } from '../../domain/routing/route-order';
import { sandboxBookShipment } from '../../domain/routing/sandbox-booking';
import { buildGetKpiCounters } from '../../functions/shared/store/kpi-store';
import { buildGetOrder, buildSaveNewOrder } from '../../functions/shared/store/order-store';
import { buildGetOrderQuotes, buildRecordRating } from '../../functions/shared/store/rating-store';
import { buildGetOrderLabel, buildGetRoutingDecision, buildRecordRouted, buildRecordUnroutable } from '../../functions/shared/store/routing-store';
import { buildFindShipmentByTracking } from '../../functions/shared/store/shipment-store';
import { sampleOrderBody } from '../fixtures/orders';
import { createTestTable, localDynamoDb } from '../setup/local-cloud-client';
import { relayedEvents } from '../setup/table-stream';

const { client, documents } = localDynamoDb();
const pending = (eventId: string, detailType: string) => ({ eventId, detailType, source: 'enlace.test', detail: { eventId } });

async function storedOrder(tableName: string): Promise<Order> {
  const order = createOrder(orderInputSchema.parse(sampleOrderBody()), { orderId: 'ord_PS1', receivedAt: '2026-11-22T10:00:00.000Z' });
  await buildSaveNewOrder(documents, tableName)(order, 'hash', pending('evt_received', 'order.received'));
  return order;
}

describe('typed pipeline stores against DynamoDB Local', () => {
  it('records a rating once: the order moves, the quotes are stored, the event is relayed; a redelivery changes nothing', async () => {
    const { tableName, streamArn } = await createTestTable(client);
    const order = await storedOrder(tableName);
    const rating = rateOrder(order);
    if (rating.outcome !== 'rated') throw new Error('the sample order must rate');
    const record = buildRecordRating(documents, tableName);

    await expect(
      record({ orderId: order.orderId, outcome: 'rated', result: rating.result, event: pending('evt_rated', 'order.rated'), at: '2026-11-22T10:00:01.000Z' }),
    ).resolves.toBe(true);
    await expect(
      record({ orderId: order.orderId, outcome: 'rated', result: rating.result, event: pending('evt_again', 'order.rated'), at: '2026-11-22T10:00:02.000Z' }),
    ).resolves.toBe(false);

    expect(await buildGetOrder(documents, tableName)(order.orderId)).toMatchObject({ status: 'rated', updatedAt: '2026-11-22T10:00:01.000Z' });
    expect(await buildGetOrderQuotes(documents, tableName)(order.orderId)).toEqual({
      orderId: order.orderId,
      ratedAt: '2026-11-22T10:00:01.000Z',
      result: rating.result,
    });
    expect((await relayedEvents(streamArn!)).map((event) => event.eventId)).toEqual(['evt_received', 'evt_rated']);
  });

  it('records a routing once: decision, shipment findable by its number, label, the shipped KPI and the event, all or nothing', async () => {
    const { tableName, streamArn } = await createTestTable(client);
    const order = await storedOrder(tableName);
    const rating = rateOrder(order);
    if (rating.outcome !== 'rated') throw new Error('the sample order must rate');
    await buildRecordRating(
      documents,
      tableName,
    )({ orderId: order.orderId, outcome: 'rated', result: rating.result, event: pending('evt_rated', 'order.rated'), at: '2026-11-22T10:00:01.000Z' });
    const routed = await routeOrder({
      order: { ...order, status: 'rated' },
      quotes: rating.result,
      kpiRows: [],
      book: sandboxBookShipment(),
      sleep: (ms) => (ms >= 1_000 ? new Promise<void>(() => undefined) : Promise.resolve()),
      now: new Date('2026-11-22T10:00:02.000Z'),
      newShipmentId: () => 'shp_PS1',
    });
    if (routed.outcome !== 'routed') throw new Error('the sample order must route');
    const increment = { carrier: routed.shipment.carrier as 'correios', lane: routed.shipment.lane, week: '2026-W47', add: { shipments: 1 } };
    const write = {
      orderId: order.orderId,
      decision: routed.decision,
      shipment: routed.shipment,
      labelZpl: routed.confirmation.labelZpl,
      kpiIncrements: [increment],
      event: pending('evt_routed', 'shipment.routed'),
      at: '2026-11-22T10:00:02.000Z',
    };

    await expect(buildRecordRouted(documents, tableName)(write)).resolves.toBe(true);
    await expect(buildRecordRouted(documents, tableName)({ ...write, event: pending('evt_twice', 'shipment.routed') })).resolves.toBe(false);
    await expect(
      buildRecordUnroutable(
        documents,
        tableName,
      )({ orderId: order.orderId, decision: routed.decision, event: pending('evt_no', 'order.unroutable'), at: write.at }),
    ).resolves.toBe(false);

    expect((await buildGetOrder(documents, tableName)(order.orderId))?.status).toBe('routed');
    expect(await buildGetRoutingDecision(documents, tableName)(order.orderId)).toEqual(routed.decision);
    expect(await buildFindShipmentByTracking(documents, tableName)(routed.shipment.carrier, routed.shipment.trackingNumber)).toEqual(routed.shipment);
    expect(await buildGetOrderLabel(documents, tableName)(order.orderId)).toEqual({
      shipmentId: 'shp_PS1',
      trackingNumber: routed.shipment.trackingNumber,
      zpl: routed.confirmation.labelZpl,
    });
    expect(await buildGetKpiCounters(documents, tableName)(increment.carrier, increment.lane, increment.week)).toEqual({ shipments: 1 });
    expect((await relayedEvents(streamArn!)).map((event) => event.eventId)).toEqual(['evt_received', 'evt_rated', 'evt_routed']);
  });
});
