import type { Logger } from '@aws-lambda-powertools/logger';
import type { FindShipmentsByTrackingNumber, PollPolicy, SubscribeTracking } from '../../domain/tracking';
import { DEFAULT_POLL_POLICY, firstPollAt, trackingOf } from '../../domain/tracking';
import { newId } from '../shared/ids';
import { logger as defaultLogger, metrics } from '../shared/observability';
import type { RegisterPoll } from '../shared/store/poll-store';
import type { Registration } from '../shared/store/registration-records';
import type { ForgetUnmatched, GetUnmatched } from '../shared/store/unmatched-store';
import type { EnqueueTrackingMessage } from '../shared/tracking-queue';

export interface TrackingRegistrationDeps {
  readonly getUnmatched: GetUnmatched;
  readonly forgetUnmatched: ForgetUnmatched;
  readonly findShipments: FindShipmentsByTrackingNumber;
  readonly enqueue: EnqueueTrackingMessage;
  readonly registerPoll: RegisterPoll;
  readonly subscribe: SubscribeTracking;
  readonly policy?: PollPolicy;
  readonly now?: () => Date;
  readonly newReceiptId?: () => string;
  readonly logger?: Logger;
}

/** One stream record: its sequence number and what it registers (undefined for a record the filters should not pass). */
export interface RegistrationRecord {
  readonly sequenceNumber: string;
  readonly registration: Registration | undefined;
}

/**
 * Table stream → tracking-registration: what tracking does when a tracking number becomes known.
 *
 * - A shipment is booked: updates kept for its number (UNMATCHED, a carrier that was faster than the
 *   booking) are replayed; a carrier Enlace polls gets its poll schedule; a source that follows
 *   numbers one by one (17TRACK, AfterShip, UPS Track Alert) is asked to follow it.
 * - A line-haul number becomes an alias of a shipment: updates kept for it are replayed.
 * - Updates are kept for a number (INSERT, or more added): if the number is registered after all (the
 *   booking landed between ingestion's look-up and the keep), they are replayed; this closes the race
 *   from the other side.
 *
 * A replay queues the kept updates on the tracking queue (a `replay` message), then forgets them,
 * only if nothing was added meanwhile. Replays are idempotent: updates already on the timeline are
 * duplicates and change nothing, so a stream record delivered twice replays twice harmlessly.
 * Records are handled in order; the first that fails is reported, so the stream retries from it.
 */
export function buildTrackingRegistration(deps: TrackingRegistrationDeps) {
  const { getUnmatched, forgetUnmatched, findShipments, enqueue, registerPoll, subscribe, policy = DEFAULT_POLL_POLICY } = deps;
  const { now = () => new Date(), newReceiptId = () => newId('rpl') } = deps;
  const log = deps.logger ?? defaultLogger;

  async function replay(carrier: string, trackingNumber: string): Promise<number> {
    const kept = await getUnmatched(carrier, trackingNumber);
    if (kept === undefined || kept.updates.length === 0) return 0;
    await enqueue({ kind: 'replay', receiptId: newReceiptId(), carrier, trackingNumber, receivedAt: now().toISOString(), updates: kept.updates });
    const forgotten = await forgetUnmatched(carrier, trackingNumber, kept.receivedCount);
    metrics.addMetric('UnmatchedUpdatesReplayed', 'Count', kept.updates.length);
    log.info('unmatched tracking updates replayed', { carrier, trackingNumber, updates: kept.updates.length, received: kept.receivedCount, forgotten });
    return kept.updates.length;
  }

  async function handle(registration: Registration): Promise<void> {
    switch (registration.kind) {
      case 'booked': {
        const { shipment } = registration;
        await replay(shipment.carrier, shipment.trackingNumber);
        const primary = trackingOf(shipment.carrier)?.primary;
        if (primary?.kind === 'poll') {
          await registerPoll(shipment, firstPollAt(shipment.bookedAt, policy), now().toISOString());
          log.info('polling scheduled', { shipmentId: shipment.shipmentId, carrier: shipment.carrier });
        } else if (primary !== undefined && primary.subscription === 'per-number') {
          await subscribe({ source: primary, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, shipmentId: shipment.shipmentId });
          metrics.addMetric('TrackingSubscriptions', 'Count', 1);
          log.info('tracking subscribed', { shipmentId: shipment.shipmentId, carrier: shipment.carrier, feed: primary.feed });
        }
        return;
      }
      case 'alias':
        await replay(registration.carrier, registration.trackingNumber);
        return;
      case 'unmatched': {
        const claimed = await findShipments(registration.trackingNumber, [registration.carrier]);
        if (claimed.length > 0) await replay(registration.carrier, registration.trackingNumber);
        return;
      }
    }
  }

  return async (records: readonly RegistrationRecord[]): Promise<{ readonly failedFrom?: string }> => {
    for (const { sequenceNumber, registration } of records) {
      if (registration === undefined) continue;
      try {
        await handle(registration);
      } catch (error) {
        log.error('tracking registration failed; the stream retries from this record', { registration, error: error as Error });
        return { failedFrom: sequenceNumber };
      }
    }
    return {};
  };
}
