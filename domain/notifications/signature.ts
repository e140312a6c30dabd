import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, as Stripe and Shippo do them: HMAC-SHA256 of `<timestamp>.<raw body>`, sent as
 * `Enlace-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`. The timestamp is signed, so a receiver
 * that rejects old timestamps is safe from replays; one `v1` per active secret, so a receiver keeps
 * verifying while a rotated secret overlaps the new one.
 */
export const SIGNATURE_HEADER = 'Enlace-Signature';
export const SIGNATURE_SCHEME = 'v1';
/** How far a receiver should let the timestamp drift from its clock (seconds). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The hex HMAC-SHA256 of `<timestamp>.<body>` under one secret. */
export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The `Enlace-Signature` value for a body, one `v1` per secret (newest first). */
export function signPayload(secrets: readonly string[], timestamp: number, body: string): string {
  if (secrets.length === 0) {
    throw new Error('signPayload needs at least one secret');
  }
  if (!Number.isInteger(timestamp) || timestamp < 0) {
    throw new Error(`signPayload needs a timestamp in whole unix seconds, got ${timestamp}`);
  }
  return [`t=${timestamp}`, ...secrets.map((secret) => `${SIGNATURE_SCHEME}=${computeSignature(secret, timestamp, body)}`)].join(',');
}

export interface ParsedSignature {
  readonly timestamp: number;
  readonly signatures: readonly string[];
}

/** Reads `t=…,v1=…,v1=…`; unknown schemes are ignored (a future `v2` must not break v1 receivers). */
export function parseSignatureHeader(header: string): ParsedSignature | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) {
      continue;
    }
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) {
      timestamp = Number(value);
    } else if (key === SIGNATURE_SCHEME && HEX_SHA256.test(value)) {
      signatures.push(value);
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

export type VerificationResult =
  | { readonly valid: true; readonly timestamp: number }
  | { readonly valid: false; readonly reason: 'malformed-header' | 'timestamp-out-of-tolerance' | 'no-matching-signature' };

/**
 * What a receiver does: the header must carry a timestamp within `toleranceSeconds` of `now`, and a
 * `v1` signature that one of `secrets` produced over exactly these body bytes. Comparison is
 * constant-time.
 */
export function verifySignature(
  header: string,
  secrets: readonly string[],
  body: string,
  now: Date,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): VerificationResult {
  const parsed = parseSignatureHeader(header);
  if (parsed === undefined) {
    return { valid: false, reason: 'malformed-header' };
  }
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > toleranceSeconds) {
    return { valid: false, reason: 'timestamp-out-of-tolerance' };
  }
  const matches = secrets.some((secret) => {
    const expected = Buffer.from(computeSignature(secret, parsed.timestamp, body), 'hex');
    return parsed.signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected));
  });
  return matches ? { valid: true, timestamp: parsed.timestamp } : { valid: false, reason: 'no-matching-signature' };
}
