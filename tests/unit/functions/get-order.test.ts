import { createOrder, type Order, type OrderStatus } from '../../../domain/order/order';
import { orderInputSchema } from '../../../domain/order/order-input';
import type { Tenant } from '../../../domain/shared/tenant';
import { type OrderTracking } from '../../../domain/tracking/order-progress';
import { buildGetOrderRoute } from '../../../functions/get-order/get-order';
import { httpHandler } from '../../../functions/shared/http/http-handler';
import { sampleOrderBody } from '../../fixtures/orders';
import { httpEvent, lambdaContext } from './http-fixtures';

const seller: Tenant = { tenantId: 'seller-sz-001', kind: 'seller', sellerIds: ['seller-sz-001'] };
const otherSeller: Tenant = { tenantId: 'seller-gz-002', kind: 'seller', sellerIds: ['seller-gz-002'] };

function orderIn(status: OrderStatus): Order {
  return { ...createOrder(orderInputSchema.parse(sampleOrderBody()), { orderId: 'ord_1', receivedAt: '2026-11-20T00:00:00.000Z' }), status };
}

const parcel = (status: OrderTracking['status']): OrderTracking => ({
  shipmentId: 'shp_1',
  carrier: 'correios',
  trackingNumber: 'NX482157365BR',
  status,
  subStatus: status === null ? null : 'x',
  since: status === null ? null : '2026-11-21T10:00:00.000Z',
  stalled: false,
});

function setup(order: Order, tracking: OrderTracking | undefined) {
  const reads: string[] = [];
  const handler = httpHandler(
    buildGetOrderRoute({
      getOrder: async (orderId) => (orderId === order.orderId ? order : undefined),
      getOrderTracking: async (orderId) => {
        reads.push(orderId);
        return tracking;
      },
    }),
  );
  const get = async (tenant: Tenant) => {
    const result = await handler(
      httpEvent({ method: 'GET', path: `/v1/orders/${order.orderId}`, pathParameters: { id: order.orderId }, tenant }),
      lambdaContext,
    );
    return { status: result.statusCode, body: JSON.parse(result.body ?? 'null') as Record<string, unknown> };
  };
  return { get, reads };
}

describe('GET /v1/orders/{id}', () => {
  it('follows the parcel once it is with the carriers: status, where it stands, a link to its timeline', async () => {
    const { get } = setup(orderIn('documents-ready'), parcel('delivered'));
    const response = await get(seller);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      orderId: 'ord_1',
      status: 'delivered',
      tracking: {
        shipmentId: 'shp_1',
        carrier: 'correios',
        trackingNumber: 'NX482157365BR',
        status: 'delivered',
        since: '2026-11-21T10:00:00.000Z',
        stalled: false,
      },
      links: { tracking: '/v1/shipments/shp_1/tracking' },
    });
  });

  it('keeps the pipeline status while no carrier has reported the parcel', async () => {
    const { get } = setup(orderIn('documents-ready'), parcel(null));
    expect((await get(seller)).body).toMatchObject({ status: 'documents-ready', tracking: { status: null } });
  });

  it('shows a documents hold as such, with the parcel beside it', async () => {
    const { get } = setup(orderIn('customs-held'), parcel('in-transit-international'));
    expect((await get(seller)).body).toMatchObject({ status: 'customs-held', tracking: { status: 'in-transit-international' } });
  });

  it('reads no tracking before a shipment is booked', async () => {
    const { get, reads } = setup(orderIn('rated'), parcel('delivered'));
    const response = await get(seller);
    expect(response.body.status).toBe('rated');
    expect(response.body.tracking).toBeUndefined();
    expect(reads).toEqual([]);
  });

  it("answers 404 for another seller's order without reading its parcel", async () => {
    const { get, reads } = setup(orderIn('documents-ready'), parcel('delivered'));
    expect((await get(otherSeller)).status).toBe(404);
    expect(reads).toEqual([]);
  });
});
