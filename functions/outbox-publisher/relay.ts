import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { PublishEvents } from '../shared/bus/event-publisher';
import { logger } from '../shared/observability';
import { pendingEventsFromImage } from '../shared/store/outbox';

/**
 * The outbox relay: the table's stream delivers each write that carries events (the mapping's filters
 * keep INSERTs of OUTBOX# items and writes that set the `outbox` attribute, see store/outbox.ts) and
 * this publishes its events to the bus, in the order written. A record that fails is reported alone
 * and retried by the stream (all its events again); after the retries it goes to the on-failure
 * queue. Publishing is at least once, so consumers are idempotent by eventId.
 */
export function buildHandler(publish: PublishEvents) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const publishRecord = async (record: DynamoDBRecord): Promise<void> => {
    const image = record.dynamodb?.NewImage;
    if (image === undefined) {
      return;
    }
    const events = pendingEventsFromImage(unmarshall(image as Record<string, AttributeValue>));
    if (events.length === 0) {
      return;
    }
    logger.info('publishing', { events: events.map(({ eventId, detailType }) => ({ eventId, detailType })) });
    try {
      await publish(events);
    } catch (error) {
      // The whole events, not just their ids: a record that keeps failing is parked as its stream
      // position only, and a tracking item's outbox is overwritten by its next write, so this log
      // line is what a replay can be made from (docs/tracking.md, "When the relay cannot publish").
      logger.error('could not publish; the stream will retry the record', { sequenceNumber: record.dynamodb?.SequenceNumber, events, error: error as Error });
      throw error;
    }
  };
  return async (event: DynamoDBStreamEvent, context: Context) => processPartialResponse(event, publishRecord, processor, { context });
}
