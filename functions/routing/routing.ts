import type { Logger } from '@aws-lambda-powertools/logger';
import type { z } from 'zod';
import type { GetOrder } from '../../domain/order';
import { isoWeek, kpiIncrementsFor, weeksEndingWith } from '../../domain/performance';
import type { BookShipment } from '../../domain/routing';
import { CARRIERS, orderLane, routeOrder } from '../../domain/routing';
import { type LastMileCarrier } from '../../domain/shared/carriers';
import { createEvent, type EnlaceEvent } from '../../events/envelope';
import type { orderRatedV1 } from '../../events/order-rated';
import { toPending } from '../../events/pending';
import { orderUnroutableV1, shipmentRoutedV1 } from '../../events/shipment-routed';
import { newId } from '../shared/ids';
import type { GetLaneKpiRows } from '../shared/store/kpi-reader';
import type { GetOrderQuotes } from '../shared/store/rating-store';
import type { GetSellerPolicy, RecordRouted, RecordUnroutable } from '../shared/store/routing-store';

export interface RoutingDeps {
  readonly getOrder: GetOrder;
  readonly getQuotes: GetOrderQuotes;
  readonly getKpiRows: GetLaneKpiRows;
  readonly getSellerPolicy: GetSellerPolicy;
  readonly book: BookShipment;
  readonly recordRouted: RecordRouted;
  readonly recordUnroutable: RecordUnroutable;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  readonly newEventId?: () => string;
  readonly newShipmentId?: () => string;
}

/** The KPI window routing scores on. */
const KPI_WEEKS = 4;

type OrderRated = EnlaceEvent<z.output<typeof orderRatedV1.data>>;

/**
 * order.rated → choose and book the carrier (domain) → store the decision, the shipment, its label
 * and the lane's `shipped` KPI with the order's new status → shipment.routed | order.unroutable.
 */
export function buildRouting(deps: RoutingDeps) {
  const {
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    now = () => new Date(),
    newEventId = () => newId('evt'),
    newShipmentId = () => newId('shp'),
  } = deps;
  return async (rated: OrderRated, log: Logger): Promise<void> => {
    const orderId = rated.data.orderId;
    const [order, quotes] = [await deps.getOrder(orderId), await deps.getQuotes(orderId)];
    if (order === undefined || quotes === undefined) {
      throw new Error(`order ${orderId} or its quotes not found`);
    }
    if (order.status !== 'rated') {
      log.info('order already routed; duplicate delivery ignored', { orderId, status: order.status });
      return;
    }
    const at = now();
    // A domestic order's lane is domestic (MX-MX-CMX): its carriers' KPIs are kept apart from the cross-border lane's.
    const lane = orderLane(order).id;
    const carriers = CARRIERS.filter((carrier) => carrier.country === order.shipTo.country).map((carrier) => carrier.slug);
    const kpiRows = await deps.getKpiRows(lane, carriers, weeksEndingWith(isoWeek(at), KPI_WEEKS));
    const policy = await deps.getSellerPolicy(order.sellerId);
    const routed = await routeOrder({
      order,
      quotes: quotes.result,
      kpiRows,
      ...(policy === undefined ? {} : { policy }),
      book: deps.book,
      sleep,
      now: at,
      newShipmentId,
    });
    const context = {
      eventId: newEventId(),
      occurredAt: at.toISOString(),
      correlationId: orderId,
      sellerId: order.sellerId,
      causationId: rated.metadata.eventId,
    };

    if (routed.outcome === 'unroutable') {
      const reasons = routed.decision.exclusions.map((exclusion) => ({
        code: exclusion.code,
        message: `${exclusion.carrierName}: ${exclusion.message}`,
        ...(exclusion.carrier === undefined ? {} : { carrier: exclusion.carrier }),
      }));
      const event = createEvent(orderUnroutableV1, { orderId, reasons, explanation: routed.decision.explanation }, context);
      await deps.recordUnroutable({ orderId, decision: routed.decision, event: toPending(event), at: context.occurredAt });
      log.info('order unroutable', { orderId, reasons: reasons.length });
      return;
    }

    const { shipment, decision, confirmation } = routed;
    const event = createEvent(
      shipmentRoutedV1,
      { orderId, shipment, acceptsBatteries: routed.acceptsBatteries, summary: decision.explanation[0] ?? `${shipment.carrierName} was chosen.` },
      context,
    );
    const recorded = await deps.recordRouted({
      orderId,
      decision,
      shipment,
      labelZpl: confirmation.labelZpl,
      kpiIncrements: kpiIncrementsFor({ kind: 'shipped', carrier: shipment.carrier as LastMileCarrier, lane: shipment.lane, at: shipment.bookedAt }),
      event: toPending(event),
      at: context.occurredAt,
    });
    log.info(recorded ? 'order routed' : 'order already routed; duplicate delivery ignored', {
      orderId,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
    });
  };
}
