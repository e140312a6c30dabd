/**
 * DynamoDB requests, passed on and billed as AWS bills them. A write is billed on the larger of the
 * item before and after it (and its index entries on what changed in them), so the proxy reads each
 * item it writes just before and just after (unbilled, under a per-item lock, so no other write can
 * slip in between). Reads are billed on the size of what was read, not what was returned: a Query
 * with a filter or a projection is sized by running it again without them.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { itemSize, itemWriteUnits, readUnits, type Item, type TableShape } from './dynamodb-units';
import { forward, type Interceptor, type UpstreamResponse } from './proxy';

export interface DynamoCharge {
  readonly operation: string;
  readonly writeUnits: number;
  readonly indexWriteUnits: number;
  readonly readUnits: number;
  /** GetRecords of the table's stream that returned records (a Lambda trigger's reads are free). */
  readonly streamReads: number;
  /** Write units per kind of item (`<pk prefix>/<sk prefix>`, table and index units together), to see where they go. */
  readonly byItem?: Readonly<Record<string, number>>;
}

/** `ORDER#ord_1` / `QUOTES` → `ORDER/QUOTES`: the kind of an item, from its keys. */
const itemKind = (key: Item): string =>
  Object.values(key)
    .map((value) => String((value as { S?: string }).S ?? '?').split('#')[0])
    .join('/');

type Json = Record<string, unknown>;

interface Write {
  readonly table: string;
  readonly key: Item;
  /** The item a Put writes (its new image is read back for updates). */
  readonly kind: 'put' | 'update' | 'delete' | 'check';
}

/** Runs `work` once no other holder of any of `keys` is running. */
class KeyLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async with<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)].sort();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const waits = unique.map((key) => this.tails.get(key) ?? Promise.resolve());
    unique.forEach((key) => this.tails.set(key, done));
    await Promise.all(waits);
    try {
      return await work();
    } finally {
      release();
      unique.forEach((key) => {
        if (this.tails.get(key) === done) this.tails.delete(key);
      });
    }
  }
}

const target = (headers: IncomingHttpHeaders): string => String(headers['x-amz-target'] ?? '');

/** The DynamoDB requests of one endpoint, billed into `charge`. */
export function dynamoInterceptor(upstream: string, charge: (headers: IncomingHttpHeaders, bill: DynamoCharge) => void): Interceptor {
  const locks = new KeyLocks();
  const shapes = new Map<string, Promise<TableShape>>();
  const call = async (headers: IncomingHttpHeaders, operation: string, body: Json): Promise<Json> => {
    const answer = await forward(upstream, 'POST', '/', { ...headers, 'x-amz-target': `DynamoDB_20120810.${operation}` }, Buffer.from(JSON.stringify(body)));
    return JSON.parse(answer.body.toString('utf8') || '{}') as Json;
  };
  const shapeOf = (headers: IncomingHttpHeaders, table: string): Promise<TableShape> => {
    let shape = shapes.get(table);
    if (shape === undefined) {
      shape = call(headers, 'DescribeTable', { TableName: table }).then(({ Table }) => tableShape(Table as Json));
      shapes.set(table, shape);
    }
    return shape;
  };
  const getItem = async (headers: IncomingHttpHeaders, table: string, key: Item): Promise<Item | undefined> =>
    (await call(headers, 'GetItem', { TableName: table, Key: key, ConsistentRead: true })).Item as Item | undefined;

  const billWrites = async (headers: IncomingHttpHeaders, writes: readonly Write[], transactional: boolean, send: () => Promise<UpstreamResponse>) => {
    const lockKeys = writes.map((write) => `${write.table}|${JSON.stringify(write.key)}`);
    return locks.with(lockKeys, async () => {
      const before = await Promise.all(writes.map((write) => getItem(headers, write.table, write.key)));
      const answer = await send();
      const succeeded = answer.status === 200;
      const failedCondition = /ConditionalCheckFailed|TransactionCanceled/.test(answer.body.toString('utf8'));
      let table = 0;
      let indexes = 0;
      const byItem: Record<string, number> = {};
      if (succeeded || failedCondition) {
        const after = succeeded
          ? await Promise.all(writes.map((write) => (write.kind === 'check' ? Promise.resolve(undefined) : getItem(headers, write.table, write.key))))
          : [];
        for (const [index, write] of writes.entries()) {
          const shape = await shapeOf(headers, write.table);
          const old = before[index];
          // A failed condition costs the attempt (the item as it stands); a condition check is billed like a write of the item checked.
          const next = !succeeded || write.kind === 'check' ? old : after[index];
          const units = itemWriteUnits(old, next, shape, transactional);
          table += units.table;
          indexes += succeeded ? units.indexes : 0;
          const kind = itemKind(write.key);
          byItem[kind] = (byItem[kind] ?? 0) + units.table + (succeeded ? units.indexes : 0);
        }
      }
      charge(headers, { operation: target(headers).split('.')[1] ?? '?', writeUnits: table, indexWriteUnits: indexes, readUnits: 0, streamReads: 0, byItem });
      return answer;
    });
  };

  return async ({ method, path, headers, body }) => {
    const send = () => forward(upstream, method, path, headers, body);
    const [service, operation = ''] = target(headers).split('.');
    if (service?.startsWith('DynamoDBStreams') === true) {
      const answer = await send();
      const records = operation === 'GetRecords' ? ((JSON.parse(answer.body.toString('utf8') || '{}') as Json).Records as unknown[] | undefined) : undefined;
      charge(headers, { operation, writeUnits: 0, indexWriteUnits: 0, readUnits: 0, streamReads: (records?.length ?? 0) > 0 ? 1 : 0 });
      return answer;
    }
    const request = JSON.parse(body.toString('utf8') || '{}') as Json;
    const writes = await writesOf(operation, request, (table) => shapeOf(headers, table));
    if (writes !== undefined) {
      return billWrites(headers, writes, operation === 'TransactWriteItems', send);
    }
    const answer = await send();
    if (answer.status === 200) {
      const units = await readUnitsOf(operation, request, JSON.parse(answer.body.toString('utf8') || '{}') as Json, (stripped) =>
        call(headers, operation, stripped),
      );
      if (units !== undefined) charge(headers, { operation, writeUnits: 0, indexWriteUnits: 0, readUnits: units, streamReads: 0 });
    }
    return answer;
  };
}

function tableShape(table: Json): TableShape {
  const keysOf = (schema: unknown) => (schema as { AttributeName: string }[]).map((key) => key.AttributeName);
  return {
    keys: keysOf(table.KeySchema),
    indexes: ((table.GlobalSecondaryIndexes as Json[] | undefined) ?? []).map((index) => {
      const projection = index.Projection as { ProjectionType?: string; NonKeyAttributes?: string[] };
      return {
        name: String(index.IndexName),
        keys: keysOf(index.KeySchema),
        projection:
          projection.ProjectionType === 'INCLUDE' ? (projection.NonKeyAttributes ?? []) : projection.ProjectionType === 'KEYS_ONLY' ? 'KEYS_ONLY' : 'ALL',
      };
    }),
  };
}

const pick = (item: Item, keys: readonly string[]): Item => Object.fromEntries(keys.map((key) => [key, item[key]!]));

/** The items a write request touches, or undefined for a request that writes nothing. */
async function writesOf(operation: string, request: Json, shapeOf: (table: string) => Promise<TableShape>): Promise<Write[] | undefined> {
  const table = request.TableName as string;
  switch (operation) {
    case 'PutItem':
      return [{ table, key: pick(request.Item as Item, (await shapeOf(table)).keys), kind: 'put' }];
    case 'UpdateItem':
      return [{ table, key: request.Key as Item, kind: 'update' }];
    case 'DeleteItem':
      return [{ table, key: request.Key as Item, kind: 'delete' }];
    case 'TransactWriteItems':
      return Promise.all(
        (request.TransactItems as Json[]).map(async (entry) => {
          const [kind, action] = Object.entries(entry)[0] as [string, Json];
          const name = String(action.TableName);
          const key = kind === 'Put' ? pick(action.Item as Item, (await shapeOf(name)).keys) : (action.Key as Item);
          return { table: name, key, kind: ({ Put: 'put', Update: 'update', Delete: 'delete' } as const)[kind as 'Put'] ?? 'check' };
        }),
      );
    case 'BatchWriteItem':
      return Promise.all(
        Object.entries(request.RequestItems as Record<string, Json[]>).flatMap(([name, entries]) =>
          entries.map(async (entry) =>
            entry.PutRequest !== undefined
              ? { table: name, key: pick((entry.PutRequest as Json).Item as Item, (await shapeOf(name)).keys), kind: 'put' as const }
              : { table: name, key: (entry.DeleteRequest as Json).Key as Item, kind: 'delete' as const },
          ),
        ),
      );
    default:
      return undefined;
  }
}

/** Expression attribute names and values the key condition uses: a request run again without its filter may carry no others. */
function keyConditionOnly(request: Json): Json {
  const { ProjectionExpression: _p, FilterExpression: _f, AttributesToGet: _a, Select: _s, QueryFilter: _q, ScanFilter: _sf, ...rest } = request;
  const expression = (request.KeyConditionExpression as string | undefined) ?? '';
  const used = (entries: unknown) => Object.fromEntries(Object.entries((entries as Json | undefined) ?? {}).filter(([name]) => expression.includes(name)));
  const names = used(request.ExpressionAttributeNames);
  const values = used(request.ExpressionAttributeValues);
  return {
    ...rest,
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : { ExpressionAttributeNames: undefined }),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : { ExpressionAttributeValues: undefined }),
  };
}

/** Read units of a read request, from what it read; undefined for a request that reads no items (DescribeTable…). */
async function readUnitsOf(operation: string, request: Json, response: Json, again: (request: Json) => Promise<Json>): Promise<number | undefined> {
  const consistent = request.ConsistentRead === true;
  const trimmed = request.ProjectionExpression !== undefined || request.AttributesToGet !== undefined;
  switch (operation) {
    case 'GetItem': {
      const item = trimmed
        ? ((await again({ TableName: request.TableName, Key: request.Key, ConsistentRead: true })).Item as Item | undefined)
        : (response.Item as Item | undefined);
      return readUnits(itemSize(item), { consistent });
    }
    case 'BatchGetItem': {
      const tables = (response.Responses as Record<string, Item[]> | undefined) ?? {};
      const asked = request.RequestItems as Record<string, { ConsistentRead?: boolean }>;
      return Object.entries(tables).reduce(
        (sum, [table, items]) =>
          sum + items.reduce((inner, item) => inner + readUnits(itemSize(item), { consistent: asked[table]?.ConsistentRead === true }), 0),
        0,
      );
    }
    case 'TransactGetItems':
      return ((response.Responses as { Item?: Item }[] | undefined) ?? []).reduce(
        (sum, entry) => sum + readUnits(itemSize(entry.Item), { consistent: true, transactional: true }),
        0,
      );
    case 'Query':
    case 'Scan': {
      const filtered = trimmed || request.FilterExpression !== undefined || request.Select === 'COUNT';
      const items = ((filtered ? await again(keyConditionOnly(request)) : response).Items as Item[] | undefined) ?? [];
      return readUnits(
        items.reduce((sum, item) => sum + itemSize(item), 0),
        { consistent },
      );
    }
    default:
      return undefined;
  }
}
