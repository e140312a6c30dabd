import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Shipment } from '../../../domain/shared/shipment';
import type { TrackingStatus } from '../../../domain/tracking';
import { INDEXES, keys } from './keys';
import { queryPages } from './query-pages';

/**
 * A polled parcel's schedule: one small item `SHIPMENT#<id>` / `POLL`, indexed in gsi4 under
 * `POLL#<carrier>` by its next poll time, so the poller reads only the parcels due (a Query per
 * carrier, oldest first, never a scan). Written when the shipment is booked (tracking-registration),
 * after every poll (the next time), and deleted when the parcel reaches a final status. It is ~300
 * bytes: each write is 1 WCU, plus 1 for the index.
 */

export interface DuePoll {
  readonly shipmentId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly bookedAt: string;
  readonly lane: string;
  /** The next poll time the poller read: its writes are conditional on it (two overlapping runs never both reschedule). */
  readonly nextPollAt: string;
  readonly polls: number;
}

/** Port: starts polling a shipment (idempotent: a second registration changes nothing). */
export type RegisterPoll = (shipment: Shipment, firstPollAt: string, at: string) => Promise<void>;
/** Port: a carrier's parcels due a poll at or before `dueBy`, oldest first, at most `limit`. */
export type FindDuePolls = (carrier: string, dueBy: string, limit: number) => Promise<DuePoll[]>;

export interface PollOutcome {
  readonly polledAt: string;
  readonly lastEventAt: string | null;
  readonly lastStatus: TrackingStatus | null;
}

/**
 * Port: records a poll and when to ask next (`next`), or stops polling (`stop`), conditional on the
 * schedule being the one read; false when another run got there first.
 */
export type RecordPoll = (due: DuePoll, outcome: PollOutcome, decision: { readonly next: string } | { readonly stop: string }) => Promise<boolean>;

const ITEM_TYPE = 'TrackingPoll';

export function buildRegisterPoll(documents: DynamoDBDocumentClient, tableName: string): RegisterPoll {
  return async (shipment, firstPollAt, at) => {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.pollSchedule(shipment.shipmentId),
            ...keys.pollDue(shipment.carrier, firstPollAt, shipment.shipmentId),
            type: ITEM_TYPE,
            shipmentId: shipment.shipmentId,
            carrier: shipment.carrier,
            trackingNumber: shipment.trackingNumber,
            bookedAt: shipment.bookedAt,
            lane: shipment.lane,
            nextPollAt: firstPollAt,
            polls: 0,
            registeredAt: at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  };
}

function duePollFromItem(item: Record<string, unknown>): DuePoll {
  return {
    shipmentId: String(item.shipmentId),
    carrier: String(item.carrier),
    trackingNumber: String(item.trackingNumber),
    bookedAt: String(item.bookedAt),
    lane: String(item.lane),
    nextPollAt: String(item.nextPollAt),
    polls: typeof item.polls === 'number' ? item.polls : 0,
  };
}

export function buildFindDuePolls(documents: DynamoDBDocumentClient, tableName: string): FindDuePolls {
  const index = INDEXES.pollDue;
  return async (carrier, dueBy, limit) => {
    const items = await queryPages(
      documents,
      {
        TableName: tableName,
        IndexName: index.name,
        // "<time>#<shipmentId>" sorts after "<time>"; "~" sorts after every id character, so parcels due at `dueBy` are in.
        KeyConditionExpression: '#pk = :pk AND #sk < :due',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
        ExpressionAttributeValues: { ':pk': keys.pollCarrierKey(carrier), ':due': `${dueBy}#~` },
      },
      limit,
    );
    return items.map(duePollFromItem);
  };
}

export function buildRecordPoll(documents: DynamoDBDocumentClient, tableName: string): RecordPoll {
  return async (due, outcome, decision) => {
    const key = keys.pollSchedule(due.shipmentId);
    try {
      if ('stop' in decision) {
        await documents.send(
          new DeleteCommand({
            TableName: tableName,
            Key: key,
            ConditionExpression: 'nextPollAt = :seen',
            ExpressionAttributeValues: { ':seen': due.nextPollAt },
          }),
        );
        return true;
      }
      const due4 = keys.pollDue(due.carrier, decision.next, due.shipmentId);
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET nextPollAt = :next, #sk = :sk, lastPolledAt = :polled, lastEventAt = :event, lastStatus = :status ADD polls :one',
          ConditionExpression: 'nextPollAt = :seen',
          ExpressionAttributeNames: { '#sk': INDEXES.pollDue.sortKey },
          ExpressionAttributeValues: {
            ':next': decision.next,
            ':sk': due4.gsi4sk,
            ':polled': outcome.polledAt,
            ':event': outcome.lastEventAt,
            ':status': outcome.lastStatus,
            ':one': 1,
            ':seen': due.nextPollAt,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  };
}
