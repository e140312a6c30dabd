import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CurrentStatus } from '../../../domain/tracking';
import { type GetOrderTracking } from '../../../domain/tracking';
import { keys } from './keys';

/**
 * An order's parcel, for the order's readers: the order's shipment pointer (`ORDER#<id>` /
 * `SHIPMENT`, written by routing), then only `current` and the stall flag of the tracking item, not
 * its timeline.
 */
export function buildGetOrderTracking(documents: DynamoDBDocumentClient, tableName: string): GetOrderTracking {
  return async (orderId) => {
    const { Item: pointer } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.orderShipment(orderId) }));
    if (pointer === undefined) {
      return undefined;
    }
    const shipmentId = String(pointer.shipmentId);
    const { Item } = await documents.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.shipmentTracking(shipmentId),
        ProjectionExpression: '#current, stallAlertRaised',
        ExpressionAttributeNames: { '#current': 'current' },
      }),
    );
    const current = (Item?.current as CurrentStatus | undefined) ?? null;
    return {
      shipmentId,
      carrier: String(pointer.carrier),
      trackingNumber: String(pointer.trackingNumber),
      status: current?.status ?? null,
      subStatus: current?.subStatus ?? null,
      since: current?.since ?? null,
      stalled: typeof Item?.stallAlertRaised === 'string',
    };
  };
}
