import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Shipment } from '../../../domain/shared/shipment';
import { CARRIER_SLUGS } from '../../../domain/shared/carriers';
import type { FindShipmentForUpdate, FindShipmentsByTrackingNumber, FindStallCandidates, GetShipmentTracking, StoredTracking } from '../../../domain/tracking';
import { kpiMarksFrom } from '../../../domain/tracking';
import { IN_TRANSIT_SHARDS, INDEXES, keys } from './keys';
import { queryPages } from './query-pages';
import { shipmentFromItem } from './shipment-store';
import { candidateFromItem, trackingStateFromItem, type Item } from './tracking-item';

/** Reads of tracking: a shipment with its tracking, shipments by tracking number, and the stalled sweep's index. */

/** Every carrier a shipment may be booked with or tracked by. */
export const ALL_CARRIERS: readonly string[] = CARRIER_SLUGS;

/**
 * Reads the shipment item and its tracking item with one strongly consistent query of the
 * partition; or, given the shipment (tracking-ingestion found it by its number), only the tracking
 * item: one GetItem, eventually consistent unless asked (half the read units, and the item alone).
 */
export function buildGetShipmentTracking(documents: DynamoDBDocumentClient, tableName: string): GetShipmentTracking {
  const stored = (shipment: Shipment, trackingRow: Item | undefined): StoredTracking => ({
    shipment,
    state: trackingStateFromItem(trackingRow),
    kpiMarks: kpiMarksFrom(trackingRow?.kpiMarks),
    version: typeof trackingRow?.version === 'number' ? trackingRow.version : 0,
    stallCheckAt: typeof trackingRow?.stallDueAt === 'string' ? trackingRow.stallDueAt : null,
  });
  return async (shipmentId, known) => {
    if (known !== undefined) {
      const { Item } = await documents.send(
        new GetCommand({ TableName: tableName, Key: keys.shipmentTracking(shipmentId), ConsistentRead: known.consistentRead }),
      );
      return stored(known.shipment, Item);
    }
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
    return stored(
      shipmentFromItem(shipmentRow),
      Items.find((item) => item.sk === keys.shipmentTracking(shipmentId).sk),
    );
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
    const candidates = await findAll(
      update.lastMileTrackingNumber,
      ALL_CARRIERS.filter((carrier) => carrier !== update.carrier),
    );
    return candidates.length === 1 && candidates[0] !== undefined
      ? { shipment: candidates[0], newAlias: { carrier: update.carrier, trackingNumber: update.trackingNumber } }
      : undefined;
  };
}

/** One Query per gsi3 shard, `gsi3sk < dueBefore`, every page: only shipments whose stall check is due. */
export function buildFindStallCandidates(documents: DynamoDBDocumentClient, tableName: string): FindStallCandidates {
  const index = INDEXES.inTransitByStallDue;
  return async (dueBefore) => {
    const shards = await Promise.all(
      Array.from({ length: IN_TRANSIT_SHARDS }, (_, shard) =>
        queryPages(documents, {
          TableName: tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk AND #sk < :due',
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
          ExpressionAttributeValues: { ':pk': keys.inTransitShardKey(shard), ':due': dueBefore },
        }),
      ),
    );
    return shards.flat().map(candidateFromItem);
  };
}
