import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FindShipmentByTracking, GetShipment, SaveShipment, Shipment } from '../../../domain/shared/shipment';
import { INDEXES, keys } from './keys';

const SHIPMENT_KEYS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'type'] as const;

export function shipmentItem(shipment: Shipment): Record<string, unknown> {
  return {
    ...keys.shipment(shipment.shipmentId),
    ...keys.shipmentByTracking(shipment.carrier, shipment.trackingNumber),
    ...keys.sellerShipment(shipment.sellerId, shipment.bookedAt, shipment.shipmentId),
    type: 'Shipment',
    ...shipment,
  };
}

/** The shipment fields of an item (tracking state and keys live beside them and are left out). */
export function shipmentFromItem(item: Record<string, unknown>): Shipment {
  const copy: Record<string, unknown> = { ...item };
  for (const key of SHIPMENT_KEYS) {
    delete copy[key];
  }
  const { shipmentId, orderId, sellerId, carrier, carrierName, serviceId, serviceLevel, trackingNumber, lane, destinationCountry, bookedAt, promisedBy } =
    copy as unknown as Shipment;
  return { shipmentId, orderId, sellerId, carrier, carrierName, serviceId, serviceLevel, trackingNumber, lane, destinationCountry, bookedAt, promisedBy };
}

export function buildSaveShipment(documents: DynamoDBDocumentClient, tableName: string): SaveShipment {
  return async (shipment) => {
    await documents.send(new PutCommand({ TableName: tableName, Item: shipmentItem(shipment) }));
  };
}

export function buildGetShipment(documents: DynamoDBDocumentClient, tableName: string): GetShipment {
  return async (shipmentId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.shipment(shipmentId) }));
    return Item === undefined ? undefined : shipmentFromItem(Item);
  };
}

export function buildFindShipmentByTracking(documents: DynamoDBDocumentClient, tableName: string): FindShipmentByTracking {
  return async (carrier, trackingNumber) => {
    const { gsi2pk } = keys.shipmentByTracking(carrier, trackingNumber);
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: INDEXES.byTrackingNumber.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': INDEXES.byTrackingNumber.partitionKey },
        ExpressionAttributeValues: { ':pk': gsi2pk },
        Limit: 1,
      }),
    );
    return Items[0] === undefined ? undefined : shipmentFromItem(Items[0]);
  };
}
