import type { GetOrder } from '../../domain/order';
import { createOrder, intakeWarnings, orderInputSchema, type Order } from '../../domain/order';
import { canonicalJson } from '../../domain/shared/canonical-json';
import { mayActFor } from '../../domain/shared/tenant';
import { createEvent } from '../../events/envelope';
import { orderReceivedV1 } from '../../events/order-received';
import { toPending } from '../../events/pending';
import type { HttpRoute } from '../shared/http/http-handler';
import { conflict, forbidden, HttpError, jsonResponse, validationError } from '../shared/http/problem';
import { newId, sha256Hex } from '../shared/ids';
import { logger, metrics } from '../shared/observability';
import { type SaveNewOrder } from '../shared/store/order-store';
import { orderView } from '../shared/views';

/** Marketplace orders are a few KB; 128 KB leaves room for 100 items and keeps the event under EventBridge's 256 KB. */
export const MAX_ORDER_BYTES = 128 * 1024;

export interface OrderIntakeDeps {
  readonly saveNewOrder: SaveNewOrder;
  readonly getOrder: GetOrder;
  readonly newOrderId?: () => string;
  readonly newEventId?: () => string;
  readonly now?: () => Date;
}

/** POST /v1/orders: parse → check the tenant → decide (the order) → write (order, key, event) atomically. */
export function buildOrderIntake(deps: OrderIntakeDeps): HttpRoute {
  const { saveNewOrder, getOrder, newOrderId = () => newId('ord'), newEventId = () => newId('evt'), now = () => new Date() } = deps;
  return async ({ body, tenant }) => {
    const parsed = orderInputSchema.safeParse(body);
    if (!parsed.success) {
      throw validationError(parsed.error.issues);
    }
    const input = parsed.data;
    if (!mayActFor(tenant, input.sellerId)) {
      throw forbidden(`This API key may not place orders for seller "${input.sellerId}".`);
    }

    const receivedAt = now().toISOString();
    const order = createOrder(input, { orderId: newOrderId(), receivedAt, warnings: intakeWarnings(input) });
    const event = createEvent(
      orderReceivedV1,
      { order },
      { eventId: newEventId(), occurredAt: receivedAt, correlationId: order.orderId, sellerId: order.sellerId },
    );
    const requestHash = sha256Hex(canonicalJson(body));

    const outcome = await saveNewOrder(order, requestHash, toPending(event));
    if (outcome.kind === 'created') {
      logger.info('order received', { orderId: order.orderId, sellerId: order.sellerId, correlationId: order.orderId });
      metrics.addMetric('OrdersReceived', 'Count', 1);
      return created(order, false);
    }
    const { existing } = outcome;
    // The key is the seller's own (the store scopes it), so this says nothing about other sellers' orders.
    if (existing.requestHash !== requestHash || existing.sellerId !== input.sellerId) {
      throw conflict(
        `Order "${input.externalOrderId}" from ${input.marketplace} was already received for seller "${input.sellerId}" with a different body. ` +
          'Send the original body to retry, or a new externalOrderId for a new order.',
      );
    }
    const stored = await getOrder(existing.orderId);
    if (stored === undefined) {
      throw new HttpError(500, 'Internal Server Error', 'The order was accepted but cannot be read back yet; retry shortly.');
    }
    return created(stored, true);
  };
}

function created(order: Order, replayed: boolean) {
  return jsonResponse(201, orderView(order), {
    location: `/v1/orders/${order.orderId}`,
    ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
}
