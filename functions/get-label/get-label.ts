import type { GetOrder } from '../../domain/order';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { readOrderPart } from '../shared/http/owned-order';
import type { GetOrderLabel } from '../shared/store/routing-store';

/** GET /v1/orders/{id}/label: the 4×6 in ZPL II label of the booked shipment, ready for a thermal printer. */
export function buildGetLabelRoute(deps: { readonly getOrder: GetOrder; readonly getLabel: GetOrderLabel }): HttpRoute {
  return async ({ event, tenant }) => {
    const orderId = pathParameter(event, 'id');
    const { part: label } = await readOrderPart(
      tenant,
      orderId,
      deps.getOrder,
      deps.getLabel,
      (order) => `Order "${orderId}" is ${order.status} and has no label yet; retry shortly.`,
    );
    return {
      statusCode: 200,
      headers: {
        'content-type': 'application/zpl; charset=utf-8',
        'content-disposition': `inline; filename="${label.trackingNumber}.zpl"`,
        'x-tracking-number': label.trackingNumber,
      },
      body: label.zpl,
    };
  };
}
