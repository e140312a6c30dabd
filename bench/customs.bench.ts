/**
 * Micro benchmark of the customs paperwork: for three realistic orders (the README's Brazil order,
 * a 12-line Mexico order whose invoice runs to two pages, a high-value Chile order that needs a CN 23),
 * checks the order, builds the three JSON documents and renders the three PDFs, N times, and prints
 * documents per second.
 * Run: npx tsx bench/customs.bench.ts [iterations]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCustomsDocuments, checkCustoms, renderCustomsPdfs, type CustomsShipment, type DocumentsContext } from '../domain/customs';
import { createOrder, orderInputSchema, type Order } from '../domain/order';
import type { Money } from '../domain/shared/money';

const sample = JSON.parse(readFileSync(join(__dirname, '..', 'examples', 'order-br.json'), 'utf8')) as Record<string, unknown>;
const sampleShipTo = sample.shipTo as Record<string, unknown>;

function order(body: Record<string, unknown>, orderId: string): Order {
  return createOrder(orderInputSchema.parse(body), { orderId, receivedAt: '2026-11-20T10:00:00Z' });
}

const phoneCase = (index: number) => ({
  sku: `CASE-${index}`,
  description: `Silicone phone case for iPhone ${index}, shockproof, with lanyard`,
  quantity: 1 + (index % 3),
  unitDeclaredValue: '4.50',
  hsCode: '3926.90',
  originCountry: 'CN',
  unitWeightGrams: 40,
  category: 'accessories',
});

const orders = [
  order(sample, 'ord_bench_br'),
  order(
    {
      ...sample,
      shipTo: {
        ...sampleShipTo,
        name: 'José Peña Núñez',
        city: 'Ciudad de México',
        state: 'CDMX',
        postalCode: '06600',
        country: 'MX',
        taxId: { type: 'RFC', value: 'GODE561231GR8' },
      },
      items: Array.from({ length: 12 }, (_, index) => phoneCase(index + 1)),
    },
    'ord_bench_mx',
  ),
  order(
    {
      ...sample,
      shipTo: { ...sampleShipTo, city: 'Santiago', state: 'RM', postalCode: '8320000', country: 'CL', taxId: { type: 'RUT', value: '76086428-5' } },
      items: [
        {
          ...phoneCase(1),
          quantity: 1,
          unitDeclaredValue: '650.00',
          description: 'Wireless Bluetooth speaker, waterproof',
          hsCode: '8518.22',
          category: 'electronics',
        },
      ],
    },
    'ord_bench_cl',
  ),
];

const shipment: CustomsShipment = {
  serviceId: 'enlace-standard',
  carrier: 'Enlace',
  trackingNumber: 'EN123456789CN',
  acceptsBatteries: ['lithium-ion-in-equipment'],
};
const toUsd = (value: Money): number => (value.currency === 'USD' ? value.amount : Math.round(value.amount / 7.2));
const context: DocumentsContext = {
  issuedAt: '2026-11-20T10:00:00Z',
  toUsd,
  shipper: {
    name: 'Shenzhen Bright Audio Co., Ltd.',
    streetLines: ['Building 3, 88 Keyuan Road'],
    city: 'Shenzhen',
    province: 'Guangdong',
    postalCode: '518057',
    country: 'CN',
  },
};
const at = new Date('2026-11-22T12:00:00Z');

async function once(target: Order): Promise<number> {
  checkCustoms(target, shipment, { at, toUsd });
  const documents = buildCustomsDocuments(target, shipment, context);
  const pdfs = await renderCustomsPdfs(documents);
  return pdfs.commercialInvoice.bytes.length + pdfs.packingList.bytes.length + pdfs.customsDeclaration.bytes.length;
}

async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 200);
  for (let i = 0; i < 20; i++) for (const target of orders) await once(target); // warm-up

  // JSON only: check + build.
  let start = performance.now();
  for (let i = 0; i < iterations * 10; i++) {
    for (const target of orders) {
      checkCustoms(target, shipment, { at, toUsd });
      buildCustomsDocuments(target, shipment, context);
    }
  }
  const jsonMs = performance.now() - start;
  const jsonOrders = iterations * 10 * orders.length;

  // Check + build + render the three PDFs.
  let bytes = 0;
  start = performance.now();
  for (let i = 0; i < iterations; i++) for (const target of orders) bytes += await once(target);
  const pdfMs = performance.now() - start;
  const pdfOrders = iterations * orders.length;
  const documents = pdfOrders * 3;

  console.log(
    `check + JSON documents: ${jsonOrders} orders in ${jsonMs.toFixed(0)} ms = ${(jsonOrders / (jsonMs / 1000)).toFixed(0)} orders/s (${((jsonMs * 1000) / jsonOrders).toFixed(1)} µs per order, 3 documents each)`,
  );
  console.log(`check + JSON + 3 PDFs: ${pdfOrders} orders, ${documents} documents in ${pdfMs.toFixed(0)} ms`);
  console.log(
    `${(documents / (pdfMs / 1000)).toFixed(0)} documents/s (${(pdfOrders / (pdfMs / 1000)).toFixed(0)} orders/s), ${(pdfMs / pdfOrders).toFixed(2)} ms per order`,
  );
  console.log(`average PDF size ${(bytes / documents / 1024).toFixed(1)} KiB`);
}

void main();
