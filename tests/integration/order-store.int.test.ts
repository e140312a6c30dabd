import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { createOrder } from '../../domain/order/order';
import { orderInputSchema } from '../../domain/order/order-input';
import { createEvent } from '../../events/envelope';
import { orderReceivedV1 } from '../../events/order-received';
import { toPending } from '../../events/pending';
import { buildHandler as buildRelay } from '../../functions/outbox-publisher/relay';
import { buildPublishEvents, type PublishEvents } from '../../functions/shared/bus/event-publisher';
import { buildGetOrder, buildSaveNewOrder } from '../../functions/shared/store/order-store';
import { sampleOrderBody } from '../fixtures/orders';
import { createTestTable, eventually, localClientConfig, localCloud, localDynamoDb } from '../setup/local-cloud-client';
import { relayStreamEvent } from '../setup/table-stream';

const { client, documents } = localDynamoDb();
const context = { awsRequestId: 'test', functionName: 'outbox-publisher' } as Context;

function newOrder(orderId: string, externalOrderId: string) {
  const order = createOrder(orderInputSchema.parse(sampleOrderBody({ externalOrderId })), { orderId, receivedAt: new Date().toISOString() });
  const event = createEvent(
    orderReceivedV1,
    { order },
    { eventId: `evt_${orderId}`, occurredAt: order.receivedAt, correlationId: orderId, sellerId: order.sellerId },
  );
  return { order, pending: toPending(event) };
}

async function itemsOf(tableName: string) {
  const { Items = [] } = await documents.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return Items;
}

describe('order store against DynamoDB Local', () => {
  it('writes the order, its idempotency key and its outbox event together, and reads the order back', async () => {
    const { tableName } = await createTestTable(client);
    const { order, pending } = newOrder('ord_A1', 'EXT-A1');
    await expect(buildSaveNewOrder(documents, tableName)(order, 'hash-1', pending)).resolves.toEqual({ kind: 'created' });
    const items = await itemsOf(tableName);
    expect(items.map((item) => String(item.type)).sort()).toEqual(['Order', 'OrderIdempotency', 'OutboxEvent']);
    expect(await buildGetOrder(documents, tableName)('ord_A1')).toEqual(order);
  });

  it('creates exactly one order from concurrent duplicates; every loser learns the winner', async () => {
    const { tableName } = await createTestTable(client);
    const save = buildSaveNewOrder(documents, tableName);
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, index) => {
        const { order, pending } = newOrder(`ord_C${index}`, 'EXT-CONCURRENT');
        return save(order, 'same-hash', pending);
      }),
    );
    const created = outcomes.filter((outcome) => outcome.kind === 'created');
    expect(created).toHaveLength(1);
    const items = await itemsOf(tableName);
    expect(items.filter((item) => item.type === 'Order')).toHaveLength(1);
    expect(items.filter((item) => item.type === 'OutboxEvent')).toHaveLength(1);
    const winner = items.find((item) => item.type === 'Order')!.orderId as string;
    for (const outcome of outcomes) {
      if (outcome.kind === 'duplicate') {
        expect(outcome.existing).toEqual({ orderId: winner, sellerId: 'seller-sz-001', requestHash: 'same-hash' });
      }
    }
  });

  it('loses no event when the process dies between the write and the publish (fault injection)', async () => {
    const { tableName, streamArn } = await createTestTable(client);
    const { order, pending } = newOrder(`ord_F${Date.now()}`, `EXT-F${Date.now()}`);
    await buildSaveNewOrder(documents, tableName)(order, 'hash', pending);
    // The intake has returned; nothing was published yet. The event waits in the stream.
    const event = await relayStreamEvent(streamArn!);
    expect(event.Records).toHaveLength(1);

    // The relay's first run hits an EventBridge outage: the invocation fails (every record failed), so
    // the stream keeps the batch and retries it; nothing is dropped.
    const realPublish = buildPublishEvents(new EventBridgeClient(localClientConfig(localCloud().eventbridge)), 'enlace');
    const outage: PublishEvents = async () => {
      throw new Error('EventBridge unavailable');
    };
    await expect(buildRelay(outage)(event, context)).rejects.toThrow(FullBatchFailureError);

    // The stream retries the same record; this time it is published.
    const retried = await buildRelay(realPublish)(event, context);
    expect(retried.batchItemFailures).toEqual([]);
    const published = await eventually(async () => {
      const events = (await (await fetch(`${localCloud().admin}/events`)).json()) as { detail: { metadata?: { eventId: string } } }[];
      return events.find((candidate) => candidate.detail.metadata?.eventId === pending.eventId);
    });
    expect(published.detail).toEqual(pending.detail);
  });
});
