import { isForwarder, parseForwarderPayload } from '../../domain/inbound';
import { verifySignature, type SignatureCheck } from '../../domain/shared/signature';
import type { ForwarderMessage } from '../../events/forwarder-message';
import { header, type WebhookRoute } from '../shared/http/http-handler';
import { HttpError, jsonResponse } from '../shared/http/problem';
import { newId } from '../shared/ids';
import { logger, metrics } from '../shared/observability';

export const FORWARDER_SIGNATURE_HEADER = 'enlace-forwarder-signature';
/** Milestones are small; 64 KB holds twenty with every document. */
export const MAX_FORWARDER_WEBHOOK_BYTES = 64 * 1024;

/** Port: each forwarder's current secrets (one or two during a rotation). */
export type LoadForwarderSecrets = () => Promise<Readonly<Record<string, readonly string[]>>>;
/** Port: hands a verified webhook to inbound-milestones (the forwarder queue). */
export type EnqueueForwarderMessage = (message: ForwarderMessage) => Promise<void>;

const UNAUTHORIZED_DETAIL: Record<Exclude<SignatureCheck, { valid: true }>['reason'], string> = {
  missing: 'Sign the request: "Enlace-Forwarder-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">".',
  malformed: 'The Enlace-Forwarder-Signature header must read "t=<unix seconds>,v1=<64 hex digits>".',
  'outside-replay-window': 'The signature timestamp is more than 5 minutes from our clock; sign each request when you send it.',
  'no-secret': 'The signature does not match the body with any of your current secrets.',
  mismatch: 'The signature does not match the body with any of your current secrets.',
};

const unauthorized = (detail: string) =>
  new HttpError(401, 'Unauthorized', detail, [], { 'WWW-Authenticate': 'Enlace-HMAC-SHA256 header="Enlace-Forwarder-Signature"' });
const unavailable = (detail: string) => new HttpError(503, 'Service Unavailable', detail, [], { 'Retry-After': '30' });

/**
 * POST /v1/webhooks/forwarders/{forwarder}: verify → queue → 202, the carrier webhook's path for
 * sea and air forwarders (the same signature scheme and secret rotation). A body that does not
 * parse is refused (400, every problem named); a valid one is queued as received, in base64, and
 * inbound-milestones applies it (a milestone the shipment cannot take is retried, then parked in the
 * DLQ, visible).
 */
export function buildForwarderWebhook(deps: {
  readonly loadSecrets: LoadForwarderSecrets;
  readonly enqueue: EnqueueForwarderMessage;
  readonly now?: () => Date;
  readonly newReceiptId?: () => string;
}): WebhookRoute {
  const { now = () => new Date(), newReceiptId = () => newId('fwd') } = deps;
  return async ({ event, rawBody }) => {
    const forwarder = event.pathParameters?.forwarder ?? '';
    if (!isForwarder(forwarder)) {
      throw new HttpError(404, 'Not Found', `Enlace takes no milestones from "${forwarder.slice(0, 64)}".`);
    }
    let secrets: Readonly<Record<string, readonly string[]>>;
    try {
      secrets = await deps.loadSecrets();
    } catch (error) {
      logger.error('cannot read the forwarder webhook secrets', { error: error as Error });
      throw unavailable('Enlace cannot verify webhooks right now; retry shortly.');
    }
    const at = now();
    const check = verifySignature({
      header: header(event, FORWARDER_SIGNATURE_HEADER),
      body: rawBody,
      secrets: secrets[forwarder] ?? [],
      nowSeconds: Math.floor(at.getTime() / 1000),
    });
    if (!check.valid) {
      logger.warn('forwarder webhook refused', { forwarder, reason: check.reason });
      metrics.addMetric('ForwarderWebhooksRefused', 'Count', 1);
      throw unauthorized(UNAUTHORIZED_DETAIL[check.reason]);
    }
    // What the forwarder sent is read now, so a payload Enlace cannot use is a 400 naming every
    // problem (the forwarder fixes it) rather than a message parked in a DLQ later.
    let payload: unknown;
    try {
      payload = JSON.parse(rawBody.toString('utf8')) as unknown;
    } catch {
      throw new HttpError(400, 'Bad Request', 'The body is not JSON.', [{ path: '$', code: 'invalid_json', message: 'not JSON' }]);
    }
    const update = parseForwarderPayload(forwarder, payload);
    if (!update.ok) {
      metrics.addMetric('ForwarderWebhooksInvalid', 'Count', 1);
      throw new HttpError(
        400,
        'Bad Request',
        `The webhook has ${update.problems.length} problem(s).`,
        update.problems.map((problem) => ({ ...problem, code: 'invalid' })),
      );
    }
    const message: ForwarderMessage = { receiptId: newReceiptId(), forwarder, receivedAt: at.toISOString(), bodyBase64: rawBody.toString('base64') };
    try {
      await deps.enqueue(message);
    } catch (error) {
      logger.error('cannot queue a forwarder webhook', { forwarder, receiptId: message.receiptId, error: error as Error });
      throw unavailable('The webhook could not be queued; retry it (it is safe to send a milestone twice).');
    }
    metrics.addMetric('ForwarderWebhooksAccepted', 'Count', 1);
    return jsonResponse(202, { receiptId: message.receiptId, forwarder, receivedAt: message.receivedAt, status: 'queued' });
  };
}
