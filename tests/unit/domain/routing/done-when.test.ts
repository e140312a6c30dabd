/**
 * The "done when": orders to São Paulo, to a remote Chiapas postal code and with a lithium
 * battery each get a carrier, a tracking number and a label, and the routing explains the choice
 * in words a seller understands; an order no carrier can take says exactly why. Each scenario runs
 * the whole domain path: order → rating → routing (seeded KPIs) → booking (sandbox adapter) → label.
 */
import { createOrder, type Order } from '../../../../domain/order/order';
import { orderInputSchema } from '../../../../domain/order/order-input';
import { rateShipment } from '../../../../domain/rating';
import { ratingRequestFromOrder } from '../../../../domain/rating/from-order';
import {
  bookingShipmentFromOrder,
  bookWithFallback,
  CARRIERS,
  recordBooking,
  routeShipment,
  routingInputFromOrder,
  sandboxBookShipment,
  timeoutFromSleep,
  trackingFormatFor,
  type RoutingDecision,
} from '../../../../domain/routing';
import { AT, BEST_VALUE, seededKpis } from './fixtures';

function order(id: string, shipTo: Record<string, unknown>, items: Record<string, unknown>[], serviceLevel = 'standard'): Order {
  const input = orderInputSchema.parse({
    marketplace: 'mercado-libre',
    sellerId: 'seller-sz-001',
    externalOrderId: `EXT-${id}`,
    shipFrom: { city: 'Shenzhen', country: 'CN' },
    shipTo: { phone: '+52 55 1234 5678', ...shipTo },
    serviceLevel,
    incoterm: 'DDP',
    currency: 'USD',
    items,
    parcels: [
      { weightGrams: 1300, dimensions: { lengthMm: 300, widthMm: 250, heightMm: 120 }, items: items.map((i) => ({ sku: i.sku, quantity: i.quantity })) },
    ],
  });
  return createOrder(input, { orderId: id, receivedAt: '2026-11-22T10:00:00Z' });
}

const item = (sku: string, extra: Record<string, unknown> = {}) => ({
  sku,
  description: 'Cotton T-shirt',
  quantity: 2,
  unitDeclaredValue: '20.00',
  hsCode: '6109.10',
  originCountry: 'CN',
  unitWeightGrams: 250,
  category: 'apparel',
  ...extra,
});

interface Result {
  readonly decision: RoutingDecision;
  readonly trackingNumber?: string;
  readonly labelZpl?: string;
}

async function ship(o: Order): Promise<Result> {
  const rating = rateShipment(ratingRequestFromOrder(o, 'USD'), { at: AT });
  const input = routingInputFromOrder(o, { at: AT });
  const decision = routeShipment(input, rating, seededKpis(o.shipTo.country, o.shipTo.postalCode), BEST_VALUE);
  if (decision.status === 'unroutable') return { decision };
  const outcome = await bookWithFallback(decision.ranking, bookingShipmentFromOrder(o, input), sandboxBookShipment(), {
    retries: 2,
    timeoutMs: 10_000,
    withTimeout: timeoutFromSleep(async () => {
      for (let i = 0; i < 50; i++) await Promise.resolve();
    }),
  });
  const recorded = recordBooking(decision, outcome);
  return outcome.status === 'booked'
    ? { decision: recorded, trackingNumber: outcome.confirmation.trackingNumber, labelZpl: outcome.confirmation.labelZpl }
    : { decision: recorded };
}

function expectBookedWithLabel(result: Result): void {
  const { decision, trackingNumber = '', labelZpl = '' } = result;
  expect(decision.status).toBe('routed');
  const chosen = decision.chosen;
  expect(chosen).toBeDefined();
  const carrier = CARRIERS.find((c) => c.slug === chosen?.carrier);
  expect(carrier && trackingFormatFor(carrier, chosen?.serviceId ?? '').isValid(trackingNumber)).toBe(true);
  expect(labelZpl.startsWith('^XA')).toBe(true);
  expect(labelZpl).toContain(`^BCN,220,Y,N,N,A^FD${trackingNumber}^FS`);
  expect(labelZpl).toContain(`^FD${decision.destination.postalCode}`);
  expect(decision.booking).toMatchObject({ status: 'booked', carrier: chosen?.carrier, trackingNumber });
  expect(decision.explanation[0]).toMatch(new RegExp(`^We chose ${chosen?.carrierName ?? '?'} because it (was|is|offered) `));
  expect(decision.explanation.at(-1)).toBe(`Booked with ${chosen?.carrierName ?? '?'}: tracking number ${trackingNumber} (sandbox).`);
}

describe('done when', () => {
  it('São Paulo: a carrier, a tracking number, a label, and why — including the volume shifted away from Loggi', async () => {
    const o = order(
      'ord-sp-1',
      {
        name: 'Ana Souza',
        streetLines: ['Av. Paulista, 1578'],
        neighborhood: 'Bela Vista',
        city: 'São Paulo',
        state: 'SP',
        postalCode: '01310-200',
        country: 'BR',
        taxId: { type: 'CPF', value: '390.533.447-05' },
      },
      [item('TS-1')],
    );
    const result = await ship(o);
    expectBookedWithLabel(result);
    const { decision } = result;
    expect(decision.lane.id).toBe('CN-BR-SP');
    expect(decision.explanation[0]).toMatch(/ of the 2 carriers that can deliver this standard parcel to 01310-200 \(São Paulo\)\.$/);
    expect(
      decision.explanation.some((l) =>
        /^Loggi was not used: its exception rate on CN→BR-SP over the last 4 weeks is 9\.\d% .*above the 5% limit; volume shifted to /.test(l),
      ),
    ).toBe(true);
    expect(result.labelZpl).toContain('^FDAna Souza^FS');
  });

  it('a remote Chiapas postal code: routed with the remote surcharge priced in, 99minutos explained away', async () => {
    const o = order(
      'ord-chp-1',
      { name: 'María López', streetLines: ['Av. Central Oriente 12'], city: 'Tuxtla Gutiérrez', state: 'Chiapas', postalCode: '29000', country: 'MX' },
      [item('TS-2')],
    );
    const result = await ship(o);
    expectBookedWithLabel(result);
    const { decision } = result;
    expect(decision.lane).toMatchObject({ id: 'CN-MX-CHP', regionName: 'Chiapas' });
    expect(decision.chosen?.coverage).toBe('remote');
    expect(decision.explanation).toContain(
      '99minutos was not used: it delivers only in the Mexico City, Guadalajara, Monterrey, Puebla and Querétaro metro areas, and 29000 is outside them.',
    );
    const rating = rateShipment(ratingRequestFromOrder(o, 'USD'), { at: AT });
    const quote = rating.quotes.find((q) => q.serviceId === decision.chosen?.serviceId);
    expect(quote?.lines.map((l) => l.code)).toContain('REMOTE_AREA');
  });

  it('an order with a lithium battery: routed to a carrier that takes it, the refusing ones explained', async () => {
    const headphones = item('BT-HEADPHONES', {
      description: 'Bluetooth headphones',
      quantity: 1,
      unitDeclaredValue: '60.00',
      hsCode: '8518.30',
      category: 'electronics',
      batteryType: 'lithium-ion-in-equipment',
    });
    const o = order(
      'ord-bat-1',
      {
        name: 'João Lima',
        streetLines: ['Rua Augusta, 900'],
        city: 'São Paulo',
        state: 'SP',
        postalCode: '01305-100',
        country: 'BR',
        taxId: { type: 'CPF', value: '390.533.447-05' },
      },
      [headphones],
    );
    const result = await ship(o);
    expectBookedWithLabel(result);
    const { decision } = result;
    expect(decision.chosen?.carrier).not.toBe('correios');
    expect(decision.explanation).toContain('Correios was not used: it does not carry lithium-ion batteries inside a device.');
  });

  it('an order no carrier can take says exactly why, for every carrier and level', async () => {
    const powerBank = item('PB-20000', {
      description: 'Power bank 20000 mAh',
      quantity: 1,
      unitDeclaredValue: '25.00',
      hsCode: '8507.60',
      category: 'electronics',
      batteryType: 'lithium-ion-standalone',
    });
    const o = order(
      'ord-none-1',
      { name: 'Camila Rojas', streetLines: ['Av. Providencia 1234'], city: 'Santiago', state: 'RM', postalCode: '7500000', country: 'CL' },
      [powerBank],
    );
    const { decision, trackingNumber } = await ship(o);
    expect(decision.status).toBe('unroutable');
    expect(trackingNumber).toBeUndefined();
    expect(decision.explanation[0]).toBe('We could not route order ord-none-1: no carrier can deliver this standard parcel to 7500000 (postal zone 75).');
    const reasons = decision.unroutable?.reasons ?? [];
    expect(reasons).toHaveLength(decision.candidates.length);
    for (const carrier of ['Blue Express', 'Chilexpress', 'Starken'])
      expect(reasons.some((r) => r.startsWith(`${carrier} (standard) was not used`))).toBe(true);
    for (const reason of reasons) expect(reason).toContain('does not carry loose lithium-ion batteries (such as power banks)');
    expect(decision.explanation.slice(1)).toEqual(reasons);
  });
});
