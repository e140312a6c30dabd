import type { GetOrder } from '../../domain/order/ports';
import { mayRead } from '../../domain/tenant';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { HttpError, jsonResponse, notFound } from '../shared/http/problem';
import type { GetRoutingDecision } from '../shared/store/routing-store';

/**
 * GET /v1/orders/{id}/routing: why this carrier — every candidate, why each excluded one could not
 * take the order, the score breakdown, volume shifts, booking attempts, and the explanation in words.
 */
export function buildGetRoutingRoute(deps: { readonly getOrder: GetOrder; readonly getDecision: GetRoutingDecision }): HttpRoute {
  return async ({ event, tenant }) => {
    const orderId = pathParameter(event, 'id');
    const [decision, order] = [await deps.getDecision(orderId), await deps.getOrder(orderId)];
    if (order === undefined || !mayRead(tenant, order)) {
      throw notFound(`No order "${orderId}".`);
    }
    if (decision === undefined) {
      throw new HttpError(404, 'Not Found', `Order "${orderId}" is ${order.status} and has not been routed yet; retry shortly.`, [], { 'retry-after': '1' });
    }
    return jsonResponse(200, { ...decision, orderStatus: order.status });
  };
}
