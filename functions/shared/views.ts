import type { Order } from '../../domain/order/order';

/** The public representation of an order (API v1): the stored order plus links to what hangs off it. */
export function orderView(order: Order) {
  return {
    ...order,
    links: {
      self: `/v1/orders/${order.orderId}`,
      quotes: `/v1/orders/${order.orderId}/quotes`,
      routing: `/v1/orders/${order.orderId}/routing`,
      documents: `/v1/orders/${order.orderId}/documents`,
    },
  };
}
