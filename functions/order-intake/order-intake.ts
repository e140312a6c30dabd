import type { GetOrder } from '../../domain/order';
import { createOrder, intakeWarnings, orderInputSchema, type Order } from '../../domain/order';
import { canonicalJson } from '../../domain/shared/canonical-json';
import { mayActFor } from '../../domain/shared/tenant';
import { createEvent } from '../../events/envelope';
import { orderReceivedV1 } from '../../events/order-received';
import { toPending } from '../../events/pending';
import { isWarehouseOrder } from '../../domain/fulfilment';
import type { HttpRoute } from '../shared/http/http-handler';
import { badRequest, conflict, forbidden, HttpError, jsonResponse, validationError } from '../shared/http/problem';
import { newId, sha256Hex } from '../shared/ids';
import { logger, metrics } from '../shared/observability';
import { type FindOrderKey, type SaveNewOrder } from '../shared/store/order-store';
import { orderView } from '../shared/views';
import { refusedForStock, warehouseOriginProblems, type buildWarehouseIntake } from './warehouse-intake';

/** Marketplace orders are a few KB; 128 KB leaves room for 100 items and keeps the event under EventBridge's 256 KB. */
export const MAX_ORDER_BYTES = 128 * 1024;

export interface OrderIntakeDeps {
  readonly saveNewOrder: SaveNewOrder;
  readonly getOrder: GetOrder;
  /** Warehouse (local) orders: allocation at intake (warehouse-intake.ts). */
  readonly warehouseIntake: ReturnType<typeof buildWarehouseIntake>;
  readonly findOrderKey: FindOrderKey;
  readonly newOrderId?: () => string;
  readonly newEventId?: () => string;
  readonly now?: () => Date;
}

/** POST /v1/orders: parse → check the tenant → decide (the order) → write (order, key, event) atomically. */
export function buildOrderIntake(deps: OrderIntakeDeps): HttpRoute {
  const {
    saveNewOrder,
    getOrder,
    warehouseIntake,
    findOrderKey,
    newOrderId = () => newId('ord'),
    newEventId = () => newId('evt'),
    now = () => new Date(),
  } = deps;
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
    let order = createOrder(input, { orderId: newOrderId(), receivedAt, warnings: intakeWarnings(input) });
    const requestHash = sha256Hex(canonicalJson(body));

    let outcome;
    if (isWarehouseOrder(input)) {
      const problems = warehouseOriginProblems(input);
      if (problems.length > 0) throw badRequest('This order cannot ship from a warehouse as sent.', problems);
      const placed = await warehouseIntake(order, requestHash, { chooseWarehouse: input.fulfilment === 'warehouse' });
      order = placed.order;
      if (placed.outcome.kind === 'insufficient') throw new Error('the warehouse intake returned an unresolved shortage');
      if (placed.outcome.kind === 'refused') {
        // A retry of an order accepted before the stock ran out answers as it did then.
        const existing = await findOrderKey(order);
        if (existing === undefined) throw refusedForStock(placed.outcome.shortages, placed.outcome.warehouseCode);
        outcome = { kind: 'duplicate' as const, existing };
      } else {
        outcome = placed.outcome;
      }
    } else {
      const event = createEvent(
        orderReceivedV1,
        { order },
        { eventId: newEventId(), occurredAt: receivedAt, correlationId: order.orderId, sellerId: order.sellerId },
      );
      outcome = await saveNewOrder(order, requestHash, toPending(event));
    }
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
