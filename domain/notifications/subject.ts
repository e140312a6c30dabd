import { isOrderEventType } from './event-types';

/**
 * What a notification is about. Order notifications are about an order (the envelope's
 * correlation id); inventory notifications about an inbound shipment or one SKU's stock in one
 * warehouse. The subject numbers the notifications (`sequence` counts per subject) and is named in
 * the public format, so a receiver knows what to sort and group by without knowing every type.
 */
export type NotificationSubject =
  | { readonly kind: 'order'; readonly id: string }
  | { readonly kind: 'inbound-shipment'; readonly id: string }
  /** `id` is `<warehouseCode>/<sku>`. */
  | { readonly kind: 'stock'; readonly id: string };

/** The parts of an internal event (public-notification.ts's InternalEvent) the subject depends on. */
interface EventAbout {
  readonly metadata: { readonly type: string; readonly correlationId: string };
  readonly data: unknown;
}

export function subjectOf(event: EventAbout): NotificationSubject {
  const { type, correlationId } = event.metadata;
  if (isOrderEventType(type)) {
    return { kind: 'order', id: correlationId };
  }
  const data = (event.data ?? {}) as { inboundShipmentId?: unknown; warehouseCode?: unknown; sku?: unknown };
  if (type.startsWith('stock.') && typeof data.warehouseCode === 'string' && typeof data.sku === 'string') {
    return { kind: 'stock', id: `${data.warehouseCode}/${data.sku}` };
  }
  if (type.startsWith('inbound.') && typeof data.inboundShipmentId === 'string') {
    return { kind: 'inbound-shipment', id: data.inboundShipmentId };
  }
  return { kind: 'order', id: correlationId };
}
