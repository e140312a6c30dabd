import type { GetOrder } from '../../domain/order';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { readOrderPart } from '../shared/http/owned-order';
import { jsonResponse } from '../shared/http/problem';
import type { GetRoutingDecision } from '../shared/store/routing-store';

/**
 * GET /v1/orders/{id}/routing: why this carrier — every candidate, why each excluded one could not
 * take the order, the score breakdown, volume shifts, booking attempts, and the explanation in words.
 */
export function buildGetRoutingRoute(deps: { readonly getOrder: GetOrder; readonly getDecision: GetRoutingDecision }): HttpRoute {
  return async ({ event, tenant }) => {
    const orderId = pathParameter(event, 'id');
    const { order, part: decision } = await readOrderPart(
      tenant,
      orderId,
      deps.getOrder,
      deps.getDecision,
      (current) => `Order "${orderId}" is ${current.status} and has not been routed yet; retry shortly.`,
    );
    return jsonResponse(200, { ...decision, orderStatus: order.status });
  };
}
