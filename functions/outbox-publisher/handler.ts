import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import { buildPublishEvents } from '../shared/bus/event-publisher';
import { logger } from '../shared/observability';
import { requiredEnv } from '../shared/env';
import { buildHandler } from './relay';

/** Table stream (writes that carry events: outbox items and outbox attributes, see filters.ts) → the event bus. */
export const handler = middy(buildHandler(buildPublishEvents(new EventBridgeClient({}), requiredEnv('EVENT_BUS_NAME')))).use(injectLambdaContext(logger));
