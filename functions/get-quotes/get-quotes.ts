import type { GetOrder } from '../../domain/order/ports';
import { mayRead } from '../../domain/tenant';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { HttpError, jsonResponse, notFound } from '../shared/http/problem';
import type { GetOrderQuotes } from '../shared/store/quote-store';

/** GET /v1/orders/{id}/quotes: every service's itemised quote for the order, and why the others cannot take it. */
export function buildGetQuotesRoute(deps: { readonly getOrder: GetOrder; readonly getQuotes: GetOrderQuotes }): HttpRoute {
  return async ({ event, tenant }) => {
    const orderId = pathParameter(event, 'id');
    // Quotes first: they are written in the same transaction that moves the order, so an order read
    // after them shows at least that step's status.
    const [quotes, order] = [await deps.getQuotes(orderId), await deps.getOrder(orderId)];
    if (order === undefined || !mayRead(tenant, order)) {
      throw notFound(`No order "${orderId}".`);
    }
    if (quotes === undefined) {
      // Rating runs moments after intake; tell the client when to look again.
      throw new HttpError(404, 'Not Found', `Order "${orderId}" is ${order.status} and has no quotes yet; retry shortly.`, [], { 'retry-after': '1' });
    }
    return jsonResponse(200, { orderId, status: order.status, ratedAt: quotes.ratedAt, ...quotes.result });
  };
}
