import { createOrder, type Order } from '../../../../domain/order';
import { orderInputSchema } from '../../../../domain/order/order-input';
import { KPI_SEED, laneKpis } from '../../../../domain/performance';
import { rateOrder } from '../../../../domain/rating';
import {
  bookingShipmentFromOrder,
  CARRIERS,
  carrierOfService,
  orderLane,
  routeOrder,
  routeShipment,
  routingInputFromOrder,
  sandboxBookShipment,
} from '../../../../domain/routing';
import { isDomesticCard, RATE_CARDS } from '../../../../domain/rating';
import { brazilDomesticOrderBody, mexicoDomesticOrderBody } from '../../../fixtures/domestic-orders';
import { sampleOrderBody } from '../../../fixtures/orders';

const AT = new Date('2026-12-05T12:00:00Z');

function orderOf(body: Record<string, unknown>, orderId = 'ord_DOM'): Order {
  return { ...createOrder(orderInputSchema.parse(body), { orderId, receivedAt: AT.toISOString() }), status: 'rated' };
}

function decide(
  order: Order,
  options: Parameters<typeof routeShipment>[4] = {},
  policy: Parameters<typeof routeShipment>[3] = { profile: 'best-value', rules: [] },
) {
  const rating = rateOrder(order);
  if (rating.result === undefined) throw new Error('the order must rate');
  const input = routingInputFromOrder(order, { at: AT });
  return routeShipment(input, rating.result, laneKpis([], AT, { lane: orderLane(order).id }), policy, options);
}

describe('domestic lanes', () => {
  it('are named after the warehouse’s country and never collide with the cross-border lane to the same region', () => {
    const domestic = orderLane(orderOf(mexicoDomesticOrderBody()));
    const crossBorder = orderLane(orderOf({ ...mexicoDomesticOrderBody(), shipFrom: { warehouseCode: 'SZX-01' } }));
    expect(domestic).toMatchObject({ id: 'MX-MX-CMX', label: 'MX→MX-CMX', origin: 'MX', region: 'CMX' });
    expect(crossBorder.id).toBe('CN-MX-CMX');
    expect(orderLane(orderOf(brazilDomesticOrderBody())).id).toBe('BR-BR-SP');
  });
});

describe('every domestic service has a carrier profile that routing can book and tracking can follow', () => {
  it.each(RATE_CARDS.filter(isDomesticCard).map((card) => [card.serviceId, card]))('%s', (_, card) => {
    const found = carrierOfService(card.serviceId);
    expect(found?.carrier.country).toBe(card.destination);
    expect(found?.offer.level).toBe(card.serviceLevel);
    expect(found?.carrier.name).toBe(card.carriers.lastMile);
  });
});

describe('every destination warehouse ships every service level a marketplace order can ask for', () => {
  const cards = RATE_CARDS.filter(isDomesticCard);
  const warehouses = [...new Set(cards.flatMap((card) => Object.keys(card.zones.byWarehouse)))];
  it.each(warehouses)('%s', (warehouseCode) => {
    const levels = new Set(cards.filter((card) => card.zones.byWarehouse[warehouseCode] !== undefined).map((card) => card.serviceLevel));
    expect([...levels].sort()).toEqual(['economy', 'express', 'standard']);
  });

  it('an express order from the New Jersey warehouse is routed (it was unroutable with only Ground services)', () => {
    const body = mexicoDomesticOrderBody({
      externalOrderId: 'AMZ-US-EXP-1',
      marketplace: 'amazon',
      shipFrom: { warehouseCode: 'US-NJ-01' },
      shipTo: {
        name: 'Jordan Smith',
        phone: '+1 212 555 0100',
        streetLines: ['350 5th Ave'],
        city: 'New York',
        state: 'NY',
        postalCode: '10118',
        country: 'US',
      },
      serviceLevel: 'express',
      currency: 'USD',
    });
    const order = orderOf({ ...body, items: (body.items as Record<string, unknown>[]).map((item) => ({ ...item, unitDeclaredValue: '12.00' })) });
    const decision = decide(order);
    expect(decision.status).toBe('routed');
    expect(decision.chosen).toMatchObject({ carrier: 'fedex', serviceId: 'domestic-us-fedex-2day' });
    expect(orderLane(order).id).toBe('US-US-1');
  });
});

describe('the sandbox KPI history covers the domestic lanes', () => {
  it.each([
    ['MX-MX-CMX', mexicoDomesticOrderBody()],
    ['BR-BR-SP', brazilDomesticOrderBody()],
  ])('%s: every carrier routing ranks there has seeded weeks, so it is not scored on the prior alone', (lane, body) => {
    const order = orderOf(body);
    expect(orderLane(order).id).toBe(lane);
    const seeded = new Set(KPI_SEED.filter((row) => row.lane === lane).map((row) => row.carrier));
    const ranked = decide(order).ranking.map((candidate) => candidate.carrier);
    expect(ranked.length).toBeGreaterThan(0);
    for (const carrier of ranked) expect(seeded).toContain(carrier);
  });
});

describe('routing a domestic order (same engine, same explanations)', () => {
  it('ranks Mexican domestic carriers for a standard parcel from MX-CTT-01 to Mexico City and says why, without duties', () => {
    const decision = decide(orderOf(mexicoDomesticOrderBody()));
    expect(decision.status).toBe('routed');
    expect(decision.lane.id).toBe('MX-MX-CMX');
    expect(decision.ranking.map((candidate) => candidate.serviceId).sort()).toEqual(['domestic-mx-99minutos-next-day', 'domestic-mx-jt']);
    expect(decision.explanation[0]).toMatch(
      /^We chose (99minutos|J&T Express) because .* this standard parcel from warehouse MX-CTT-01 to 06700 \(Ciudad de México\)\.$/,
    );
    expect(decision.explanation[1]).toMatch(/with no import duties \(domestic, paid at inbound\)/);
    expect(decision.explanation.join(' ')).not.toMatch(/including duties/);
    // Other levels are explained, not silently dropped.
    const mismatch = decision.exclusions.filter((exclusion) => exclusion.code === 'SERVICE_LEVEL_MISMATCH').map((exclusion) => exclusion.serviceId);
    expect(mismatch).toEqual(expect.arrayContaining(['domestic-mx-estafeta-terrestre', 'domestic-mx-dhl-express']));
  });

  it('explains why a metro carrier cannot take a parcel outside its metro area from this warehouse', () => {
    const order = orderOf(
      mexicoDomesticOrderBody({ shipTo: { ...(mexicoDomesticOrderBody().shipTo as object), city: 'Guadalajara', state: 'JAL', postalCode: '44100' } }),
    );
    const decision = decide(order);
    expect(decision.lane.id).toBe('MX-MX-JAL');
    expect(decision.ranking.map((candidate) => candidate.carrier)).toEqual(['jt-express']);
    const ninetyNine = decision.exclusions.find((exclusion) => exclusion.serviceId === 'domestic-mx-99minutos-next-day');
    expect(ninetyNine).toMatchObject({ code: 'NOT_COVERED', message: '99minutos does not deliver to 44100 on this service.' });
    expect(decision.explanation[0]).toBe(
      'We chose J&T Express because it is the only carrier that can deliver this standard parcel from warehouse MX-CTT-01 to 44100 (Jalisco).',
    );
  });

  it('applies the seller’s rules to domestic candidates', () => {
    const decision = decide(
      orderOf(mexicoDomesticOrderBody()),
      {},
      { profile: 'cheapest', rules: [{ kind: 'never-carrier', carrier: 'jt-express', countries: ['MX'] }] },
    );
    expect(decision.chosen?.carrier).toBe('99minutos');
    expect(decision.exclusions.find((exclusion) => exclusion.serviceId === 'domestic-mx-jt')).toMatchObject({ code: 'SELLER_RULE', source: 'seller' });
  });

  it('never books a domestic carrier that tracking cannot follow', () => {
    const decision = decide(orderOf(mexicoDomesticOrderBody()), { canTrack: (carrier) => carrier !== '99minutos' });
    expect(decision.ranking.map((candidate) => candidate.carrier)).toEqual(['jt-express']);
    expect(decision.exclusions.find((exclusion) => exclusion.serviceId === 'domestic-mx-99minutos-next-day')?.code).toBe('NO_TRACKING_SOURCE');
  });

  it('names a market carrier with no domestic service (Total Express in Brazil)', () => {
    const decision = decide(orderOf(brazilDomesticOrderBody()));
    expect(decision.exclusions.find((exclusion) => exclusion.carrier === 'total-express')?.code).toBe('NO_SERVICE');
    expect(decision.ranking.every((candidate) => candidate.serviceId?.startsWith('domestic-br-'))).toBe(true);
  });

  it('books it in the sandbox: the carrier’s number format, a label shipped from the warehouse’s address, the domestic lane on the shipment', async () => {
    const order = orderOf(mexicoDomesticOrderBody());
    const rating = rateOrder(order);
    const routed = await routeOrder({
      order,
      quotes: rating.result!,
      kpiRows: [],
      book: sandboxBookShipment(),
      // Back-offs pass at once; the booking timeout (seconds) never fires before the sandbox answers.
      sleep: (ms) => (ms >= 1_000 ? new Promise<void>(() => undefined) : Promise.resolve()),
      now: AT,
      newShipmentId: () => 'shp_DOM',
    });
    if (routed.outcome !== 'routed') throw new Error(`expected a booking: ${JSON.stringify(routed.decision.booking)}`);
    expect(routed.shipment).toMatchObject({ lane: 'MX-MX-CMX', destinationCountry: 'MX' });
    expect(['jt-express', '99minutos']).toContain(routed.shipment.carrier);
    const carrier = CARRIERS.find((profile) => profile.slug === routed.shipment.carrier)!;
    expect(carrier.tracking.isValid(routed.shipment.trackingNumber)).toBe(true);
    expect(routed.confirmation.labelZpl).toContain('^FDFROM Enlace Tepotzotlán (CDMX north)^FS');
    expect(routed.confirmation.labelZpl).toContain('^FDCarretera Tepotzotlán–Teoloyucan km 2.5, 54600 Tepotzotlán MEX MX^FS');
    // Promised by the domestic transit (1–2 business days here), not weeks.
    expect(new Date(routed.shipment.promisedBy).getTime() - AT.getTime()).toBeLessThanOrEqual(2 * 86_400_000);
  });

  it('leaves a cross-border order’s booking without a warehouse address', () => {
    const order = orderOf(sampleOrderBody());
    expect(bookingShipmentFromOrder(order, routingInputFromOrder(order, { at: AT })).shipFrom).toBeUndefined();
  });
});
