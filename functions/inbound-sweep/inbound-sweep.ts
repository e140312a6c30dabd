import type { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import { STALL_THRESHOLD_HOURS, stallDueAt, type InboundShipment } from '../../domain/inbound';
import { createEvent } from '../../events/envelope';
import { inboundStalledV1 } from '../../events/inbound';
import { toPending } from '../../events/pending';
import { logger as defaultLogger, metrics } from '../shared/observability';
import type { FindInboundStallCandidates, RaiseInboundStall } from '../shared/store/inbound-store';

export const scheduledEventSchema = z.looseObject({ time: z.iso.datetime({ offset: true }) });

export interface InboundSweepDeps {
  readonly findCandidates: FindInboundStallCandidates;
  readonly raiseStall: RaiseInboundStall;
  readonly newEventId: () => string;
  readonly logger?: Logger;
}

export interface InboundSweepSummary {
  readonly now: string;
  readonly examined: number;
  readonly raised: readonly string[];
  /** Due by the index but moved (or already raised) when read: nothing to raise. */
  readonly skipped: number;
  readonly lostRaces: number;
}

/**
 * Schedule → inbound shipments whose current leg has been silent past its threshold (per leg and
 * mode) → inbound.stalled, once per silence: the index query never scans, the write is conditional on
 * the version read, and "now" is the scheduled event's time.
 */
export function buildInboundSweep(deps: InboundSweepDeps) {
  const log = deps.logger ?? defaultLogger;
  return async (event: unknown): Promise<InboundSweepSummary> => {
    const now = new Date(scheduledEventSchema.parse(event).time).toISOString();
    const candidates = await deps.findCandidates(now);
    const raised: string[] = [];
    let skipped = 0;
    let lostRaces = 0;
    for (const shipment of candidates) {
      const due = stallDueAt(shipment.status, shipment.mode, shipment.statusSince);
      if (due === null || due > now || shipment.stallRaised !== undefined) {
        skipped += 1;
        continue;
      }
      if (await deps.raiseStall(shipment, stallKeyOf(shipment), stalledEvent(shipment, now, deps.newEventId), now)) {
        raised.push(shipment.inboundShipmentId);
        log.info('inbound shipment stalled', { inboundShipmentId: shipment.inboundShipmentId, status: shipment.status, since: shipment.statusSince });
      } else {
        lostRaces += 1;
      }
    }
    metrics.addMetric('InboundShipmentsStalled', 'Count', raised.length);
    return { now, examined: candidates.length, raised, skipped, lostRaces };
  };
}

const stallKeyOf = (shipment: InboundShipment) => `${shipment.status}@${shipment.statusSince}`;

function stalledEvent(shipment: InboundShipment, now: string, newEventId: () => string) {
  const status = shipment.status as keyof typeof STALL_THRESHOLD_HOURS;
  const hoursSilent = Math.round(((Date.parse(now) - Date.parse(shipment.statusSince)) / 3_600_000) * 10) / 10;
  return toPending(
    createEvent(
      inboundStalledV1,
      {
        inboundShipmentId: shipment.inboundShipmentId,
        reference: shipment.reference,
        warehouseCode: shipment.warehouseCode,
        country: shipment.country,
        status: shipment.status,
        mode: shipment.mode,
        silentSince: shipment.statusSince,
        hoursSilent,
        thresholdHours: STALL_THRESHOLD_HOURS[status][shipment.mode],
        stallKey: stallKeyOf(shipment),
      },
      { eventId: newEventId(), occurredAt: now, correlationId: shipment.inboundShipmentId, sellerId: shipment.sellerId },
    ),
  );
}
