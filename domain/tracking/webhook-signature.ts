import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a carrier proves a tracking webhook comes from it: the header
 *
 *     Enlace-Carrier-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
 *
 * with the secret Enlace shared with that carrier. The timestamp is inside the signed text, so a
 * captured request cannot be replayed once it is older than the replay window; the HMAC covers the
 * raw bytes, so the body is verified exactly as sent (before any JSON parsing).
 *
 * Rotation: a carrier has up to two secrets at once. A request is accepted when any `v1` matches
 * any current secret, so Enlace can add the new secret, the carrier can switch (or sign with both,
 * sending two `v1` values), and the old secret is removed afterwards, with no window where
 * either side's requests fail. This is the shape Stripe and Shippo use and that ShipEngine's
 * "reject more than 5 minutes off" rule recommends (shared/reference/tracking-and-webhooks.md).
 */
export const SIGNATURE_HEADER = 'enlace-carrier-signature';

/** Requests whose timestamp is further than this from Enlace's clock (either way) are refused. */
export const REPLAY_WINDOW_SECONDS = 300;

/** More than two would mean a rotation was never finished. */
export const MAX_SECRETS_PER_CARRIER = 2;

export type SignatureCheck =
  | { readonly valid: true; readonly timestamp: number; readonly secretIndex: number }
  | { readonly valid: false; readonly reason: 'missing' | 'malformed' | 'outside-replay-window' | 'no-secret' | 'mismatch' };

/** A parsed signature header: the timestamp and every `v1` it carries. */
export interface ParsedSignature {
  readonly timestamp: number;
  readonly signatures: readonly Buffer[];
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** `t=1731000000,v1=ab…,v1=cd…`; other schemes (`v0=`…) are ignored, as new versions will be. */
export function parseSignatureHeader(header: string): ParsedSignature | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return undefined;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value) || timestamp !== undefined) return undefined;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return undefined;
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/** The HMAC a carrier computes: hex HMAC-SHA256 of `"<t>." + raw body bytes`. */
export function computeSignature(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The whole header value a carrier sends; used by tests, the demo and the README's example. */
export function signatureHeader(secrets: string | readonly string[], timestamp: number, rawBody: Buffer | string): string {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  return [`t=${timestamp}`, ...list.map((secret) => `v1=${computeSignature(secret, timestamp, rawBody)}`)].join(',');
}

/**
 * Checks a request's signature. Pure: the clock (`nowSeconds`) and the carrier's secrets are
 * passed in. Every candidate is compared in constant time, and all of them are compared, so the
 * time taken says nothing about which secret or signature came close.
 */
export function verifySignature(input: {
  readonly header: string | undefined;
  readonly rawBody: Buffer;
  readonly secrets: readonly string[];
  readonly nowSeconds: number;
  readonly replayWindowSeconds?: number;
}): SignatureCheck {
  const { header, rawBody, secrets, nowSeconds, replayWindowSeconds = REPLAY_WINDOW_SECONDS } = input;
  if (header === undefined || header.trim().length === 0) return { valid: false, reason: 'missing' };
  const parsed = parseSignatureHeader(header);
  if (parsed === undefined) return { valid: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - parsed.timestamp) > replayWindowSeconds) return { valid: false, reason: 'outside-replay-window' };
  const usable = secrets.filter((secret) => secret.length > 0);
  if (usable.length === 0) return { valid: false, reason: 'no-secret' };
  let matched = -1;
  usable.forEach((secret, index) => {
    const expected = Buffer.from(computeSignature(secret, parsed.timestamp, rawBody), 'hex');
    for (const candidate of parsed.signatures) {
      if (timingSafeEqual(expected, candidate) && matched === -1) matched = index;
    }
  });
  return matched === -1 ? { valid: false, reason: 'mismatch' } : { valid: true, timestamp: parsed.timestamp, secretIndex: matched };
}

/**
 * The stored secrets, one entry per carrier: `{ "<carrier>": ["current", "next"] }`. A single string
 * is accepted too (that is what Secrets Manager generates for a new secret's generated key). Anything
 * else for a carrier (a number, three secrets) is a configuration error reported by name.
 */
export function parseWebhookSecrets(value: unknown): { secrets: Readonly<Record<string, readonly string[]>>; problems: readonly string[] } {
  const secrets: Record<string, readonly string[]> = {};
  const problems: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { secrets, problems: ['the secret must be a JSON object of carrier → secret(s)'] };
  }
  for (const [carrier, entry] of Object.entries(value as Record<string, unknown>)) {
    const list = typeof entry === 'string' ? [entry] : entry;
    if (!Array.isArray(list) || !list.every((item): item is string => typeof item === 'string')) {
      problems.push(`${carrier}: must be a secret or a list of secrets`);
      continue;
    }
    const usable = list.filter((item) => item.length > 0);
    if (usable.length > MAX_SECRETS_PER_CARRIER) {
      problems.push(`${carrier}: ${usable.length} secrets; at most ${MAX_SECRETS_PER_CARRIER} (finish the rotation)`);
      continue;
    }
    secrets[carrier] = usable;
  }
  return { secrets, problems };
}
