import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { createOrder } from '../../domain/order/order';
import { orderInputSchema } from '../../domain/order/order-input';
import { createEvent } from '../../events/envelope';
import { orderReceivedV1 } from '../../events/order-received';
import { toPending } from '../../events/pending';
import { buildHandler as buildRelay } from '../../functions/outbox-publisher/relay';
import { buildPublishEvents, type PublishEvents } from '../../functions/shared/bus/event-publisher';
import { migrateLegacyOrderIdempotency } from '../../functions/shared/store/order-idempotency-migration';
import { buildGetOrder, buildSaveNewOrder } from '../../functions/shared/store/order-store';
import { keys } from '../../functions/shared/store/keys';
import { sampleOrderBody } from '../fixtures/orders';
import { createTestTable, eventually, localClientConfig, localCloud, localDynamoDb } from '../setup/local-cloud-client';
import { relayStreamEvent } from '../setup/table-stream';

const { client, documents } = localDynamoDb();
const context = { awsRequestId: 'test', functionName: 'outbox-publisher' } as Context;

function newOrder(orderId: string, externalOrderId: string, sellerId = 'seller-sz-001') {
  const order = createOrder(orderInputSchema.parse(sampleOrderBody({ externalOrderId, sellerId })), { orderId, receivedAt: new Date().toISOString() });
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

  it("lists a seller's orders by time through their idempotency items, so the order item itself is in no index and a status change writes none", async () => {
    const { tableName } = await createTestTable(client);
    const save = buildSaveNewOrder(documents, tableName);
    for (const [orderId, external] of [
      ['ord_L1', 'EXT-L1'],
      ['ord_L2', 'EXT-L2'],
    ] as const) {
      const { order, pending } = newOrder(orderId, external);
      await save(order, `hash-${orderId}`, pending);
    }
    const rival = newOrder('ord_L3', 'EXT-L3', 'seller-rival-9');
    await save(rival.order, 'hash-rival', rival.pending);

    const { Items: listed = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :orders)',
        ExpressionAttributeValues: { ':pk': 'SELLER#seller-sz-001', ':orders': 'ORDER#' },
      }),
    );
    expect(listed.map((item) => [String(item.type), String(item.orderId)])).toEqual([
      ['OrderIdempotency', 'ord_L1'],
      ['OrderIdempotency', 'ord_L2'],
    ]);
    const { Item: stored } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.order('ord_L1') }));
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('gsi1pk');
    expect(stored).not.toHaveProperty('gsi1sk');
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

  it("scopes the idempotency key to the seller: another seller's identical external id makes its own order and blocks nothing", async () => {
    const { tableName } = await createTestTable(client);
    const save = buildSaveNewOrder(documents, tableName);
    // The competitor posts the victim's future marketplace id first.
    const squat = newOrder('ord_SQUAT', 'MLB-4400001', 'seller-rival-9');
    await expect(save(squat.order, 'hash-rival', squat.pending)).resolves.toEqual({ kind: 'created' });
    const real = newOrder('ord_REAL', 'MLB-4400001');
    await expect(save(real.order, 'hash-real', real.pending)).resolves.toEqual({ kind: 'created' });
    // The real seller's retry is still idempotent.
    const retry = newOrder('ord_RETRY', 'MLB-4400001');
    await expect(save(retry.order, 'hash-real', retry.pending)).resolves.toEqual({
      kind: 'duplicate',
      existing: { orderId: 'ord_REAL', sellerId: 'seller-sz-001', requestHash: 'hash-real' },
    });
    const orders = (await itemsOf(tableName)).filter((item) => item.type === 'Order').map((item) => item.orderId as string);
    expect(orders.sort()).toEqual(['ord_REAL', 'ord_SQUAT']);
  });

  it('still answers a retry of an order taken under the legacy (marketplace, external id) key as a duplicate, for that seller only', async () => {
    const { tableName } = await createTestTable(client);
    const legacy = {
      pk: 'IDEM#mercado-libre#MLB-LEGACY-1',
      sk: 'IDEM',
      type: 'OrderIdempotency',
      orderId: 'ord_OLD',
      sellerId: 'seller-sz-001',
      requestHash: 'h-old',
    };
    await documents.send(new PutCommand({ TableName: tableName, Item: legacy }));
    const save = buildSaveNewOrder(documents, tableName);
    const retry = newOrder('ord_NEW', 'MLB-LEGACY-1');
    await expect(save(retry.order, 'h-old', retry.pending)).resolves.toEqual({
      kind: 'duplicate',
      existing: { orderId: 'ord_OLD', sellerId: 'seller-sz-001', requestHash: 'h-old' },
    });
    const otherSeller = newOrder('ord_OTHER', 'MLB-LEGACY-1', 'seller-rival-9');
    await expect(save(otherSeller.order, 'h-other', otherSeller.pending)).resolves.toEqual({ kind: 'created' });
    expect((await itemsOf(tableName)).filter((item) => item.type === 'Order').map((item) => String(item.orderId))).toEqual(['ord_OTHER']);
  });

  it('backfills legacy keys to per-seller keys, rerunnably, and removes them when asked (the migration)', async () => {
    const { tableName } = await createTestTable(client);
    const legacy = (externalOrderId: string, sellerId: string, orderId: string) => ({
      pk: `IDEM#mercado-libre#${externalOrderId}`,
      sk: 'IDEM',
      type: 'OrderIdempotency',
      orderId,
      sellerId,
      requestHash: `h-${orderId}`,
    });
    for (const item of [legacy('MLB-1', 'seller-sz-001', 'ord_L1'), legacy('MLB#2', 'seller-gz-002', 'ord_L2')]) {
      await documents.send(new PutCommand({ TableName: tableName, Item: item }));
    }
    const fresh = newOrder('ord_FRESH', 'MLB-FRESH');
    await buildSaveNewOrder(documents, tableName)(fresh.order, 'h', fresh.pending);

    expect(await migrateLegacyOrderIdempotency(documents, tableName, { pageSize: 1 })).toEqual({ found: 2, copied: 2, alreadyCopied: 0, deleted: 0 });
    expect(await migrateLegacyOrderIdempotency(documents, tableName)).toEqual({ found: 2, copied: 0, alreadyCopied: 2, deleted: 0 });
    expect(await migrateLegacyOrderIdempotency(documents, tableName, { deleteLegacy: true })).toMatchObject({ found: 2, deleted: 2 });

    const keysNow = (await itemsOf(tableName)).filter((item) => item.type === 'OrderIdempotency').map((item) => item.pk as string);
    expect(keysNow.sort()).toEqual([
      'IDEM#seller-gz-002#mercado-libre#MLB#2',
      'IDEM#seller-sz-001#mercado-libre#MLB-1',
      'IDEM#seller-sz-001#mercado-libre#MLB-FRESH',
    ]);
    // After the backfill the seller's retry of the old order is found under the new key.
    const retry = newOrder('ord_RETRY', 'MLB-1');
    await expect(buildSaveNewOrder(documents, tableName)(retry.order, 'h-ord_L1', retry.pending)).resolves.toMatchObject({
      kind: 'duplicate',
      existing: { orderId: 'ord_L1' },
    });
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
