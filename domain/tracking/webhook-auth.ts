import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { signatureHeader, verifySignature, type SignatureCheck } from '../shared/signature';
import { CARRIER_SIGNATURE_HEADER } from './webhook-secrets';

/**
 * How a tracking webhook proves where it comes from. Each feed (a carrier's push, an aggregator's)
 * uses the scheme its sender implements; the secret behind it is the feed's entry in the webhook
 * secret (`{ "<feed>": ["current", "next during a rotation"] }`), so rotation works the same for all.
 *
 * - `enlace-hmac`: Enlace's own scheme (domain/shared/signature.ts), `Enlace-Carrier-Signature:
 *   t=…,v1=…`, with a 5-minute replay window. Carriers whose push authentication is unknown or that
 *   agree to sign as Enlace asks.
 * - `body-hmac-base64`: base64 HMAC-SHA256 of the raw body under the shared secret, in a header
 *   named by the sender: AfterShip `aftership-hmac-sha256`
 *   (https://www.aftership.com/docs/tracking/webhook/webhook-signature), FedEx AIV `fdx-signature`
 *   (https://developer.fedex.com/api/en-jp/catalog/shipment-visibility-webhook/docs/introduction/advanced-integrated-visibility-validation-process.html).
 * - `sha256-body-slash-key`: 17TRACK's `sign` header, lowercase hex SHA-256 of `rawBody + "/" + apiKey`
 *   (a plain hash, not an HMAC; four independent public implementations agree, no official page found:
 *   /work/notes/tracking-sources.md §2.1; confirm on the first real delivery).
 * - `static-credential`: a credential Enlace gave the sender, sent as is in a header: Loggi's
 *   `Authorization: Basic …` (https://docs.api.loggi.com/reference/webhook), DHL's API-key header
 *   chosen at subscription (`hook.authentication`, Shipment Tracking – Unified Push), UPS Track
 *   Alert v1's `credentialType`/`credential` (UPS-API/api-documentation UPSTrackAlert.yaml).
 *
 * Only `enlace-hmac` carries a timestamp. The others can be replayed by whoever captured one request;
 * a replay is harmless (a duplicate event changes nothing, timeline.ts) but costs a queue message.
 */
export type WebhookAuth =
  | { readonly scheme: 'enlace-hmac' }
  | { readonly scheme: 'body-hmac-base64'; readonly header: string }
  | { readonly scheme: 'sha256-body-slash-key'; readonly header: string }
  | { readonly scheme: 'static-credential'; readonly header: string; readonly prefix: string };

export const ENLACE_HMAC: WebhookAuth = { scheme: 'enlace-hmac' };

export type WebhookCheck = SignatureCheck;

function matchAny(expected: readonly Buffer[], presented: Buffer): number {
  let matched = -1;
  // Every secret is compared, in constant time, whatever matched first.
  expected.forEach((candidate, index) => {
    if (candidate.length === presented.length && timingSafeEqual(candidate, presented) && matched === -1) {
      matched = index;
    }
  });
  return matched;
}

const hmacBase64 = (secret: string, body: Buffer | string): string => createHmac('sha256', secret).update(body).digest('base64');
const sha256SlashKey = (secret: string, body: Buffer | string): string => createHash('sha256').update(body).update(`/${secret}`).digest('hex');

/** The value a sender puts in the header for one secret (everything but `enlace-hmac`, which is timestamped). */
function expectedValue(auth: Exclude<WebhookAuth, { scheme: 'enlace-hmac' }>, secret: string, body: Buffer | string): string {
  switch (auth.scheme) {
    case 'body-hmac-base64':
      return hmacBase64(secret, body);
    case 'sha256-body-slash-key':
      return sha256SlashKey(secret, body);
    case 'static-credential':
      return `${auth.prefix}${secret}`;
  }
}

/** Checks a webhook under its feed's scheme. Pure: the headers, the clock and the secrets are passed in. */
export function verifyWebhook(input: {
  readonly auth: WebhookAuth;
  readonly header: (name: string) => string | undefined;
  readonly body: Buffer | string;
  readonly secrets: readonly string[];
  readonly nowSeconds: number;
}): WebhookCheck {
  const { auth, header, body, secrets, nowSeconds } = input;
  if (auth.scheme === 'enlace-hmac') {
    return verifySignature({ header: header(CARRIER_SIGNATURE_HEADER), body, secrets, nowSeconds });
  }
  const presented = header(auth.header)?.trim();
  if (presented === undefined || presented.length === 0) {
    return { valid: false, reason: 'missing' };
  }
  const usable = secrets.filter((secret) => secret.length > 0);
  if (usable.length === 0) {
    return { valid: false, reason: 'no-secret' };
  }
  const index = matchAny(
    usable.map((secret) => Buffer.from(expectedValue(auth, secret, body), 'utf8')),
    Buffer.from(presented, 'utf8'),
  );
  return index === -1 ? { valid: false, reason: 'mismatch' } : { valid: true, timestamp: nowSeconds, secretIndex: index };
}

/** The headers a sender adds under a scheme (the demo, tests and the README's examples sign with it). */
export function webhookAuthHeaders(auth: WebhookAuth, secret: string, body: Buffer | string, nowSeconds: number): Record<string, string> {
  if (auth.scheme === 'enlace-hmac') {
    return { [CARRIER_SIGNATURE_HEADER]: signatureHeader(secret, nowSeconds, body) };
  }
  return { [auth.header]: expectedValue(auth, secret, body) };
}

/** How the scheme is named in answers and documents. */
export function describeWebhookAuth(auth: WebhookAuth): string {
  switch (auth.scheme) {
    case 'enlace-hmac':
      return `${CARRIER_SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`;
    case 'body-hmac-base64':
      return `${auth.header}: <base64 HMAC-SHA256 of the raw body>`;
    case 'sha256-body-slash-key':
      return `${auth.header}: <hex SHA-256 of the raw body + "/" + the API key>`;
    case 'static-credential':
      return `${auth.header}: ${auth.prefix}<the credential Enlace gave you>`;
  }
}
