import * as z from 'zod';
import { WEBHOOK_FEEDS } from '../../domain/tracking';
import correios from '../../examples/tracking-correios.json';
import { MAX_WEBHOOK_BYTES } from '../../functions/tracking-webhook/tracking-webhook';
import type { ApiRoute } from '../registry';
import { trackingSchema, webhookReceiptSchema } from '../schemas';
import { problem } from './common';

export const TRACKING_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/shipments/{id}/tracking',
    operationId: 'getShipmentTracking',
    tag: 'Tracking',
    summary: 'A shipment’s tracking timeline',
    description:
      'Status, sub-status, `delivered`, `stalled` and every carrier event in event-time order, each with its `source` (webhook, poll or aggregator).',
    security: 'apiKey',
    pathParams: { id: 'The shipment id (`shp_…`, from the order’s `tracking`).' },
    responses: { 200: { description: 'The tracking.', body: trackingSchema }, 404: problem('No such shipment (another seller’s answers the same).') },
  },
  {
    method: 'GET',
    path: '/v1/tracking/{trackingNumber}',
    operationId: 'getTrackingByNumber',
    tag: 'Tracking',
    summary: 'Tracking by the carrier’s number',
    description: 'Last-mile or line-haul number. Numbers are unique per carrier only: `?carrier=` when two of your shipments share one.',
    security: 'apiKey',
    pathParams: { trackingNumber: '4 to 64 letters, digits or "-".' },
    query: z.object({ carrier: z.string().optional().meta({ description: 'The carrier, when two of your shipments share the number.' }) }),
    responses: {
      200: { description: 'The tracking.', body: trackingSchema },
      400: problem('Not a tracking number, or an unknown carrier.'),
      404: problem('No shipment of yours with this number.'),
      409: problem('Several of your shipments use this number: add `?carrier=`.'),
    },
  },
  {
    method: 'POST',
    path: '/v1/webhooks/tracking/{carrier}',
    operationId: 'receiveTrackingWebhook',
    tag: 'Webhooks',
    summary: 'A carrier’s or aggregator’s tracking webhook',
    description:
      'Each feed posts its own format (batches included) and authenticates as its sender does: Enlace’s `Enlace-Carrier-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` for the carriers that agree to it (a timestamp more than 5 minutes off is refused; during a rotation either secret verifies), 17TRACK’s `sign`, AfterShip’s and FedEx’s body HMAC, Loggi’s Basic credentials, DHL’s and UPS’s registered token. A verified update naming up to 10 tracking numbers is written to the timeline before the answer (`recorded`); anything else (a big batch, unknown numbers, a conflict or error) is queued as its bytes and parsed behind the queue (`queued`); a payload Enlace cannot read is kept in the tracking DLQ.',
    security: 'carrierSignature',
    pathParams: { carrier: `The feed: ${WEBHOOK_FEEDS.join(', ')}.` },
    body: {
      schema: z.looseObject({}).meta({ description: 'The feed’s own format.' }),
      maxBytes: MAX_WEBHOOK_BYTES,
      examples: { correios: { summary: 'Correios (examples/tracking-correios.json)', value: correios } },
    },
    responses: {
      202: { description: 'Recorded, or queued.', body: webhookReceiptSchema },
      401: problem('Missing, stale or wrong authentication; nothing is queued.', ['WWW-Authenticate']),
      404: problem('Enlace takes no webhooks from this feed (unknown, or a carrier it polls).'),
      503: problem('Enlace cannot queue it now; retry after Retry-After.', ['Retry-After']),
    },
  },
];
