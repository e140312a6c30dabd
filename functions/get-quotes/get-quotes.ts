import type { GetOrder } from '../../domain/order';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { readOrderPart } from '../shared/http/owned-order';
import { jsonResponse } from '../shared/http/problem';
import type { GetOrderQuotes } from '../shared/store/rating-store';

/** GET /v1/orders/{id}/quotes: every service's itemised quote for the order, and why the others cannot take it. */
export function buildGetQuotesRoute(deps: { readonly getOrder: GetOrder; readonly getQuotes: GetOrderQuotes }): HttpRoute {
  return async ({ event, tenant }) => {
    const orderId = pathParameter(event, 'id');
    const { order, part: quotes } = await readOrderPart(
      tenant,
      orderId,
      deps.getOrder,
      deps.getQuotes,
      (current) => `Order "${orderId}" is ${current.status} and has no quotes yet; retry shortly.`,
    );
    return jsonResponse(200, { orderId, status: order.status, ratedAt: quotes.ratedAt, ...quotes.result });
  };
}
