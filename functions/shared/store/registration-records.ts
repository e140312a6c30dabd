import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Shipment } from '../../../domain/shared/shipment';
import { keys, parseShipmentByTrackingKey, TRACKING_KEY_PREFIX, UNMATCHED_PREFIX } from './keys';
import { shipmentFromItem } from './shipment-store';

/**
 * What tracking-registration reads of the table's stream: a tracking number becoming known to
 * Enlace (a booked shipment, or a line-haul alias of one), and updates kept for a number nobody
 * claimed. The filters go to Lambda's event source mapping (the stack) and are applied to DynamoDB
 * Local's stream by the local cloud and the tests.
 */
export const TRACKING_REGISTRATION_FILTERS: readonly Record<string, unknown>[] = [
  // A shipment item or an alias item: both carry gsi2 keys naming (carrier, number).
  { eventName: ['INSERT'], dynamodb: { NewImage: { gsi2pk: { S: [{ prefix: TRACKING_KEY_PREFIX }] } } } },
  // Updates kept for a number no shipment claimed, first kept or added to.
  { eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { pk: { S: [{ prefix: UNMATCHED_PREFIX }] } } } },
];

export type Registration =
  | { readonly kind: 'booked'; readonly shipment: Shipment }
  | { readonly kind: 'alias'; readonly shipmentId: string; readonly carrier: string; readonly trackingNumber: string }
  | { readonly kind: 'unmatched'; readonly carrier: string; readonly trackingNumber: string };

/** A key attribute of the record: from its new image, or from its keys (a record without an image). */
function keyAttribute(record: DynamoDBRecord, image: Record<string, unknown>, name: 'pk' | 'sk'): string {
  const fromImage = image[name];
  if (typeof fromImage === 'string') return fromImage;
  return (record.dynamodb?.Keys?.[name] as { S?: string } | undefined)?.S ?? '';
}

/** The registration a stream record reports, or undefined for one the filters should not have passed. */
export function registrationOf(record: DynamoDBRecord): Registration | undefined {
  const image = record.dynamodb?.NewImage === undefined ? {} : unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
  const pk = keyAttribute(record, image, 'pk');
  const sk = keyAttribute(record, image, 'sk');
  if (pk.startsWith(UNMATCHED_PREFIX)) {
    const [, carrier = '', ...number] = pk.split('#');
    return carrier === '' || number.length === 0 ? undefined : { kind: 'unmatched', carrier, trackingNumber: number.join('#') };
  }
  const registered = typeof image.gsi2pk === 'string' ? parseShipmentByTrackingKey(image.gsi2pk) : undefined;
  if (registered === undefined) return undefined;
  if (sk === 'SHIPMENT' && pk === keys.shipment(String(image.shipmentId)).pk) {
    return { kind: 'booked', shipment: shipmentFromItem(image) };
  }
  return sk.startsWith('ALIAS#') ? { kind: 'alias', shipmentId: String(image.shipmentId), ...registered } : undefined;
}
