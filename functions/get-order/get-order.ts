import type { GetOrder } from '../../domain/order';
import { mayRead } from '../../domain/shared/tenant';
import { hasBookedShipment, type GetOrderTracking } from '../../domain/tracking';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { jsonResponse, notFound } from '../shared/http/problem';
import { orderView } from '../shared/views';

/**
 * GET /v1/orders/{id}. Another seller's order answers exactly as a missing one, so ids cannot be
 * probed across tenants. Once a shipment is booked, the parcel's current tracking is read too (two
 * small GetItems) and the order's status follows it: carrier scans never write the order.
 */
export function buildGetOrderRoute(deps: { readonly getOrder: GetOrder; readonly getOrderTracking: GetOrderTracking }): HttpRoute {
  return async ({ event, tenant }) => {
    const orderId = pathParameter(event, 'id');
    const order = await deps.getOrder(orderId);
    if (order === undefined || !mayRead(tenant, order)) {
      throw notFound(`No order "${orderId}".`);
    }
    const tracking = hasBookedShipment(order.status) ? await deps.getOrderTracking(orderId) : undefined;
    return jsonResponse(200, orderView(order, tracking));
  };
}
