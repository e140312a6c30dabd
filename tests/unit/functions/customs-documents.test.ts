import { Logger } from '@aws-lambda-powertools/logger';
import { PDFDocument } from 'pdf-lib';
import { sha256 } from '../../../domain/customs/documents';
import type { Order } from '../../../domain/order/order';
import { customsDocumentsReadyV1, customsHeldV1 } from '../../../events/customs';
import { parseEvent } from '../../../events/envelope';
import { buildCustomsDocuments } from '../../../functions/customs-documents/customs-documents';
import { buildCustomsStep } from '../../../functions/shared/customs-step';
import { fakeBucket, fakeCustomsTable } from '../../fakes/customs';
import { NFE_KEY } from '../../fixtures/domestic-orders';
import { ANATEL, brOrderBody, orderFrom, routedEvent, TABLET, VALID_CPF } from '../../fixtures/customs';

const log = new Logger({ logLevel: 'SILENT' });

function setup(order: Order) {
  const table = fakeCustomsTable(order);
  const bucket = fakeBucket();
  let sequence = 0;
  const customsStep = buildCustomsStep({
    putFile: bucket.putFile,
    newEventId: () => `evt_out_${(sequence += 1)}`,
    now: () => new Date('2026-11-22T10:06:00.000Z'),
  });
  const consume = buildCustomsDocuments({ getOrder: table.getOrder, customsStep, save: table.save });
  return { table, bucket, consume };
}

const readyOrder = () => orderFrom(brOrderBody({ body: { certificates: [ANATEL] } }));

describe('customs-documents (shipment.routed consumer)', () => {
  it('skips a domestic order: no documents, no write, no event, a log line saying so; the order stays routed for tracking', async () => {
    const order = orderFrom(brOrderBody({ body: { shipFrom: { warehouseCode: 'BR-SP-01' }, documents: { nfeAccessKey: NFE_KEY } } }));
    const { table, bucket, consume } = setup(order);
    const lines: { message: string; extra: unknown }[] = [];
    const spy = new Logger({ logLevel: 'SILENT' });
    spy.info = (message: unknown, ...extra: unknown[]) => {
      lines.push({ message: String(message), extra: extra[0] });
    };

    await consume(routedEvent(order), spy);

    expect(table.order.status).toBe('routed');
    expect(table.writes).toEqual([]);
    expect(table.outbox).toEqual([]);
    expect(bucket.objects.size).toBe(0);
    expect(lines).toEqual([
      {
        message: 'domestic order: no customs documents (no CN23, no commercial invoice); it ships inside the country and goes on to tracking',
        extra: { orderId: 'ord_C1', warehouseCode: 'BR-SP-01', country: 'BR' },
      },
    ]);
  });

  it('holds a Brazilian order without a CPF, naming every problem at once, and queues customs.held', async () => {
    const order = orderFrom(brOrderBody({ withoutTaxId: true }));
    const { table, bucket, consume } = setup(order);

    await consume(routedEvent(order), log);

    expect(table.order.status).toBe('customs-held');
    const held = parseEvent(customsHeldV1, table.outbox[0]);
    expect(held.metadata).toMatchObject({ causationId: 'evt_routed', correlationId: 'ord_C1', source: 'enlace.customs', sellerId: 'seller-sz-001' });
    // The missing CPF and the missing ANATEL homologation of the Bluetooth earbuds, in one go.
    expect(held.data.problems.map((problem) => [problem.code, problem.path])).toEqual(
      expect.arrayContaining([
        ['RECIPIENT_TAX_ID_MISSING', 'shipTo.taxId'],
        ['CERTIFICATE_REQUIRED', 'items[0]'],
      ]),
    );
    expect(held.data.problems.find((problem) => problem.code === 'RECIPIENT_TAX_ID_MISSING')?.message).toMatch(/CPF/);
    expect(held.data.shipment).toEqual({ shipmentId: 'shp_C1', carrier: 'jadlog', serviceId: 'enlace-standard-br', trackingNumber: 'EN100842213BR' });
    expect(bucket.objects.size).toBe(0);
    // What a correction needs to re-run the checks later, stored with the step.
    expect(table.stored.context).toMatchObject({
      orderId: 'ord_C1',
      shipmentId: 'shp_C1',
      trackingNumber: 'EN100842213BR',
      acceptsBatteries: expect.arrayContaining(['lithium-ion-in-equipment']),
    });
    expect(table.stored.check).toMatchObject({ outcome: 'held', orderVersion: 1 });
    expect(table.writes[0]).toMatchObject({ expectedVersion: 1, fromStatuses: ['routed'], change: { kind: 'status', toStatus: 'customs-held' } });
  });

  it('stores the three documents as JSON and PDF in one object fixed by the order version, and queues customs.documents-ready', async () => {
    const order = readyOrder();
    const { table, bucket, consume } = setup(order);

    await consume(routedEvent(order), log);

    expect(table.order.status).toBe('documents-ready');
    // One object: every file back to back, JSON then PDF of each document, nothing else.
    expect([...bucket.objects.keys()]).toEqual(['orders/ord_C1/v1/documents.bin']);
    const packed = bucket.objects.get('orders/ord_C1/v1/documents.bin')!;
    expect(packed.contentType).toBe('application/octet-stream');
    const record = table.stored.documents!;
    expect(record.packedKey).toBe('orders/ord_C1/v1/documents.bin');
    const files = record.documents.flatMap((document) => [document.json, document.pdf]);
    expect(files.map((file) => file.offset)).toEqual(files.map((_, index) => files.slice(0, index).reduce((sum, file) => sum + file.sizeBytes, 0)));
    expect(packed.bytes.byteLength).toBe(files.reduce((sum, file) => sum + file.sizeBytes, 0));

    const ready = parseEvent(customsDocumentsReadyV1, table.outbox[0]);
    expect(ready.data.documents.map((document) => [document.type, document.documentType, document.json.key, document.pdf.key])).toEqual([
      ['commercial-invoice', 'commercial-invoice', 'orders/ord_C1/v1/commercial-invoice.json', 'orders/ord_C1/v1/commercial-invoice.pdf'],
      ['packing-list', 'packing-list', 'orders/ord_C1/v1/packing-list.json', 'orders/ord_C1/v1/packing-list.pdf'],
      ['customs-declaration', 'CN22', 'orders/ord_C1/v1/customs-declaration.json', 'orders/ord_C1/v1/customs-declaration.pdf'],
    ]);
    // The event describes each file as before (its own key, size, hash): the offsets are the table's.
    expect(JSON.stringify(table.outbox[0])).not.toContain('offset');
    for (const [index, document] of ready.data.documents.entries()) {
      const json = bucket.fileBytes(record, record.documents[index]!, 'json')!;
      const pdf = bucket.fileBytes(record, record.documents[index]!, 'pdf')!;
      expect(document.json).toMatchObject({ sizeBytes: json.byteLength, sha256: sha256(json) });
      expect(document.pdf).toMatchObject({ sizeBytes: pdf.byteLength, sha256: sha256(pdf) });
      expect((JSON.parse(Buffer.from(json).toString('utf8')) as { contentHash: string }).contentHash).toBe(document.contentHash);
      expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(0);
    }
    const invoice = JSON.parse(Buffer.from(bucket.fileBytes(record, record.documents[0]!, 'json')!).toString('utf8')) as Record<string, unknown>;
    expect(invoice).toMatchObject({
      incoterm: 'DDP',
      trackingNumber: 'EN100842213BR',
      issuedAt: '2026-11-22T10:00:00.000Z',
      consignee: { taxId: { type: 'CPF' } },
    });
    expect(invoice.lines).toEqual([
      expect.objectContaining({ sku: 'BT-EARBUDS-X2', hsCode: '8518.30' }),
      expect.objectContaining({ sku: 'PHONE-CASE-14', hsCode: '3926.90' }),
    ]);
    expect(invoice.batteryDeclarations).toEqual([expect.objectContaining({ sku: 'BT-EARBUDS-X2', unNumber: 'UN3481' })]);
    expect(invoice.certificates).toEqual([{ agency: 'ANATEL', reference: 'ANATEL 12345-20-01234', skus: ['BT-EARBUDS-X2'] }]);
    expect(table.stored.documents).toMatchObject({ orderVersion: 1, documents: ready.data.documents });
  });

  it('produces a CN 23 above the CN 22 value limit', async () => {
    const order = orderFrom(brOrderBody({ body: { items: [TABLET], certificates: [{ agency: 'ANATEL', reference: 'ANATEL 999' }] } }));
    const { table, consume } = setup(order);
    await consume(routedEvent(order), log);
    const ready = parseEvent(customsDocumentsReadyV1, table.outbox[0]);
    expect(ready.data.documents[2]).toMatchObject({ type: 'customs-declaration', documentType: 'CN23', documentNumber: 'CN23-ord_C1-V1' });
  });

  it('refuses a battery the booked service cannot fly', async () => {
    const order = readyOrder();
    const { table, consume } = setup(order);
    await consume(routedEvent(order, ['none']), log);
    expect(table.order.status).toBe('customs-held');
    const held = parseEvent(customsHeldV1, table.outbox[0]);
    expect(held.data.problems).toEqual([expect.objectContaining({ code: 'BATTERY_NOT_ACCEPTED_BY_SERVICE', path: 'items[0].batteryType', severity: 'error' })]);
  });

  it('regenerates byte-identical files for the same order version (a retry after a lost write)', async () => {
    const order = readyOrder();
    const first = setup(order);
    const second = setup(order);
    await first.consume(routedEvent(order), log);
    await second.consume(routedEvent(order, undefined, 'evt_routed_again'), log);
    expect([...second.bucket.objects.keys()]).toEqual(['orders/ord_C1/v1/documents.bin']);
    for (const [key, object] of first.bucket.objects) {
      expect(Buffer.from(second.bucket.objects.get(key)!.bytes).equals(Buffer.from(object.bytes))).toBe(true);
    }
    expect(second.table.stored.documents).toEqual(first.table.stored.documents);
  });

  it('ignores a redelivery once the order has moved on', async () => {
    const order = readyOrder();
    const { table, bucket, consume } = setup(order);
    await consume(routedEvent(order), log);
    const written = table.writes.length;
    bucket.objects.clear();
    await expect(consume(routedEvent(order), log)).resolves.toBeUndefined();
    expect(table.writes).toHaveLength(written);
    expect(bucket.objects.size).toBe(0);
    expect(table.outbox).toHaveLength(1);
  });

  it('fails for a retry when the seller corrected the order while its documents were made', async () => {
    const order = orderFrom(brOrderBody({ withoutTaxId: true }));
    const { table, consume } = setup(order);
    const save = table.save;
    // The correction lands between the read and the write.
    const racing = buildCustomsDocuments({
      getOrder: table.getOrder,
      customsStep: buildCustomsStep({ putFile: async () => undefined, newEventId: () => 'evt_x', now: () => new Date('2026-11-22T10:06:00.000Z') }),
      save: async (write) => {
        table.order = { ...table.order, version: 2, shipTo: { ...table.order.shipTo, taxId: VALID_CPF as never } };
        return save(write);
      },
    });
    await expect(racing(routedEvent(order), log)).rejects.toThrow(/changed \(version 1 → 2\)/);
    expect(table.order.status).toBe('routed');
    await consume(routedEvent(order), log);
    expect(table.order.status).toBe('customs-held');
  });

  it('fails (for a retry) when the order cannot be read', async () => {
    const order = readyOrder();
    const { consume } = setup({ ...order, orderId: 'other' });
    await expect(consume(routedEvent(order), log)).rejects.toThrow(/not found/);
  });
});
