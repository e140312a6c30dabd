import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RoutingDecision, SellerPolicy } from '../../../domain/routing/types';
import { keys } from './keys';

/** Port: the routing decision of an order, with its explanation, if it was routed. */
export type GetRoutingDecision = (orderId: string) => Promise<RoutingDecision | undefined>;
/** Port: a seller's routing policy (profile and rules), if it set one. */
export type GetSellerPolicy = (sellerId: string) => Promise<SellerPolicy | undefined>;

export function routingDecisionItem(decision: RoutingDecision, at: string): Record<string, unknown> {
  return { ...keys.orderRouting(decision.orderId), type: 'RoutingDecision', decidedAt: at, decision };
}

export function labelItem(shipmentId: string, orderId: string, zpl: string, at: string): Record<string, unknown> {
  return { ...keys.shipmentLabel(shipmentId), type: 'Label', orderId, format: 'ZPL', widthIn: 4, heightIn: 6, zpl, createdAt: at };
}

export function buildGetRoutingDecision(documents: DynamoDBDocumentClient, tableName: string): GetRoutingDecision {
  return async (orderId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.orderRouting(orderId) }));
    return Item === undefined ? undefined : (Item.decision as RoutingDecision);
  };
}

export function buildGetSellerPolicy(documents: DynamoDBDocumentClient, tableName: string): GetSellerPolicy {
  return async (sellerId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.sellerRoutingPolicy(sellerId) }));
    return Item === undefined ? undefined : (Item.policy as SellerPolicy);
  };
}
