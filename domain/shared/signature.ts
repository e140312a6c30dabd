import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Enlace's one webhook signature scheme, both ways: carriers sign the tracking webhooks they send
 * us (`Enlace-Carrier-Signature`), and Enlace signs the notifications it sends sellers
 * (`Enlace-Signature`). The header value is
 *
 *     t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=<hex>…]
 *
 * as Stripe and Shippo do it. The timestamp is inside the signed text, so a receiver that refuses
 * old timestamps is safe from replays; the HMAC covers the raw bytes, so a body is verified exactly
 * as sent, before any parsing; one `v1` per active secret, so a secret can be rotated with an
 * overlap in which either side's requests keep verifying.
 *
 * The Standard Webhooks scheme (the `standardwebhooks` package: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64>`) was considered and not adopted: this header is already the
 * public contract carriers and sellers verify (README, docs/tracking.md), and it needs nothing the
 * package would add.
 */

/** Receivers refuse timestamps further than this from their clock, either way (seconds). */
export const DEFAULT_TOLERANCE_SECONDS = 300;
export const SIGNATURE_SCHEME = 'v1';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

/** The hex HMAC-SHA256 of `"<timestamp>." + body`, under one secret. */
export function computeSignature(secret: string, timestamp: number, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The header value for a body: one `v1` per secret, in the order given (newest first during a rotation). */
export function signatureHeader(secrets: string | readonly string[], timestamp: number, body: Buffer | string): string {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  if (list.length === 0) {
    throw new Error('a signature needs at least one secret');
  }
  if (!Number.isInteger(timestamp) || timestamp < 0) {
    throw new Error(`a signature needs a timestamp in whole unix seconds, got ${timestamp}`);
  }
  return [`t=${timestamp}`, ...list.map((secret) => `${SIGNATURE_SCHEME}=${computeSignature(secret, timestamp, body)}`)].join(',');
}

/** A parsed header: the timestamp and every `v1` it carries. */
export interface ParsedSignature {
  readonly timestamp: number;
  readonly signatures: readonly Buffer[];
}

/**
 * Reads `t=…,v1=…[,v1=…]`. One rule for both directions: a part that is not `key=value`, a second
 * `t`, a `t` that is not whole seconds or a `v1` that is not 64 hex digits make the header
 * malformed; parts of other schemes (`v0=`, a future `v2=`) are ignored, so a new scheme can be sent
 * beside v1 without breaking v1 receivers.
 */
export function parseSignatureHeader(header: string): ParsedSignature | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) {
      return undefined;
    }
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (!UNIX_SECONDS.test(value) || timestamp !== undefined) {
        return undefined;
      }
      timestamp = Number(value);
    } else if (key === SIGNATURE_SCHEME) {
      if (!HEX_SHA256.test(value)) {
        return undefined;
      }
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

export type SignatureCheck =
  | { readonly valid: true; readonly timestamp: number; readonly secretIndex: number }
  | { readonly valid: false; readonly reason: 'missing' | 'malformed' | 'outside-replay-window' | 'no-secret' | 'mismatch' };

/**
 * Checks a signature. Pure: the clock and the secrets are passed in. Every secret is compared with
 * every `v1`, in constant time, so the time taken says nothing about which came close;
 * `secretIndex` tells which secret matched (to see when a rotation is finished).
 */
export function verifySignature(input: {
  readonly header: string | undefined;
  readonly body: Buffer | string;
  readonly secrets: readonly string[];
  readonly nowSeconds: number;
  readonly toleranceSeconds?: number;
}): SignatureCheck {
  const { header, body, secrets, nowSeconds, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = input;
  if (header === undefined || header.trim().length === 0) {
    return { valid: false, reason: 'missing' };
  }
  const parsed = parseSignatureHeader(header);
  if (parsed === undefined) {
    return { valid: false, reason: 'malformed' };
  }
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) {
    return { valid: false, reason: 'outside-replay-window' };
  }
  const usable = secrets.filter((secret) => secret.length > 0);
  if (usable.length === 0) {
    return { valid: false, reason: 'no-secret' };
  }
  let matched = -1;
  usable.forEach((secret, index) => {
    const expected = Buffer.from(computeSignature(secret, parsed.timestamp, body), 'hex');
    for (const candidate of parsed.signatures) {
      if (timingSafeEqual(expected, candidate) && matched === -1) {
        matched = index;
      }
    }
  });
  return matched === -1 ? { valid: false, reason: 'mismatch' } : { valid: true, timestamp: parsed.timestamp, secretIndex: matched };
}
