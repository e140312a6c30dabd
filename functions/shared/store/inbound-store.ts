import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isOpen, stallDueAt, type InboundShipment } from '../../../domain/inbound';
import type { Page } from '../../../domain/shared/page';
import type { PendingEvent } from '../../../events/pending';
import { batchGetAll } from './batch-get';
import { decodeCursor, nextCursorOf } from './cursor';
import { IN_TRANSIT_SHARDS, INBOUND_LISTING_PREFIX, INDEXES, keys } from './keys';
import { queryPages } from './query-pages';
import { OUTBOX_ATTRIBUTE, encodeOutbox, outboxAttribute } from './outbox';
import { stockWrites, type StockChange } from './stock-store';

/**
 * An inbound shipment is one item (`INBOUND#<id>`): its lines, cartons, journey, customs, landed
 * cost and counts. Every change rewrites it, conditional on its version, and carries its events in
 * the item's `outbox` attribute (relayed from that write's stream record, as tracking does). A
 * receipt adds the stock it brings in the same transaction, so the shipment's counts and the
 * ledger can never disagree. Index keys: the seller's listing (open ones first), the warehouse's
 * expected arrivals (while open) and the stall sweep's (while watched).
 */

export type SaveNewInboundOutcome =
  { readonly kind: 'created' } | { readonly kind: 'duplicate'; readonly inboundShipmentId: string; readonly requestHash: string };

/**
 * Port: stores a newly booked shipment with its events and its idempotency record (seller,
 * reference) in one transaction; `duplicate` names the shipment that already holds the reference.
 */
export type SaveNewInbound = (shipment: InboundShipment, requestHash: string, events: readonly PendingEvent[]) => Promise<SaveNewInboundOutcome>;
/** Port: an inbound shipment by id (strongly consistent). */
export type GetInbound = (inboundShipmentId: string) => Promise<InboundShipment | undefined>;
/** Port: a seller's inbound shipments, open or closed ones, newest first. */
export type ListSellerInbound = (
  sellerId: string,
  options: { readonly open: boolean; readonly limit: number; readonly cursor?: string },
) => Promise<Page<InboundShipment>>;
/** Port: the open inbound shipments expected at a warehouse, oldest first. */
export type ListWarehouseInbound = (warehouseCode: string, options: { readonly limit: number; readonly cursor?: string }) => Promise<Page<InboundShipment>>;

/** One change of an inbound shipment: its new state, its events and, for a receipt, the stock it brings. */
export interface InboundChange {
  readonly shipment: InboundShipment;
  /** The version the stored shipment must still have. */
  readonly expectedVersion: number;
  readonly events: readonly PendingEvent[];
  readonly stock?: readonly StockChange[];
}

/** Port: writes a change all or nothing; `conflict` when the shipment changed meanwhile (re-read and retry). */
export type SaveInboundChange = (change: InboundChange) => Promise<'saved' | 'conflict'>;

/** Port: inbound shipments whose stall check is due before `dueBefore` (an index query per shard, never a scan). */
export type FindInboundStallCandidates = (dueBefore: string) => Promise<InboundShipment[]>;
/** Port: records the stall and its event, only if the shipment has not moved since it was read; false otherwise. */
export type RaiseInboundStall = (shipment: InboundShipment, stallKey: string, event: PendingEvent, at: string) => Promise<boolean>;

const TYPE = 'InboundShipment';

function inboundItem(shipment: InboundShipment, events: readonly PendingEvent[]): Record<string, unknown> {
  const open = isOpen(shipment.status);
  const dueAt = shipment.stallRaised === undefined ? stallDueAt(shipment.status, shipment.mode, shipment.statusSince) : null;
  return {
    ...keys.inbound(shipment.inboundShipmentId),
    ...keys.sellerInbound(shipment.sellerId, open, shipment.createdAt, shipment.inboundShipmentId),
    ...(open ? keys.warehouseInbound(shipment.warehouseCode, shipment.createdAt, shipment.inboundShipmentId) : {}),
    ...(dueAt === null ? {} : keys.inboundDue(shipment.inboundShipmentId, dueAt)),
    type: TYPE,
    ...shipment,
    ...outboxAttribute(events),
  };
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'type', OUTBOX_ATTRIBUTE] as const;

function inboundFromItem(item: Record<string, unknown>): InboundShipment {
  const copy: Record<string, unknown> = { ...item };
  for (const key of KEY_ATTRIBUTES) delete copy[key];
  return copy as unknown as InboundShipment;
}

export function buildSaveNewInbound(documents: DynamoDBDocumentClient, tableName: string): SaveNewInbound {
  return async (shipment, requestHash, events) => {
    const referenceKey = keys.inboundReference(shipment.sellerId, shipment.reference);
    try {
      await documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...referenceKey, type: 'InboundReference', inboundShipmentId: shipment.inboundShipmentId, requestHash },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: tableName, Item: inboundItem(shipment, events), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return { kind: 'created' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: referenceKey, ConsistentRead: true }));
      if (Item === undefined) throw error;
      return { kind: 'duplicate', inboundShipmentId: String(Item.inboundShipmentId), requestHash: String(Item.requestHash) };
    }
  };
}

export function buildGetInbound(documents: DynamoDBDocumentClient, tableName: string): GetInbound {
  return async (inboundShipmentId) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.inbound(inboundShipmentId), ConsistentRead: true }));
    return Item === undefined ? undefined : inboundFromItem(Item);
  };
}

const isConflict = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict'));

export function buildSaveInboundChange(documents: DynamoDBDocumentClient, tableName: string): SaveInboundChange {
  return async (change) => {
    const put = {
      TableName: tableName,
      Item: inboundItem(change.shipment, change.events),
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': change.expectedVersion },
    };
    try {
      if (change.stock === undefined || change.stock.length === 0) {
        await documents.send(new PutCommand(put));
      } else {
        await documents.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...change.stock.flatMap((stock) => stockWrites(tableName, stock))] }));
      }
      return 'saved';
    } catch (error) {
      if (isConflict(error)) return 'conflict';
      throw error;
    }
  };
}

export function buildListSellerInbound(documents: DynamoDBDocumentClient, tableName: string): ListSellerInbound {
  const index = INDEXES.bySeller;
  return async (sellerId, { open, limit, cursor }) => {
    const prefix = `${INBOUND_LISTING_PREFIX}${open ? 'O' : 'C'}#`;
    const after = cursor === undefined ? undefined : decodeCursor(cursor, prefix);
    const { gsi1pk } = keys.sellerInbound(sellerId, open, '', '');
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
        ExpressionAttributeValues: { ':pk': gsi1pk, ':prefix': prefix },
        ScanIndexForward: false,
        Limit: limit,
        ...(after === undefined
          ? {}
          : { ExclusiveStartKey: { [index.partitionKey]: gsi1pk, [index.sortKey]: after, ...keys.inbound(after.split('#').at(-1) ?? '') } }),
      }),
    );
    return { items: (page.Items ?? []).map(inboundFromItem), ...nextCursorOf(page.LastEvaluatedKey, index.sortKey) };
  };
}

export function buildListWarehouseInbound(documents: DynamoDBDocumentClient, tableName: string): ListWarehouseInbound {
  const index = INDEXES.byTrackingNumber;
  return async (warehouseCode, { limit, cursor }) => {
    const { gsi2pk } = keys.warehouseInbound(warehouseCode, '', '');
    const after = cursor === undefined ? undefined : decodeCursor(cursor, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z#inb_[A-Za-z0-9]+$/);
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': gsi2pk },
        Limit: limit,
        ...(after === undefined
          ? {}
          : { ExclusiveStartKey: { [index.partitionKey]: gsi2pk, [index.sortKey]: after, ...keys.inbound(after.split('#').at(-1) ?? '') } }),
      }),
    );
    return { items: (page.Items ?? []).map(inboundFromItem), ...nextCursorOf(page.LastEvaluatedKey, index.sortKey) };
  };
}

/** One Query per shard of the stall index, `< dueBefore`, then the shipments themselves (the index projects only tracking's attributes). */
export function buildFindInboundStallCandidates(documents: DynamoDBDocumentClient, tableName: string): FindInboundStallCandidates {
  const index = INDEXES.inTransitByStallDue;
  return async (dueBefore) => {
    const ids = await Promise.all(
      Array.from({ length: IN_TRANSIT_SHARDS }, async (_, shard) => {
        const due = await queryPages(documents, {
          TableName: tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk AND #sk < :due',
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
          ExpressionAttributeValues: { ':pk': keys.inboundDueShardKey(shard), ':due': dueBefore },
        });
        return due.map((item) => String(item.pk).slice('INBOUND#'.length));
      }),
    );
    const items = await batchGetAll(
      documents,
      tableName,
      ids.flat().map((id) => keys.inbound(id)),
    );
    return items.map(inboundFromItem);
  };
}

export function buildRaiseInboundStall(documents: DynamoDBDocumentClient, tableName: string): RaiseInboundStall {
  const index = INDEXES.inTransitByStallDue;
  return async (shipment, stallKey, event, at) => {
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.inbound(shipment.inboundShipmentId),
          // The version moves too, so a change prepared before the stall re-reads instead of erasing it.
          UpdateExpression: 'SET stallRaised = :key, updatedAt = :at, #outbox = :outbox, #version = #version + :one REMOVE #gsiPk, #gsiSk',
          ConditionExpression: '#version = :expected AND attribute_not_exists(stallRaised)',
          ExpressionAttributeNames: { '#gsiPk': index.partitionKey, '#gsiSk': index.sortKey, '#outbox': OUTBOX_ATTRIBUTE, '#version': 'version' },
          ExpressionAttributeValues: { ':key': stallKey, ':at': at, ':outbox': encodeOutbox([event]), ':one': 1, ':expected': shipment.version },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  };
}
