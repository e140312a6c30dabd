import { parseEvent } from '../../events/envelope';
import { orderRatedV1 } from '../../events/order-rated';
import { shipmentRoutedV1 } from '../../events/shipment-routed';
import { mexicoDomesticOrderBody } from '../fixtures/domestic-orders';
import { eventually, localCloud } from '../setup/local-cloud-client';
import { TEST_KEYS } from '../setup/test-keys';

const headers = { authorization: `Bearer ${TEST_KEYS.integration.key}`, 'content-type': 'application/json' };
const MEXICAN_DOMESTIC_CARRIERS = ['estafeta', 'jt-express', '99minutos', 'dhl-express'];

interface Quotes {
  status: string;
  quotes: {
    serviceId: string;
    lines: { code: string; amount: { amount: number } }[];
    shippingTotal: { amount: number };
    parcels: { chargeableWeightGrams: number }[];
    dutiesAndTaxes: { payer: string; total: { amount: number }; note?: string };
  }[];
}

interface Decision {
  status: string;
  lane: { id: string };
  chosen?: { carrier: string; carrierName: string; serviceId: string };
  explanation: string[];
  booking?: { status: string; trackingNumber?: string };
}

const busEvents = async (type: string, orderId: string) =>
  ((await (await fetch(`${localCloud().admin}/events`)).json()) as { 'detail-type': string; detail: { metadata: { correlationId: string } } }[]).filter(
    (event) => event['detail-type'] === type && event.detail.metadata.correlationId === orderId,
  );

/** The order's SKUs as the seller's products (already there from an earlier run is fine), and their units found in MX-CTT-01. */
async function stockFor(body: Record<string, unknown>): Promise<void> {
  for (const item of body.items as {
    sku: string;
    description: string;
    hsCode: string;
    originCountry: string;
    category: string;
    unitWeightGrams: number;
    dimensions: object;
    quantity: number;
  }[]) {
    const product = await fetch(`${localCloud().api}/v1/products`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        sellerId: body.sellerId,
        sku: item.sku,
        description: item.description,
        hsCode: item.hsCode,
        originCountry: item.originCountry,
        category: item.category,
        unitWeightGrams: item.unitWeightGrams,
        unitDimensions: item.dimensions,
        carton: { unitsPerCarton: 20, grossWeightGrams: item.unitWeightGrams * 20 + 500, dimensions: { lengthMm: 600, widthMm: 400, heightMm: 300 } },
      }),
    });
    expect([201, 409]).toContain(product.status);
    const found = await fetch(`${localCloud().api}/v1/warehouses/MX-CTT-01/stock-adjustments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_KEYS.warehouseMx.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        adjustmentId: `dom-${Date.now()}-${item.sku}`,
        sellerId: body.sellerId,
        sku: item.sku,
        type: 'found',
        quantity: item.quantity,
        reason: 'stock for the domestic e2e',
      }),
    });
    expect(found.status).toBe(201);
  }
}

describe('a domestic order through the local cloud (stock in the Mexico warehouse, buyer in Mexico City)', () => {
  it('is rated on domestic services without duties, routed to a Mexican domestic carrier on the domestic lane, and labelled from the warehouse', async () => {
    const body = mexicoDomesticOrderBody({ sellerId: 'seller-a', externalOrderId: `DOM-${Date.now()}` });
    // A warehouse order ships the seller's products from stock: register them and count the units in.
    await stockFor(body);
    const created = await fetch(`${localCloud().api}/v1/orders`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { orderId } = (await created.json()) as { orderId: string };

    // Rated: only the warehouse's domestic services, every fee itemised, no import duties, said so.
    const quotes = await eventually(
      async () => {
        const response = await fetch(`${localCloud().api}/v1/orders/${orderId}/quotes`, { headers });
        return response.status === 200 ? ((await response.json()) as Quotes) : undefined;
      },
      25_000,
      'quotes',
    );
    expect(quotes.status).not.toBe('unrateable');
    expect(quotes.quotes.length).toBeGreaterThan(1);
    for (const quote of quotes.quotes) {
      expect(quote.serviceId).toMatch(/^domestic-mx-/);
      expect(quote.lines.map((line) => line.code)).not.toContain('LINE_HAUL');
      expect(quote.lines.map((line) => line.code)).not.toContain('CUSTOMS_CLEARANCE');
      expect(quote.lines.reduce((sum, line) => sum + line.amount.amount, 0)).toBe(quote.shippingTotal.amount);
      expect(quote.parcels[0]?.chargeableWeightGrams).toBeGreaterThanOrEqual(500);
      expect(quote.dutiesAndTaxes).toMatchObject({ payer: 'none', total: { amount: 0 }, note: expect.stringContaining('MX-CTT-01') });
    }
    const rated = await eventually(async () => {
      const found = await busEvents('order.rated', orderId);
      return found.length > 0 ? found : undefined;
    });
    expect(parseEvent(orderRatedV1, rated[0]!.detail).data.quotes.every((quote) => quote.dutiesAndTaxes.amount === 0)).toBe(true);

    // Routed and booked with a Mexican domestic carrier, on MX-MX-CMX, explained.
    const decision = await eventually(
      async () => {
        const response = await fetch(`${localCloud().api}/v1/orders/${orderId}/routing`, { headers });
        return response.status === 200 ? ((await response.json()) as Decision) : undefined;
      },
      25_000,
      'routing',
    );
    expect(decision).toMatchObject({ status: 'routed', lane: { id: 'MX-MX-CMX' }, booking: { status: 'booked' } });
    expect(MEXICAN_DOMESTIC_CARRIERS).toContain(decision.chosen?.carrier);
    expect(decision.chosen?.serviceId).toMatch(/^domestic-mx-/);
    expect(decision.explanation[0]).toContain('from warehouse MX-CTT-01 to 06700 (Ciudad de México)');

    const routed = await eventually(async () => {
      const found = await busEvents('shipment.routed', orderId);
      return found.length > 0 ? found : undefined;
    });
    const shipment = parseEvent(shipmentRoutedV1, routed[0]!.detail).data.shipment;
    expect(shipment).toMatchObject({ lane: 'MX-MX-CMX', destinationCountry: 'MX', trackingNumber: decision.booking?.trackingNumber });

    // The label: the carrier's number, shipped from the warehouse's address.
    const label = await fetch(`${localCloud().api}/v1/orders/${orderId}/label`, { headers });
    expect(label.status).toBe(200);
    const zpl = await label.text();
    expect(zpl).toContain(shipment.trackingNumber);
    expect(zpl).toContain('^FDFROM Enlace Tepotzotlán (CDMX north)^FS');
    expect(zpl).toContain('54600 Tepotzotlán MEX MX');

    // No customs documents for a parcel that crosses no border.
    const documents = await fetch(`${localCloud().api}/v1/orders/${orderId}/documents`, { headers });
    expect(documents.status).toBe(404);
    expect(((await documents.json()) as { detail: string }).detail).toContain('ships domestically from warehouse MX-CTT-01');
  });
});
