import { PDFDocument } from 'pdf-lib';
import type { Order } from '../../../domain/order/order';
import type { Tenant } from '../../../domain/shared/tenant';
import { buildOrderDocumentsRoute, negotiateFormat } from '../../../functions/order-documents/order-documents';
import { buildCustomsStep } from '../../../functions/shared/customs-step';
import { httpHandler } from '../../../functions/shared/http/http-handler';
import { fakeBucket, fakeCustomsTable } from '../../fakes/customs';
import { ANATEL, brOrderBody, contextFor, orderFrom } from '../../fixtures/customs';
import { httpEvent, lambdaContext } from './http-fixtures';

const seller: Tenant = { tenantId: 'seller-sz-001', kind: 'seller', sellerIds: ['seller-sz-001'] };
const other: Tenant = { tenantId: 'seller-b', kind: 'seller', sellerIds: ['seller-b'] };
const NOW = new Date('2026-11-23T09:00:00.000Z');

/** Runs the customs step for `order` (as the consumer would) and serves the result. */
async function setup(order: Order) {
  const table = fakeCustomsTable(order);
  const bucket = fakeBucket();
  const context = contextFor(order);
  const result = await buildCustomsStep({ putFile: bucket.putFile, newEventId: () => 'evt_1', now: () => NOW })(order, context);
  await table.save({
    orderId: order.orderId,
    expectedVersion: order.version,
    fromStatuses: ['routed'],
    change: { kind: 'status', toStatus: result.toStatus },
    context,
    check: result.check,
    ...(result.documents === undefined ? {} : { documents: result.documents }),
    event: result.event,
    at: NOW.toISOString(),
  });
  const handler = httpHandler(
    buildOrderDocumentsRoute({
      getOrder: table.getOrder,
      getDocuments: table.getDocuments,
      getCustomsCheck: table.getCustomsCheck,
      getFile: bucket.getFile,
      linkToFile: bucket.linkToFile,
      now: () => NOW,
    }),
  );
  const get = async (path: string, options: { tenant?: Tenant; accept?: string; query?: Record<string, string> } = {}) => {
    const [, , , id = '', , type] = path.split('/');
    const event = httpEvent({
      method: 'GET',
      path,
      pathParameters: type === undefined ? { id } : { id, type },
      tenant: options.tenant ?? seller,
      headers: options.accept === undefined ? {} : { accept: options.accept },
    });
    const response = await handler({ ...event, ...(options.query === undefined ? {} : { queryStringParameters: options.query }) }, lambdaContext);
    return response;
  };
  /** The stored bytes of one of the order's files, read as the record says. */
  const stored = (type: string, format: 'json' | 'pdf') => {
    const record = table.stored.documents!;
    return bucket.fileBytes(
      record,
      record.documents.find((document) => document.type === type)!,
      format,
    )!;
  };
  return { table, bucket, links: bucket.links, get, stored };
}

const json = (response: { body?: string }) => JSON.parse(response.body ?? '{}') as Record<string, unknown>;
const ready = () => orderFrom(brOrderBody({ body: { certificates: [ANATEL] } }));

describe('Accept negotiation', () => {
  it.each([
    [undefined, 'json'],
    ['application/pdf', 'pdf'],
    ['application/json', 'json'],
    ['*/*', 'json'],
    ['application/pdf, */*;q=0.8', 'pdf'],
    ['application/json;q=0.5, application/pdf', 'pdf'],
    ['text/html, application/*;q=0.9', 'json'],
    ['application/pdf, application/json', 'pdf'],
    ['text/html', undefined],
    ['application/pdf;q=0, application/json;q=0', undefined],
  ])('%s → %s', (accept, expected) => {
    expect(negotiateFormat(accept)).toBe(expected);
  });
});

describe('GET /v1/orders/{id}/documents', () => {
  it('lists the three documents with their hashes, sizes and links', async () => {
    const { get, stored } = await setup(ready());
    const response = await get('/v1/orders/ord_C1/documents');
    expect(response.statusCode).toBe(200);
    const body = json(response) as { orderVersion: number; status: string; documents: { type: string; pdf: { sizeBytes: number }; links: { self: string } }[] };
    expect(body).toMatchObject({ orderVersion: 1, status: 'documents-ready' });
    expect(body.documents.map((document) => document.type)).toEqual(['commercial-invoice', 'packing-list', 'customs-declaration']);
    expect(body.documents[0]).toMatchObject({
      documentNumber: 'CI-ord_C1-V1',
      contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      pdf: { contentType: 'application/pdf', sizeBytes: stored('commercial-invoice', 'pdf').byteLength },
      links: { self: '/v1/orders/ord_C1/documents/commercial-invoice', shortLived: '/v1/orders/ord_C1/documents/commercial-invoice?link=true' },
    });
  });

  it('answers 404 with Retry-After while the order waits for customs', async () => {
    const order = ready();
    const { table, get } = await setup(order);
    table.order = { ...order, status: 'routed', version: 2 };
    const response = await get('/v1/orders/ord_C1/documents');
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['retry-after']).toBe('2');
  });

  it('answers 404 for a domestic order, saying it crosses no border (no Retry-After: none will come)', async () => {
    const order = ready();
    const { table, get } = await setup(order);
    // The same order as if it shipped from the São Paulo warehouse: customs never ran for it.
    table.order = { ...order, shipFrom: { warehouseCode: 'BR-SP-01' }, status: 'routed' };
    const response = await get('/v1/orders/ord_C1/documents');
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['retry-after']).toBeUndefined();
    expect(json(response).detail).toBe(
      'Order "ord_C1" ships domestically from warehouse BR-SP-01 inside BR: it crosses no border, so it has no customs documents (no invoice, packing list or CN23).',
    );
  });

  it('answers 404 for a held order, listing what blocks it', async () => {
    const { get } = await setup(orderFrom(brOrderBody({ withoutTaxId: true, body: { certificates: [ANATEL] } })));
    const response = await get('/v1/orders/ord_C1/documents/commercial-invoice');
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['retry-after']).toBeUndefined();
    expect(json(response).errors).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_MISSING', path: 'shipTo.taxId' })]);
  });

  it("answers another seller's order like a missing one", async () => {
    const { get } = await setup(ready());
    expect((await get('/v1/orders/ord_C1/documents', { tenant: other })).statusCode).toBe(404);
    expect((await get('/v1/orders/ord_C1/documents/commercial-invoice', { tenant: other, accept: 'application/pdf' })).statusCode).toBe(404);
    expect((await get('/v1/orders/ord_missing/documents')).statusCode).toBe(404);
  });
});

describe('GET /v1/orders/{id}/documents/{type}', () => {
  it('serves the PDF, base64-encoded for API Gateway, byte for byte as stored', async () => {
    const { get, stored } = await setup(ready());
    const response = await get('/v1/orders/ord_C1/documents/commercial-invoice', { accept: 'application/pdf' });
    expect(response).toMatchObject({
      statusCode: 200,
      isBase64Encoded: true,
      headers: { 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="CI-ord_C1-V1.pdf"' },
    });
    const bytes = Buffer.from(response.body!, 'base64');
    expect(bytes.equals(Buffer.from(stored('commercial-invoice', 'pdf')))).toBe(true);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0);
  });

  it('serves the JSON by default, and the postal form by its own name too', async () => {
    const { get } = await setup(ready());
    const response = await get('/v1/orders/ord_C1/documents/customs-declaration');
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toBe('application/json');
    expect(json(response)).toMatchObject({ documentType: 'CN22', trackingNumber: 'EN100842213BR' });
    expect((await get('/v1/orders/ord_C1/documents/cn22')).body).toBe(response.body);
    expect((await get('/v1/orders/ord_C1/documents/cn23')).statusCode).toBe(404);
  });

  it('answers short-lived links to both files with ?link=true', async () => {
    const { get, links } = await setup(ready());
    const response = await get('/v1/orders/ord_C1/documents/packing-list', { query: { link: 'true' } });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      type: 'packing-list',
      documentNumber: 'PL-ord_C1-V1',
      expiresAt: '2026-11-23T09:05:00.000Z',
      pdf: { url: 'https://bucket.example/orders/ord_C1/v1/packing-list.pdf?signed' },
      json: { url: 'https://bucket.example/orders/ord_C1/v1/packing-list.json?signed' },
    });
    expect(links.map((link) => [link.expiresInSeconds, link.fileName])).toEqual([
      [300, 'PL-ord_C1-V1.pdf'],
      [300, 'PL-ord_C1-V1.json'],
    ]);
  });

  it('links a packed file at its own key, holding exactly its bytes, copied on the first link only', async () => {
    const { get, bucket, stored } = await setup(ready());
    expect([...bucket.objects.keys()]).toEqual(['orders/ord_C1/v1/documents.bin']);

    await get('/v1/orders/ord_C1/documents/packing-list', { query: { link: 'true' } });
    expect([...bucket.objects.keys()].sort()).toEqual([
      'orders/ord_C1/v1/documents.bin',
      'orders/ord_C1/v1/packing-list.json',
      'orders/ord_C1/v1/packing-list.pdf',
    ]);
    const pdf = bucket.objects.get('orders/ord_C1/v1/packing-list.pdf')!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes).equals(Buffer.from(stored('packing-list', 'pdf')))).toBe(true);
    expect(bucket.objects.get('orders/ord_C1/v1/packing-list.json')!.contentType).toBe('application/json');
    expect(Buffer.from(bucket.objects.get('orders/ord_C1/v1/packing-list.json')!.bytes).toString('utf8')).toBe(
      (await get('/v1/orders/ord_C1/documents/packing-list')).body,
    );
  });

  it('serves and links documents stored before the files were packed (one object per file, no offsets)', async () => {
    const order = ready();
    const { table, bucket, get, links } = await setup(order);
    // The record and objects as the customs step wrote them before: each file at its own key.
    const packed = table.stored.documents!;
    const unpacked = {
      orderId: packed.orderId,
      orderVersion: packed.orderVersion,
      generatedAt: packed.generatedAt,
      documents: packed.documents.map((document) => ({
        ...document,
        json: { key: document.json.key, sizeBytes: document.json.sizeBytes, sha256: document.json.sha256 },
        pdf: { key: document.pdf.key, sizeBytes: document.pdf.sizeBytes, sha256: document.pdf.sha256 },
      })),
    };
    for (const document of packed.documents) {
      for (const format of ['json', 'pdf'] as const) {
        await bucket.putFile(document[format].key, bucket.fileBytes(packed, document, format)!, format === 'pdf' ? 'application/pdf' : 'application/json');
      }
    }
    const invoicePdf = Buffer.from(bucket.fileBytes(packed, packed.documents[0]!, 'pdf')!);
    bucket.objects.delete('orders/ord_C1/v1/documents.bin');
    table.stored.documents = unpacked;

    const pdf = await get('/v1/orders/ord_C1/documents/commercial-invoice', { accept: 'application/pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(Buffer.from(pdf.body!, 'base64').equals(invoicePdf)).toBe(true);
    expect(pdf.headers?.etag).toBe(`"${packed.documents[0]!.pdf.sha256}"`);
    const link = await get('/v1/orders/ord_C1/documents/commercial-invoice', { query: { link: 'true' } });
    expect(json(link)).toMatchObject({ pdf: { url: 'https://bucket.example/orders/ord_C1/v1/commercial-invoice.pdf?signed' } });
    expect(links.map((entry) => entry.key)).toEqual(['orders/ord_C1/v1/commercial-invoice.pdf', 'orders/ord_C1/v1/commercial-invoice.json']);
    expect(bucket.objects.size).toBe(6);
  });

  it('answers 404 for an unknown type and 406 for a format it cannot serve', async () => {
    const { get } = await setup(ready());
    const unknown = await get('/v1/orders/ord_C1/documents/bill-of-lading');
    expect(unknown.statusCode).toBe(404);
    expect(String(json(unknown).detail)).toMatch(/commercial-invoice, packing-list, customs-declaration/);
    expect((await get('/v1/orders/ord_C1/documents/packing-list', { accept: 'text/html' })).statusCode).toBe(406);
  });
});
