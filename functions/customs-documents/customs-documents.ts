import type { Logger } from '@aws-lambda-powertools/logger';
import type { z } from 'zod';
import type { GetOrder } from '../../domain/order';
import { fulfilmentWarehouse } from '../../domain/order';
import type { EnlaceEvent } from '../../events/envelope';
import type { shipmentRoutedV1 } from '../../events/shipment-routed';
import type { buildCustomsStep } from '../shared/customs-step';
import type { CustomsContext, SaveCustomsWrite } from '../shared/store/customs-store';

export interface CustomsDocumentsDeps {
  readonly getOrder: GetOrder;
  readonly customsStep: ReturnType<typeof buildCustomsStep>;
  readonly save: SaveCustomsWrite;
  readonly now?: () => Date;
}

type ShipmentRouted = EnlaceEvent<z.output<typeof shipmentRoutedV1.data>>;

/** The shipment as customs keeps it, so a correction can re-run the checks without a new event. */
export function contextFrom(routed: ShipmentRouted): CustomsContext {
  const { shipment } = routed.data;
  return {
    orderId: routed.data.orderId,
    shipmentId: shipment.shipmentId,
    carrier: shipment.carrier,
    serviceId: shipment.serviceId,
    trackingNumber: shipment.trackingNumber,
    acceptsBatteries: routed.data.acceptsBatteries,
    routedEventId: routed.metadata.eventId,
  };
}

/**
 * shipment.routed → check the order for customs (domain) → store its documents in S3 → move the
 * order to documents-ready or customs-held with the check, the shipment context and the event
 * (customs.documents-ready | customs.held), in one conditional transaction.
 * A domestic (warehouse) order crosses no border: no invoice, no CN23, nothing written; it stays
 * `routed` and its tracking speaks for it from there (domain/tracking/order-progress.ts).
 */
export function buildCustomsDocuments(deps: CustomsDocumentsDeps) {
  const now = deps.now ?? (() => new Date());
  return async (routed: ShipmentRouted, log: Logger): Promise<void> => {
    const { orderId } = routed.data;
    const order = await deps.getOrder(orderId);
    if (order === undefined) {
      throw new Error(`order ${orderId} not found`);
    }
    const warehouse = fulfilmentWarehouse(order);
    if (warehouse !== undefined) {
      log.info('domestic order: no customs documents (no CN23, no commercial invoice); it ships inside the country and goes on to tracking', {
        orderId,
        warehouseCode: warehouse.code,
        country: warehouse.country,
      });
      return;
    }
    if (order.status !== 'routed') {
      // Already checked (a redelivery), or corrected and checked since: nothing to do.
      log.info('order is not waiting for customs; duplicate delivery ignored', { orderId, status: order.status });
      return;
    }
    const context = contextFrom(routed);
    const result = await deps.customsStep(order, context, { causationId: routed.metadata.eventId });
    const saved = await deps.save({
      orderId,
      expectedVersion: order.version,
      fromStatuses: ['routed'],
      change: { kind: 'status', toStatus: result.toStatus },
      context,
      check: result.check,
      ...(result.documents === undefined ? {} : { documents: result.documents }),
      event: result.event,
      at: now().toISOString(),
    });
    if (!saved) {
      const current = await deps.getOrder(orderId);
      if (current?.status === 'routed') {
        // The seller corrected the order while its documents were made: retry with the new version.
        throw new Error(`order ${orderId} changed (version ${order.version} → ${current.version}) while customs ran; retrying`);
      }
      log.info('order already checked; duplicate delivery ignored', { orderId, status: current?.status });
      return;
    }
    log.info(result.toStatus === 'documents-ready' ? 'customs documents ready' : 'order held at customs', {
      orderId,
      orderVersion: order.version,
      problems: result.decision.problems.map((problem) => problem.code),
    });
  };
}
