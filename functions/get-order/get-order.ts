import type { GetOrder } from '../../domain/order/ports';
import { mayRead } from '../../domain/tenant';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { jsonResponse, notFound } from '../shared/http/problem';
import { orderView } from '../shared/views';

/**
 * GET /v1/orders/{id}. Another seller's order answers exactly as a missing one, so ids cannot be
 * probed across tenants.
 */
export function buildGetOrderRoute(deps: { readonly getOrder: GetOrder }): HttpRoute {
  return async ({ event, tenant }) => {
    const orderId = pathParameter(event, 'id');
    const order = await deps.getOrder(orderId);
    if (order === undefined || !mayRead(tenant, order)) {
      throw notFound(`No order "${orderId}".`);
    }
    return jsonResponse(200, orderView(order));
  };
}
