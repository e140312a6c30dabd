/**
 * The events a seller may subscribe to: the public vocabulary of notifications. An internal event
 * reaches a seller only if its type is listed here, so a new internal event stays private until
 * someone decides it is part of the public contract.
 */
/** The parcel pipeline's types: about one order each. `*` means all of these, including ones added later. */
export const ORDER_EVENT_TYPES = [
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

/**
 * The overseas warehouse's types: about an inbound shipment or a SKU's stock, not an order, so
 * their notifications carry `subject` and no `orderId`. A subscription names them one by one: `*`
 * was promised to mean order notifications (which always carry `orderId`), and keeps that promise.
 */
export const INVENTORY_EVENT_TYPES = [
  'inbound.booked',
  'inbound.status-changed',
  'inbound.held',
  'inbound.received',
  'inbound.discrepancy-resolved',
  'inbound.stalled',
  'inbound.cancelled',
  'stock.received',
  'stock.adjusted',
  'stock.low',
] as const;

export const NOTIFIABLE_EVENT_TYPES = [...ORDER_EVENT_TYPES, ...INVENTORY_EVENT_TYPES] as const;
export type NotifiableEventType = (typeof NOTIFIABLE_EVENT_TYPES)[number];

/** Subscribing to `*` means every order notification type (ORDER_EVENT_TYPES), including types added later. */
export const ALL_EVENT_TYPES = '*';

/** Something went wrong with the parcel or the stock's journey and the seller may have to act: the "only exceptions" filter. */
export const EXCEPTION_EVENT_TYPES: readonly NotifiableEventType[] = [
  'order.unrateable',
  'order.unroutable',
  'customs.held',
  'shipment.exception',
  'shipment.stalled',
  'inbound.held',
  'inbound.stalled',
];

export function isNotifiable(type: string): type is NotifiableEventType {
  return (NOTIFIABLE_EVENT_TYPES as readonly string[]).includes(type);
}

export function isException(type: string): boolean {
  return (EXCEPTION_EVENT_TYPES as readonly string[]).includes(type);
}

export function isOrderEventType(type: string): boolean {
  return (ORDER_EVENT_TYPES as readonly string[]).includes(type);
}
