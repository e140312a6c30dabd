import type { SignatureCheck } from '../../domain/shared/signature';
import { describeWebhookAuth, feedAdapter, sourceKindOf, verifyWebhook } from '../../domain/tracking';
import { type TrackingPayloadMessage } from '../../events/tracking-message';
import { header, type WebhookRoute } from '../shared/http/http-handler';
import { HttpError, jsonResponse } from '../shared/http/problem';
import { newId } from '../shared/ids';
import { logger, metrics } from '../shared/observability';
import type { IngestTracking } from '../shared/tracking-ingest/ingest-tracking';
import { MAX_TRACKING_MESSAGE_BYTES, queuedBytes, type EnqueueTrackingMessage } from '../shared/tracking-queue-port';

/**
 * A carrier batch (Correios answers up to 50 objects with their histories) is tens of KB; 128 KB
 * keeps the queued message, base64 (4/3 of the body) in its envelope, under SQS's 256 KB.
 */
export const MAX_WEBHOOK_BYTES = 128 * 1024;

/** Port: every feed's current secrets (one or two during a rotation). */
export type LoadWebhookSecrets = () => Promise<Readonly<Record<string, readonly string[]>>>;
export type { EnqueueTrackingMessage } from '../shared/tracking-queue-port';

export interface TrackingWebhookDeps {
  readonly loadSecrets: LoadWebhookSecrets;
  readonly enqueue: EnqueueTrackingMessage;
  /**
   * The ingestion use case tracking-ingestion runs, writing the verified webhook straight to the
   * table (built with few conflict attempts and a cap on tracking numbers). Whatever it does not
   * write (unknown numbers, a payload it cannot read, a conflict, any error) is queued as before.
   * Without it, every webhook is queued.
   */
  readonly ingest?: IngestTracking;
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
 * POST /v1/webhooks/tracking/{feed}: verify → write (the ingestion use case, in this request) → 202,
 * or verify → queue → 202 for whatever the write did not finish: the queue, tracking-ingestion and
 * its DLQ stay the safety net, and since ingestion is idempotent (the timeline's dedupe, the
 * version-conditioned write) a webhook both written and queued changes nothing twice. The answer
 * comes only once the update is written or safely queued. A payload Enlace cannot read is still
 * kept (queued; tracking-ingestion parks it in the DLQ) rather than refused and lost. The feed is a carrier (its own push) or an
 * aggregator (17TRACK, AfterShip); each authenticates as its sender does (domain/tracking/webhook-auth.ts).
 * Not behind the API-key authorizer. The body is queued as its bytes, base64 (events/tracking-message.ts),
 * so any character a carrier sends reaches the adapter and, if it cannot be read, the DLQ intact.
 */
export function buildTrackingWebhook(deps: TrackingWebhookDeps): WebhookRoute {
  const { loadSecrets, enqueue, ingest, now = () => new Date(), newReceiptId = () => newId('whk') } = deps;

  /** Writes the message directly; false when any of it is left for the queue (never throws). */
  async function written(message: TrackingPayloadMessage): Promise<boolean> {
    if (ingest === undefined) return false;
    try {
      const { failed } = await ingest([{ id: message.receiptId, receiveCount: 1, body: message }]);
      return failed.length === 0;
    } catch (error) {
      logger.warn('direct tracking write failed; queueing the webhook', { feed: message.feed, receiptId: message.receiptId, error: error as Error });
      return false;
    }
  }

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
    if (await written(message)) {
      logger.info('tracking webhook written', { feed, receiptId: message.receiptId, bytes: rawBody.length, secretIndex: check.secretIndex });
      metrics.addMetric('TrackingWebhooksAccepted', 'Count', 1);
      return jsonResponse(202, { receiptId: message.receiptId, carrier: feed, receivedAt: message.receivedAt, status: 'recorded' });
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
