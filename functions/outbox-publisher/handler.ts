import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import { buildPublishEvents } from '../shared/bus/event-publisher';
import { logger } from '../shared/observability';
import { requiredEnv } from '../shared/env';
import { buildDocumentClient } from '../shared/store/dynamo-client';
import { buildSellerHasSubscriptions } from '../shared/store/subscription-store';
import { buildHandler } from './relay';

const documents = buildDocumentClient(new DynamoDBClient({}));

/**
 * Table stream (writes that carry events: outbox items and outbox attributes, see filters.ts) → the
 * event bus; an event whose seller has subscriptions is marked for the notification fan-out.
 */
export const handler = middy(
  buildHandler(buildPublishEvents(new EventBridgeClient({}), requiredEnv('EVENT_BUS_NAME'), buildSellerHasSubscriptions(documents, requiredEnv('TABLE_NAME')))),
).use(injectLambdaContext(logger));
