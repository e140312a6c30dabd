import type { Order } from '../../../domain/order/order';
import type { Tenant } from '../../../domain/shared/tenant';
import { customsDocumentsReadyV1, customsHeldV1 } from '../../../events/customs';
import { parseEvent } from '../../../events/envelope';
import { buildCorrectOrderRoute, MAX_CORRECTION_BYTES } from '../../../functions/correct-order/correct-order';
import { buildCustomsStep } from '../../../functions/shared/customs-step';
import { httpHandler } from '../../../functions/shared/http/http-handler';
import { fakeBucket, fakeCustomsTable } from '../../fakes/customs';
import { ANATEL, brOrderBody, contextFor, orderFrom, VALID_CPF } from '../../fixtures/customs';
import { brazilDomesticOrderBody } from '../../fixtures/domestic-orders';
import { httpEvent, lambdaContext } from './http-fixtures';

const seller: Tenant = { tenantId: 'seller-sz-001', kind: 'seller', sellerIds: ['seller-sz-001'] };
const other: Tenant = { tenantId: 'seller-b', kind: 'seller', sellerIds: ['seller-b'] };
const NOW = new Date('2026-11-23T09:00:00.000Z');

/** A routed order already checked (held or ready), so its customs context is on file. */
function setup(order: Order, options: { checked?: boolean } = {}) {
  const table = fakeCustomsTable(order);
  if (options.checked ?? true) {
    table.stored.context = contextFor(order);
  }
  const bucket = fakeBucket();
  const handler = httpHandler(
    buildCorrectOrderRoute({
      getOrder: table.getOrder,
      getCustomsContext: table.getCustomsContext,
      getCustomsCheck: table.getCustomsCheck,
      customsStep: buildCustomsStep({ putFile: bucket.putFile, newEventId: () => 'evt_patch', now: () => NOW }),
      save: (write) => table.save(write),
      now: () => NOW,
    }),
    { jsonBody: { maxBytes: MAX_CORRECTION_BYTES } },
  );
  const patch = async (body: unknown, options: { tenant?: Tenant; headers?: Record<string, string>; orderId?: string } = {}) => {
    const response = await handler(
      httpEvent({
        method: 'PATCH',
        path: `/v1/orders/${options.orderId ?? order.orderId}`,
        pathParameters: { id: options.orderId ?? order.orderId },
        body: JSON.stringify(body),
        tenant: options.tenant ?? seller,
        headers: { 'content-type': 'application/merge-patch+json', ...options.headers },
      }),
      lambdaContext,
    );
    return {
      ...response,
      json: JSON.parse(response.body ?? '{}') as Record<string, unknown> & {
        customs: { outcome: string; problems: { code: string }[] };
        errors?: { path: string }[];
      },
    };
  };
  return { table, bucket, patch };
}

const heldWithoutCpf = () => orderFrom(brOrderBody({ withoutTaxId: true, body: { certificates: [ANATEL] } }), { status: 'customs-held' });

describe('PATCH /v1/orders/{id}', () => {
  it('adds the CPF to a held order, re-runs the checks and answers with the order documents-ready', async () => {
    const { table, bucket, patch } = setup(heldWithoutCpf());
    const response = await patch({ shipTo: { taxId: VALID_CPF } });

    expect(response.statusCode).toBe(200);
    expect(response.headers?.etag).toBe('"2"');
    expect(response.json).toMatchObject({
      orderId: 'ord_C1',
      version: 2,
      status: 'documents-ready',
      revisedAt: NOW.toISOString(),
      customs: { outcome: 'documents-ready', orderVersion: 2, problems: [] },
    });
    expect(table.order).toMatchObject({ version: 2, status: 'documents-ready' });
    expect(table.writes[0]).toMatchObject({ expectedVersion: 1, fromStatuses: ['customs-held'], change: { kind: 'correction' } });
    const ready = parseEvent(customsDocumentsReadyV1, table.outbox[0]);
    expect(ready.data).toMatchObject({ orderId: 'ord_C1', orderVersion: 2 });
    // One object for the new version: the documents of version 1 (if any) are never overwritten.
    expect([...bucket.objects.keys()]).toEqual(['orders/ord_C1/v2/documents.bin']);
    expect(table.stored.documents?.packedKey).toBe('orders/ord_C1/v2/documents.bin');
  });

  it('keeps an order held when problems remain, listing them, and drops the documents of the earlier version', async () => {
    const { table, patch } = setup(orderFrom(brOrderBody({ body: { certificates: [ANATEL] } }), { status: 'documents-ready' }));
    const response = await patch({ certificates: null });
    expect(response.statusCode).toBe(200);
    expect(response.json).toMatchObject({ status: 'customs-held', customs: { outcome: 'held' } });
    expect(response.json.customs.problems.map((problem) => problem.code)).toEqual(['CERTIFICATE_REQUIRED']);
    expect(parseEvent(customsHeldV1, table.outbox[0]).data.problems).toHaveLength(1);
    expect(table.writes[0]?.check?.outcome).toBe('held');
    expect(table.writes[0]?.documents).toBeUndefined();
    expect(table.stored.documents).toBeUndefined();
  });

  it('corrects an order not yet booked without checking it: customs runs when routing books it', async () => {
    const { table, bucket, patch } = setup(orderFrom(brOrderBody({ withoutTaxId: true }), { status: 'rated' }), { checked: false });
    const response = await patch({ shipTo: { taxId: VALID_CPF } });
    expect(response.statusCode).toBe(200);
    expect(response.json).toMatchObject({ status: 'rated', version: 2, customs: { outcome: 'pending', problems: [] } });
    expect(table.writes[0]?.check).toBeUndefined();
    expect(table.writes[0]?.documents).toBeUndefined();
    expect(table.writes[0]?.event).toBeUndefined();
    expect(bucket.objects.size).toBe(0);
  });

  it('says customs is not required (not pending) when correcting a domestic order: its parcel crosses no border', async () => {
    const order = orderFrom(brazilDomesticOrderBody(), { status: 'routed' });
    const { table, patch } = setup(order, { checked: false });
    const response = await patch({ items: [{ sku: String(order.items[0]!.sku), description: 'Fones de ouvido Bluetooth sem fio' }] });
    expect(response.statusCode).toBe(200);
    expect(response.json).toMatchObject({ status: 'routed', version: 2, customs: { outcome: 'not-required', problems: [] } });
    expect(String((response.json.customs as unknown as { note: string }).note)).toContain('BR-SP-01');
    expect(table.writes[0]?.check).toBeUndefined();
  });

  it('answers 400 naming every invalid field, and writes nothing', async () => {
    const { table, patch } = setup(heldWithoutCpf());
    const response = await patch({ shipTo: { taxId: { type: 'CPF', value: '' } }, items: [{ sku: 'BT-EARBUDS-X2', hsCode: 'abc' }], marketplace: 'temu' });
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(response.json.errors?.map((error) => error.path)).toEqual(expect.arrayContaining(['shipTo.taxId.value', 'items.0.hsCode', '(body)']));
    expect(table.writes).toHaveLength(0);
  });

  it('answers 400 for skus the order does not hold', async () => {
    const { patch } = setup(heldWithoutCpf());
    const response = await patch({ items: [{ sku: 'GHOST', description: 'A ghost' }] });
    expect(response.statusCode).toBe(400);
    expect(response.json.errors).toEqual([{ path: 'items.0.sku', code: 'custom', message: 'the order has no item with sku "GHOST"' }]);
  });

  it('answers 409 once the parcel is past customs', async () => {
    const { table, patch } = setup({ ...heldWithoutCpf(), status: 'in-transit' });
    const response = await patch({ shipTo: { taxId: VALID_CPF } });
    expect(response.statusCode).toBe(409);
    expect(String(response.json.detail)).toMatch(/in-transit/);
    expect(table.writes).toHaveLength(0);
  });

  it('answers 409 when the order changed between the read and the write', async () => {
    const { table, patch } = setup(heldWithoutCpf());
    const save = table.save;
    table.save = async (write) => {
      table.order = { ...table.order, version: 5 };
      return save(write);
    };
    const response = await patch({ shipTo: { taxId: VALID_CPF } });
    expect(response.statusCode).toBe(409);
  });

  it('answers 412 carrying the current ETag when If-Match names another version, and changes nothing', async () => {
    const { table, patch } = setup(heldWithoutCpf());
    const stale = await patch({ shipTo: { taxId: VALID_CPF } }, { headers: { 'if-match': '"7"' } });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers?.etag).toBe('"1"');
    expect(stale.json.detail).toContain('"1"');
    expect(table.writes).toHaveLength(0);
    expect((await patch({ shipTo: { taxId: VALID_CPF } }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
  });

  it.each([
    ['*', 200],
    ['"1"', 200],
    ['"7", "1"', 200],
    [' "1" ', 200],
    ['W/"1"', 412], // weak tags never match under If-Match (RFC 9110 §13.1.1)
    ['W/"7"', 412],
    ['"7"', 412],
    ['"7", W/"1"', 412],
  ])('If-Match %s → %d', async (ifMatch, status) => {
    const { table, patch } = setup(heldWithoutCpf());
    const response = await patch({ shipTo: { taxId: VALID_CPF } }, { headers: { 'if-match': ifMatch } });
    expect(response.statusCode).toBe(status);
    expect(table.writes).toHaveLength(status === 200 ? 1 : 0);
    expect(response.headers?.etag).toBe(status === 200 ? '"2"' : '"1"');
  });

  it.each(['1', '"1', 'abc', '', 'W/1', '"1",,"2"', '"a"b"'])('answers 400 naming If-Match for a malformed header %j, and changes nothing', async (ifMatch) => {
    const { table, patch } = setup(heldWithoutCpf());
    const response = await patch({ shipTo: { taxId: VALID_CPF } }, { headers: { 'if-match': ifMatch } });
    expect(response.statusCode).toBe(400);
    expect(response.json.errors).toEqual([expect.objectContaining({ path: 'If-Match' })]);
    expect(table.writes).toHaveLength(0);
  });

  it("answers another seller's order exactly like a missing one", async () => {
    const { patch } = setup(heldWithoutCpf());
    const asOther = await patch({ shipTo: { taxId: VALID_CPF } }, { tenant: other });
    const missing = await patch({ shipTo: { taxId: VALID_CPF } }, { orderId: 'ord_missing' });
    expect(asOther.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(asOther.json.title).toBe(missing.json.title);
  });

  it('makes no new version for a retried correction', async () => {
    const { table, patch } = setup(heldWithoutCpf());
    await patch({ shipTo: { taxId: VALID_CPF } });
    const again = await patch({ shipTo: { taxId: VALID_CPF } });
    expect(again.statusCode).toBe(200);
    expect(again.json).toMatchObject({ version: 2, status: 'documents-ready', customs: { outcome: 'documents-ready', orderVersion: 2 } });
    expect(table.writes).toHaveLength(1);
  });
});
