import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { MAX_SUBSCRIPTIONS_PER_SELLER, secretHint, SubscriptionLimitError, type Subscription } from '../../../domain/notifications';
import { openSecrets, sealSecrets, type SecretBox } from '../notifications/secret-box';
import {
  InvalidCursorError,
  SubscriptionChangedError,
  type DeadLetter,
  type DeleteDeadLetter,
  type DeleteSubscription,
  type FindSubscription,
  type GetDeadLetter,
  type GetSubscription,
  type ListDeadLetters,
  type ListSubscriptions,
  type NextSequence,
  type SaveDeadLetter,
  type SaveSubscription,
} from '../../../domain/notifications';
import { DEAD_LETTER_PREFIX, keys, SUBSCRIPTION_PREFIX, TTL_ATTRIBUTE } from './keys';

/** Dead letters are kept as long as an SQS DLQ keeps its messages. */
export const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 60 * 60;

/**
 * Adapters for the notification ports. A seller's subscriptions and dead letters share the
 * seller's partition (SELLER#<id>), so a tenant's reads are always a key lookup or a Query on its
 * own partition: nothing here can return another seller's items.
 */
/** The item of a subscription whose secrets are already sealed (see `sealSecrets`): no secret value is ever written. */
export function subscriptionToItem(subscription: Subscription): Record<string, unknown> {
  if (subscription.secrets.some((secret) => secret.secret !== undefined)) {
    throw new Error(`subscription ${subscription.subscriptionId}: seal its secrets before writing it`);
  }
  return { ...keys.subscription(subscription.sellerId, subscription.subscriptionId), type: 'Subscription', ...subscription };
}

/**
 * A subscription as stored: secrets sealed, each with its hint. Items written before secrets were
 * sealed hold the value in the clear; it is read as it is (the delivery path then needs no KMS call
 * for it) and sealed on the subscription's next write (docs/notifications.md, "Signing secrets at rest").
 */
export function subscriptionFromItem(item: Record<string, unknown>): Subscription {
  const { pk: _pk, sk: _sk, type: _type, ...stored } = item;
  const subscription = stored as unknown as Subscription;
  return { ...subscription, secrets: subscription.secrets.map((secret) => ({ ...secret, hint: secret.hint ?? secretHint(secret.secret ?? '') })) };
}

/**
 * A new subscription is one transaction: the subscription (must not exist) and its seller's count
 * (must stay at or under MAX_SUBSCRIPTIONS_PER_SELLER), so forty concurrent creations make at most
 * the cap, never forty. A seller from before the count existed gets it from a listing first (a
 * conditional put: concurrent first writers agree). A change is a put conditional on the revision.
 */
export function buildSaveSubscription(documents: DynamoDBDocumentClient, tableName: string, box: Pick<SecretBox, 'seal'>): SaveSubscription {
  const ensureCount = buildEnsureSubscriptionCount(documents, tableName);
  return async (unsealed) => {
    const subscription = { ...unsealed, secrets: await sealSecrets(unsealed, box) };
    if (subscription.revision !== 1) {
      try {
        await documents.send(
          new PutCommand({
            TableName: tableName,
            Item: subscriptionToItem(subscription),
            ConditionExpression: 'revision = :previous',
            ExpressionAttributeValues: { ':previous': subscription.revision - 1 },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new SubscriptionChangedError(subscription.subscriptionId);
        }
        throw error;
      }
      return;
    }
    await ensureCount(subscription.sellerId);
    try {
      await sendTransaction(
        documents,
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: subscriptionToItem(subscription), ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Update: {
                TableName: tableName,
                Key: keys.subscriptionCount(subscription.sellerId),
                UpdateExpression: 'SET #count = #count + :one',
                ConditionExpression: '#count < :max',
                ExpressionAttributeNames: { '#count': 'count' },
                ExpressionAttributeValues: { ':one': 1, ':max': MAX_SUBSCRIPTIONS_PER_SELLER },
              },
            },
          ],
        }),
      );
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : undefined;
      if (reasons?.[1]?.Code === 'ConditionalCheckFailed') {
        throw new SubscriptionLimitError(subscription.sellerId, MAX_SUBSCRIPTIONS_PER_SELLER);
      }
      if (reasons?.[0]?.Code === 'ConditionalCheckFailed') {
        throw new SubscriptionChangedError(subscription.subscriptionId);
      }
      throw error;
    }
  };
}

const TRANSACTION_ATTEMPTS = 10;

/** A transaction, tried again while it is cancelled only because another transaction held one of its items. */
async function sendTransaction(documents: DynamoDBDocumentClient, command: TransactWriteCommand): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await documents.send(command);
      return;
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      const onlyConflicts =
        reasons.some((reason) => reason.Code === 'TransactionConflict') && !reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
      if (!onlyConflicts || attempt >= TRANSACTION_ATTEMPTS) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, 10 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}

/** The seller's count exists (made from a listing for sellers whose subscriptions predate it). */
function buildEnsureSubscriptionCount(documents: DynamoDBDocumentClient, tableName: string) {
  const list = buildListSubscriptions(documents, tableName);
  return async (sellerId: string): Promise<void> => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.subscriptionCount(sellerId), ConsistentRead: true }));
    if (Item !== undefined) {
      return;
    }
    const count = (await list(sellerId)).length;
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.subscriptionCount(sellerId), type: 'SubscriptionCount', sellerId, count },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) {
        throw error;
      }
    }
  };
}

/**
 * Adapter: whether the seller has any subscription, for the bus publisher's routing to the fan-out
 * (one eventually consistent Query of one key, half a read unit; SUBSCRIPTION_COUNT is not used
 * because sellers from before it have none until they subscribe again).
 */
export function buildSellerHasSubscriptions(documents: DynamoDBDocumentClient, tableName: string): (sellerId: string) => Promise<boolean> {
  return async (sellerId) => {
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.subscription(sellerId, '').pk, ':prefix': SUBSCRIPTION_PREFIX },
        ProjectionExpression: 'pk',
        Limit: 1,
      }),
    );
    return Items.length > 0;
  };
}

export function buildListSubscriptions(documents: DynamoDBDocumentClient, tableName: string): ListSubscriptions {
  return async (sellerId) => {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.subscription(sellerId, '').pk, ':prefix': SUBSCRIPTION_PREFIX },
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items.map(subscriptionFromItem);
  };
}

/** A subscription as stored (secrets sealed); with `box`, its secrets opened for signing (the delivery path only: kms:Decrypt). */
export function buildGetSubscription(documents: DynamoDBDocumentClient, tableName: string, box?: Pick<SecretBox, 'open'>): GetSubscription {
  return async (sellerId, subscriptionId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.subscription(sellerId, subscriptionId), ConsistentRead: true }));
    if (Item === undefined) {
      return undefined;
    }
    return box === undefined ? subscriptionFromItem(Item) : openSecrets(subscriptionFromItem(Item), box);
  };
}

/** Looks in each of the caller's sellers' partitions (a key may act for several); 100 keys per BatchGet. */
export function buildFindSubscription(documents: DynamoDBDocumentClient, tableName: string): FindSubscription {
  return async (sellerIds, subscriptionId) => {
    const wanted = [...new Set(sellerIds)].map((sellerId) => keys.subscription(sellerId, subscriptionId));
    for (let start = 0; start < wanted.length; start += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
        [tableName]: { Keys: wanted.slice(start, start + 100).map((key) => ({ ...key })), ConsistentRead: true },
      };
      while (request !== undefined && Object.keys(request).length > 0) {
        const result = await documents.send(new BatchGetCommand({ RequestItems: request }));
        const found = result.Responses?.[tableName]?.[0];
        if (found !== undefined) {
          return subscriptionFromItem(found);
        }
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return undefined;
  };
}

export function buildDeleteSubscription(documents: DynamoDBDocumentClient, tableName: string): DeleteSubscription {
  const listDeadLetters = buildListDeadLetters(documents, tableName);
  const ensureCount = buildEnsureSubscriptionCount(documents, tableName);
  return async (sellerId, subscriptionId) => {
    await ensureCount(sellerId);
    try {
      // The subscription and its count go together; if it was already gone, the count is not touched.
      await sendTransaction(
        documents,
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: tableName, Key: keys.subscription(sellerId, subscriptionId), ConditionExpression: 'attribute_exists(pk)' } },
            {
              Update: {
                TableName: tableName,
                Key: keys.subscriptionCount(sellerId),
                UpdateExpression: 'SET #count = #count - :one',
                ConditionExpression: '#count > :zero',
                ExpressionAttributeNames: { '#count': 'count' },
                ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
              },
            },
          ],
        }),
      );
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : undefined;
      if (reasons?.[0]?.Code === 'ConditionalCheckFailed') {
        // Already deleted (a retried or concurrent DELETE): nothing to do, the count was moved once.
      } else if (reasons?.[1]?.Code === 'ConditionalCheckFailed') {
        // The count was already at zero (it can only lag, never lead): the subscription still goes.
        await documents.send(new DeleteCommand({ TableName: tableName, Key: keys.subscription(sellerId, subscriptionId) }));
      } else {
        throw error;
      }
    }
    let cursor: string | undefined;
    do {
      const page = await listDeadLetters(sellerId, subscriptionId, { limit: 25, ...(cursor === undefined ? {} : { cursor }) });
      if (page.items.length > 0) {
        await writeAll(
          documents,
          tableName,
          page.items.map((item) => ({ DeleteRequest: { Key: keys.deadLetter(sellerId, subscriptionId, item.deliveryId) } })),
        );
      }
      cursor = page.cursor;
    } while (cursor !== undefined);
  };
}

async function writeAll(documents: DynamoDBDocumentClient, tableName: string, requests: Record<string, unknown>[]): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    const result = await documents.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
    pending = result.UnprocessedItems?.[tableName] ?? [];
    if (pending.length > 0) {
      if (attempt >= 5) {
        throw new Error(`BatchWrite left ${pending.length} item(s) unprocessed after retries`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/**
 * One counter item per subject (an order, a seller's inbound shipment or SKU stock). A single UpdateItem both increments `last` and records the number
 * it gave this event under the event's own attribute, conditional on the event not having one:
 * numbers are contiguous and a repeated question about the same event gets the same answer.
 */
export function buildNextSequence(documents: DynamoDBDocumentClient, tableName: string): NextSequence {
  return async (subject, eventId) => {
    const key = keys.notificationSequence(subject);
    const names = { '#event': `event#${eventId}` };
    try {
      const { Attributes } = await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET #last = if_not_exists(#last, :zero) + :one, #event = if_not_exists(#last, :zero) + :one, #type = :type',
          ConditionExpression: 'attribute_not_exists(#event)',
          ExpressionAttributeNames: { ...names, '#last': 'last', '#type': 'type' },
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':type': 'NotificationSequence' },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.last);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) {
        throw error;
      }
      const { Item } = await documents.send(
        new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true, ProjectionExpression: '#event', ExpressionAttributeNames: names }),
      );
      return Number(Item?.[names['#event']]);
    }
  };
}

export function deadLetterToItem(deadLetter: DeadLetter): Record<string, unknown> {
  return {
    ...keys.deadLetter(deadLetter.sellerId, deadLetter.subscriptionId, deadLetter.deliveryId),
    type: 'DeadLetter',
    ...deadLetter,
    [TTL_ATTRIBUTE]: Math.floor(Date.parse(deadLetter.deadAt) / 1000) + DEAD_LETTER_RETENTION_SECONDS,
  };
}

function deadLetterFromItem(item: Record<string, unknown>): DeadLetter {
  const { pk: _pk, sk: _sk, type: _type, [TTL_ATTRIBUTE]: _expires, ...deadLetter } = item;
  return deadLetter as unknown as DeadLetter;
}

export function buildSaveDeadLetter(documents: DynamoDBDocumentClient, tableName: string): SaveDeadLetter {
  return async (deadLetter) => {
    await documents.send(new PutCommand({ TableName: tableName, Item: deadLetterToItem(deadLetter) }));
  };
}

/** Oldest delivery id first (ids are hashes, so "first" is arbitrary but stable); `cursor` is the last sort key read. */
export function buildListDeadLetters(documents: DynamoDBDocumentClient, tableName: string): ListDeadLetters {
  return async (sellerId, subscriptionId, page) => {
    const prefix = `${DEAD_LETTER_PREFIX}${subscriptionId}#`;
    const pk = keys.deadLetter(sellerId, subscriptionId, '').pk;
    let startKey: Record<string, unknown> | undefined;
    if (page.cursor !== undefined) {
      const sk = Buffer.from(page.cursor, 'base64url').toString('utf8');
      if (!sk.startsWith(prefix) || !/^dlv_[0-9a-f]{32}$/.test(sk.slice(prefix.length))) {
        throw new InvalidCursorError();
      }
      startKey = { pk, sk };
    }
    const result = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        Limit: page.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const last: unknown = result.LastEvaluatedKey?.sk;
    return {
      items: (result.Items ?? []).map(deadLetterFromItem),
      ...(typeof last === 'string' ? { cursor: Buffer.from(last, 'utf8').toString('base64url') } : {}),
    };
  };
}

export function buildGetDeadLetter(documents: DynamoDBDocumentClient, tableName: string): GetDeadLetter {
  return async (sellerId, subscriptionId, deliveryId) => {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName, Key: keys.deadLetter(sellerId, subscriptionId, deliveryId), ConsistentRead: true }),
    );
    return Item === undefined ? undefined : deadLetterFromItem(Item);
  };
}

export function buildDeleteDeadLetter(documents: DynamoDBDocumentClient, tableName: string): DeleteDeadLetter {
  return async (sellerId, subscriptionId, deliveryId) => {
    await documents.send(new DeleteCommand({ TableName: tableName, Key: keys.deadLetter(sellerId, subscriptionId, deliveryId) }));
  };
}
