import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { KpiIncrement } from '../../../domain/performance';
import type { RoutingDecision, SellerPolicy } from '../../../domain/routing';
import type { Shipment } from '../../../domain/shared/shipment';
import type { PendingEvent } from '../../../events/pending';
import { keys } from './keys';
import { buildRecordPipelineStep } from './pipeline-step';
import { gzipJson, readMaybeGzipped } from './compressed-json';
import { shipmentItem } from './shipment-store';

/** Port: the routing decision of an order, with its explanation, if it was routed. */
export type GetRoutingDecision = (orderId: string) => Promise<RoutingDecision | undefined>;
/** Port: a seller's routing policy (profile and rules), if it set one. */
export type GetSellerPolicy = (sellerId: string) => Promise<SellerPolicy | undefined>;
/** Port: the shipping label (ZPL) of an order's booked shipment. */
export type GetOrderLabel = (orderId: string) => Promise<{ shipmentId: string; trackingNumber: string; zpl: string } | undefined>;

/** An order routed: the decision, the shipment booked, its label and the lane's `shipped` count. */
export interface OrderRouted {
  readonly orderId: string;
  readonly decision: RoutingDecision;
  readonly shipment: Shipment;
  readonly labelZpl: string;
  readonly kpiIncrements: readonly KpiIncrement[];
  readonly event: PendingEvent;
  readonly at: string;
}

/** An order no carrier can take, with the decision that says why. */
export interface OrderUnroutable {
  readonly orderId: string;
  readonly decision: RoutingDecision;
  readonly event: PendingEvent;
  readonly at: string;
}

/** Port: records a routing outcome once; `false` when the order had already been routed (a redelivery). */
export type RecordRouted = (routed: OrderRouted) => Promise<boolean>;
export type RecordUnroutable = (unroutable: OrderUnroutable) => Promise<boolean>;

function routingDecisionItem(decision: RoutingDecision, at: string): Record<string, unknown> {
  return { ...keys.orderRouting(decision.orderId), type: 'RoutingDecision', decidedAt: at, decisionGz: gzipJson(decision) };
}

function labelItem(shipmentId: string, orderId: string, zpl: string, at: string): Record<string, unknown> {
  return { ...keys.shipmentLabel(shipmentId), type: 'Label', orderId, format: 'ZPL', widthIn: 4, heightIn: 6, zpl, createdAt: at };
}

/** The order's pointer to its chosen shipment: how the label, tracking and the order's status find it. */
function orderShipmentItem(shipment: Shipment): Record<string, unknown> {
  return {
    ...keys.orderShipment(shipment.orderId),
    type: 'OrderShipment',
    shipmentId: shipment.shipmentId,
    trackingNumber: shipment.trackingNumber,
    carrier: shipment.carrier,
  };
}

/**
 * Adapter: one transaction moves the order from `rated` to `routed`, stores the decision, the
 * shipment (findable by its tracking number), the order's pointer to it and its label, adds the
 * lane's `shipped` counter and puts shipment.routed in the outbox.
 */
export function buildRecordRouted(documents: DynamoDBDocumentClient, tableName: string): RecordRouted {
  const recordStep = buildRecordPipelineStep(documents, tableName);
  return (routed) =>
    recordStep({
      orderId: routed.orderId,
      fromStatuses: ['rated'],
      toStatus: 'routed',
      items: [
        routingDecisionItem(routed.decision, routed.at),
        shipmentItem(routed.shipment),
        orderShipmentItem(routed.shipment),
        labelItem(routed.shipment.shipmentId, routed.orderId, routed.labelZpl, routed.at),
      ],
      kpiIncrements: routed.kpiIncrements,
      event: routed.event,
      at: routed.at,
    });
}

/** Adapter: the order moves from `rated` to `unroutable` with its decision and order.unroutable, in one transaction. */
export function buildRecordUnroutable(documents: DynamoDBDocumentClient, tableName: string): RecordUnroutable {
  const recordStep = buildRecordPipelineStep(documents, tableName);
  return (unroutable) =>
    recordStep({
      orderId: unroutable.orderId,
      fromStatuses: ['rated'],
      toStatus: 'unroutable',
      items: [routingDecisionItem(unroutable.decision, unroutable.at)],
      event: unroutable.event,
      at: unroutable.at,
    });
}

export function buildGetRoutingDecision(documents: DynamoDBDocumentClient, tableName: string): GetRoutingDecision {
  return async (orderId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.orderRouting(orderId) }));
    return Item === undefined ? undefined : readMaybeGzipped<RoutingDecision>(Item, 'decision');
  };
}

export function buildGetSellerPolicy(documents: DynamoDBDocumentClient, tableName: string): GetSellerPolicy {
  return async (sellerId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.sellerRoutingPolicy(sellerId) }));
    return Item === undefined ? undefined : (Item.policy as SellerPolicy);
  };
}

/** The order's shipment pointer, then the label beside the shipment. */
export function buildGetOrderLabel(documents: DynamoDBDocumentClient, tableName: string): GetOrderLabel {
  return async (orderId) => {
    const { Item: pointer } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.orderShipment(orderId) }));
    if (pointer === undefined) {
      return undefined;
    }
    const shipmentId = String(pointer.shipmentId);
    const { Item: label } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.shipmentLabel(shipmentId) }));
    return label === undefined ? undefined : { shipmentId, trackingNumber: String(pointer.trackingNumber), zpl: String(label.zpl) };
  };
}
