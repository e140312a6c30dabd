import { Logger } from '@aws-lambda-powertools/logger';
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { sha256 } from '../../domain/customs/documents';
import { PDFDocument } from 'pdf-lib';
import type { Order } from '../../domain/order/order';
import { applyCorrection, orderCorrectionSchema } from '../../domain/order/order-correction';
import { buildCustomsDocuments } from '../../functions/customs-documents/customs-documents';
import { buildCustomsStep } from '../../functions/shared/customs-step';
import {
  buildGetCustomsContext,
  buildGetOrderDocuments,
  buildSaveCustomsWrite,
  documentFileObject,
  type DocumentsRecord,
} from '../../functions/shared/store/customs-store';
import { buildGetDocumentFile, buildLinkToDocumentFile, buildPutDocumentFile, type DocumentFileObject } from '../../functions/shared/store/document-bucket';
import { packFiles } from '../../functions/shared/store/document-pack';
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

const keysIn = async (bucket: string, prefix: string) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((object) => object.Key).sort();
const objectBytes = async (bucket: string, key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray();
/** Every file of a stored record, JSON then PDF of each document, read as the reader reads them. */
const filesOf = (getFile: (file: DocumentFileObject) => Promise<Uint8Array | undefined>, record: DocumentsRecord) =>
  Promise.all(
    record.documents.flatMap((document) => [getFile(documentFileObject(record, document, 'json')), getFile(documentFileObject(record, document, 'pdf'))]),
  );

/** Three files packed as the customs step packs them, at orders/ord_X/v1/documents.bin. */
async function packedFixture(bucket: string) {
  const encode = (text: string) => new TextEncoder().encode(text);
  const contents = [encode('{"a":1}'), encode('%PDF-1.7 first\n\u0000\u00ff'), encode('{"b":"second"}')];
  const packed = packFiles(contents);
  await buildPutDocumentFile(s3, bucket)('orders/ord_X/v1/documents.bin', packed.bytes, 'application/octet-stream');
  const file = (index: number, key: string, format: 'json' | 'pdf'): DocumentFileObject => ({
    key,
    format,
    sizeBytes: contents[index]!.byteLength,
    sha256: sha256(contents[index]!),
    packed: { key: 'orders/ord_X/v1/documents.bin', range: packed.ranges[index]! },
  });
  return {
    contents,
    first: file(0, 'orders/ord_X/v1/commercial-invoice.json', 'json'),
    middle: file(1, 'orders/ord_X/v1/commercial-invoice.pdf', 'pdf'),
    last: file(2, 'orders/ord_X/v1/packing-list.json', 'json'),
  };
}

describe('document files in S3 (fauxqs)', () => {
  it('stores and reads back a whole file exactly (a record written before packing); a missing file is undefined', async () => {
    const bucket = await freshBucket();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80, 0x0a]);
    const file = { key: 'orders/ord_X/v1/packing-list.pdf', format: 'pdf' as const, sizeBytes: bytes.byteLength, sha256: sha256(bytes) };
    await buildPutDocumentFile(s3, bucket)(file.key, bytes, 'application/pdf');
    const read = await buildGetDocumentFile(s3, bucket)(file);
    expect(Buffer.from(read!).equals(Buffer.from(bytes))).toBe(true);
    await expect(buildGetDocumentFile(s3, bucket)({ ...file, key: 'orders/ord_X/v9/packing-list.pdf' })).resolves.toBeUndefined();
  });

  it('reads each packed file with one ranged GET, byte for byte; a missing packed object is undefined', async () => {
    const bucket = await freshBucket();
    const { contents, first, middle, last } = await packedFixture(bucket);
    const getFile = buildGetDocumentFile(s3, bucket);
    const read = await Promise.all([getFile(first), getFile(middle), getFile(last)]);
    read.forEach((bytes, index) => expect(Buffer.from(bytes!).equals(Buffer.from(contents[index]!))).toBe(true));
    await expect(getFile({ ...middle, packed: { ...middle.packed!, key: 'orders/ord_X/v9/documents.bin' } })).resolves.toBeUndefined();
  });

  it('refuses bytes that are not the recorded file (a wrong range), rather than serving them', async () => {
    const bucket = await freshBucket();
    const { middle } = await packedFixture(bucket);
    const shifted = { ...middle, packed: { ...middle.packed!, range: { ...middle.packed!.range, offset: middle.packed!.range.offset + 1 } } };
    await expect(buildGetDocumentFile(s3, bucket)(shifted)).rejects.toThrow(/not the stored file/);
  });

  it('presigns a GET of a whole file anyone can follow until it expires', async () => {
    const bucket = await freshBucket();
    const bytes = new TextEncoder().encode('%PDF-1.7 test');
    await buildPutDocumentFile(s3, bucket)('orders/ord_X/v1/commercial-invoice.pdf', bytes, 'application/pdf');
    const file = { key: 'orders/ord_X/v1/commercial-invoice.pdf', format: 'pdf' as const, sizeBytes: bytes.byteLength, sha256: sha256(bytes) };
    const url = await buildLinkToDocumentFile(s3, bucket)(file, { expiresInSeconds: 300, fileName: 'CI-ord_X-V1.pdf' });
    const parsed = new URL(url);
    expect(parsed.pathname).toBe(`/${bucket}/orders/ord_X/v1/commercial-invoice.pdf`);
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(parsed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(await response.text()).toBe('%PDF-1.7 test');
  });

  it('links a packed file by copying it to its own key on the first link; later links find it there', async () => {
    const bucket = await freshBucket();
    const { contents, middle } = await packedFixture(bucket);
    const link = buildLinkToDocumentFile(s3, bucket);
    expect(await keysIn(bucket, 'orders/')).toEqual(['orders/ord_X/v1/documents.bin']);

    const url = await link(middle, { expiresInSeconds: 300, fileName: 'CI-ord_X-V1.pdf' });
    expect(new URL(url).pathname).toBe(`/${bucket}/orders/ord_X/v1/commercial-invoice.pdf`);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(contents[1]!))).toBe(true);
    expect(await keysIn(bucket, 'orders/')).toEqual(['orders/ord_X/v1/commercial-invoice.pdf', 'orders/ord_X/v1/documents.bin']);

    // Without the packed object a second link can only work from the copy the first one made.
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'orders/ord_X/v1/documents.bin' }));
    const again = await fetch(await link(middle, { expiresInSeconds: 300, fileName: 'CI-ord_X-V1.pdf' }));
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(contents[1]!))).toBe(true);
  });
});

describe('customs documents against DynamoDB Local and fauxqs', () => {
  it('moves a passing order to documents-ready with its files in one object, regenerates it byte for byte, and packs a correction apart', async () => {
    const order = orderFrom(brOrderBody({ body: { certificates: [ANATEL] } }), { orderId: `ord_${randomUUID()}` });
    const { consume, bucket, save, getOrder, getDocuments, getFile, getContext, customsStep } = await setup(order);

    await consume(routedEvent(order), log);

    expect((await getOrder(order.orderId))?.status).toBe('documents-ready');
    const record = (await getDocuments(order.orderId))!;
    expect(record.documents).toHaveLength(3);
    expect(await getContext(order.orderId)).toMatchObject({ trackingNumber: 'EN100842213BR', routedEventId: 'evt_routed' });
    // One object for the version, holding every file.
    expect(await keysIn(bucket, `orders/${order.orderId}/`)).toEqual([`orders/${order.orderId}/v1/documents.bin`]);
    const before = await filesOf(getFile, record);
    before.forEach((bytes, index) => {
      const stored = record.documents[Math.floor(index / 2)]![index % 2 === 0 ? 'json' : 'pdf'];
      expect(sha256(bytes!)).toBe(stored.sha256);
    });
    const invoicePdf = await PDFDocument.load(before[1]!);
    expect(invoicePdf.getTitle()).toMatch(/Commercial invoice/i);
    const packedBefore = await objectBytes(bucket, `orders/${order.orderId}/v1/documents.bin`);

    // A later retry of the same order version (another day, another event id) writes the same bytes.
    const again = await customsStep('2026-11-25T18:00:00.000Z')(order, (await getContext(order.orderId))!);
    expect(again.documents?.documents).toEqual(record.documents);
    const after = await filesOf(getFile, record);
    after.forEach((bytes, index) => expect(Buffer.from(bytes!).equals(Buffer.from(before[index]!))).toBe(true));
    expect(Buffer.from(await objectBytes(bucket, `orders/${order.orderId}/v1/documents.bin`)).equals(Buffer.from(packedBefore))).toBe(true);

    // A correction is a new version: a new object beside the old one, which stays as it was.
    const applied = applyCorrection(order, orderCorrectionSchema.parse({ items: [{ sku: 'PHONE-CASE-14', description: 'Silicone phone case' }] }), {
      at: '2026-11-26T09:00:00.000Z',
    });
    if (!applied.ok) throw new Error('expected a corrected order');
    const corrected = await customsStep('2026-11-26T09:00:00.000Z')(applied.order, (await getContext(order.orderId))!);
    await expect(
      save({
        orderId: order.orderId,
        expectedVersion: 1,
        fromStatuses: ['documents-ready'],
        change: { kind: 'correction', order: { ...applied.order, status: corrected.toStatus } },
        check: corrected.check,
        ...(corrected.documents === undefined ? {} : { documents: corrected.documents }),
        event: corrected.event,
        at: '2026-11-26T09:00:00.000Z',
      }),
    ).resolves.toBe(true);
    expect(await keysIn(bucket, `orders/${order.orderId}/`)).toEqual([`orders/${order.orderId}/v1/documents.bin`, `orders/${order.orderId}/v2/documents.bin`]);
    expect(Buffer.from(await objectBytes(bucket, `orders/${order.orderId}/v1/documents.bin`)).equals(Buffer.from(packedBefore))).toBe(true);
    const v2 = (await getDocuments(order.orderId))!;
    expect(v2).toMatchObject({ orderVersion: 2, packedKey: `orders/${order.orderId}/v2/documents.bin` });
    const v2Invoice = JSON.parse(Buffer.from((await filesOf(getFile, v2))[0]!).toString('utf8')) as { lines: { description: string }[] };
    expect(v2Invoice.lines.map((line) => line.description)).toContain('Silicone phone case');
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
