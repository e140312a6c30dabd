import type { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import type { EnqueueDeliveries, ListSubscriptions, NextSequence } from '../../domain/notifications';
import {
  deliveryIdFor,
  isNotifiable,
  needsDestinationCountry,
  subjectOf,
  toPublicNotification,
  wantsEvent,
  type InternalEvent,
} from '../../domain/notifications';
import type { GetOrder } from '../../domain/order';
import { EVENT_CATALOG } from '../../events/catalog';
import { eventMetadataSchema, InvalidEventError, parseEvent } from '../../events/envelope';

export interface NotificationFanoutDeps {
  readonly listSubscriptions: ListSubscriptions;
  readonly nextSequence: NextSequence;
  readonly getOrder: GetOrder;
  readonly enqueueDeliveries: EnqueueDeliveries;
  readonly now?: () => Date;
}

const anyEnlaceEvent = z.object({ metadata: eventMetadataSchema, data: z.record(z.string(), z.unknown()) });

/**
 * Reads an Enlace event off the bus generically: the envelope must be valid, and when the catalog
 * holds the event's contract (type and version) the data must satisfy it too. Events the catalog
 * does not know yet (another team's new event) are forwarded with their data as published.
 */
export function parseAnyEvent(detail: unknown): InternalEvent {
  const parsed = anyEnlaceEvent.safeParse(detail);
  if (!parsed.success) {
    const type = (detail as { metadata?: { type?: unknown } } | undefined)?.metadata?.type;
    throw new InvalidEventError(typeof type === 'string' ? type : 'unknown', parsed.error.issues);
  }
  const contract = EVENT_CATALOG.find((candidate) => candidate.type === parsed.data.metadata.type && candidate.version === parsed.data.metadata.version);
  return contract === undefined ? parsed.data : parseEvent(contract, detail);
}

/**
 * One event → every subscription of the event's seller that wants it: queries only that seller's
 * subscriptions (tenant isolation is the key, not a filter), numbers the event within its order,
 * and queues one signed-delivery job per subscription. Returns how many jobs it queued.
 */
export function buildNotificationFanout(deps: NotificationFanoutDeps) {
  const { listSubscriptions, nextSequence, getOrder, enqueueDeliveries, now = () => new Date() } = deps;
  return async (event: InternalEvent, log: Logger): Promise<number> => {
    const { type, sellerId, eventId } = event.metadata;
    if (!isNotifiable(type)) {
      return 0;
    }
    const candidates = (await listSubscriptions(sellerId)).filter((subscription) => subscription.sellerId === sellerId && subscription.status === 'active');
    if (candidates.length === 0) {
      return 0;
    }
    const destinationCountry = candidates.some(needsDestinationCountry) ? await destinationOf(event, getOrder) : undefined;
    const wanted = candidates.filter((subscription) => wantsEvent(subscription, { type, ...(destinationCountry === undefined ? {} : { destinationCountry }) }));
    if (wanted.length === 0) {
      return 0;
    }
    const subject = subjectOf(event);
    const sequence = await nextSequence({ ...subject, sellerId }, eventId);
    const payload = toPublicNotification(event, sequence);
    const firstAttemptAt = now().toISOString();
    await enqueueDeliveries(
      wanted.map((subscription) => ({
        deliveryId: deliveryIdFor(eventId, subscription.subscriptionId),
        subscriptionId: subscription.subscriptionId,
        sellerId,
        payload,
        firstAttemptAt,
      })),
    );
    log.info('notification fanned out', { type, sequence, subscriptions: wanted.map((subscription) => subscription.subscriptionId) });
    return wanted.length;
  };
}

/**
 * The destination: in the event when it carries it (order.received's order; every inventory event
 * names its warehouse's country), else from the stored order.
 */
async function destinationOf(event: InternalEvent, getOrder: GetOrder): Promise<string | undefined> {
  const data = event.data as { order?: { shipTo?: { country?: unknown } }; country?: unknown } | undefined;
  const carried = data?.order?.shipTo?.country ?? data?.country;
  if (typeof carried === 'string') {
    return carried;
  }
  if (subjectOf(event).kind !== 'order') {
    return undefined;
  }
  return (await getOrder(event.metadata.correlationId))?.shipTo.country;
}
