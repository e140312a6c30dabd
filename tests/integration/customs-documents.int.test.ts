import { Logger } from '@aws-lambda-powertools/logger';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Order } from '../../domain/order/order';
import { applyCorrection, orderCorrectionSchema } from '../../domain/order/order-correction';
import { buildCustomsDocuments } from '../../functions/customs-documents/customs-documents';
import { buildCustomsStep } from '../../functions/shared/customs-step';
import { buildGetCustomsContext, buildGetOrderDocuments, buildSaveCustomsWrite } from '../../functions/shared/store/customs-store';
import { buildGetDocumentFile, buildLinkToDocumentFile, buildPutDocumentFile } from '../../functions/shared/store/document-bucket';
import { keys } from '../../functions/shared/store/keys';
import { buildGetOrder, buildSaveNewOrder } from '../../functions/shared/store/order-store';
import { ANATEL, brOrderBody, orderFrom, routedEvent, VALID_CPF } from '../fixtures/customs';
import { createTestTable, localClientConfig, localCloud, localDynamoDb } from '../setup/local-cloud-client';

const log = new Logger({ logLevel: 'SILENT' });
const { client, documents } = localDynamoDb();
const s3 = new S3Client({ ...localClientConfig(localCloud().sqs) });

async function freshBucket(): Promise<string> {
  const bucket = `test-${randomUUID()}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

/** A table and a bucket of its own, an order stored as intake stores it and moved to `routed`. */
async function setup(order: Order) {
  const [{ tableName }, bucket] = await Promise.all([createTestTable(client), freshBucket()]);
  await buildSaveNewOrder(documents, tableName)({ ...order, status: 'received' }, 'hash', {
    eventId: `evt_${randomUUID()}`,
    detailType: 'order.received',
    source: 'enlace.orders',
    detail: {},
  });
  await documents.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.order(order.orderId),
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'routed' },
    }),
  );
  let sequence = 0;
  const customsStep = (now: string) =>
    buildCustomsStep({ putFile: buildPutDocumentFile(s3, bucket), newEventId: () => `evt_${(sequence += 1)}`, now: () => new Date(now) });
  const getOrder = buildGetOrder(documents, tableName);
  return {
    tableName,
    bucket,
    customsStep,
    getOrder,
    getFile: buildGetDocumentFile(s3, bucket),
    getDocuments: buildGetOrderDocuments(documents, tableName),
    getContext: buildGetCustomsContext(documents, tableName),
    save: buildSaveCustomsWrite(documents, tableName),
    consume: buildCustomsDocuments({ getOrder, customsStep: customsStep('2026-11-22T10:06:00.000Z'), save: buildSaveCustomsWrite(documents, tableName) }),
  };
}

afterAll(() => s3.destroy());

describe('document files in S3 (fauxqs)', () => {
  it('stores and reads back bytes exactly; a missing file is undefined', async () => {
    const bucket = await freshBucket();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80, 0x0a]);
    await buildPutDocumentFile(s3, bucket)('orders/ord_X/v1/packing-list.pdf', bytes, 'pdf');
    const read = await buildGetDocumentFile(s3, bucket)('orders/ord_X/v1/packing-list.pdf');
    expect(Buffer.from(read!).equals(Buffer.from(bytes))).toBe(true);
    await expect(buildGetDocumentFile(s3, bucket)('orders/ord_X/v9/packing-list.pdf')).resolves.toBeUndefined();
  });

  it('presigns a GET anyone can follow until it expires', async () => {
    const bucket = await freshBucket();
    await buildPutDocumentFile(s3, bucket)('orders/ord_X/v1/commercial-invoice.pdf', new TextEncoder().encode('%PDF-1.7 test'), 'pdf');
    const url = await buildLinkToDocumentFile(s3, bucket)('orders/ord_X/v1/commercial-invoice.pdf', { expiresInSeconds: 300, fileName: 'CI-ord_X-V1.pdf' });
    const parsed = new URL(url);
    expect(parsed.pathname).toBe(`/${bucket}/orders/ord_X/v1/commercial-invoice.pdf`);
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(parsed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(await response.text()).toBe('%PDF-1.7 test');
  });
});

describe('customs documents against DynamoDB Local and fauxqs', () => {
  it('moves a passing order to documents-ready with its files, and regenerates them byte for byte', async () => {
    const order = orderFrom(brOrderBody({ body: { certificates: [ANATEL] } }), { orderId: `ord_${randomUUID()}` });
    const { consume, getOrder, getDocuments, getFile, getContext, customsStep } = await setup(order);

    await consume(routedEvent(order), log);

    expect((await getOrder(order.orderId))?.status).toBe('documents-ready');
    const record = (await getDocuments(order.orderId))!;
    expect(record.documents).toHaveLength(3);
    expect(await getContext(order.orderId)).toMatchObject({ trackingNumber: 'EN100842213BR', routedEventId: 'evt_routed' });
    const before = await Promise.all(record.documents.flatMap((document) => [getFile(document.json.key), getFile(document.pdf.key)]));
    const invoicePdf = await PDFDocument.load(before[1]!);
    expect(invoicePdf.getTitle()).toMatch(/Commercial invoice/i);

    // A later retry of the same order version (another day, another event id) writes the same bytes.
    const again = await customsStep('2026-11-25T18:00:00.000Z')(order, (await getContext(order.orderId))!);
    expect(again.documents?.documents).toEqual(record.documents);
    const after = await Promise.all(record.documents.flatMap((document) => [getFile(document.json.key), getFile(document.pdf.key)]));
    after.forEach((bytes, index) => expect(Buffer.from(bytes!).equals(Buffer.from(before[index]!))).toBe(true));
  });

  it('writes a correction onto the stored order without touching its other attributes, once', async () => {
    const order = orderFrom(brOrderBody({ withoutTaxId: true, body: { certificates: [ANATEL] } }), { orderId: `ord_${randomUUID()}` });
    const { consume, tableName, getOrder, getDocuments, getContext, save, customsStep } = await setup(order);
    await consume(routedEvent(order), log);
    const held = (await getOrder(order.orderId))!;
    expect(held.status).toBe('customs-held');

    const applied = applyCorrection(held, orderCorrectionSchema.parse({ shipTo: { taxId: VALID_CPF } }), { at: '2026-11-23T09:00:00.000Z' });
    if (!applied.ok) throw new Error('expected a corrected order');
    const result = await customsStep('2026-11-23T09:00:00.000Z')(applied.order, (await getContext(order.orderId))!);
    const write = {
      orderId: order.orderId,
      expectedVersion: 1,
      fromStatuses: ['customs-held' as const],
      change: { kind: 'correction' as const, order: { ...applied.order, status: result.toStatus } },
      check: result.check,
      ...(result.documents === undefined ? {} : { documents: result.documents }),
      event: result.event,
      at: '2026-11-23T09:00:00.000Z',
    };
    await expect(save(write)).resolves.toBe(true);
    // The same write again finds version 2 and changes nothing.
    await expect(save(write)).resolves.toBe(false);

    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.order(order.orderId) }));
    expect(Item).toMatchObject({
      status: 'documents-ready',
      version: 2,
      revisedAt: '2026-11-23T09:00:00.000Z',
      shipTo: { taxId: VALID_CPF, city: 'São Paulo' },
      certificates: [ANATEL],
      receivedAt: order.receivedAt,
    });
    expect((await getDocuments(order.orderId))?.orderVersion).toBe(2);
    const { Item: outbox } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.outbox(result.event.eventId) }));
    expect(outbox).toMatchObject({ detailType: 'customs.documents-ready', source: 'enlace.customs' });
  });
});
