import * as z from 'zod';
import { SKU_PATTERN, type GetProducts } from '../../domain/catalog';
import {
  applyMilestone,
  InboundTransitionError,
  InvalidMilestoneError,
  InvalidReceiptError,
  milestoneSchema,
  receiptSchema,
  recordReceipt,
  WAREHOUSE_MILESTONES,
  lotIdFor,
  type InboundShipment,
} from '../../domain/inbound';
import type { FxTable } from '../../domain/shared/fx';
import { InvalidCursorError } from '../../domain/shared/page';
import type { StockMovement } from '../../domain/stock';
import { isReceivingAt, warehouseByCode } from '../../domain/warehouses';
import { createEvent } from '../../events/envelope';
import { toPending } from '../../events/pending';
import { stockAdjustedV1, stockLowV1 } from '../../events/stock';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { badRequest, conflict, HttpError, jsonResponse, notFound, validationError } from '../shared/http/problem';
import { limitParameter, queryParameter, routeByKey, warehouseFor } from '../shared/http/tenancy';
import { journeyEvents, receiptEvents } from '../shared/inbound-events';
import { InboundBusyError, type buildInboundStep } from '../shared/inbound-step';
import type { GetInbound, ListWarehouseInbound } from '../shared/store/inbound-store';
import type { ApplyStockOperation, StockChange } from '../shared/store/stock-store';

/** A receipt of 100 cartons is about 20 KB. */
export const MAX_OPERATION_BYTES = 64 * 1024;

export interface WarehouseRoutesDeps {
  readonly getInbound: GetInbound;
  readonly listWarehouseInbound: ListWarehouseInbound;
  readonly inboundStep: ReturnType<typeof buildInboundStep>;
  readonly getProducts: GetProducts;
  readonly applyStockOperation: ApplyStockOperation;
  readonly fxTables: readonly FxTable[];
  readonly newEventId: () => string;
  readonly now?: () => Date;
}

/** How a warehouse corrects stock, and which buckets each correction moves between. */
const ADJUSTMENTS = {
  found: { kind: 'adjusted', from: null, to: 'available' },
  missing: { kind: 'adjusted', from: 'available', to: null },
  damaged: { kind: 'damaged', from: 'available', to: 'quarantined' },
  disposed: { kind: 'disposed', from: 'quarantined', to: null },
  restocked: { kind: 'restocked', from: 'quarantined', to: 'available' },
} as const;

export const adjustmentSchema = z.strictObject({
  adjustmentId: z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'your id for the adjustment: a retry with it changes nothing'),
  sellerId: z.string().regex(/^[A-Za-z0-9_-]{3,64}$/),
  sku: z.string().regex(SKU_PATTERN, 'must be a SKU'),
  type: z.enum(Object.keys(ADJUSTMENTS) as [keyof typeof ADJUSTMENTS, ...(keyof typeof ADJUSTMENTS)[]]),
  quantity: z.number().int('must be whole units').positive().max(100_000),
  reason: z.string().trim().min(3).max(500),
});

const INBOUND_ID = /^inb_[A-Za-z0-9]{1,40}$/;

function refuse(error: unknown): never {
  if (error instanceof InboundTransitionError) throw conflict(error.message);
  // Other writers kept winning on this shipment: not the operator's fault, and safe to repeat (receipts and milestones carry ids).
  if (error instanceof InboundBusyError)
    throw new HttpError(503, 'Service Unavailable', `${error.message} (the same request again is safe)`, [], { 'retry-after': '1' });
  if (error instanceof InvalidMilestoneError || error instanceof InvalidReceiptError) {
    throw badRequest(
      `The request has ${error.problems.length} problem(s).`,
      error.problems.map((problem) => ({ ...problem, code: 'custom' })),
    );
  }
  throw error;
}

/**
 * The warehouse operator's API, for its own warehouse only (another warehouse's, or any shipment
 * not bound for it, answers 404): the inbound shipments it expects, dock milestones (appointment
 * inside receiving hours, arrival), receipts counted carton by carton, and stock corrections.
 */
export function buildWarehouseRoutes(deps: WarehouseRoutesDeps): HttpRoute {
  const now = deps.now ?? (() => new Date());

  const bound = async (warehouseCode: string, id: string): Promise<InboundShipment> => {
    const shipment = INBOUND_ID.test(id) ? await deps.getInbound(id) : undefined;
    if (shipment === undefined || shipment.warehouseCode !== warehouseCode) throw notFound(`No inbound shipment "${id}" for ${warehouseCode}.`);
    return shipment;
  };

  return routeByKey({
    'GET /v1/warehouses/{code}/inbound-shipments': async ({ event, tenant }) => {
      const warehouseCode = warehouseFor(tenant, pathParameter(event, 'code'));
      const cursor = queryParameter(event, 'cursor');
      try {
        const page = await deps.listWarehouseInbound(warehouseCode, { limit: limitParameter(event, 20, 50), ...(cursor === undefined ? {} : { cursor }) });
        return jsonResponse(200, { warehouseCode, items: page.items, ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) });
      } catch (error) {
        if (error instanceof InvalidCursorError) throw badRequest(error.message, [{ path: 'cursor', code: 'invalid', message: error.message }]);
        throw error;
      }
    },
    'POST /v1/warehouses/{code}/inbound-shipments/{id}/milestones': async ({ event, tenant, body }) => {
      const warehouseCode = warehouseFor(tenant, pathParameter(event, 'code'));
      const shipment = await bound(warehouseCode, pathParameter(event, 'id'));
      const parsed = milestoneSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const milestone = parsed.data;
      if (!WAREHOUSE_MILESTONES.has(milestone.type))
        throw badRequest(`"${milestone.type}" is the forwarder's to report, not the warehouse's.`, [
          { path: 'type', code: 'invalid_value', message: 'appointment-scheduled or arrived-warehouse' },
        ]);
      if (milestone.type === 'appointment-scheduled' && !isReceivingAt(warehouseByCode(warehouseCode)!, new Date(milestone.appointmentAt))) {
        throw badRequest(`${milestone.appointmentAt} is outside ${warehouseCode}'s receiving hours.`, [
          { path: 'appointmentAt', code: 'custom', message: 'outside receiving hours' },
        ]);
      }
      try {
        const result = await deps.inboundStep(shipment.inboundShipmentId, (current) => {
          const outcome = applyMilestone(current, milestone, { by: 'warehouse', fxTables: deps.fxTables });
          if (outcome.kind === 'duplicate') return 'unchanged';
          return { shipment: outcome.shipment, events: journeyEvents(current, outcome.shipment, { newEventId: deps.newEventId, at: now().toISOString() }) };
        });
        if (result.kind === 'missing') throw notFound(`No inbound shipment "${shipment.inboundShipmentId}".`);
        return jsonResponse(200, result.shipment);
      } catch (error) {
        return refuse(error);
      }
    },
    'POST /v1/warehouses/{code}/receipts': async ({ event, tenant, body }) => {
      const warehouseCode = warehouseFor(tenant, pathParameter(event, 'code'));
      const parsed = receiptSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const receipt = parsed.data;
      const shipment = await bound(warehouseCode, receipt.inboundShipmentId);
      const skus = [...new Set(receipt.cartons.flatMap((carton) => carton.lines.map((line) => line.sku)))];
      const knownSkus = new Set((await deps.getProducts(shipment.sellerId, skus)).keys());
      try {
        const result = await deps.inboundStep(shipment.inboundShipmentId, (current) => {
          const at = now().toISOString();
          const outcome = recordReceipt(current, receipt, { at, knownSkus });
          if (outcome.kind === 'duplicate') return 'unchanged';
          const context = { newEventId: deps.newEventId, at };
          return {
            shipment: outcome.shipment,
            events: [...journeyEvents(current, outcome.shipment, context), ...receiptEvents(outcome.shipment, outcome.received, outcome.completed, context)],
            stock: stockChanges(outcome.shipment, outcome.movements),
          };
        });
        if (result.kind === 'missing') throw notFound(`No inbound shipment "${receipt.inboundShipmentId}".`);
        return jsonResponse(200, result.shipment);
      } catch (error) {
        return refuse(error);
      }
    },
    'POST /v1/warehouses/{code}/stock-adjustments': async ({ event, tenant, body }) => {
      const warehouseCode = warehouseFor(tenant, pathParameter(event, 'code'));
      const parsed = adjustmentSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const adjustment = parsed.data;
      const product = (await deps.getProducts(adjustment.sellerId, [adjustment.sku])).get(adjustment.sku);
      if (product === undefined)
        throw badRequest(`Seller "${adjustment.sellerId}" has no product "${adjustment.sku}".`, [
          { path: 'sku', code: 'unknown', message: 'not in the seller’s catalogue' },
        ]);
      const at = now().toISOString();
      const { kind, from, to } = ADJUSTMENTS[adjustment.type];
      const movement: StockMovement = {
        movementId: `mov_adj_${adjustment.adjustmentId}`,
        sellerId: adjustment.sellerId,
        warehouseCode,
        sku: adjustment.sku,
        kind,
        quantity: adjustment.quantity,
        from,
        to,
        at,
        reference: { type: 'adjustment', id: adjustment.adjustmentId },
        reason: adjustment.reason,
      };
      const country = warehouseByCode(warehouseCode)!.country;
      const context = { eventId: deps.newEventId(), occurredAt: at, correlationId: adjustment.adjustmentId, sellerId: adjustment.sellerId };
      const adjusted = toPending(
        createEvent(
          stockAdjustedV1,
          {
            warehouseCode,
            country,
            sku: adjustment.sku,
            adjustmentId: adjustment.adjustmentId,
            kind,
            quantity: adjustment.quantity,
            from,
            to,
            reason: adjustment.reason,
          },
          context,
        ),
      );
      const outcome = await deps.applyStockOperation({
        sellerId: adjustment.sellerId,
        warehouseCode,
        sku: adjustment.sku,
        at,
        movements: [movement],
        reference: movement.reference,
        events: [adjusted],
        lowStock: {
          reorderPoint: product.reorderPoint,
          event: (available) =>
            toPending(
              createEvent(
                stockLowV1,
                { warehouseCode, country, sku: adjustment.sku, available, reorderPoint: product.reorderPoint },
                { ...context, eventId: deps.newEventId() },
              ),
            ),
        },
      });
      if (outcome === 'insufficient')
        throw conflict(`Not enough ${from ?? ''} stock of "${adjustment.sku}" in ${warehouseCode} for this ${adjustment.type} adjustment.`);
      return jsonResponse(
        outcome === 'applied' ? 201 : 200,
        { adjustmentId: adjustment.adjustmentId, outcome, movement },
        outcome === 'duplicate' ? { 'idempotent-replayed': 'true' } : {},
      );
    },
  });
}

/** The stock a receipt brings, per SKU: its movements and the lot its good units join. */
function stockChanges(shipment: InboundShipment, movements: readonly StockMovement[]): StockChange[] {
  const landed = new Map(shipment.landedCost?.lines.map((line) => [line.sku, line.landedUnitCost]) ?? []);
  const bySku = new Map<string, StockMovement[]>();
  for (const movement of movements) bySku.set(movement.sku, [...(bySku.get(movement.sku) ?? []), movement]);
  return [...bySku].map(([sku, skuMovements]) => {
    const received = skuMovements.filter((movement) => movement.kind === 'received').reduce((total, movement) => total + movement.quantity, 0);
    const at = skuMovements[0]!.at;
    return {
      sellerId: shipment.sellerId,
      warehouseCode: shipment.warehouseCode,
      sku,
      movements: skuMovements,
      at,
      lot: {
        lotId: lotIdFor(shipment.inboundShipmentId, sku),
        inboundShipmentId: shipment.inboundShipmentId,
        receivedAt: shipment.history.find((entry) => entry.status === 'receiving')?.at ?? at,
        received,
        landedUnitCost: landed.get(sku) ?? null,
      },
    };
  });
}
