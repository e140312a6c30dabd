import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError, SubscriptionChangedError, SubscriptionLimitError, type DeadLetter, type DeliveryJob } from '../../domain/notifications/ports';
import { createSubscription, MAX_SUBSCRIPTIONS_PER_SELLER, rotateSecret } from '../../domain/notifications/subscription';
import { parseDeliveryJob } from '../../functions/shared/notifications/delivery-job';
import { buildDelayRetry, buildEnqueueDeliveries } from '../../functions/shared/notifications/delivery-queue';
import { keys } from '../../functions/shared/store/keys';
import {
  buildDeleteDeadLetter,
  buildDeleteSubscription,
  buildFindSubscription,
  buildGetDeadLetter,
  buildGetSubscription,
  buildListDeadLetters,
  buildListSubscriptions,
  buildNextSequence,
  buildSaveDeadLetter,
  buildSaveSubscription,
} from '../../functions/shared/store/subscription-store';
import { fakeSecretBox } from '../fakes/notifications';
import { createTestTable, localClientConfig, localCloud, localDynamoDb } from '../setup/local-cloud-client';
import { expectEvery } from '../setup/assertions';

const { client, documents } = localDynamoDb();
const box = fakeSecretBox();
const now = new Date('2026-11-22T12:00:00.000Z');

function subscription(sellerId: string, subscriptionId: string) {
  return createSubscription(
    { sellerId, target: { kind: 'https', url: 'https://erp.example.com/hooks' }, eventTypes: ['*'], filter: {} },
    { subscriptionId, secret: `whsec_${subscriptionId}`, now },
  );
}

const payload = (sequence: number) => ({
  formatVersion: 1 as const,
  eventId: `evt_${sequence}`,
  type: 'order.rated',
  version: 1,
  occurredAt: now.toISOString(),
  orderId: 'ord_1',
  subject: { kind: 'order' as const, id: 'ord_1' },
  sellerId: 'seller-a',
  sequence,
  data: { orderId: 'ord_1' },
});

const deadLetter = (index: number, subscriptionId = 'sub_1'): DeadLetter => ({
  deliveryId: `dlv_${String(index).padStart(32, '0')}`,
  subscriptionId,
  sellerId: 'seller-a',
  payload: payload(index + 1),
  firstAttemptAt: now.toISOString(),
  deadAt: now.toISOString(),
  attempts: 13,
  lastError: 'HTTP 500',
});

describe('subscription store (DynamoDB Local)', () => {
  let tableName: string;
  beforeAll(async () => {
    ({ tableName } = await createTestTable(client));
  });

  it('holds the 20-per-seller cap under 40 concurrent creations (regression: count-then-insert made 40)', async () => {
    const save = buildSaveSubscription(documents, tableName, box);
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, (_, index) => save(subscription('seller-race', `sub_race${index}`))));
    const created = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as Error] : []));
    expect(created).toHaveLength(MAX_SUBSCRIPTIONS_PER_SELLER);
    expect(refused).toHaveLength(40 - MAX_SUBSCRIPTIONS_PER_SELLER);
    expectEvery(refused, (error) => error instanceof SubscriptionLimitError);
    expect(await buildListSubscriptions(documents, tableName)('seller-race')).toHaveLength(MAX_SUBSCRIPTIONS_PER_SELLER);

    // Deleting frees exactly one place, also under concurrency (a double delete frees one).
    const remove = buildDeleteSubscription(documents, tableName);
    const [first, second] = (await buildListSubscriptions(documents, tableName)('seller-race')).map((item) => item.subscriptionId);
    await Promise.all([remove('seller-race', first!), remove('seller-race', first!), remove('seller-race', second!)]);
    const again = await Promise.allSettled(Array.from({ length: 5 }, (_, index) => save(subscription('seller-race', `sub_again${index}`))));
    expect(again.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as Error).name] : []))).toEqual(
      Array(3).fill('SubscriptionLimitError'),
    );
    expect(await buildListSubscriptions(documents, tableName)('seller-race')).toHaveLength(MAX_SUBSCRIPTIONS_PER_SELLER);
  });

  it('never writes a signing secret in the clear: the item holds the sealed value and a hint, and only an opening reader sees the value', async () => {
    const { Item } = await (async () => {
      await buildSaveSubscription(documents, tableName, box)(subscription('seller-sealed', 'sub_sealed'));
      return documents.send(new GetCommand({ TableName: tableName, Key: keys.subscription('seller-sealed', 'sub_sealed') }));
    })();
    expect(JSON.stringify(Item)).not.toContain('whsec_sub_sealed');
    expect(Item!.secrets).toEqual([{ hint: 'whsec_…aled', createdAt: now.toISOString(), sealed: expect.objectContaining({ scheme: 'fake' }) }]);
    const stored = await buildGetSubscription(documents, tableName)('seller-sealed', 'sub_sealed');
    expect(stored!.secrets[0]!.secret).toBeUndefined();
    const opened = await buildGetSubscription(documents, tableName, box)('seller-sealed', 'sub_sealed');
    expect(opened!.secrets[0]!.secret).toBe('whsec_sub_sealed');
  });

  it('reads a subscription stored before secrets were sealed, and seals its secret on the next write', async () => {
    const legacy = subscription('seller-legacy', 'sub_legacy');
    const { hint: _hint, ...clearEntry } = legacy.secrets[0]!;
    await documents.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.subscription(legacy.sellerId, legacy.subscriptionId), type: 'Subscription', ...legacy, secrets: [clearEntry] },
      }),
    );
    const read = await buildGetSubscription(documents, tableName)('seller-legacy', 'sub_legacy');
    expect(read!.secrets[0]).toMatchObject({ secret: 'whsec_sub_legacy', hint: 'whsec_…gacy' });
    await buildSaveSubscription(documents, tableName, box)(rotateSecret(read!, 'whsec_new', now, 0));
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.subscription('seller-legacy', 'sub_legacy') }));
    expect(JSON.stringify(Item)).not.toMatch(/whsec_sub_legacy|whsec_new/);
  });

  it('counts the subscriptions a seller had before the count existed', async () => {
    for (let index = 0; index < MAX_SUBSCRIPTIONS_PER_SELLER; index += 1) {
      // Written as the store did before the count: the subscription item alone.
      const old = subscription('seller-old', `sub_old${index}`);
      await documents.send(
        new PutCommand({ TableName: tableName, Item: { ...keys.subscription(old.sellerId, old.subscriptionId), type: 'Subscription', ...old } }),
      );
    }
    await expect(buildSaveSubscription(documents, tableName, box)(subscription('seller-old', 'sub_new'))).rejects.toBeInstanceOf(SubscriptionLimitError);
    await buildDeleteSubscription(documents, tableName)('seller-old', 'sub_old0');
    await expect(buildSaveSubscription(documents, tableName, box)(subscription('seller-old', 'sub_new'))).resolves.toBeUndefined();
  });

  it("keeps each seller's subscriptions in the seller's partition and finds one only among the caller's sellers", async () => {
    const save = buildSaveSubscription(documents, tableName, box);
    await save(subscription('seller-a', 'sub_a1'));
    await save(subscription('seller-a', 'sub_a2'));
    await save(subscription('seller-b', 'sub_b1'));
    const list = buildListSubscriptions(documents, tableName);
    expect((await list('seller-a')).map((item) => item.subscriptionId).sort()).toEqual(['sub_a1', 'sub_a2']);
    expect((await list('seller-b')).map((item) => item.subscriptionId)).toEqual(['sub_b1']);
    const find = buildFindSubscription(documents, tableName);
    expect((await find(['seller-c', 'seller-b'], 'sub_b1'))?.sellerId).toBe('seller-b');
    expect(await find(['seller-a'], 'sub_b1')).toBeUndefined();
    expect(await find([], 'sub_b1')).toBeUndefined();
    const opened = (await buildGetSubscription(documents, tableName, box)('seller-a', 'sub_a1'))!;
    expect({ ...opened, secrets: opened.secrets.map(({ sealed: _sealed, ...secret }) => secret) }).toEqual(subscription('seller-a', 'sub_a1'));
  });

  it('refuses to create a subscription twice, or to write over a change it did not see', async () => {
    const save = buildSaveSubscription(documents, tableName, box);
    const original = subscription('seller-a', 'sub_race');
    await save(original);
    await expect(save(original)).rejects.toThrow(SubscriptionChangedError);
    const first = rotateSecret(original, 'whsec_2', now);
    const second = rotateSecret(original, 'whsec_3', now);
    await save(first);
    await expect(save(second)).rejects.toThrow(SubscriptionChangedError);
    expect((await buildGetSubscription(documents, tableName, box)('seller-a', 'sub_race'))?.secrets[0]?.secret).toBe('whsec_2');
  });

  it('numbers the events of an order contiguously under concurrency, and answers a repeated event with its number', async () => {
    const next = buildNextSequence(documents, tableName);
    const order = (id: string) => ({ kind: 'order' as const, id, sellerId: 'seller-a' });
    const events = Array.from({ length: 20 }, (_, index) => `evt_${index}`);
    const numbers = await Promise.all(events.map((eventId) => next(order('ord_seq'), eventId)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(events.map((_, index) => index + 1));
    const repeats = await Promise.all(events.slice(0, 5).flatMap((eventId) => [next(order('ord_seq'), eventId), next(order('ord_seq'), eventId)]));
    expect(repeats).toEqual(events.slice(0, 5).flatMap((_, index) => [numbers[index], numbers[index]]));
    expect(await next(order('ord_other'), 'evt_0')).toBe(1);
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.notificationSequence(order('ord_seq')) }));
    expect(Item?.last).toBe(20);
  });

  it("counts inventory subjects per seller: two sellers' same SKU in the same warehouse have their own sequences", async () => {
    const next = buildNextSequence(documents, tableName);
    const stock = (sellerId: string) => ({ kind: 'stock' as const, id: 'MX-CTT-01/SKU-1', sellerId });
    const numbers = await Promise.all(['a', 'b', 'c'].map((eventId) => next(stock('seller-a'), `evt_stock_${eventId}`)));
    expect([...numbers].sort()).toEqual([1, 2, 3]);
    expect(await next(stock('seller-b'), 'evt_stock_d')).toBe(1);
    expect(await next({ kind: 'inbound-shipment', id: 'MX-CTT-01/SKU-1', sellerId: 'seller-a' }, 'evt_stock_e')).toBe(1);
  });

  it('pages dead letters with an opaque cursor, and rejects a cursor it did not issue', async () => {
    const save = buildSaveDeadLetter(documents, tableName);
    await Promise.all([0, 1, 2, 3, 4].map((index) => save(deadLetter(index))));
    await save(deadLetter(9, 'sub_other'));
    const list = buildListDeadLetters(documents, tableName);
    const first = await list('seller-a', 'sub_1', { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.cursor).toBeDefined();
    const second = await list('seller-a', 'sub_1', { limit: 3, cursor: first.cursor! });
    expect([...first.items, ...second.items].map((item) => item.deliveryId)).toEqual([0, 1, 2, 3, 4].map((index) => deadLetter(index).deliveryId));
    expect(first.items[0]).toEqual(deadLetter(0));
    for (const forged of ['SUBSCRIPTION#sub_1', `DEADLETTER#sub_1#${'x'.repeat(1_500)}`, 'DEADLETTER#sub_1#']) {
      await expect(list('seller-a', 'sub_1', { limit: 3, cursor: Buffer.from(forged).toString('base64url') })).rejects.toThrow(InvalidCursorError);
    }
    expect(await buildGetDeadLetter(documents, tableName)('seller-a', 'sub_1', deadLetter(4).deliveryId)).toEqual(deadLetter(4));
    await buildDeleteDeadLetter(documents, tableName)('seller-a', 'sub_1', deadLetter(4).deliveryId);
    expect(await buildGetDeadLetter(documents, tableName)('seller-a', 'sub_1', deadLetter(4).deliveryId)).toBeUndefined();
    // Dead letters expire with the table's TTL after 14 days.
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.deadLetter('seller-a', 'sub_1', deadLetter(0).deliveryId) }));
    expect(Item?.expiresAt).toBe(Math.floor(now.getTime() / 1000) + 14 * 86_400);
  });

  it('deletes a subscription with its dead letters, leaving the others', async () => {
    const save = buildSaveDeadLetter(documents, tableName);
    await buildSaveSubscription(documents, tableName, box)(subscription('seller-a', 'sub_gone'));
    await Promise.all(Array.from({ length: 30 }, (_, index) => save(deadLetter(index, 'sub_gone'))));
    await buildDeleteSubscription(documents, tableName)('seller-a', 'sub_gone');
    expect(await buildGetSubscription(documents, tableName)('seller-a', 'sub_gone')).toBeUndefined();
    expect((await buildListDeadLetters(documents, tableName)('seller-a', 'sub_gone', { limit: 100 })).items).toEqual([]);
    expect((await buildListDeadLetters(documents, tableName)('seller-a', 'sub_other', { limit: 100 })).items).toHaveLength(1);
  });
});

describe('delivery queue (fauxqs)', () => {
  const sqs = new SQSClient({ ...localClientConfig(localCloud().sqs), useQueueUrlAsEndpoint: false });

  it('queues jobs in batches the reader parses back, and hides a received job for its backoff', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `deliveries-${Date.now()}`, Attributes: { VisibilityTimeout: '1' } }));
    const jobs: DeliveryJob[] = Array.from({ length: 12 }, (_, index) => ({
      deliveryId: `dlv_${String(index).padStart(32, 'a')}`,
      subscriptionId: 'sub_1',
      sellerId: 'seller-a',
      payload: { ...payload(index + 1), data: { orderId: 'ord_1', padding: 'x'.repeat(40_000) } },
      firstAttemptAt: now.toISOString(),
    }));
    await buildEnqueueDeliveries(sqs, QueueUrl!)(jobs);
    const received = [];
    for (let round = 0; round < 10 && received.length < 12; round += 1) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      received.push(...Messages);
    }
    expect(received.map((message) => parseDeliveryJob(message.Body!).deliveryId).sort()).toEqual(jobs.map((job) => job.deliveryId).sort());

    // Backoff: a job hidden for 3 s does not come back after the queue's 1 s, but after its 3 s.
    // Positive signals: the job's own return (timed from before the delay was set), and a marker sent
    // after it, which comes back at once while the job is still hidden.
    const [first] = received;
    const hiddenAt = Date.now();
    await buildDelayRetry(sqs, QueueUrl!)(first!.ReceiptHandle!, 3);
    for (const message of received.slice(1)) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle! }));
    }
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'marker', DelaySeconds: 1 }));
    const seen: { body: string; afterMs: number }[] = [];
    while (!seen.some((entry) => entry.body !== 'marker') && Date.now() - hiddenAt < 15_000) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const message of Messages) {
        seen.push({ body: message.Body!, afterMs: Date.now() - hiddenAt });
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle! }));
      }
    }
    const [marker, job] = seen;
    expect(seen.map((entry) => (entry.body === 'marker' ? 'marker' : parseDeliveryJob(entry.body).deliveryId))).toEqual([
      'marker',
      parseDeliveryJob(first!.Body!).deliveryId,
    ]);
    expect(marker!.afterMs).toBeLessThan(job!.afterMs);
    expect(job!.afterMs).toBeGreaterThanOrEqual(3_000);
  });
});
