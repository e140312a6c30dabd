import { createOrder, orderInputSchema, type Order } from '../../../../domain/order';
import { cardInEffect, RATE_CARDS, rateOrder, type RatingResult } from '../../../../domain/rating';
import { CARRIERS, routeOrder, sandboxBookShipment } from '../../../../domain/routing';
import { BATTERY_TYPES } from '../../../../domain/shared/shipping-terms';
import { sampleOrderBody } from '../../../fixtures/orders';

const AT = new Date('2026-12-05T12:00:00Z');

function ratedSample(): { order: Order; quotes: RatingResult } {
  const order: Order = { ...createOrder(orderInputSchema.parse(sampleOrderBody()), { orderId: 'ord_BAT', receivedAt: AT.toISOString() }), status: 'rated' };
  const rating = rateOrder(order);
  if (rating.result === undefined) throw new Error('the sample must rate');
  return { order, quotes: rating.result };
}

async function route(order: Order, quotes: RatingResult) {
  const routed = await routeOrder({
    order,
    quotes,
    kpiRows: [],
    book: sandboxBookShipment(),
    sleep: (ms) => (ms >= 1_000 ? new Promise<void>(() => undefined) : Promise.resolve()),
    now: AT,
    newShipmentId: () => 'shp_BAT',
  });
  if (routed.outcome !== 'routed') throw new Error('expected a booking');
  return routed;
}

const refusedByCarrier = (slug: string) => CARRIERS.find((carrier) => carrier.slug === slug)?.refused.batteries ?? [];

describe('the batteries a booked service carries (shipment.routed acceptsBatteries)', () => {
  it('are those neither the booked service’s rate card nor its last-mile carrier refuses, read from the stored quote', async () => {
    const { order, quotes } = ratedSample();
    const routed = await route(order, quotes);
    const card = cardInEffect(
      RATE_CARDS.filter((candidate) => candidate.serviceId === routed.shipment.serviceId),
      '2026-12-05',
    )!;
    const expected = BATTERY_TYPES.filter(
      (battery) => !card.refused.batteries.includes(battery) && !refusedByCarrier(routed.shipment.carrier).includes(battery),
    );
    expect(routed.acceptsBatteries).toEqual(expected);
    // The sample carries a lithium-ion battery in a device, which its service was rated to carry.
    expect(routed.acceptsBatteries).toContain('lithium-ion-in-equipment');
  });

  it('follow the quote: what the quote says its card refuses is not accepted, and the carrier’s refusals still apply', async () => {
    const { order, quotes } = ratedSample();
    const refusing: RatingResult = { ...quotes, quotes: quotes.quotes.map((quote) => ({ ...quote, refusedBatteries: ['lithium-metal-with-equipment'] })) };
    const routed = await route(order, refusing);
    expect(routed.acceptsBatteries).not.toContain('lithium-metal-with-equipment');
    expect(routed.acceptsBatteries).toContain('none');
    expect(routed.acceptsBatteries).toEqual(
      BATTERY_TYPES.filter((battery) => battery !== 'lithium-metal-with-equipment' && !refusedByCarrier(routed.shipment.carrier).includes(battery)),
    );
  });

  it('are only the order’s own batteries (and none) when the quote was stored before quotes named their refusals', async () => {
    const { order, quotes } = ratedSample();
    const before: RatingResult = {
      ...quotes,
      quotes: quotes.quotes.map(({ refusedBatteries: _dropped, ...quote }) => quote),
    };
    const routed = await route(order, before);
    const own = new Set(order.items.map((item) => item.batteryType));
    expect(routed.acceptsBatteries).toEqual(
      BATTERY_TYPES.filter((battery) => (battery === 'none' || own.has(battery)) && !refusedByCarrier(routed.shipment.carrier).includes(battery)),
    );
    expect(routed.acceptsBatteries).toEqual(['none', 'lithium-ion-in-equipment']);
  });
});
