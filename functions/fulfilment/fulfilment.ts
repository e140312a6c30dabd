import * as z from 'zod';
import {
  checkCancel,
  checkStep,
  FulfilmentStepError,
  fulfilmentSettingsSchema,
  orderMovements,
  packInputSchema,
  stepOf,
  unitsBySku,
  type WarehouseStep,
} from '../../domain/fulfilment';
import type { FulfilmentStage, GetOrder, Order, OrderStatus } from '../../domain/order';
import { InvalidCursorError } from '../../domain/shared/page';
import { mayActFor } from '../../domain/shared/tenant';
import { warehouseByCode } from '../../domain/warehouses';
import { createEvent } from '../../events/envelope';
import { orderCancelledV1, orderPackedV1, orderPickedV1, orderShippedV1 } from '../../events/fulfilment';
import { toPending, type PendingEvent } from '../../events/pending';
import { parseJsonBody, pathParameter, type HttpEvent, type HttpRoute } from '../shared/http/http-handler';
import { badRequest, conflict, jsonResponse, notFound, validationError } from '../shared/http/problem';
import { limitParameter, queryParameter, routeByKey, sellerFor, warehouseFor } from '../shared/http/tenancy';
import type { GetFulfilmentSettings, ListWarehouseTasks, RecordFulfilmentStep, SaveFulfilmentSettings } from '../shared/store/fulfilment-store';
import { orderView } from '../shared/views';

export interface FulfilmentRoutesDeps {
  readonly getOrder: GetOrder;
  readonly recordStep: RecordFulfilmentStep;
  readonly listTasks: ListWarehouseTasks;
  readonly getSettings: GetFulfilmentSettings;
  readonly saveSettings: SaveFulfilmentSettings;
  readonly newEventId: () => string;
  readonly now?: () => Date;
}

/** A parcel can be handed over once its label is booked: the order routed (documents are for cross-border parcels only). */
const LABELLED: readonly OrderStatus[] = ['routed', 'documents-ready', 'in-transit'];
const ORDER_ID = /^ord_[A-Za-z0-9]{1,64}$/;
const STAGES = ['allocated', 'picked', 'packed'] as const;
export const MAX_FULFILMENT_BYTES = 16 * 1024;

/** A POST's JSON body, or `{}` when it has none (confirming a pick needs nothing more). */
function optionalBody(event: HttpEvent): unknown {
  return event.body === undefined || event.body === '' ? {} : parseJsonBody(event, MAX_FULFILMENT_BYTES);
}

const cancelSchema = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });

/**
 * Local fulfilment's API (docs/fulfilment.md). Sellers: their backorder setting, and cancelling a
 * warehouse order before pick (its units go back to available; after pick, 409). Warehouse
 * operators, for their own warehouse: the open tasks oldest first (the pick list), and confirming
 * pick, pack (boxes as weighed) and hand-over to the carrier; each step writes its stock movements
 * and event in one transaction, and repeating a confirmation changes nothing.
 */
export function buildFulfilmentRoutes(deps: FulfilmentRoutesDeps): HttpRoute {
  const now = deps.now ?? (() => new Date());

  const warehouseOrder = async (
    id: string,
    fits: (order: Order) => boolean,
    what: string,
  ): Promise<Order & { fulfilment: NonNullable<Order['fulfilment']> }> => {
    const order = ORDER_ID.test(id) ? await deps.getOrder(id) : undefined;
    if (order === undefined || !fits(order)) throw notFound(`No order "${id.slice(0, 80)}"${what}.`);
    if (order.fulfilment === undefined)
      throw conflict(`Order ${id} ships cross-border from China, not from a warehouse: it cannot be ${what === '' ? 'cancelled here' : 'handled here'}.`);
    return order as Order & { fulfilment: NonNullable<Order['fulfilment']> };
  };

  /** Records one step from the stage read; when the order moved meanwhile, reads it again and answers from where it is. */
  const step = async (
    order: Order & { fulfilment: NonNullable<Order['fulfilment']> },
    write: { from: FulfilmentStage; to: FulfilmentStage; kind?: 'released' | 'picked' | 'shipped'; events: (at: string) => PendingEvent[]; extra?: object },
    again: (current: Order) => Promise<ReturnType<typeof jsonResponse>>,
  ) => {
    const at = now().toISOString();
    const { warehouseCode } = order.fulfilment;
    const movements = write.kind === undefined ? [] : orderMovements(order, warehouseCode, write.kind, at);
    const outcome = await deps.recordStep({ order, from: write.from, to: write.to, at, movements, events: write.events(at), ...write.extra });
    if (outcome === 'recorded') return jsonResponse(200, orderView((await deps.getOrder(order.orderId))!));
    // Pick, ship and release take units the order's own allocation put there: a short bucket is a broken ledger, not a client error.
    if (outcome === 'short') throw new Error(`stock ledger of order ${order.orderId} does not hold its units for ${write.to}`);
    return again((await deps.getOrder(order.orderId))!);
  };

  const about = (order: Order & { fulfilment: NonNullable<Order['fulfilment']> }) => ({
    orderId: order.orderId,
    warehouseCode: order.fulfilment.warehouseCode,
    country: warehouseByCode(order.fulfilment.warehouseCode)?.country ?? order.shipTo.country,
  });
  const lines = (order: Order) => [...unitsBySku(order)].map(([sku, quantity]) => ({ sku, quantity }));
  const meta = (order: Order, at: string) => ({ eventId: deps.newEventId(), occurredAt: at, correlationId: order.orderId, sellerId: order.sellerId });

  const cancel = async (
    order: Order & { fulfilment: NonNullable<Order['fulfilment']> },
    reason: string | undefined,
  ): Promise<ReturnType<typeof jsonResponse>> => {
    let decision;
    try {
      decision = checkCancel(order.fulfilment);
    } catch (error) {
      if (error instanceof FulfilmentStepError) throw conflict(error.message);
      throw error;
    }
    if (decision === 'already') return jsonResponse(200, orderView(order));
    const released = decision === 'release' ? lines(order) : [];
    return step(
      order,
      {
        from: order.fulfilment.stage,
        to: 'cancelled',
        ...(decision === 'release' ? { kind: 'released' as const } : {}),
        extra: { toStatus: 'cancelled' as const },
        events: (at) => [
          toPending(
            createEvent(
              orderCancelledV1,
              { ...about(order), released, stage: order.fulfilment.stage, ...(reason === undefined ? {} : { reason }) },
              meta(order, at),
            ),
          ),
        ],
      },
      (current) => cancel(current as typeof order, reason),
    );
  };

  const warehouseStep = async (
    order: Order & { fulfilment: NonNullable<Order['fulfilment']> },
    name: WarehouseStep,
    body: unknown,
  ): Promise<ReturnType<typeof jsonResponse>> => {
    let decision;
    try {
      decision = checkStep(order.fulfilment, name);
    } catch (error) {
      if (error instanceof FulfilmentStepError) throw conflict(error.message);
      throw error;
    }
    if (decision === 'already') return jsonResponse(200, orderView(order));
    const { from, to } = stepOf(name);
    if (name === 'ship' && !LABELLED.includes(order.status)) {
      throw conflict(`Order ${order.orderId} has no label yet (it is ${order.status}); hand it over once it is routed.`);
    }
    let extra: object = {};
    let events: (at: string) => PendingEvent[];
    if (name === 'pack') {
      const parsed = packInputSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      extra = { boxes: parsed.data.boxes };
      events = (at) => [toPending(createEvent(orderPackedV1, { ...about(order), boxes: parsed.data.boxes }, meta(order, at)))];
    } else {
      const contract = name === 'pick' ? orderPickedV1 : orderShippedV1;
      events = (at) => [toPending(createEvent(contract, { ...about(order), lines: lines(order) }, meta(order, at)))];
    }
    if (name === 'ship') extra = { orderStatuses: LABELLED };
    return step(
      order,
      { from, to, ...(name === 'pack' ? {} : { kind: name === 'pick' ? ('picked' as const) : ('shipped' as const) }), events, extra },
      (current) => warehouseStep(current as typeof order, name, body),
    );
  };

  const taskRoute =
    (name: WarehouseStep): HttpRoute =>
    async ({ event, tenant }) => {
      const warehouseCode = warehouseFor(tenant, pathParameter(event, 'code'));
      const body = optionalBody(event);
      const order = await warehouseOrder(
        pathParameter(event, 'orderId'),
        (candidate) => candidate.fulfilment?.warehouseCode === warehouseCode,
        ` for ${warehouseCode}`,
      );
      return warehouseStep(order, name, body);
    };

  return routeByKey({
    'GET /v1/fulfilment-settings/{sellerId}': async ({ event, tenant }) => {
      const sellerId = sellerFor(tenant, pathParameter(event, 'sellerId'));
      return jsonResponse(200, { sellerId, ...(await deps.getSettings(sellerId)) });
    },
    'PUT /v1/fulfilment-settings/{sellerId}': async ({ event, tenant, body }) => {
      const sellerId = sellerFor(tenant, pathParameter(event, 'sellerId'));
      const parsed = fulfilmentSettingsSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const at = now().toISOString();
      await deps.saveSettings(sellerId, parsed.data, at);
      return jsonResponse(200, { sellerId, ...parsed.data, updatedAt: at });
    },
    'POST /v1/orders/{id}/cancel': async ({ event, tenant }) => {
      const parsed = cancelSchema.safeParse(optionalBody(event));
      if (!parsed.success) throw validationError(parsed.error.issues);
      const order = await warehouseOrder(pathParameter(event, 'id'), (candidate) => tenant.kind !== 'warehouse' && mayActFor(tenant, candidate.sellerId), '');
      return cancel(order, parsed.data.reason);
    },
    'GET /v1/warehouses/{code}/tasks': async ({ event, tenant }) => {
      const warehouseCode = warehouseFor(tenant, pathParameter(event, 'code'));
      const stage = queryParameter(event, 'stage');
      if (stage !== undefined && !(STAGES as readonly string[]).includes(stage)) {
        throw badRequest(`"stage" is one of ${STAGES.join(', ')}.`, [{ path: 'stage', code: 'invalid_value', message: STAGES.join(', ') }]);
      }
      const cursor = queryParameter(event, 'cursor');
      try {
        const page = await deps.listTasks(warehouseCode, {
          limit: limitParameter(event, 50, 100),
          ...(cursor === undefined ? {} : { cursor }),
          ...(stage === undefined ? {} : { stage: stage as FulfilmentStage }),
        });
        return jsonResponse(200, { warehouseCode, items: page.items, ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) });
      } catch (error) {
        if (error instanceof InvalidCursorError) throw badRequest(error.message, [{ path: 'cursor', code: 'invalid', message: error.message }]);
        throw error;
      }
    },
    'POST /v1/warehouses/{code}/tasks/{orderId}/pick': taskRoute('pick'),
    'POST /v1/warehouses/{code}/tasks/{orderId}/pack': taskRoute('pack'),
    'POST /v1/warehouses/{code}/tasks/{orderId}/ship': taskRoute('ship'),
  });
}
