import type { z } from 'zod';
import { transitDaysBetween } from '../../domain/performance';
import type { Shipment } from '../../domain/shared/shipment';
import type { ShipmentTrackingState, StallCandidate, StallDecision, TimelineEvent, TrackingFact } from '../../domain/tracking';
import { promisedMaxDays, STATUS_DEFINITIONS } from '../../domain/tracking';
import { createEvent, type EventContract } from '../../events/envelope';
import { toPending, type PendingEvent } from '../../events/pending';
import { shipmentDeliveredV1, shipmentExceptionV1, shipmentStalledV1, shipmentStatusChangedV1 } from '../../events/shipment-tracking';

/** Turns the timeline's facts and the sweep's decisions into the tracking events of the catalog. */

export interface EventContext {
  readonly newEventId: () => string;
  /** When Enlace recorded the fact (metadata.occurredAt). */
  readonly at: string;
}

type Ref = Pick<Shipment, 'shipmentId' | 'orderId' | 'sellerId' | 'carrier' | 'trackingNumber' | 'lane'>;

function pending<TData extends z.ZodType>(contract: EventContract<string, TData>, shipment: Ref, data: z.input<TData>, context: EventContext): PendingEvent {
  const event = createEvent(contract, data, {
    eventId: context.newEventId(),
    occurredAt: context.at,
    correlationId: shipment.orderId,
    sellerId: shipment.sellerId,
  });
  return toPending(event);
}

const refOf = (shipment: Ref) => ({
  shipmentId: shipment.shipmentId,
  orderId: shipment.orderId,
  carrier: shipment.carrier,
  trackingNumber: shipment.trackingNumber,
  lane: shipment.lane,
});

const reportedBy = (event: TimelineEvent | undefined) => ({
  carrier: event?.carrier ?? 'unknown',
  carrierCode: event?.carrierCode ?? '',
  carrierDescription: event?.carrierDescription ?? '',
});

/** One event per fact, in the order the timeline produced them. */
export function trackingEvents(shipment: Shipment, state: ShipmentTrackingState, facts: readonly TrackingFact[], context: EventContext): PendingEvent[] {
  const byKey = new Map(state.timeline.map((event) => [event.eventKey, event]));
  return facts.map((fact) => {
    const source = byKey.get(fact.eventKey);
    const location = source?.location === undefined ? {} : { location: source.location };
    switch (fact.kind) {
      case 'status-changed':
        return pending(
          shipmentStatusChangedV1,
          shipment,
          {
            ...refOf(shipment),
            from: fact.from,
            to: fact.to,
            subStatus: fact.subStatus,
            description: STATUS_DEFINITIONS[fact.to].description,
            occurredAt: fact.occurredAt,
            reportedBy: reportedBy(source),
            ...location,
          },
          context,
        );
      case 'delivered': {
        const transitDays = transitDaysBetween(new Date(shipment.bookedAt), new Date(fact.occurredAt));
        return pending(
          shipmentDeliveredV1,
          shipment,
          {
            ...refOf(shipment),
            deliveredAt: fact.occurredAt,
            promisedBy: new Date(shipment.promisedBy).toISOString(),
            onTime: transitDays <= promisedMaxDays(shipment),
            transitDays,
            reportedBy: reportedBy(source),
          },
          context,
        );
      }
      case 'exception':
        return pending(
          shipmentExceptionV1,
          shipment,
          {
            ...refOf(shipment),
            status: fact.status,
            subStatus: fact.subStatus,
            description: STATUS_DEFINITIONS[fact.status].description,
            occurredAt: fact.occurredAt,
            reportedBy: { carrier: source?.carrier ?? 'unknown', carrierCode: fact.carrierCode, carrierDescription: fact.carrierDescription },
            ...location,
          },
          context,
        );
    }
  });
}

export function stalledEvent(candidate: StallCandidate, decision: Extract<StallDecision, { stalled: true }>, context: EventContext): PendingEvent {
  return pending(
    shipmentStalledV1,
    candidate,
    {
      ...refOf(candidate),
      status: decision.status,
      leg: decision.leg,
      silentSince: decision.silentSince,
      hoursSilent: Math.round(decision.hoursSilent * 10) / 10,
      thresholdHours: decision.thresholdHours,
      lastEventAt: candidate.lastEventAt,
      stallKey: decision.stallKey,
    },
    context,
  );
}
