import type { GetOrder, Order } from '../../../domain/order';
import { mayRead, type Tenant } from '../../../domain/shared/tenant';
import { HttpError, notFound } from './problem';

/**
 * Reads something a pipeline step stores beside an order (quotes, routing decision, label…) for a
 * tenant. The part is read first: it is written in the same transaction that moves the order, so
 * the order read after it shows at least that step's status. Another seller's order answers 404
 * exactly like a missing one; a part not produced yet answers 404 with Retry-After.
 */
export async function readOrderPart<T>(
  tenant: Tenant,
  orderId: string,
  getOrder: GetOrder,
  getPart: (orderId: string) => Promise<T | undefined>,
  missing: (order: Order) => string,
): Promise<{ order: Order; part: T }> {
  const part = await getPart(orderId);
  const order = await getOrder(orderId);
  if (order === undefined || !mayRead(tenant, order)) {
    throw notFound(`No order "${orderId}".`);
  }
  if (part === undefined) {
    throw new HttpError(404, 'Not Found', missing(order), [], { 'retry-after': '1' });
  }
  return { order, part };
}
