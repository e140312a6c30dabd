import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { MAX_SUBSCRIPTIONS_PER_SELLER, SubscriptionChangedError, SubscriptionLimitError, type Subscription } from '../../../../domain/notifications';
import { keys } from '../../../../functions/shared/store/keys';
import { buildDeleteSubscription, buildSaveSubscription } from '../../../../functions/shared/store/subscription-store';
import { activeSubscription, fakeSecretBox } from '../../../fakes/notifications';

/*
 * The subscription store's guards (functions/shared/store/subscription-store.ts), as an adapter unit
 * test with aws-sdk-client-mock: the 20-per-seller cap is one transaction whose second item moves the
 * seller's count only while it is under MAX_SUBSCRIPTIONS_PER_SELLER, and each cancellation reason
 * maps to its error. These assert the exact conditions sent, so a mutant of an expression, a bound or
 * a reason index is seen here (npm run mutate); the integration test proves the cap under 40
 * concurrent creations against DynamoDB Local.
 */

const TABLE = 'enlace-test';
const dynamo = mockClient(DynamoDBDocumentClient);
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

const fresh = (overrides: Partial<Subscription> = {}): Subscription => activeSubscription({ sellerId: 'seller-a', subscriptionId: 'sub_new', ...overrides });
const save = () => buildSaveSubscription(documents, TABLE, fakeSecretBox());
const transactItems = (call = 0) => dynamo.commandCalls(TransactWriteCommand)[call]!.args[0].input.TransactItems!;

beforeEach(() => {
  dynamo.reset();
  dynamo.on(GetCommand, { Key: keys.subscriptionCount('seller-a') }).resolves({ Item: { ...keys.subscriptionCount('seller-a'), count: 3 } });
  dynamo.on(TransactWriteCommand).resolves({});
});

describe('creating a subscription: the per-seller cap', () => {
  it('puts the subscription only if new and moves the count only while it is under the cap, in one transaction', async () => {
    await save()(fresh());

    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
    const [put, count] = transactItems();
    expect(put).toEqual({
      Put: {
        TableName: TABLE,
        Item: expect.objectContaining({ ...keys.subscription('seller-a', 'sub_new'), type: 'Subscription' }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    expect(count).toEqual({
      Update: {
        TableName: TABLE,
        Key: keys.subscriptionCount('seller-a'),
        UpdateExpression: 'SET #count = #count + :one',
        ConditionExpression: '#count < :max',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':max': MAX_SUBSCRIPTIONS_PER_SELLER },
      },
    });
    expect(MAX_SUBSCRIPTIONS_PER_SELLER).toBe(20);
  });

  it('writes the secrets sealed, never their value', async () => {
    await save()(fresh());
    const item = (transactItems()[0] as unknown as { Put: { Item: Subscription } }).Put.Item;
    expect(item.secrets).toHaveLength(1);
    expect(item.secrets[0]!.secret).toBeUndefined();
    expect(item.secrets[0]!.sealed).toEqual(expect.objectContaining({ scheme: 'fake', context: 'seller-a/sub_new' }));
  });

  it('reads the count consistently and, when it exists, writes no other item before the transaction', async () => {
    await save()(fresh());
    expect(dynamo.commandCalls(GetCommand)[0]!.args[0].input).toEqual({ TableName: TABLE, Key: keys.subscriptionCount('seller-a'), ConsistentRead: true });
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('counts a seller from before the count existed from a listing, with a put only the first writer wins', async () => {
    dynamo.on(GetCommand, { Key: keys.subscriptionCount('seller-a') }).resolves({});
    dynamo.on(QueryCommand).resolves({
      Items: [activeSubscription({ sellerId: 'seller-a', subscriptionId: 'sub_1' }), activeSubscription({ sellerId: 'seller-a', subscriptionId: 'sub_2' })].map(
        (subscription) => ({ ...keys.subscription('seller-a', subscription.subscriptionId), ...subscription }),
      ),
    });
    dynamo.on(PutCommand).resolves({});

    await save()(fresh());

    expect(dynamo.commandCalls(PutCommand)[0]!.args[0].input).toEqual({
      TableName: TABLE,
      Item: { ...keys.subscriptionCount('seller-a'), type: 'SubscriptionCount', sellerId: 'seller-a', count: 2 },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('goes on when a concurrent first writer made the count first, and fails on any other error of that put', async () => {
    dynamo.on(GetCommand, { Key: keys.subscriptionCount('seller-a') }).resolves({});
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(PutCommand).rejectsOnce(conditionFailed()).rejectsOnce(new Error('throttled'));

    await expect(save()(fresh())).resolves.toBeUndefined();
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
    await expect(save()(fresh())).rejects.toThrow('throttled');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('refuses the 21st with SubscriptionLimitError when the count is what cancelled the transaction', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));
    const error = await save()(fresh()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SubscriptionLimitError);
    expect(error).toMatchObject({ sellerId: 'seller-a', limit: MAX_SUBSCRIPTIONS_PER_SELLER });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('answers SubscriptionChangedError when the subscription already existed', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    await expect(save()(fresh())).rejects.toBeInstanceOf(SubscriptionChangedError);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('reports the cap first when both conditions failed', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'ConditionalCheckFailed'));
    await expect(save()(fresh())).rejects.toBeInstanceOf(SubscriptionLimitError);
  });

  it('tries again while only other transactions held its items, then succeeds', async () => {
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('TransactionConflict', 'None')).rejectsOnce(cancelled('None', 'TransactionConflict')).resolves({});
    await expect(save()(fresh())).resolves.toBeUndefined();
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('does not retry a conflict that came with a failed condition: the cap holds', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'ConditionalCheckFailed'));
    await expect(save()(fresh())).rejects.toBeInstanceOf(SubscriptionLimitError);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('gives up after 10 attempts of conflicts and rethrows the cancellation', async () => {
    const conflict = cancelled('TransactionConflict', 'None');
    dynamo.on(TransactWriteCommand).rejects(conflict);
    const random = jest.spyOn(Math, 'random').mockReturnValue(0);
    try {
      await expect(save()(fresh())).rejects.toBe(conflict);
    } finally {
      random.mockRestore();
    }
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(10);
  });

  it('rethrows what is not a cancellation, and a cancellation for another reason, unchanged', async () => {
    const throttled = new Error('ProvisionedThroughputExceeded');
    dynamo.on(TransactWriteCommand).rejectsOnce(throttled).rejectsOnce(cancelled('ValidationError', 'None'));
    await expect(save()(fresh())).rejects.toBe(throttled);
    await expect(save()(fresh())).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });
});

describe('changing a subscription', () => {
  it('puts it only over the revision before, without touching the count', async () => {
    dynamo.on(PutCommand).resolves({});
    await save()(fresh({ revision: 4 }));
    expect(dynamo.commandCalls(PutCommand)[0]!.args[0].input).toEqual({
      TableName: TABLE,
      Item: expect.objectContaining({ ...keys.subscription('seller-a', 'sub_new'), revision: 4 }),
      ConditionExpression: 'revision = :previous',
      ExpressionAttributeValues: { ':previous': 3 },
    });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('answers SubscriptionChangedError when another request changed it first, and rethrows other errors', async () => {
    dynamo.on(PutCommand).rejectsOnce(conditionFailed()).rejectsOnce(new Error('throttled'));
    await expect(save()(fresh({ revision: 2 }))).rejects.toBeInstanceOf(SubscriptionChangedError);
    await expect(save()(fresh({ revision: 2 }))).rejects.toThrow('throttled');
  });
});

describe('deleting a subscription: the count goes down with it, once', () => {
  const remove = () => buildDeleteSubscription(documents, TABLE);
  beforeEach(() => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(DeleteCommand).resolves({});
  });

  it('deletes it only if it exists and moves the count down only while above zero, in one transaction', async () => {
    await remove()('seller-a', 'sub_1');
    expect(transactItems()).toEqual([
      { Delete: { TableName: TABLE, Key: keys.subscription('seller-a', 'sub_1'), ConditionExpression: 'attribute_exists(pk)' } },
      {
        Update: {
          TableName: TABLE,
          Key: keys.subscriptionCount('seller-a'),
          UpdateExpression: 'SET #count = #count - :one',
          ConditionExpression: '#count > :zero',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
        },
      },
    ]);
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  it('does nothing more when it was already gone (a retried DELETE moves the count once)', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    await expect(remove()('seller-a', 'sub_1')).resolves.toBeUndefined();
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  it('still deletes the subscription when the count was already at zero', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));
    await remove()('seller-a', 'sub_1');
    expect(dynamo.commandCalls(DeleteCommand).map((call) => call.args[0].input)).toEqual([{ TableName: TABLE, Key: keys.subscription('seller-a', 'sub_1') }]);
  });

  it('rethrows any other failure', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ValidationError', 'None'));
    await expect(remove()('seller-a', 'sub_1')).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(0);
  });
});
