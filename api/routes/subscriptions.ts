import { subscriptionInputSchema } from '../../domain/notifications';
import { EVENT_BUS_NAME } from '../../events/envelope';
import { MAX_SUBSCRIPTION_BODY_BYTES, pageSchema, replaySchema, rotateSchema } from '../../functions/subscriptions/subscriptions';
import type { ApiRoute } from '../registry';
import {
  createdSubscriptionSchema,
  deadLetterPageSchema,
  replayResultSchema,
  rotatedSubscriptionSchema,
  subscriptionListSchema,
  subscriptionSchema,
  verifiedSubscriptionSchema,
} from '../schemas';
import { forbiddenSeller, problem, sellerIdQuery } from './common';
import * as z from 'zod';

const id = { id: 'The subscription id (`sub_…`).' };
const missing = problem('No such subscription (another seller’s answers the same).');
const tag = 'Notifications';

export const SUBSCRIPTION_API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/subscriptions',
    operationId: 'createSubscription',
    tag,
    summary: 'Subscribe an endpoint or an event bus',
    description:
      'Subscribes `endpoint` (HTTPS, public) or `eventBusArn` to `eventTypes` (`"*"` for all), with an optional `filter`. Before the first delivery Enlace POSTs a signed `enlace.verification` challenge that the endpoint echoes. The signing secret is returned once. At most 20 per seller.',
    security: 'apiKey',
    body: {
      // Production's policy: public HTTPS only (the local cloud also accepts http://localhost).
      schema: subscriptionInputSchema({ network: {}, reservedBusNames: [EVENT_BUS_NAME] }),
      maxBytes: MAX_SUBSCRIPTION_BODY_BYTES,
      examples: {
        endpoint: {
          summary: 'Everything for orders to Brazil, to an HTTPS endpoint',
          value: {
            sellerId: 'seller-sz-001',
            endpoint: 'https://erp.example.com/enlace/webhooks',
            eventTypes: ['*'],
            filter: { destinationCountries: ['BR'] },
          },
        },
        bus: {
          summary: 'Exceptions only, to your own event bus',
          value: {
            sellerId: 'seller-sz-001',
            eventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/enlace-notifications',
            eventTypes: ['*'],
            filter: { exceptionsOnly: true },
          },
        },
      },
    },
    responses: {
      201: {
        description: 'The subscription, its secret (shown this once) and the handshake’s outcome.',
        body: createdSubscriptionSchema,
        headers: ['Location'],
      },
      403: forbiddenSeller,
      409: problem('The seller already has the most subscriptions allowed.'),
    },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions',
    operationId: 'listSubscriptions',
    tag,
    summary: 'The subscriptions of every seller the key acts for',
    security: 'apiKey',
    query: z.object({ sellerId: sellerIdQuery }),
    responses: { 200: { description: 'Secrets never appear again, only a hint.', body: subscriptionListSchema }, 403: forbiddenSeller },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/{id}',
    operationId: 'getSubscription',
    tag,
    summary: 'One subscription',
    security: 'apiKey',
    pathParams: id,
    responses: { 200: { description: 'The subscription.', body: subscriptionSchema }, 404: missing },
  },
  {
    method: 'DELETE',
    path: '/v1/subscriptions/{id}',
    operationId: 'deleteSubscription',
    tag,
    summary: 'Stop deliveries at once',
    security: 'apiKey',
    pathParams: id,
    responses: { 204: { description: 'Deleted; queued retries are dropped.' }, 404: missing },
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/{id}/verify',
    operationId: 'verifySubscription',
    tag,
    summary: 'Repeat the handshake',
    security: 'apiKey',
    pathParams: id,
    responses: {
      200: { description: 'The subscription and the handshake’s outcome.', body: verifiedSubscriptionSchema },
      404: missing,
      409: problem('Changed meanwhile.'),
    },
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/{id}/rotate-secret',
    operationId: 'rotateSubscriptionSecret',
    tag,
    summary: 'A new signing secret (returned once)',
    description: 'The old secret keeps signing alongside for 24 h; `{"overlapSeconds": 0}` drops it at once (e.g. after a leak).',
    security: 'apiKey',
    pathParams: id,
    body: { schema: rotateSchema, required: false, maxBytes: MAX_SUBSCRIPTION_BODY_BYTES },
    responses: {
      200: { description: 'The subscription with its new secret.', body: rotatedSubscriptionSchema },
      404: missing,
      409: problem('Changed meanwhile.'),
    },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/{id}/dead-letters',
    operationId: 'listDeadLetters',
    tag,
    summary: 'Deliveries that failed for 24 h',
    security: 'apiKey',
    pathParams: id,
    query: pageSchema,
    responses: { 200: { description: 'Each with the last error and the payload.', body: deadLetterPageSchema }, 404: missing },
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/{id}/replay',
    operationId: 'replayDeadLetters',
    tag,
    summary: 'Send dead deliveries again',
    description: 'All (100 per call) or `{"deliveryIds": […]}`, with the same delivery ids and a fresh 24 h of retries.',
    security: 'apiKey',
    pathParams: id,
    body: { schema: replaySchema, required: false, maxBytes: MAX_SUBSCRIPTION_BODY_BYTES },
    responses: {
      202: { description: 'What was queued again, what was not found, and whether more remain.', body: replayResultSchema },
      404: missing,
      409: problem('Not verified yet.'),
    },
  },
];
