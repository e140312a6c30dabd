import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createOrder } from '../../../../domain/order/order';
import { orderInputSchema } from '../../../../domain/order/order-input';
import type { PendingEvent } from '../../../../events/pending';
import { keys } from '../../../../functions/shared/store/keys';
import { buildFindOrderKey, buildSaveNewOrder, IDEMPOTENCY_KEY_VERSION, newOrderWrites } from '../../../../functions/shared/store/order-store';
import { sampleOrderBody } from '../../../fixtures/orders';

/*
 * The order store's idempotency guard (functions/shared/store/order-store.ts), as an adapter unit
 * test with aws-sdk-client-mock: a new order is one transaction whose idempotency record is put only
 * if absent, whose legacy (per-marketplace) key blocks only the same seller, and whose order item is
 * put only if absent; a cancelled transaction becomes "duplicate" with the record that holds the key
 * (this seller's, else this seller's legacy one), or is tried again. Exact expressions, keys and
 * reads are asserted so mutants of them are seen (npm run mutate); DynamoDB Local proves the same
 * under concurrency (tests/integration/order-store.int.test.ts).
 */

const TABLE = 'enlace-test';
const dynamo = mockClient(DynamoDBDocumentClient);
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));

const order = createOrder(orderInputSchema.parse(sampleOrderBody({ externalOrderId: 'EXT-1', sellerId: 'seller-sz-001' })), {
  orderId: 'ord_1',
  receivedAt: '2026-11-22T12:00:00.000Z',
});
const event: PendingEvent = { eventId: 'evt_1', detailType: 'order.received', source: 'enlace.orders', detail: { orderId: 'ord_1' } };
const ownKey = keys.orderIdempotency('seller-sz-001', order.marketplace, 'EXT-1');
const legacyKey = keys.legacyOrderIdempotency(order.marketplace, 'EXT-1');
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
const record = (sellerId: string, orderId = 'ord_first') => ({
  Item: { ...ownKey, type: 'OrderIdempotency', orderId, sellerId, requestHash: 'hash-first', keyVersion: 2 },
});
const getInputs = () => dynamo.commandCalls(GetCommand).map((call) => call.args[0].input);

beforeEach(() => {
  dynamo.reset();
  dynamo.on(GetCommand).resolves({});
});

describe('a new order: one transaction guarded by its idempotency key', () => {
  it('puts the record only if the key is free, checks the legacy key against this seller, and puts the order only if new', () => {
    const [idempotency, legacy, orderPut, outbox] = newOrderWrites(TABLE, order, 'hash-1', event);
    expect(idempotency).toEqual({
      Put: {
        TableName: TABLE,
        Item: {
          ...ownKey,
          // The seller's orders by time list the record (written once), not the order item.
          gsi1pk: 'SELLER#seller-sz-001',
          gsi1sk: `ORDER#${order.receivedAt}#ord_1`,
          type: 'OrderIdempotency',
          keyVersion: IDEMPOTENCY_KEY_VERSION,
          orderId: 'ord_1',
          sellerId: 'seller-sz-001',
          requestHash: 'hash-1',
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    expect(IDEMPOTENCY_KEY_VERSION).toBe(2);
    expect(ownKey.pk).toBe(`IDEM#seller-sz-001#${order.marketplace}#EXT-1`);
    expect(legacy).toEqual({
      ConditionCheck: {
        TableName: TABLE,
        Key: legacyKey,
        ConditionExpression: 'attribute_not_exists(pk) OR sellerId <> :sellerId',
        ExpressionAttributeValues: { ':sellerId': 'seller-sz-001' },
      },
    });
    expect(orderPut).toEqual({
      Put: {
        TableName: TABLE,
        Item: expect.objectContaining({ ...keys.order('ord_1'), type: 'Order', orderId: 'ord_1' }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    expect(orderPut).not.toHaveProperty('Put.Item.gsi1pk');
    expect(outbox).toEqual({ Put: { TableName: TABLE, Item: expect.objectContaining({ type: 'OutboxEvent' }) } });
    expect(outbox).not.toHaveProperty('Put.ConditionExpression');
  });

  it('sends exactly those items and answers created, reading nothing', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await expect(buildSaveNewOrder(documents, TABLE)(order, 'hash-1', event)).resolves.toEqual({ kind: 'created' });
    expect(dynamo.commandCalls(TransactWriteCommand).map((call) => call.args[0].input)).toEqual([
      { TransactItems: newOrderWrites(TABLE, order, 'hash-1', event) },
    ]);
    expect(getInputs()).toEqual([]);
  });

  it('answers duplicate with the record that holds this seller key, read consistently, when the transaction is cancelled', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None'));
    dynamo.on(GetCommand, { Key: ownKey }).resolves(record('seller-sz-001'));
    await expect(buildSaveNewOrder(documents, TABLE)(order, 'hash-1', event)).resolves.toEqual({
      kind: 'duplicate',
      existing: { orderId: 'ord_first', sellerId: 'seller-sz-001', requestHash: 'hash-first' },
    });
    expect(getInputs()).toEqual([{ TableName: TABLE, Key: ownKey, ConsistentRead: true }]);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it("answers duplicate with the same seller's legacy record when only the legacy key holds the order", async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed', 'None', 'None'));
    dynamo
      .on(GetCommand, { Key: legacyKey })
      .resolves({ Item: { ...legacyKey, orderId: 'ord_legacy', sellerId: 'seller-sz-001', requestHash: 'hash-legacy' } });
    await expect(buildSaveNewOrder(documents, TABLE)(order, 'hash-1', event)).resolves.toEqual({
      kind: 'duplicate',
      existing: { orderId: 'ord_legacy', sellerId: 'seller-sz-001', requestHash: 'hash-legacy' },
    });
    expect(getInputs()).toEqual([
      { TableName: TABLE, Key: ownKey, ConsistentRead: true },
      { TableName: TABLE, Key: legacyKey, ConsistentRead: true },
    ]);
  });

  it("never answers with another seller's legacy record: the cancellation was a conflict, so it tries again and creates", async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'TransactionConflict', 'None', 'None'))
      .resolves({});
    dynamo.on(GetCommand, { Key: legacyKey }).resolves({ Item: { ...legacyKey, orderId: 'ord_other', sellerId: 'seller-gz-002', requestHash: 'x' } });
    await expect(buildSaveNewOrder(documents, TABLE)(order, 'hash-1', event)).resolves.toEqual({ kind: 'created' });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('gives up after 4 cancelled attempts with no record found, and rethrows the cancellation', async () => {
    const conflict = cancelled('TransactionConflict', 'None', 'None', 'None');
    dynamo.on(TransactWriteCommand).rejects(conflict);
    await expect(buildSaveNewOrder(documents, TABLE)(order, 'hash-1', event)).rejects.toBe(conflict);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(4);
  });

  it('rethrows anything that is not a cancellation without reading or retrying', async () => {
    const throttled = new Error('ProvisionedThroughputExceeded');
    dynamo.on(TransactWriteCommand).rejects(throttled);
    await expect(buildSaveNewOrder(documents, TABLE)(order, 'hash-1', event)).rejects.toBe(throttled);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(getInputs()).toEqual([]);
  });
});

describe('FindOrderKey: who holds an order key', () => {
  it("is this seller's record when there is one, without reading the legacy key", async () => {
    dynamo.on(GetCommand, { Key: ownKey }).resolves(record('seller-sz-001', 'ord_mine'));
    await expect(buildFindOrderKey(documents, TABLE)(order)).resolves.toEqual({ orderId: 'ord_mine', sellerId: 'seller-sz-001', requestHash: 'hash-first' });
    expect(getInputs()).toEqual([{ TableName: TABLE, Key: ownKey, ConsistentRead: true }]);
  });

  it("is this seller's legacy record, and never another seller's", async () => {
    dynamo
      .on(GetCommand, { Key: legacyKey })
      .resolvesOnce({ Item: { orderId: 'ord_old', sellerId: 'seller-sz-001', requestHash: 'h' } })
      .resolves({
        Item: { orderId: 'ord_theirs', sellerId: 'seller-gz-002', requestHash: 'h' },
      });
    const find = buildFindOrderKey(documents, TABLE);
    await expect(find(order)).resolves.toEqual({ orderId: 'ord_old', sellerId: 'seller-sz-001', requestHash: 'h' });
    await expect(find(order)).resolves.toBeUndefined();
  });

  it('is nothing when neither key holds a record', async () => {
    await expect(buildFindOrderKey(documents, TABLE)(order)).resolves.toBeUndefined();
    expect(getInputs()).toEqual([
      { TableName: TABLE, Key: ownKey, ConsistentRead: true },
      { TableName: TABLE, Key: legacyKey, ConsistentRead: true },
    ]);
  });
});
