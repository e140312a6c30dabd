import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CARRIER_SLUGS } from '../../../domain/shared/carriers';
import type { Shipment } from '../../../domain/shared/shipment';
import { kpiMarksFrom } from '../../../domain/tracking/kpi-facts';
import type {
  FindShipmentForUpdate,
  FindShipmentsByTrackingNumber,
  FindStallCandidates,
  GetShipmentTracking,
  KeepUnmatched,
  RaiseStall,
  SaveTracking,
  StallCandidate,
  StoredTracking,
  TrackingWrite,
} from '../../../domain/tracking/ports';
import { emptyTrackingState, type CurrentStatus, type ShipmentTrackingState, type TimelineEvent } from '../../../domain/tracking/timeline';
import { IN_TRANSIT_SHARDS, INDEXES, TTL_ATTRIBUTE, keys } from './keys';
import { kpiIncrementUpdate } from './kpi-store';
import { OUTBOX_ATTRIBUTE, encodeOutbox, outboxAttribute } from './outbox';
import { shipmentFromItem, shipmentItem } from './shipment-store';

/**
 * A shipment's tracking lives in one item beside the shipment (`SHIPMENT#<id>` / `TRACKING`): the
 * current status, the stall bookkeeping and the whole timeline, gzipped JSON (a 22-event journey is
 * about 9 KB as JSON, under 2 KB gzipped, and every write rewrites the item, so its size is the
 * write's cost). One item means one conditional write per batch of updates, and a read of the
 * timeline is one GetItem. The events a write publishes ride on that same write, in its `outbox`
 * attribute (store/outbox.ts), so an ordinary update is ONE item written, as a plain conditional
 * Put; a KPI counter or a new line-haul alias makes it a transaction: 1 + the KPI weeks touched +
 * the new aliases (2 for a single update, docs/tracking.md "Write cost"). The
 * carrier's raw payload is not kept on the timeline (it stays in the logs and, when unparseable, in
 * the DLQ); everything Enlace derived from it is.
 */

const TRACKING_TYPE = 'ShipmentTracking';

type Item = Record<string, unknown>;

/** Every carrier a shipment may be booked with or tracked by. */
export const ALL_CARRIERS: readonly string[] = CARRIER_SLUGS;

export function encodeTimeline(timeline: readonly TimelineEvent[]): Uint8Array {
  return gzipSync(JSON.stringify(timeline.map(({ raw: _raw, ...event }) => event)));
}

export function decodeTimeline(value: unknown): TimelineEvent[] {
  if (value instanceof Uint8Array) {
    return JSON.parse(gunzipSync(value).toString('utf8')) as TimelineEvent[];
  }
  return [];
}

export function trackingItem(write: TrackingWrite): Item {
  const { shipment, state } = write;
  return {
    ...keys.shipmentTracking(shipment.shipmentId),
    type: TRACKING_TYPE,
    shipmentId: shipment.shipmentId,
    orderId: shipment.orderId,
    sellerId: shipment.sellerId,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    lane: shipment.lane,
    ...(state.current === null ? {} : { current: state.current, status: state.current.status }),
    ...(state.lastCarrierUpdateAt === null ? {} : { lastCarrierUpdateAt: state.lastCarrierUpdateAt }),
    ...(state.lastEventAt === null ? {} : { lastEventAt: state.lastEventAt }),
    ...(state.deliveredFactRaisedFor === null ? {} : { deliveredFactRaisedFor: state.deliveredFactRaisedFor }),
    ...(state.stallAlertRaised === null ? {} : { stallAlertRaised: state.stallAlertRaised }),
    ...(write.stallDueAt === null ? {} : { ...keys.inTransit(shipment.shipmentId, write.stallDueAt), stallDueAt: write.stallDueAt }),
    eventCount: state.timeline.length,
    timeline: encodeTimeline(state.timeline),
    kpiMarks: [...write.kpiMarks],
    version: write.expectedVersion + 1,
    updatedAt: write.at,
    ...outboxAttribute(write.events),
  };
}

export function trackingStateFromItem(item: Item | undefined): ShipmentTrackingState {
  if (item === undefined) {
    return emptyTrackingState();
  }
  const timeline = decodeTimeline(item.timeline);
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    current: (item.current as CurrentStatus | undefined) ?? null,
    lastCarrierUpdateAt: text(item.lastCarrierUpdateAt),
    lastEventAt: text(item.lastEventAt),
    timeline,
    seenEventKeys: timeline.map((event) => event.eventKey).sort(),
    deliveredFactRaisedFor: text(item.deliveredFactRaisedFor),
    stallAlertRaised: text(item.stallAlertRaised),
  };
}

/** An item that makes gsi2 find the shipment under another carrier's number (see keys.ts). */
export function aliasItem(shipment: Shipment, carrier: string, trackingNumber: string): Item {
  const { gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, ...item } = shipmentItem(shipment);
  return {
    ...item,
    ...keys.trackingAlias(shipment.shipmentId, carrier, trackingNumber),
    ...keys.shipmentByTracking(carrier, trackingNumber),
    type: 'ShipmentAlias',
  };
}

/** Reads the shipment item and its tracking item with one strongly consistent query of the partition. */
export function buildGetShipmentTracking(documents: DynamoDBDocumentClient, tableName: string): GetShipmentTracking {
  return async (shipmentId) => {
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ExpressionAttributeValues: { ':pk': keys.shipment(shipmentId).pk, ':first': 'SHIPMENT', ':last': 'TRACKING' },
        ConsistentRead: true,
      }),
    );
    const shipmentRow = Items.find((item) => item.sk === keys.shipment(shipmentId).sk);
    if (shipmentRow === undefined) {
      return undefined;
    }
    const trackingRow = Items.find((item) => item.sk === keys.shipmentTracking(shipmentId).sk);
    const stored: StoredTracking = {
      shipment: shipmentFromItem(shipmentRow),
      state: trackingStateFromItem(trackingRow),
      kpiMarks: kpiMarksFrom(trackingRow?.kpiMarks),
      version: typeof trackingRow?.version === 'number' ? trackingRow.version : 0,
    };
    return stored;
  };
}

/** DynamoDB's limit on the items of one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * What one tracking write may put in the item: DynamoDB's item limit is 400 KB; the rest is kept for
 * the attributes beside the timeline and the outbox.
 */
export const MAX_TRACKING_ITEM_BYTES = 350 * 1024;

/** Items one tracking write puts: the tracking item (its events ride on it), each KPI counter, each new alias. */
export function itemsWritten(write: Pick<TrackingWrite, 'kpiIncrements' | 'aliases'>): number {
  return 1 + write.kpiIncrements.length + write.aliases.length;
}

const isConflict = (error: unknown): boolean => {
  if (error instanceof ConditionalCheckFailedException) {
    return true;
  }
  const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
  return reasons[0]?.Code === 'ConditionalCheckFailed' || reasons.some((reason) => reason.Code === 'TransactionConflict');
};

/** The bytes of the tracking item's two growing attributes: the gzipped timeline and the events it carries. */
function growingBytes(item: Item): number {
  const timeline = item.timeline instanceof Uint8Array ? item.timeline.length : 0;
  const outbox = item[OUTBOX_ATTRIBUTE];
  return timeline + (typeof outbox === 'string' ? outbox.length : 0);
}

/**
 * The tracking item, conditional on its version (so two writers never both win), carrying the events
 * of the write. Alone it is a plain conditional Put; with KPI counter increments or a new alias, one
 * transaction, all or nothing (so a retry never counts a KPI twice).
 */
export function buildSaveTracking(documents: DynamoDBDocumentClient, tableName: string): SaveTracking {
  return async (write) => {
    if (itemsWritten(write) > MAX_TRANSACTION_ITEMS) {
      throw new RangeError(`a tracking write of ${itemsWritten(write)} items exceeds DynamoDB's ${MAX_TRANSACTION_ITEMS}-item transaction`);
    }
    const item = trackingItem(write);
    if (growingBytes(item) > MAX_TRACKING_ITEM_BYTES) {
      throw new RangeError(`shipment ${write.shipment.shipmentId}: its timeline and ${write.events.length} events exceed ${MAX_TRACKING_ITEM_BYTES} bytes; send fewer updates per webhook`);
    }
    const condition =
      write.expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': write.expectedVersion } };
    const put = { TableName: tableName, Item: item, ...condition };
    try {
      if (itemsWritten(write) === 1) {
        await documents.send(new PutCommand(put));
      } else {
        await documents.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: put },
              ...write.kpiIncrements.map((increment) => ({ Update: kpiIncrementUpdate(tableName, increment, write.at) })),
              ...write.aliases.map((alias) => ({ Put: { TableName: tableName, Item: aliasItem(write.shipment, alias.carrier, alias.trackingNumber) } })),
            ],
          }),
        );
      }
      return 'saved';
    } catch (error) {
      if (isConflict(error)) {
        return 'conflict';
      }
      throw error;
    }
  };
}

/** One gsi2 query per carrier, in parallel (gsi2's key names the carrier); aliases included. */
export function buildFindShipmentsByTrackingNumber(documents: DynamoDBDocumentClient, tableName: string): FindShipmentsByTrackingNumber {
  return async (trackingNumber, carriers = ALL_CARRIERS) => {
    const found = await Promise.all(
      carriers.map(async (carrier) => {
        const { Items = [] } = await documents.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: INDEXES.byTrackingNumber.name,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': INDEXES.byTrackingNumber.partitionKey },
            ExpressionAttributeValues: { ':pk': keys.shipmentByTracking(carrier, trackingNumber).gsi2pk },
          }),
        );
        return Items.map(shipmentFromItem);
      }),
    );
    return [...new Map(found.flat().map((shipment) => [shipment.shipmentId, shipment])).values()];
  };
}

/**
 * The shipment of a carrier update: by the update's own (carrier, number), which also finds
 * registered aliases; else, for a line-haul event that names the parcel's last-mile number, by that
 * number under any other carrier, then the line-haul number is registered as an alias so the next
 * event takes the first path. Ambiguous last-mile numbers (two carriers' shipments) match nothing.
 */
export function buildFindShipmentForUpdate(documents: DynamoDBDocumentClient, tableName: string): FindShipmentForUpdate {
  const findAll = buildFindShipmentsByTrackingNumber(documents, tableName);
  return async (update) => {
    const [own] = await findAll(update.trackingNumber, [update.carrier]);
    if (own !== undefined) {
      return { shipment: own };
    }
    if (update.lastMileTrackingNumber === undefined) {
      return undefined;
    }
    const candidates = await findAll(update.lastMileTrackingNumber, ALL_CARRIERS.filter((carrier) => carrier !== update.carrier));
    return candidates.length === 1 && candidates[0] !== undefined
      ? { shipment: candidates[0], newAlias: { carrier: update.carrier, trackingNumber: update.trackingNumber } }
      : undefined;
  };
}

const UNMATCHED_RETENTION_SECONDS = 30 * 24 * 60 * 60;
/** Enough to diagnose a stray number; beyond it only the count grows. */
const UNMATCHED_SAMPLE = 50;

export function buildKeepUnmatched(documents: DynamoDBDocumentClient, tableName: string): KeepUnmatched {
  return async (carrier, trackingNumber, updates, receivedAt) => {
    const sample = updates.map(({ raw: _raw, ...update }) => ({ ...update, receivedAt }));
    const base = {
      TableName: tableName,
      Key: keys.unmatchedTracking(carrier, trackingNumber),
      ExpressionAttributeNames: { '#updates': 'updates', '#count': 'receivedCount', '#ttl': TTL_ATTRIBUTE },
    };
    const expiresAt = Math.floor(Date.parse(receivedAt) / 1000) + UNMATCHED_RETENTION_SECONDS;
    try {
      await documents.send(
        new UpdateCommand({
          ...base,
          UpdateExpression:
            'SET #type = :type, carrier = :carrier, trackingNumber = :number, lastReceivedAt = :at, #ttl = :ttl, #updates = list_append(if_not_exists(#updates, :empty), :new) ADD #count :n',
          ConditionExpression: 'attribute_not_exists(#updates) OR size(#updates) < :max',
          ExpressionAttributeNames: { ...base.ExpressionAttributeNames, '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': 'UnmatchedTracking',
            ':carrier': carrier,
            ':number': trackingNumber,
            ':at': receivedAt,
            ':ttl': expiresAt,
            ':empty': [],
            ':new': sample,
            ':n': updates.length,
            ':max': UNMATCHED_SAMPLE,
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) {
        throw error;
      }
      // The sample is full: count only.
      await documents.send(
        new UpdateCommand({
          ...base,
          UpdateExpression: 'SET lastReceivedAt = :at, #ttl = :ttl ADD #count :n',
          ExpressionAttributeNames: { '#count': 'receivedCount', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':at': receivedAt, ':ttl': expiresAt, ':n': updates.length },
        }),
      );
    }
  };
}

function candidateFromItem(item: Item): StallCandidate {
  return {
    shipmentId: String(item.shipmentId),
    orderId: String(item.orderId),
    sellerId: String(item.sellerId),
    carrier: String(item.carrier),
    trackingNumber: String(item.trackingNumber),
    lane: String(item.lane),
    current: (item.current as CurrentStatus | undefined) ?? null,
    lastCarrierUpdateAt: String(item.lastCarrierUpdateAt),
    lastEventAt: typeof item.lastEventAt === 'string' ? item.lastEventAt : null,
  };
}

/** One Query per gsi3 shard, `gsi3sk < dueBefore`, every page: only shipments whose stall check is due. */
export function buildFindStallCandidates(documents: DynamoDBDocumentClient, tableName: string): FindStallCandidates {
  const index = INDEXES.inTransitByStallDue;
  return async (dueBefore) => {
    const shards = await Promise.all(
      Array.from({ length: IN_TRANSIT_SHARDS }, async (_, shard) => {
        const items: Item[] = [];
        let startKey: Record<string, unknown> | undefined;
        do {
          const page = await documents.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: index.name,
              KeyConditionExpression: '#pk = :pk AND #sk < :due',
              ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
              ExpressionAttributeValues: { ':pk': keys.inTransitShardKey(shard), ':due': dueBefore },
              ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
            }),
          );
          items.push(...(page.Items ?? []));
          startKey = page.LastEvaluatedKey;
        } while (startKey !== undefined);
        return items;
      }),
    );
    return shards.flat().map(candidateFromItem);
  };
}

/**
 * Marks the stall raised, takes the shipment out of the sweep's index and carries the event (its
 * `outbox`), in one conditional UpdateItem: the condition makes it once per silence even with two
 * sweeps running.
 */
export function buildRaiseStall(documents: DynamoDBDocumentClient, tableName: string): RaiseStall {
  const index = INDEXES.inTransitByStallDue;
  return async (candidate, stallKey, event, at) => {
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.shipmentTracking(candidate.shipmentId),
          // The version moves too, so an ingestion write prepared before the stall re-reads instead of erasing it.
          UpdateExpression: 'SET stallAlertRaised = :key, updatedAt = :at, #outbox = :outbox, #version = #version + :one REMOVE #gsiPk, #gsiSk, stallDueAt',
          ConditionExpression: 'lastCarrierUpdateAt = :since AND attribute_not_exists(stallAlertRaised)',
          ExpressionAttributeNames: { '#gsiPk': index.partitionKey, '#gsiSk': index.sortKey, '#outbox': OUTBOX_ATTRIBUTE, '#version': 'version' },
          ExpressionAttributeValues: { ':key': stallKey, ':at': at, ':since': candidate.lastCarrierUpdateAt, ':outbox': encodeOutbox([event]), ':one': 1 },
        }),
      );
      return true;
    } catch (error) {
      if (isConflict(error)) {
        return false;
      }
      throw error;
    }
  };
}
