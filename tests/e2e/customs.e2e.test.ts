import { apiFetch } from '../setup/api-contract';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { sha256 } from '../../domain/customs/documents';
import { encodeCode128 } from '../../domain/customs/pdf';
import { customsDocumentsReadyV1, customsHeldV1 } from '../../events/customs';
import { createEvent, parseEvent, type EnlaceEvent } from '../../events/envelope';
import { shipmentRoutedV1 } from '../../events/shipment-routed';
import { keys } from '../../functions/shared/store/keys';
import { ANATEL, brOrderBody, SHIPMENT, TABLET, VALID_CPF } from '../fixtures/customs';
import { readPdf } from '../fixtures/pdf-text';
import { eventually, localClientConfig, localCloud, localDynamoDb } from '../setup/local-cloud-client';
import { TEST_KEYS } from '../setup/test-keys';

const sellerA = TEST_KEYS.sellerA.key;
const { documents: table } = localDynamoDb();
const eventBridge = new EventBridgeClient(localClientConfig(localCloud().eventbridge));
let counter = 0;

afterAll(() => eventBridge.destroy());

async function call(method: string, path: string, options: { body?: unknown; key?: string; accept?: string } = {}) {
  const response = await apiFetch(`${localCloud().api}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.key ?? sellerA}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/merge-patch+json' }),
      ...(options.accept === undefined ? {} : { accept: options.accept }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = Buffer.from(bytes).toString('utf8');
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // a PDF
  }
  return { status: response.status, headers: response.headers, bytes, json };
}

const statusOf = async (orderId: string) => String((await call('GET', `/v1/orders/${orderId}`)).json.status);

/** Is a handler on the bus taking order.rated (the routing engineer's), so that real shipment.routed events may come? */
async function routingIsWired(): Promise<boolean> {
  const wiring = (await (await fetch(`${localCloud().admin}/wiring`)).json()) as { functions: { entry: string }[] };
  return wiring.functions.some((fn) => fn.entry === 'functions/routing/handler.ts');
}

/**
 * Posts an order and waits until the pipeline has finished with it on its own (rated; or, when
 * routing is wired, routed and checked by customs, or unroutable), so that from then on this test
 * alone decides what happens to it.
 */
async function postSettledOrder(body: Record<string, unknown>): Promise<string> {
  const created = await call('POST', '/v1/orders', { body: { ...body, sellerId: 'seller-a', externalOrderId: `CUSTOMS-${Date.now()}-${(counter += 1)}` } });
  expect(created.status).toBe(201);
  const orderId = String(created.json.orderId);
  const routing = await routingIsWired();
  const settled = routing ? (status: string) => !['received', 'rated', 'routed'].includes(status) : (status: string) => status === 'rated';
  await eventually(async () => (settled(await statusOf(orderId)) ? true : undefined), 30_000, `order ${orderId} to settle`);
  return orderId;
}

/** Plays routing's part: the order is routed (set in the table) and shipment.routed is published with the real SDK. */
async function route(orderId: string, options: { trackingNumber: string; acceptsBatteries?: string[]; eventId: string }) {
  await table.send(
    new UpdateCommand({
      TableName: localCloud().table,
      Key: keys.order(orderId),
      UpdateExpression: 'SET #status = :routed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':routed': 'routed' },
    }),
  );
  const event = createEvent(
    shipmentRoutedV1,
    {
      orderId,
      shipment: { ...SHIPMENT, shipmentId: `shp_${orderId}`, orderId, sellerId: 'seller-a', trackingNumber: options.trackingNumber },
      acceptsBatteries: (options.acceptsBatteries ?? ['none', 'lithium-ion-in-equipment', 'lithium-metal-in-equipment']) as never,
      summary: 'Jadlog was chosen (customs e2e).',
    },
    { eventId: options.eventId, occurredAt: new Date().toISOString(), correlationId: orderId, sellerId: 'seller-a' },
  );
  const result = await eventBridge.send(
    new PutEventsCommand({ Entries: [{ EventBusName: 'enlace', Source: 'enlace.routing', DetailType: 'shipment.routed', Detail: JSON.stringify(event) }] }),
  );
  expect(result.FailedEntryCount).toBe(0);
}

async function waitForStatus(orderId: string, statuses: readonly string[]): Promise<string> {
  return eventually(
    async () => {
      const status = await statusOf(orderId);
      return statuses.includes(status) ? status : undefined;
    },
    30_000,
    `order ${orderId} to be ${statuses.join(' or ')}`,
  );
}

/** The customs event published in answer to one shipment.routed (its causation id). */
async function customsEventCausedBy(eventId: string): Promise<{ type: string; detail: unknown }> {
  return eventually(
    async () => {
      const events = (await (await fetch(`${localCloud().admin}/events`)).json()) as {
        'detail-type': string;
        detail: { metadata: { causationId?: string } };
      }[];
      const found = events.find((event) => event['detail-type'].startsWith('customs.') && event.detail.metadata.causationId === eventId);
      return found === undefined ? undefined : { type: found['detail-type'], detail: found.detail };
    },
    20_000,
    `the customs event caused by ${eventId}`,
  );
}

interface ListedDocument {
  type: string;
  documentType: string;
  contentHash: string;
  pdf: { sha256: string; sizeBytes: number };
  json: { sha256: string };
}

const unique = () => `${Date.now()}${(counter += 1)}`.slice(-9);

describe('customs documents through the local cloud', () => {
  it('holds a Brazilian order without a CPF with a clear reason; a PATCH with a valid CPF clears it with a CN23', async () => {
    // Earbuds (Li-ion in equipment) + a tablet that takes the value past the CN 22 limit + phone cases; ANATEL homologation on file.
    const base = brOrderBody({ withoutTaxId: true, body: { certificates: [{ agency: ANATEL.agency, reference: ANATEL.reference }] } });
    const orderId = await postSettledOrder({ ...base, items: [...(base.items as unknown[]), TABLET] });
    const trackingNumber = `EN${unique()}BR`;
    const routedId = `evt_e2e_held_${unique()}`;

    await route(orderId, { trackingNumber, eventId: routedId });

    expect(await waitForStatus(orderId, ['customs-held', 'documents-ready'])).toBe('customs-held');
    const held = await customsEventCausedBy(routedId);
    expect(held.type).toBe('customs.held');
    const problems = parseEvent(customsHeldV1, held.detail).data.problems.filter((problem) => problem.severity === 'error');
    expect(problems).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_MISSING', path: 'shipTo.taxId', message: expect.stringMatching(/CPF/) })]);
    const noDocuments = await call('GET', `/v1/orders/${orderId}/documents`);
    expect(noDocuments.status).toBe(404);
    expect(noDocuments.json.errors).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_MISSING' })]);

    // Another seller cannot see or correct it.
    expect((await call('PATCH', `/v1/orders/${orderId}`, { body: { shipTo: { taxId: VALID_CPF } }, key: TEST_KEYS.sellerB.key })).status).toBe(404);
    // An invalid CPF is taken (the request is well formed) and re-checked: still held, now for an invalid id.
    const invalid = await call('PATCH', `/v1/orders/${orderId}`, { body: { shipTo: { taxId: { type: 'CPF', value: '123.456.789-00' } } } });
    expect(invalid.status).toBe(200);
    expect(invalid.json).toMatchObject({
      version: 2,
      status: 'customs-held',
      customs: { outcome: 'held', problems: [expect.objectContaining({ code: 'RECIPIENT_TAX_ID_INVALID' })] },
    });

    const fixed = await call('PATCH', `/v1/orders/${orderId}`, { body: { shipTo: { taxId: VALID_CPF } } });
    expect(fixed.status).toBe(200);
    expect(fixed.json).toMatchObject({ version: 3, status: 'documents-ready', customs: { outcome: 'documents-ready', orderVersion: 3 } });

    const listed = await call('GET', `/v1/orders/${orderId}/documents`);
    expect(listed.status).toBe(200);
    const documents = listed.json.documents as ListedDocument[];
    expect(documents.map((document) => [document.type, document.documentType])).toEqual([
      ['commercial-invoice', 'commercial-invoice'],
      ['packing-list', 'packing-list'],
      ['customs-declaration', 'CN23'],
    ]);

    // Every PDF opens, carries the tracking number as text and as a Code 128 barcode, and the goods' HS codes.
    const barcode = encodeCode128(trackingNumber).modules;
    for (const type of ['commercial-invoice', 'packing-list', 'customs-declaration']) {
      const pdf = await call('GET', `/v1/orders/${orderId}/documents/${type}`, { accept: 'application/pdf' });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      // Byte for byte the file customs rendered (its size and hash were recorded when it was rendered), cut out of the packed object.
      const listedPdf = documents.find((document) => document.type === type)!.pdf;
      expect([pdf.bytes.byteLength, sha256(pdf.bytes)]).toEqual([listedPdf.sizeBytes, listedPdf.sha256]);
      expect(pdf.headers.get('etag')).toBe(`"${listedPdf.sha256}"`);
      const content = await readPdf(pdf.bytes);
      expect(content.document.getPageCount()).toBeGreaterThan(0);
      expect(content.text).toContain(trackingNumber);
      expect(content.barcode).toBe(barcode);
    }
    const invoice = await readPdf((await call('GET', `/v1/orders/${orderId}/documents/commercial-invoice`, { accept: 'application/pdf' })).bytes);
    for (const expected of ['8518.30', '8471.30', '3926.90', 'DDP', 'UN3481', 'CPF: 39053344705']) {
      expect(invoice.text).toContain(expected);
    }
    const cn23 = await readPdf((await call('GET', `/v1/orders/${orderId}/documents/cn23`, { accept: 'application/pdf' })).bytes);
    expect(cn23.text).toMatch(/CN ?23/);
    expect(cn23.text).toContain('8471.30');

    const json = await call('GET', `/v1/orders/${orderId}/documents/commercial-invoice`, { accept: 'application/json' });
    expect(sha256(json.bytes)).toBe(documents[0]!.json.sha256);
    expect(json.json).toMatchObject({
      incoterm: 'DDP',
      orderVersion: 3,
      trackingNumber,
      consignee: { taxId: { type: 'CPF' } },
      contentHash: documents[0]!.contentHash,
    });
    expect((json.json.lines as { hsCode: string }[]).map((line) => line.hsCode)).toEqual(['8518.30', '3926.90', '8471.30']);
    expect(json.json.batteryDeclarations).toEqual([
      expect.objectContaining({ sku: 'BT-EARBUDS-X2', unNumber: 'UN3481' }),
      expect.objectContaining({ sku: 'TAB-10', unNumber: 'UN3481' }),
    ]);

    // A short-lived link to the same bytes.
    const link = await call('GET', `/v1/orders/${orderId}/documents/commercial-invoice?link=true`);
    expect(link.status).toBe(200);
    const followed = await fetch(String((link.json.pdf as { url: string }).url));
    expect(followed.status).toBe(200);
    const served = await call('GET', `/v1/orders/${orderId}/documents/commercial-invoice`, { accept: 'application/pdf' });
    expect(Buffer.from(await followed.arrayBuffer()).equals(Buffer.from(served.bytes))).toBe(true);
    // The files are packed in one object per version: the link's file is copied out of it whole, the JSON's too.
    const followedJson = await fetch(String((link.json.json as { url: string }).url));
    expect(followedJson.headers.get('content-type')).toBe('application/json');
    expect(Buffer.from(await followedJson.arrayBuffer()).equals(Buffer.from(json.bytes))).toBe(true);
    // A second link finds the copies made by the first.
    const relinked = await call('GET', `/v1/orders/${orderId}/documents/commercial-invoice?link=true`);
    expect(Buffer.from(await (await fetch(String((relinked.json.pdf as { url: string }).url))).arrayBuffer()).equals(Buffer.from(served.bytes))).toBe(true);

    // customs.documents-ready went out for version 3.
    const ready = await eventually(
      async () => {
        const events = (await (await fetch(`${localCloud().admin}/events`)).json()) as {
          'detail-type': string;
          detail: EnlaceEvent<{ orderId: string; orderVersion: number }>;
        }[];
        return events.find(
          (event) => event['detail-type'] === 'customs.documents-ready' && event.detail.data.orderId === orderId && event.detail.data.orderVersion === 3,
        );
      },
      20_000,
      'customs.documents-ready',
    );
    expect(parseEvent(customsDocumentsReadyV1, ready.detail).data.documents.map((document) => document.contentHash)).toEqual(
      documents.map((document) => document.contentHash),
    );

    // Past customs, the order can no longer be corrected.
    await table.send(
      new UpdateCommand({
        TableName: localCloud().table,
        Key: keys.order(orderId),
        UpdateExpression: 'SET #status = :s',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':s': 'in-transit' },
      }),
    );
    expect((await call('PATCH', `/v1/orders/${orderId}`, { body: { shipTo: { taxId: null } } })).status).toBe(409);
  });

  it('gives a valid order its documents at once, and regenerates identical ones for the same version', async () => {
    const orderId = await postSettledOrder(brOrderBody({ body: { certificates: [ANATEL] } }));
    const trackingNumber = `EN${unique()}BR`;
    const firstId = `evt_e2e_ready_${unique()}`;
    await route(orderId, { trackingNumber, eventId: firstId });
    expect((await customsEventCausedBy(firstId)).type).toBe('customs.documents-ready');
    const first = await call('GET', `/v1/orders/${orderId}/documents`);
    expect(first.json).toMatchObject({ orderVersion: 1, status: 'documents-ready' });
    const firstPdf = await call('GET', `/v1/orders/${orderId}/documents/packing-list`, { accept: 'application/pdf' });

    // The same shipment delivered again after the order was put back (a replay): same version, same bytes.
    const secondId = `evt_e2e_again_${unique()}`;
    await route(orderId, { trackingNumber, eventId: secondId });
    expect((await customsEventCausedBy(secondId)).type).toBe('customs.documents-ready');
    const second = await call('GET', `/v1/orders/${orderId}/documents`);
    const pick = (list: unknown) =>
      (list as ListedDocument[]).map(({ type, documentType, contentHash, pdf, json }) => ({ type, documentType, contentHash, pdf, json }));
    expect(pick(second.json.documents)).toEqual(pick(first.json.documents));
    const secondPdf = await call('GET', `/v1/orders/${orderId}/documents/packing-list`, { accept: 'application/pdf' });
    expect(Buffer.from(secondPdf.bytes).equals(Buffer.from(firstPdf.bytes))).toBe(true);
  });

  it('declares UN3481 for a battery order and refuses it on a service that cannot fly batteries', async () => {
    const orderId = await postSettledOrder(brOrderBody({ body: { certificates: [ANATEL] } }));
    const eventId = `evt_e2e_battery_${unique()}`;
    await route(orderId, { trackingNumber: `EN${unique()}BR`, eventId, acceptsBatteries: ['none'] });
    const held = await customsEventCausedBy(eventId);
    expect(held.type).toBe('customs.held');
    const problems = parseEvent(customsHeldV1, held.detail).data.problems;
    expect(problems).toEqual([expect.objectContaining({ code: 'BATTERY_NOT_ACCEPTED_BY_SERVICE', path: 'items[0].batteryType', severity: 'error' })]);
    expect(problems[0]?.message).toContain('UN3481');
    expect(await statusOf(orderId)).toBe('customs-held');
  });
});
