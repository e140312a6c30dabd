import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { CustomsProblem } from '../../../domain/customs';
import type { Order, OrderStatus } from '../../../domain/order';
import type { BatteryType } from '../../../domain/shared/shipping-terms';
import type { customsDocumentSchema } from '../../../events/customs';
import { type PendingEvent } from '../../../events/pending';
import type { DocumentFileObject, FileFormat } from './document-files';
import { keys, type ItemKey } from './keys';
import { outboxItem } from './outbox';

/** The shipment routing booked, as customs needs it to (re-)check the order without a new event. */
export interface CustomsContext {
  readonly orderId: string;
  readonly shipmentId: string;
  readonly carrier: string;
  readonly serviceId: string;
  readonly trackingNumber: string;
  readonly acceptsBatteries: readonly BatteryType[];
  /** The shipment.routed event it came from. */
  readonly routedEventId: string;
}

/** The latest customs check of an order. */
export interface CustomsCheckRecord {
  readonly orderId: string;
  readonly orderVersion: number;
  readonly checkedAt: string;
  readonly outcome: 'held' | 'documents-ready';
  readonly problems: readonly CustomsProblem[];
}

/** A document as customs.documents-ready describes it: each file's own key, size and hash. */
export type DocumentRecord = z.output<typeof customsDocumentSchema>;

/** A file as the table keeps it: as the event describes it, and where it starts in the packed object. */
export type StoredFileRecord = DocumentRecord['json'] & {
  /** Its first byte in the version's packed object (`DocumentsRecord.packedKey`); it runs for `sizeBytes`. */
  readonly offset?: number;
};

export interface StoredDocumentRecord extends Omit<DocumentRecord, 'json' | 'pdf'> {
  readonly json: StoredFileRecord;
  readonly pdf: StoredFileRecord;
}

/**
 * The order's current documents: where each file is, its size and hashes. Since the files are
 * packed, `packedKey` names the version's one object and each file has its `offset` in it; a record
 * written before has neither, and each file is the object at its own key.
 */
export interface DocumentsRecord {
  readonly orderId: string;
  readonly orderVersion: number;
  readonly generatedAt: string;
  readonly packedKey?: string;
  readonly documents: readonly StoredDocumentRecord[];
}

/** Where the bucket holds one file of a stored document, whichever shape its record has. */
export function documentFileObject(record: DocumentsRecord, document: StoredDocumentRecord, format: FileFormat): DocumentFileObject {
  const { key, sizeBytes, sha256, offset } = document[format];
  const file = { key, format, sizeBytes, sha256 };
  if (record.packedKey === undefined && offset === undefined) return file;
  if (record.packedKey === undefined || offset === undefined) {
    throw new Error(`documents of order ${record.orderId} v${record.orderVersion}: ${key} has half a packed location`);
  }
  return { ...file, packed: { key: record.packedKey, range: { offset, length: sizeBytes } } };
}

const customsContextItem = (context: CustomsContext): Record<string, unknown> => ({
  ...keys.orderCustomsContext(context.orderId),
  type: 'CustomsContext',
  ...context,
});

const customsCheckItem = (check: CustomsCheckRecord): Record<string, unknown> => ({
  ...keys.orderCustomsCheck(check.orderId),
  type: 'CustomsCheck',
  ...check,
});

const documentsItem = (record: DocumentsRecord): Record<string, unknown> => ({
  ...keys.orderDocuments(record.orderId),
  type: 'CustomsDocuments',
  ...record,
});

function withoutKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item;
  return rest as T;
}

/** Port: the customs context of an order, once routing has booked it. */
export type GetCustomsContext = (orderId: string) => Promise<CustomsContext | undefined>;
/** Port: the order's latest customs check. */
export type GetCustomsCheck = (orderId: string) => Promise<CustomsCheckRecord | undefined>;
/** Port: the order's current documents, if any were produced. */
export type GetOrderDocuments = (orderId: string) => Promise<DocumentsRecord | undefined>;

function buildGet<T>(documents: DynamoDBDocumentClient, tableName: string, key: (orderId: string) => ItemKey) {
  return async (orderId: string): Promise<T | undefined> => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: key(orderId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<T>(Item);
  };
}

export const buildGetCustomsContext = (documents: DynamoDBDocumentClient, tableName: string): GetCustomsContext =>
  buildGet<CustomsContext>(documents, tableName, keys.orderCustomsContext);
export const buildGetCustomsCheck = (documents: DynamoDBDocumentClient, tableName: string): GetCustomsCheck =>
  buildGet<CustomsCheckRecord>(documents, tableName, keys.orderCustomsCheck);
export const buildGetOrderDocuments = (documents: DynamoDBDocumentClient, tableName: string): GetOrderDocuments =>
  buildGet<DocumentsRecord>(documents, tableName, keys.orderDocuments);

/** One customs write: the order's change, what the check found and produced, and its event. */
export interface CustomsWrite {
  readonly orderId: string;
  /** The write happens only if the stored order is still at this version… */
  readonly expectedVersion: number;
  /** …and in one of these statuses; otherwise nothing is written. */
  readonly fromStatuses: readonly OrderStatus[];
  /**
   * `status`: the order only moves (the consumer). `correction`: the seller's corrected fields, new
   * version and status are written too (PATCH). Other attributes of the order item are left alone.
   */
  readonly change: { readonly kind: 'status'; readonly toStatus: OrderStatus } | { readonly kind: 'correction'; readonly order: Order };
  /** The booked shipment customs checked against, kept so a correction can re-run the checks. */
  readonly context?: CustomsContext;
  /** The check's outcome and every problem; held: the documents of an earlier version are removed. */
  readonly check?: CustomsCheckRecord;
  /** The documents of a passing order. */
  readonly documents?: DocumentsRecord;
  readonly event?: PendingEvent;
  readonly at: string;
}

/** Port: records a customs write atomically; `false` when the order had changed (version or status) meanwhile. */
export type SaveCustomsWrite = (write: CustomsWrite) => Promise<boolean>;

function orderUpdate(write: CustomsWrite) {
  const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
  const values: Record<string, unknown> = { ':at': write.at, ':expectedVersion': write.expectedVersion };
  write.fromStatuses.forEach((status, index) => (values[`:from${index}`] = status));
  const set = ['updatedAt = :at'];
  const remove: string[] = [];
  if (write.change.kind === 'status') {
    set.push('#status = :to');
    values[':to'] = write.change.toStatus;
  } else {
    const { order } = write.change;
    Object.assign(values, {
      ':to': order.status,
      ':version': order.version,
      ':revisedAt': order.revisedAt ?? write.at,
      ':shipTo': order.shipTo,
      ':items': order.items,
      ':declaredValue': order.declaredValue,
      ':warnings': order.warnings,
    });
    // Every field through a name placeholder: "items" (and others) are DynamoDB reserved words.
    for (const field of ['revisedAt', 'shipTo', 'items', 'declaredValue', 'warnings', 'certificates']) {
      names[`#${field}`] = field;
    }
    set.push(
      '#status = :to',
      '#version = :version',
      '#revisedAt = :revisedAt',
      '#shipTo = :shipTo',
      '#items = :items',
      '#declaredValue = :declaredValue',
      '#warnings = :warnings',
    );
    if (order.certificates === undefined) {
      remove.push('#certificates');
    } else {
      set.push('#certificates = :certificates');
      values[':certificates'] = order.certificates;
    }
  }
  const statusList = write.fromStatuses.map((_, index) => `:from${index}`).join(', ');
  return {
    Key: keys.order(write.orderId),
    UpdateExpression: `SET ${set.join(', ')}${remove.length === 0 ? '' : ` REMOVE ${remove.join(', ')}`}`,
    ConditionExpression: `attribute_exists(pk) AND #version = :expectedVersion AND #status IN (${statusList})`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** What a customs write puts beside the order, and what no longer holds (the documents of a version now held). */
function writesOf(write: CustomsWrite): { readonly puts: Record<string, unknown>[]; readonly deletions: ItemKey[] } {
  const puts: Record<string, unknown>[] = [];
  const deletions: ItemKey[] = [];
  if (write.context !== undefined) puts.push(customsContextItem(write.context));
  if (write.check !== undefined) puts.push(customsCheckItem(write.check));
  if (write.check?.outcome === 'held') deletions.push(keys.orderDocuments(write.orderId));
  if (write.documents !== undefined) puts.push(documentsItem(write.documents));
  return { puts, deletions };
}

/**
 * Adapter: one transaction updates the order (conditionally on its version and status), puts the
 * check and its documents, deletes what no longer holds (the documents of a version now held) and
 * puts the event in the outbox. A redelivered message or a concurrent correction finds the condition
 * false and changes nothing.
 */
export function buildSaveCustomsWrite(documents: DynamoDBDocumentClient, tableName: string): SaveCustomsWrite {
  return async (write) => {
    const { puts, deletions } = writesOf(write);
    try {
      await documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName: tableName, ...orderUpdate(write) } },
            ...puts.map((item) => ({ Put: { TableName: tableName, Item: item } })),
            ...deletions.map((key) => ({ Delete: { TableName: tableName, Key: key } })),
            ...(write.event === undefined ? [] : [{ Put: { TableName: tableName, Item: outboxItem(write.event, write.at) } }]),
          ],
        }),
      );
      return true;
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') {
        return false;
      }
      throw error;
    }
  };
}
