import type { Order } from '../../domain/order';
import { orderStatusWithTracking, type OrderTracking } from '../../domain/tracking';

/**
 * The public representation of an order (API v1): the stored order plus links to what hangs off it
 * and, once a shipment is booked and its tracking was read, where the parcel stands; `status` then
 * follows the parcel (domain/order/order-progress.ts).
 */
export function orderView({ destination: _parsed, ...order }: Order, tracking?: OrderTracking) {
  return {
    ...order,
    status: orderStatusWithTracking(order.status, tracking?.status ?? null),
    ...(tracking === undefined ? {} : { tracking }),
    links: {
      self: `/v1/orders/${order.orderId}`,
      quotes: `/v1/orders/${order.orderId}/quotes`,
      routing: `/v1/orders/${order.orderId}/routing`,
      documents: `/v1/orders/${order.orderId}/documents`,
      ...(tracking === undefined ? {} : { tracking: `/v1/shipments/${tracking.shipmentId}/tracking` }),
    },
  };
}
