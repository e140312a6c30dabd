import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { StallCandidate } from '../../../domain/tracking';
import type { PendingEvent } from '../../../events/pending';
import { INDEXES, keys } from './keys';
import { kpiIncrementUpdate } from './kpi-store';
import { encodeOutbox, OUTBOX_ATTRIBUTE } from './outbox';
import { aliasItem, trackingItem, type Item, type TrackingWrite } from './tracking-item';

export type { TrackingWrite } from './tracking-item';

export type SaveTrackingResult = { readonly outcome: 'saved'; readonly itemsWritten: number } | { readonly outcome: 'conflict' };

/**
 * Port: writes a TrackingWrite all or nothing; `conflict` when the version moved (re-read and
 * retry). Throws TrackingWriteTooLargeError for a write DynamoDB cannot take in one go.
 */
export type SaveTracking = (write: TrackingWrite) => Promise<SaveTrackingResult>;

/**
 * Port: records the stall and its event at once, only if the shipment is still silent since
 * `candidate.lastCarrierUpdateAt` and this stall was not raised yet; false otherwise.
 */
export type RaiseStall = (candidate: StallCandidate, stallKey: string, event: PendingEvent, at: string) => Promise<boolean>;

/**
 * Port: moves the shipment's entry in the sweep's index to `checkAt` (the due time of its current
 * silence), only if it is still the silence the candidate describes (same last carrier update, same
 * current status, no stall raised); false otherwise (a carrier event or a stall got there first).
 */
export type RescheduleStallCheck = (candidate: StallCandidate, checkAt: string) => Promise<boolean>;

/** A write DynamoDB cannot take in one go: too many items for a transaction, or too large an item. */
export class TrackingWriteTooLargeError extends Error {
  override readonly name = 'TrackingWriteTooLargeError';
}

/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * What one tracking write may put in the item: DynamoDB's item limit is 400 KB; the rest is kept for
 * the attributes beside the timeline and the outbox.
 */
export const MAX_TRACKING_ITEM_BYTES = 350 * 1024;

/** Items one tracking write puts: the tracking item (its events ride on it), each KPI counter, each new alias. */
export function itemsWritten(write: Pick<TrackingWrite, 'kpiIncrements' | 'aliases'>): number {
  return 1 + write.kpiIncrements.length + write.aliases.length;
}

export const isConflict = (error: unknown): boolean => {
  if (error instanceof ConditionalCheckFailedException) {
    return true;
  }
  const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
  return reasons[0]?.Code === 'ConditionalCheckFailed' || reasons.some((reason) => reason.Code === 'TransactionConflict');
};

/** One conditional UpdateItem: true when written, false when its condition did not hold (someone got there first). */
async function updateUnlessConflict(documents: DynamoDBDocumentClient, update: UpdateCommandInput): Promise<boolean> {
  try {
    await documents.send(new UpdateCommand(update));
    return true;
  } catch (error) {
    if (isConflict(error)) {
      return false;
    }
    throw error;
  }
}

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
      throw new TrackingWriteTooLargeError(`a tracking write of ${itemsWritten(write)} items exceeds DynamoDB's ${MAX_TRANSACTION_ITEMS}-item transaction`);
    }
    const item = trackingItem(write);
    if (growingBytes(item) > MAX_TRACKING_ITEM_BYTES) {
      throw new TrackingWriteTooLargeError(
        `shipment ${write.shipment.shipmentId}: its timeline and ${write.events.length} events exceed ${MAX_TRACKING_ITEM_BYTES} bytes; send fewer updates per webhook`,
      );
    }
    const condition =
      write.expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': write.expectedVersion },
          };
    const put = { TableName: tableName, Item: item, ...condition };
    try {
      const count = itemsWritten(write);
      if (count === 1) {
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
      return { outcome: 'saved', itemsWritten: count };
    } catch (error) {
      if (isConflict(error)) {
        return { outcome: 'conflict' };
      }
      throw error;
    }
  };
}

/**
 * Marks the stall raised, takes the shipment out of the sweep's index and carries the event (its
 * `outbox`), in one conditional UpdateItem: the condition makes it once per silence even with two
 * sweeps running.
 */
export function buildRaiseStall(documents: DynamoDBDocumentClient, tableName: string): RaiseStall {
  const index = INDEXES.inTransitByStallDue;
  return async (candidate, stallKey, event, at) =>
    updateUnlessConflict(documents, {
      TableName: tableName,
      Key: keys.shipmentTracking(candidate.shipmentId),
      // The version moves too, so an ingestion write prepared before the stall re-reads instead of erasing it.
      UpdateExpression: 'SET stallAlertRaised = :key, updatedAt = :at, #outbox = :outbox, #version = #version + :one REMOVE #gsiPk, #gsiSk, stallDueAt',
      ConditionExpression: 'lastCarrierUpdateAt = :since AND attribute_not_exists(stallAlertRaised)',
      ExpressionAttributeNames: { '#gsiPk': index.partitionKey, '#gsiSk': index.sortKey, '#outbox': OUTBOX_ATTRIBUTE, '#version': 'version' },
      ExpressionAttributeValues: { ':key': stallKey, ':at': at, ':since': candidate.lastCarrierUpdateAt, ':outbox': encodeOutbox([event]), ':one': 1 },
    });
}

/**
 * The sweep found a shipment before its due time (the index entry stays put while carrier events
 * move the due time later, stall-schedule.ts `stallCheckAt`): one conditional UpdateItem moves the
 * entry to the due time. It leaves the version alone (an ingestion write prepared meanwhile still
 * lands, with an entry no later than the due time) and removes the outbox attribute, so the stream
 * record of this write carries no earlier write's events (store/outbox.ts).
 */
export function buildRescheduleStallCheck(documents: DynamoDBDocumentClient, tableName: string): RescheduleStallCheck {
  const index = INDEXES.inTransitByStallDue;
  return async (candidate, checkAt) => {
    const entry = keys.inTransit(candidate.shipmentId, checkAt);
    const current = candidate.current;
    return updateUnlessConflict(documents, {
      TableName: tableName,
      Key: keys.shipmentTracking(candidate.shipmentId),
      UpdateExpression: 'SET #gsiPk = :gsiPk, #gsiSk = :gsiSk, stallDueAt = :checkAt REMOVE #outbox',
      // The due time follows from the last carrier update and the current status (its leg): both unchanged, or no move.
      ConditionExpression: `lastCarrierUpdateAt = :since AND attribute_not_exists(stallAlertRaised) AND ${current === null ? 'attribute_not_exists(#current)' : '#current.eventKey = :eventKey'}`,
      ExpressionAttributeNames: { '#gsiPk': index.partitionKey, '#gsiSk': index.sortKey, '#outbox': OUTBOX_ATTRIBUTE, '#current': 'current' },
      ExpressionAttributeValues: {
        ':gsiPk': entry.gsi3pk,
        ':gsiSk': entry.gsi3sk,
        ':checkAt': checkAt,
        ':since': candidate.lastCarrierUpdateAt,
        ...(current === null ? {} : { ':eventKey': current.eventKey }),
      },
    });
  };
}
