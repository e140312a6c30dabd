import type { Context, SQSEvent } from 'aws-lambda';
import { createEvent } from '../../../events/envelope';
import { orderAllocatedV1, orderCancelledV1 } from '../../../events/fulfilment';
import { stockAdjustedV1 } from '../../../events/stock';
import { eventConsumer, eventsConsumer, on } from '../../../functions/shared/event-consumer';

const meta = (eventId: string) => ({ eventId, occurredAt: '2026-11-20T10:00:00.000Z', correlationId: 'ord_1', sellerId: 'seller_1' });
const allocated = createEvent(
  orderAllocatedV1,
  { orderId: 'ord_1', warehouseCode: 'MX-CTT-01', country: 'MX', lines: [{ sku: 'A', quantity: 1 }], transitDays: 2, fromBackorder: true },
  meta('evt_a'),
);
const cancelled = createEvent(
  orderCancelledV1,
  { orderId: 'ord_1', warehouseCode: 'MX-CTT-01', country: 'MX', released: [], stage: 'backordered' },
  meta('evt_c'),
);

/** SQS records as the bus rule's target delivers them: the EventBridge event as the body. */
function sqsEvent(...bodies: { type: string; detail: unknown }[]): SQSEvent {
  return {
    Records: bodies.map(({ type, detail }, index) => ({
      messageId: `m${index}`,
      body: JSON.stringify({ 'detail-type': type, source: 'enlace.fulfilment', detail }),
      receiptHandle: 'r',
      attributes: {} as never,
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
      awsRegion: 'us-east-1',
    })),
  };
}
const context = { functionName: 'test', awsRequestId: 'req' } as Context;

describe('eventsConsumer', () => {
  it('hands each record to the handler of the type it names, validated', async () => {
    const seen: string[] = [];
    const consume = eventsConsumer([
      on(orderAllocatedV1, async (event) => void seen.push(`allocated ${event.data.lines[0]!.sku}`)),
      on(orderCancelledV1, async (event) => void seen.push(`cancelled ${event.data.stage}`)),
    ]);
    const result = await consume(sqsEvent({ type: 'order.allocated', detail: allocated }, { type: 'order.cancelled', detail: cancelled }), context);
    expect(result.batchItemFailures).toEqual([]);
    expect(seen.sort()).toEqual(['allocated A', 'cancelled backordered']);
  });

  it('fails only the record of a type it does not take (to the DLQ after retries), not the batch', async () => {
    const seen: string[] = [];
    const consume = eventsConsumer([on(orderAllocatedV1, async (event) => void seen.push(event.metadata.eventId)), on(stockAdjustedV1, async () => undefined)]);
    const result = await consume(sqsEvent({ type: 'order.cancelled', detail: cancelled }, { type: 'order.allocated', detail: allocated }), context);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    expect(seen).toEqual(['evt_a']);
  });

  it('fails a record whose detail breaks its contract', async () => {
    const consume = eventsConsumer([on(orderAllocatedV1, async () => undefined), on(orderCancelledV1, async () => undefined)]);
    const broken = { ...allocated, data: { ...allocated.data, lines: [] } };
    const result = await consume(sqsEvent({ type: 'order.allocated', detail: broken }), context);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
  });

  it('with one contract, validates the detail against it whatever the detail-type says', async () => {
    const seen: string[] = [];
    const consume = eventConsumer(orderAllocatedV1, async (event) => void seen.push(event.metadata.eventId));
    expect((await consume(sqsEvent({ type: 'order.allocated', detail: allocated }), context)).batchItemFailures).toEqual([]);
    expect((await consume(sqsEvent({ type: 'order.allocated', detail: cancelled }), context)).batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    expect(seen).toEqual(['evt_a']);
  });
});
