/**
 * The events a seller may subscribe to: the public vocabulary of notifications. An internal event
 * reaches a seller only if its type is listed here, so a new internal event stays private until
 * someone decides it is part of the public contract.
 */
export const NOTIFIABLE_EVENT_TYPES = [
  'order.received',
  'order.rated',
  'order.unrateable',
  'shipment.routed',
  'order.unroutable',
  'customs.documents-ready',
  'customs.held',
  'shipment.status-changed',
  'shipment.delivered',
  'shipment.exception',
  'shipment.stalled',
] as const;
export type NotifiableEventType = (typeof NOTIFIABLE_EVENT_TYPES)[number];

/** Subscribing to `*` means every notifiable type, including types added later. */
export const ALL_EVENT_TYPES = '*';

/** Something went wrong with the parcel and the seller may have to act: the "only exceptions" filter. */
export const EXCEPTION_EVENT_TYPES: readonly NotifiableEventType[] = [
  'order.unrateable',
  'order.unroutable',
  'customs.held',
  'shipment.exception',
  'shipment.stalled',
];

export function isNotifiable(type: string): type is NotifiableEventType {
  return (NOTIFIABLE_EVENT_TYPES as readonly string[]).includes(type);
}

export function isException(type: string): boolean {
  return (EXCEPTION_EVENT_TYPES as readonly string[]).includes(type);
}
