import { lotIdFor, type Discrepancy, type InboundShipment, type ReceivedSku } from '../../domain/inbound';
import { createEvent, type EventContract } from '../../events/envelope';
import {
  inboundBookedV1,
  inboundCancelledV1,
  inboundDiscrepancyResolvedV1,
  inboundHeldV1,
  inboundReceivedV1,
  inboundStatusChangedV1,
} from '../../events/inbound';
import { toPending, type PendingEvent } from '../../events/pending';
import { stockReceivedV1 } from '../../events/stock';
import type { z } from 'zod';

/** Turns what happened to an inbound shipment into the events of the catalog (correlation: the shipment id). */
export interface EventContext {
  readonly newEventId: () => string;
  /** When Enlace recorded it (metadata.occurredAt). */
  readonly at: string;
}

function pending<TData extends z.ZodType>(
  contract: EventContract<string, TData>,
  shipment: InboundShipment,
  data: z.input<TData>,
  context: EventContext,
  correlationId = shipment.inboundShipmentId,
): PendingEvent {
  return toPending(createEvent(contract, data, { eventId: context.newEventId(), occurredAt: context.at, correlationId, sellerId: shipment.sellerId }));
}

const refOf = (shipment: InboundShipment) => ({
  inboundShipmentId: shipment.inboundShipmentId,
  reference: shipment.reference,
  warehouseCode: shipment.warehouseCode,
  country: shipment.country,
});

export function bookedEvent(shipment: InboundShipment, context: EventContext): PendingEvent {
  return pending(
    inboundBookedV1,
    shipment,
    {
      ...refOf(shipment),
      mode: shipment.mode,
      cartons: shipment.cartons.reduce((total, carton) => total + carton.count, 0),
      lines: shipment.lines.map((line) => ({ sku: line.sku, expected: line.expected })),
      warnings: shipment.warnings.map(({ code, severity, path, sku, message }) => ({ code, severity, path, ...(sku === undefined ? {} : { sku }), message })),
    },
    context,
  );
}

/** One inbound.status-changed per status the change added to the history, then inbound.held for a new hold. */
export function journeyEvents(before: InboundShipment, after: InboundShipment, context: EventContext): PendingEvent[] {
  const events: PendingEvent[] = [];
  let from = before.status;
  for (const entry of after.history.slice(before.history.length)) {
    const landedCost =
      entry.status === 'released' && after.landedCost !== undefined
        ? {
            currency: after.landedCost.currency,
            sandbox: after.landedCost.sandbox,
            lines: after.landedCost.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, landedUnitCost: line.landedUnitCost, total: line.total })),
          }
        : undefined;
    events.push(
      pending(
        inboundStatusChangedV1,
        after,
        {
          ...refOf(after),
          from,
          to: entry.status,
          occurredAt: entry.at,
          reportedBy: entry.by,
          ...(entry.note === undefined ? {} : { note: entry.note }),
          ...(landedCost === undefined ? {} : { landedCost }),
        },
        context,
      ),
    );
    from = entry.status;
  }
  for (const hold of after.customs.holds.slice(before.customs.holds.length)) {
    events.push(
      pending(
        inboundHeldV1,
        after,
        {
          ...refOf(after),
          hold: { kind: hold.kind, reason: hold.reason, at: hold.at },
          ...(after.customs.entryNumber === undefined ? {} : { entryNumber: after.customs.entryNumber }),
        },
        context,
      ),
    );
  }
  if (after.status === 'cancelled' && before.status !== 'cancelled') {
    events.push(pending(inboundCancelledV1, after, { ...refOf(after), reason: after.history.at(-1)?.note ?? 'cancelled by the seller' }, context));
  }
  return events;
}

/** What a receipt tells: stock.received per SKU, and when it completed the count, inbound.received with every discrepancy. */
export function receiptEvents(after: InboundShipment, received: readonly ReceivedSku[], completed: boolean, context: EventContext): PendingEvent[] {
  const landed = new Map(after.landedCost?.lines.map((line) => [line.sku, line.landedUnitCost]) ?? []);
  const events = received.map(({ sku, good, damaged }) =>
    pending(
      stockReceivedV1,
      after,
      {
        warehouseCode: after.warehouseCode,
        country: after.country,
        sku,
        inboundShipmentId: after.inboundShipmentId,
        good,
        damaged,
        lotId: lotIdFor(after.inboundShipmentId, sku),
        landedUnitCost: landed.get(sku) ?? null,
      },
      context,
    ),
  );
  if (completed) {
    const expected = new Map(after.lines.map((line) => [line.sku, line.expected]));
    const skus = [...new Set([...expected.keys(), ...Object.keys(after.counted)])].sort();
    events.push(
      pending(
        inboundReceivedV1,
        after,
        {
          ...refOf(after),
          counted: skus.map((sku) => ({
            sku,
            expected: expected.get(sku) ?? 0,
            good: after.counted[sku]?.good ?? 0,
            damaged: after.counted[sku]?.damaged ?? 0,
          })),
          discrepancies: [...after.discrepancies],
        },
        context,
      ),
    );
  }
  return events;
}

export function discrepancyResolvedEvent(after: InboundShipment, discrepancy: Discrepancy, context: EventContext): PendingEvent {
  return pending(inboundDiscrepancyResolvedV1, after, { ...refOf(after), discrepancy }, context);
}
