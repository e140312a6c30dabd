import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { PublishEvents } from '../shared/bus/event-publisher';
import { pendingEventFromItem } from '../shared/store/outbox';
import { logger } from '../shared/observability';

/**
 * The outbox relay: the table's stream delivers each new outbox item (the event pattern filter keeps
 * only INSERTs of OUTBOX# items) and this publishes it to the bus. A record that fails is reported
 * alone and retried by the stream; after the retries it goes to the on-failure queue. Publishing is
 * at least once, so consumers are idempotent by eventId.
 */
export function buildHandler(publish: PublishEvents) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const publishRecord = async (record: DynamoDBRecord): Promise<void> => {
    const image = record.dynamodb?.NewImage;
    if (image === undefined) {
      return;
    }
    const event = pendingEventFromItem(unmarshall(image as Record<string, AttributeValue>));
    logger.info('publishing', { eventId: event.eventId, detailType: event.detailType });
    await publish([event]);
  };
  return async (event: DynamoDBStreamEvent, context: Context) =>
    processPartialResponse(event, publishRecord, processor, { context });
}

