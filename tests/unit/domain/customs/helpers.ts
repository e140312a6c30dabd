/** Orders, shipments and FX for the customs tests, built through the real intake path. */
import type { CustomsShipment } from '../../../../domain/customs/check-order';
import type { Shipper } from '../../../../domain/customs/documents';
import { type Order, createOrder } from '../../../../domain/order/order';
import { orderInputSchema } from '../../../../domain/order/order-input';
import type { Money } from '../../../../domain/shared/money';
import type { DestinationCountry } from '../../../../domain/shared/shipping-terms';
import { sampleOrderBody, withShipTo } from '../../../fixtures/orders';

export const AT = new Date('2026-11-22T12:00:00Z');
export const RECEIVED_AT = '2026-11-20T10:00:00Z';

/** Units of each currency per US dollar: test figures, not market rates. */
const PER_USD: Readonly<Record<string, number>> = { USD: 1, CNY: 7.2, BRL: 5, MXN: 20, CLP: 900, COP: 4000, PEN: 4 };
const EXPONENT: Readonly<Record<string, number>> = { USD: 2, CNY: 2, BRL: 2, MXN: 2, CLP: 0, COP: 2, PEN: 2 };

/** Converts to US cents with the test rates above. */
export function toUsd(value: Money): number {
  const perUsd = PER_USD[value.currency];
  const exponent = EXPONENT[value.currency];
  if (perUsd === undefined || exponent === undefined) throw new Error(`no test rate for ${value.currency}`);
  return Math.round(((value.amount / 10 ** exponent) * 100) / perUsd);
}

export const SHIPMENT: CustomsShipment = {
  serviceId: 'enlace-standard-br',
  carrier: 'Jadlog',
  trackingNumber: 'EN123456789BR',
  acceptsBatteries: ['lithium-ion-in-equipment', 'lithium-ion-with-equipment', 'lithium-metal-in-equipment', 'lithium-metal-with-equipment'],
};

export const SHIPPER: Shipper = {
  name: 'Shenzhen Bright Audio Co., Ltd.',
  contactName: 'Li Wei',
  streetLines: ['Building 3, 88 Keyuan Road', 'Nanshan District'],
  city: 'Shenzhen',
  province: 'Guangdong',
  postalCode: '518057',
  country: 'CN',
  phone: '+86 755 1234 5678',
  taxId: '91440300MA5XXXXXX1',
};

const DESTINATIONS: Readonly<Record<DestinationCountry, Record<string, unknown>>> = {
  BR: { city: 'São Paulo', state: 'SP', postalCode: '01310-200', taxId: { type: 'CPF', value: '390.533.447-05' } },
  MX: { city: 'Ciudad de México', state: 'CDMX', postalCode: '06600', taxId: { type: 'RFC', value: 'GODE561231GR8' } },
  CL: { city: 'Santiago', state: 'RM', postalCode: '8320000', taxId: { type: 'RUT', value: '76086428-5' } },
  CO: { city: 'Bogotá', state: 'DC', postalCode: '110111', taxId: { type: 'NIT', value: '900.206.480-2' } },
  PE: { city: 'Lima', state: 'LIM', postalCode: '15001', taxId: { type: 'RUC', value: '20512333797' } },
  US: { city: 'New York', state: 'NY', postalCode: '10001', taxId: undefined },
};

/** A plain item no destination restricts: a silicone phone case. */
export const PHONE_CASE = {
  sku: 'PHONE-CASE-14',
  description: 'Silicone phone case for iPhone 14',
  quantity: 2,
  unitDeclaredValue: '4.50',
  hsCode: '3926.90',
  originCountry: 'CN',
  unitWeightGrams: 40,
  dimensions: { lengthMm: 160, widthMm: 80, heightMm: 15 },
  category: 'accessories',
};

export function item(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...PHONE_CASE, ...overrides };
}

/** The README sample order (BR, earbuds with a Li-ion battery + phone cases), as an Order. */
export function sampleOrder(overrides: Record<string, unknown> = {}): Order {
  return toOrder(sampleOrderBody(overrides));
}

/** An order to `country` holding `items` (default: the phone case only), with a valid recipient id. */
export function orderTo(
  country: DestinationCountry,
  items: readonly Record<string, unknown>[] = [item()],
  options: { shipTo?: Record<string, unknown>; body?: Record<string, unknown>; orderId?: string } = {},
): Order {
  const body = withShipTo(sampleOrderBody({ items, currency: 'USD', ...options.body }), { country, ...DESTINATIONS[country], ...options.shipTo });
  return toOrder(body, options.orderId);
}

export function toOrder(body: Record<string, unknown>, orderId = 'ord_01JCUSTOMS'): Order {
  return createOrder(orderInputSchema.parse(body), { orderId, receivedAt: RECEIVED_AT });
}

/** Replaces one item of an already-built order (for values intake would refuse). */
export function withItem(order: Order, index: number, change: Partial<Order['items'][number]>): Order {
  return { ...order, items: order.items.map((existing, i) => (i === index ? { ...existing, ...change } : existing)) };
}
