import type { Order } from '../../domain/order';
import type { PendingEvent } from '../../events/pending';
import type { IdempotencyRecord, SaveNewOrder } from '../../functions/shared/store/order-store';

/** An in-memory store with the same contract as the DynamoDB adapter: first writer of a (seller, marketplace, external id) key wins. */
export function fakeOrderStore() {
  const orders = new Map<string, Order>();
  const keys = new Map<string, IdempotencyRecord>();
  const events: PendingEvent[] = [];
  const saveNewOrder: SaveNewOrder = async (order, requestHash, event) => {
    const key = `${order.sellerId}#${order.marketplace}#${order.externalOrderId}`;
    const existing = keys.get(key);
    if (existing !== undefined) {
      return { kind: 'duplicate', existing };
    }
    keys.set(key, { orderId: order.orderId, sellerId: order.sellerId, requestHash });
    orders.set(order.orderId, order);
    events.push(event);
    return { kind: 'created' };
  };
  return {
    orders,
    events,
    saveNewOrder,
    getOrder: async (id: string) => orders.get(id),
    findOrderKey: async (order: Order) => keys.get(`${order.marketplace}#${order.externalOrderId}`),
    // Cross-border orders only: warehouse orders are tested against DynamoDB Local (tests/integration/warehouse-orders.int.test.ts).
    warehouseIntake: async (): Promise<never> => {
      throw new Error('this fake takes cross-border orders only');
    },
  };
}
