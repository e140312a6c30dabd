import type { SignatureCheck } from '../../domain/shared/signature';
import { describeWebhookAuth, feedAdapter, sourceKindOf, verifyWebhook } from '../../domain/tracking';
import { type TrackingPayloadMessage } from '../../events/tracking-message';
import { header, type WebhookRoute } from '../shared/http/http-handler';
import { HttpError, jsonResponse } from '../shared/http/problem';
import { newId } from '../shared/ids';
import { logger, metrics } from '../shared/observability';
import { MAX_TRACKING_MESSAGE_BYTES, queuedBytes, type EnqueueTrackingMessage } from '../shared/tracking-queue';

/**
 * A carrier batch (Correios answers up to 50 objects with their histories) is tens of KB; 128 KB
 * keeps the queued message, base64 (4/3 of the body) in its envelope, under SQS's 256 KB.
 */
export const MAX_WEBHOOK_BYTES = 128 * 1024;

/** Port: every feed's current secrets (one or two during a rotation). */
export type LoadWebhookSecrets = () => Promise<Readonly<Record<string, readonly string[]>>>;
export type { EnqueueTrackingMessage } from '../shared/tracking-queue';

export interface TrackingWebhookDeps {
  readonly loadSecrets: LoadWebhookSecrets;
  readonly enqueue: EnqueueTrackingMessage;
  readonly now?: () => Date;
  readonly newReceiptId?: () => string;
}

const UNAUTHORIZED_DETAIL: Record<Exclude<SignatureCheck, { valid: true }>['reason'], string> = {
  missing: 'Authenticate the request as agreed for this feed.',
  malformed: 'The Enlace-Carrier-Signature header must read "t=<unix seconds>,v1=<64 hex digits>".',
  'outside-replay-window': 'The signature timestamp is more than 5 minutes from our clock; sign each request when you send it.',
  // Whether a carrier has a secret configured is nobody else's business: same answer as a wrong one.
  'no-secret': 'The signature does not match the body with any of your current secrets.',
  mismatch: 'The signature does not match the body with any of your current secrets.',
};

const unauthorized = (detail: string) =>
  new HttpError(401, 'Unauthorized', detail, [], { 'WWW-Authenticate': 'Enlace-HMAC-SHA256 header="Enlace-Carrier-Signature"' });
const unavailable = (detail: string) => new HttpError(503, 'Service Unavailable', detail, [], { 'Retry-After': '30' });

/**
 * POST /v1/webhooks/tracking/{feed}: verify → queue → 202. Nothing is parsed here: a carrier
 * gets its answer in milliseconds, and a payload Enlace cannot read is still kept (tracking-ingestion
 * parks it in the DLQ) rather than refused and lost. The feed is a carrier (its own push) or an
 * aggregator (17TRACK, AfterShip); each authenticates as its sender does (domain/tracking/webhook-auth.ts).
 * Not behind the API-key authorizer. The body is queued as its bytes, base64 (events/tracking-message.ts),
 * so any character a carrier sends reaches the adapter and, if it cannot be read, the DLQ intact.
 */
export function buildTrackingWebhook(deps: TrackingWebhookDeps): WebhookRoute {
  const { loadSecrets, enqueue, now = () => new Date(), newReceiptId = () => newId('whk') } = deps;
  return async ({ event, rawBody }) => {
    const feed = event.pathParameters?.carrier ?? '';
    const intake = feedAdapter(feed)?.webhook;
    if (intake === undefined) {
      throw new HttpError(404, 'Not Found', `Enlace takes no tracking webhooks from "${feed}".`);
    }

    let secrets: Readonly<Record<string, readonly string[]>>;
    try {
      secrets = await loadSecrets();
    } catch (error) {
      logger.error('cannot read the webhook secrets', { error: error as Error });
      throw unavailable('Enlace cannot verify webhooks right now; retry shortly.');
    }
    const at = now();
    const check = verifyWebhook({
      auth: intake.auth,
      header: (name) => header(event, name),
      body: rawBody,
      secrets: secrets[feed] ?? [],
      nowSeconds: Math.floor(at.getTime() / 1000),
    });
    if (!check.valid) {
      logger.warn('tracking webhook refused', { feed, reason: check.reason, sourceIp: event.requestContext.http.sourceIp });
      metrics.addMetric('TrackingWebhooksRefused', 'Count', 1);
      const verb = intake.auth.scheme === 'enlace-hmac' ? 'Sign' : 'Authenticate';
      const detail = check.reason === 'missing' ? `${verb} the request: "${describeWebhookAuth(intake.auth)}".` : UNAUTHORIZED_DETAIL[check.reason];
      throw unauthorized(detail);
    }

    const message: TrackingPayloadMessage = {
      kind: 'payload',
      receiptId: newReceiptId(),
      source: sourceKindOf(feed, 'webhook'),
      feed,
      receivedAt: at.toISOString(),
      body: rawBody,
    };
    const size = queuedBytes(message);
    if (size > MAX_TRACKING_MESSAGE_BYTES) {
      throw new HttpError(
        413,
        'Content Too Large',
        `The body takes ${size} bytes once queued; the limit is ${MAX_TRACKING_MESSAGE_BYTES} bytes. Split the batch.`,
      );
    }
    try {
      await enqueue(message);
    } catch (error) {
      logger.error('cannot queue a tracking webhook', { feed, receiptId: message.receiptId, error: error as Error });
      throw unavailable('The webhook could not be queued; retry it (it is safe to send an update twice).');
    }
    logger.info('tracking webhook queued', { feed, receiptId: message.receiptId, bytes: rawBody.length, secretIndex: check.secretIndex });
    metrics.addMetric('TrackingWebhooksAccepted', 'Count', 1);
    return jsonResponse(202, { receiptId: message.receiptId, carrier: feed, receivedAt: message.receivedAt, status: 'queued' });
  };
}
