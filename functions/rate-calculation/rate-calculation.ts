import type { Logger } from '@aws-lambda-powertools/logger';
import type { z } from 'zod';
import type { GetOrder } from '../../domain/order';
import { rateOrder, summariseQuote } from '../../domain/rating';
import { createEvent, type EnlaceEvent } from '../../events/envelope';
import { orderRatedV1, orderUnrateableV1 } from '../../events/order-rated';
import type { orderAllocatedV1 } from '../../events/fulfilment';
import type { orderReceivedV1 } from '../../events/order-received';
import { toPending } from '../../events/pending';
import { newId } from '../shared/ids';
import type { RecordRating } from '../shared/store/rating-store';

export interface RateCalculationDeps {
  readonly getOrder: GetOrder;
  readonly recordRating: RecordRating;
  readonly newEventId?: () => string;
  readonly now?: () => Date;
}

type OrderReceived = EnlaceEvent<z.output<typeof orderReceivedV1.data>>;
type OrderAllocated = EnlaceEvent<z.output<typeof orderAllocatedV1.data>>;

/**
 * order.received (or, for a backorder whose stock arrived, order.allocated from a backorder) →
 * price every service (domain) → store the quotes and move the order → order.rated | order.unrateable.
 * A backordered order is received before its units are: it is rated once they are allocated.
 */
export function buildRateCalculation(deps: RateCalculationDeps) {
  const { getOrder, recordRating, newEventId = () => newId('evt'), now = () => new Date() } = deps;
  const rate = async (orderId: string, causationId: string, log: Logger): Promise<void> => {
    const order = await getOrder(orderId);
    if (order === undefined) {
      throw new Error(`order ${orderId} not found`);
    }
    if (order.status === 'backordered') {
      log.info('order waits for stock; it is rated when its backorder is filled', { orderId });
      return;
    }
    const rating = rateOrder(order);
    const at = now().toISOString();
    const context = { eventId: newEventId(), occurredAt: at, correlationId: order.orderId, sellerId: order.sellerId, causationId };
    const event =
      rating.outcome === 'rated'
        ? createEvent(
            orderRatedV1,
            {
              orderId: order.orderId,
              quotedOn: rating.result.quotedOn,
              currency: rating.result.currency,
              serviceLevel: order.serviceLevel,
              quotes: rating.result.quotes.map(summariseQuote),
              ineligible: rating.result.ineligible.map((quote) => ({
                serviceId: quote.serviceId,
                reasons: quote.reasons.map(({ code, message }) => ({ code, message })),
              })),
            },
            context,
          )
        : createEvent(orderUnrateableV1, { orderId: order.orderId, reasons: rating.reasons }, context);
    const recorded = await recordRating({
      orderId: order.orderId,
      outcome: rating.outcome,
      ...(rating.result === undefined ? {} : { result: rating.result }),
      event: toPending(event),
      at,
    });
    log.info(recorded ? `order ${rating.outcome}` : 'order already rated; duplicate delivery ignored', {
      orderId: order.orderId,
      quotes: rating.result?.quotes.length ?? 0,
    });
  };
  return {
    received: (event: OrderReceived, log: Logger) => rate(event.data.order.orderId, event.metadata.eventId, log),
    /** The bus rule lets through only allocations of filled backorders; one made at intake was rated on order.received. */
    allocated: async (event: OrderAllocated, log: Logger) => {
      if (event.data.fromBackorder) await rate(event.data.orderId, event.metadata.eventId, log);
    },
  };
}
