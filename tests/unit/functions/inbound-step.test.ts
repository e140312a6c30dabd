import type { InboundShipment } from '../../../domain/inbound';
import type { Tenant } from '../../../domain/shared/tenant';
import { httpHandler } from '../../../functions/shared/http/http-handler';
import { buildInboundStep, InboundBusyError, MAX_INBOUND_ATTEMPTS } from '../../../functions/shared/inbound-step';
import { buildWarehouseRoutes, MAX_OPERATION_BYTES } from '../../../functions/warehouse-operations/warehouse-operations';
import { httpEvent, lambdaContext } from './http-fixtures';

/** A shipment store whose writes lose to another writer `losses` times (the version moved), then win. */
function contended(losses: number) {
  let version = 1;
  let lost = 0;
  const sleeps: number[] = [];
  const step = buildInboundStep({
    getInbound: async () => ({ inboundShipmentId: 'inb_1', version }) as unknown as InboundShipment,
    saveInboundChange: async ({ expectedVersion }) => {
      if (lost < losses) {
        lost += 1;
        version += 1; // someone else wrote meanwhile
        return 'conflict';
      }
      if (expectedVersion !== version) return 'conflict';
      version += 1;
      return 'saved';
    },
    sleep: async (ms) => void sleeps.push(ms),
  });
  const decide = (current: InboundShipment) => ({ shipment: { ...current, version: current.version + 1 }, events: [] });
  return { step: () => step('inb_1', decide), sleeps };
}

describe('the inbound step under contention', () => {
  it('re-reads and decides again until it wins: ten writers on one shipment all land', async () => {
    const { step, sleeps } = contended(10);
    await expect(step()).resolves.toMatchObject({ kind: 'changed' });
    expect(sleeps).toHaveLength(10);
    expect(sleeps.every((ms) => ms >= 0 && ms <= 500)).toBe(true);
  });

  it(`gives up after ${MAX_INBOUND_ATTEMPTS} lost rounds with InboundBusyError (a 503 the client may repeat), not a silent drop`, async () => {
    const { step, sleeps } = contended(Number.POSITIVE_INFINITY);
    await expect(step()).rejects.toBeInstanceOf(InboundBusyError);
    expect(sleeps).toHaveLength(MAX_INBOUND_ATTEMPTS - 1);
  });
});

describe('a warehouse receipt that keeps losing to other writers', () => {
  it('answers 503 with Retry-After (the same receipt again is safe), never a 500', async () => {
    const operator: Tenant = { tenantId: 'operator-mx', kind: 'warehouse', sellerIds: [], warehouseCode: 'MX-CTT-01' };
    const handler = httpHandler(
      buildWarehouseRoutes({
        getInbound: async () =>
          ({ inboundShipmentId: 'inb_1', warehouseCode: 'MX-CTT-01', sellerId: 'seller-sz-001', version: 3 }) as unknown as InboundShipment,
        listWarehouseInbound: async () => ({ items: [] }),
        inboundStep: async () => {
          throw new InboundBusyError('inbound shipment inb_1 kept changing under 12 attempts; retry');
        },
        getProducts: async () => new Map(),
        applyStockOperation: async () => 'applied',
        fxTables: [],
        newEventId: () => 'evt_1',
      }),
      { jsonBody: { maxBytes: MAX_OPERATION_BYTES } },
    );
    const response = await handler(
      httpEvent({
        method: 'POST',
        path: '/v1/warehouses/{code}/receipts',
        pathParameters: { code: 'MX-CTT-01' },
        tenant: operator,
        body: JSON.stringify({
          inboundShipmentId: 'inb_1',
          receiptId: 'r-1',
          cartons: [{ cartonId: 'C1', lines: [{ sku: 'BT-EARBUDS-X2', good: 1, damaged: 0 }] }],
        }),
      }),
      lambdaContext,
    );
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('1');
    expect((JSON.parse(response.body ?? '{}') as { detail: string }).detail).toContain('the same request again is safe');
  });
});
