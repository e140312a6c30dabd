import { verifySignature, type SignatureCheck } from '../../domain/shared/signature';
import { CARRIER_SIGNATURE_HEADER, isTrackedCarrier } from '../../domain/tracking';
import { type TrackingMessage } from '../../events/tracking-message';
import { header, type WebhookRoute } from '../shared/http/http-handler';
import { HttpError, jsonResponse } from '../shared/http/problem';
import { newId } from '../shared/ids';
import { logger, metrics } from '../shared/observability';

/**
 * A carrier batch (Correios answers up to 50 objects with their histories) is tens of KB; 128 KB
 * keeps the queued message, JSON-escaped, under SQS's 256 KB.
 */
export const MAX_WEBHOOK_BYTES = 128 * 1024;
const MAX_MESSAGE_BYTES = 256 * 1024;

/** Port: every carrier's current secrets (one or two during a rotation). */
export type LoadWebhookSecrets = () => Promise<Readonly<Record<string, readonly string[]>>>;
/** Port: hands a received webhook to tracking-ingestion (the tracking queue). */
export type EnqueueTrackingMessage = (message: TrackingMessage) => Promise<void>;

export interface TrackingWebhookDeps {
  readonly loadSecrets: LoadWebhookSecrets;
  readonly enqueue: EnqueueTrackingMessage;
  readonly now?: () => Date;
  readonly newReceiptId?: () => string;
}

const UNAUTHORIZED_DETAIL: Record<Exclude<SignatureCheck, { valid: true }>['reason'], string> = {
  missing: 'Sign the request: "Enlace-Carrier-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">".',
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
 * POST /v1/webhooks/tracking/{carrier}: verify → queue → 202. Nothing is parsed here: a carrier
 * gets its answer in milliseconds, and a payload Enlace cannot read is still kept (tracking-ingestion
 * parks it in the DLQ) rather than refused and lost. Not behind the API-key authorizer: a carrier
 * proves itself with its HMAC signature (domain/shared/signature.ts); the edge has checked the size.
 */
export function buildTrackingWebhook(deps: TrackingWebhookDeps): WebhookRoute {
  const { loadSecrets, enqueue, now = () => new Date(), newReceiptId = () => newId('whk') } = deps;
  return async ({ event, rawBody }) => {
    const carrier = event.pathParameters?.carrier ?? '';
    if (!isTrackedCarrier(carrier)) {
      throw new HttpError(404, 'Not Found', `Enlace takes no tracking webhooks from "${carrier}".`);
    }

    let secrets: Readonly<Record<string, readonly string[]>>;
    try {
      secrets = await loadSecrets();
    } catch (error) {
      logger.error('cannot read the webhook secrets', { error: error as Error });
      throw unavailable('Enlace cannot verify webhooks right now; retry shortly.');
    }
    const at = now();
    const check = verifySignature({
      header: header(event, CARRIER_SIGNATURE_HEADER),
      body: rawBody,
      secrets: secrets[carrier] ?? [],
      nowSeconds: Math.floor(at.getTime() / 1000),
    });
    if (!check.valid) {
      logger.warn('tracking webhook refused', { carrier, reason: check.reason, sourceIp: event.requestContext.http.sourceIp });
      metrics.addMetric('TrackingWebhooksRefused', 'Count', 1);
      throw unauthorized(UNAUTHORIZED_DETAIL[check.reason]);
    }

    const message: TrackingMessage = { receiptId: newReceiptId(), carrier, receivedAt: at.toISOString(), body: rawBody.toString('utf8') };
    const size = Buffer.byteLength(JSON.stringify(message), 'utf8');
    if (size > MAX_MESSAGE_BYTES) {
      throw new HttpError(413, 'Content Too Large', `The body takes ${size} bytes once queued; the limit is ${MAX_MESSAGE_BYTES} bytes. Split the batch.`);
    }
    try {
      await enqueue(message);
    } catch (error) {
      logger.error('cannot queue a tracking webhook', { carrier, receiptId: message.receiptId, error: error as Error });
      throw unavailable('The webhook could not be queued; retry it (it is safe to send an update twice).');
    }
    logger.info('tracking webhook queued', { carrier, receiptId: message.receiptId, bytes: rawBody.length, secretIndex: check.secretIndex });
    metrics.addMetric('TrackingWebhooksAccepted', 'Count', 1);
    return jsonResponse(202, { receiptId: message.receiptId, carrier, receivedAt: message.receivedAt, status: 'queued' });
  };
}
