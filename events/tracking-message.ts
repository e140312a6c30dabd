import * as z from 'zod';
import { CARRIER_SLUGS } from '../domain/shared/carriers';
import { TRACKING_SOURCE_KINDS, TRACKING_STATUSES, type TrackingSourceKind, type TrackingUpdate } from '../domain/tracking';

/**
 * The messages on the tracking queue, read by tracking-ingestion. Three writers: tracking-webhook
 * (a carrier's or an aggregator's push, after its authentication was verified), tracking-poller (a
 * carrier's tracking API answer) and tracking-registration (updates kept as unmatched, replayed
 * once their number is registered).
 *
 * Version 2 carries a payload's bytes in base64, exactly as received: a body is signed as bytes and
 * parsed later, and SQS refuses some characters a body may hold (U+FFFE, U+FFFF, controls; and
 * locally fauxqs refuses everything above U+FFFF, which SQS accepts). In base64 any byte survives
 * the queue and its DLQ, and a redrive sends back the same bytes. The whole message is also written
 * as ASCII-only JSON (`encodeTrackingMessage`), so no text in it can be refused either.
 *
 * Version 1 (`{ receiptId, carrier, receivedAt, body }`, the body as UTF-8 text) is still read, for
 * messages queued or parked in the DLQ before version 2.
 */

const iso = z.iso.datetime();

export const trackingMessageV1Schema = z.object({
  receiptId: z.string().min(1),
  carrier: z.string().min(1),
  receivedAt: iso,
  body: z.string(),
});

export const trackingPayloadV2Schema = z.object({
  version: z.literal(2),
  kind: z.literal('payload'),
  receiptId: z.string().min(1),
  /** How the payload reached Enlace (the poller's are `poll`). */
  source: z.enum(TRACKING_SOURCE_KINDS),
  /** The feed whose adapter reads it: a carrier's slug, or an aggregator's (domain/tracking/carriers). */
  feed: z.string().min(1),
  receivedAt: iso,
  body: z.base64(),
});

const locationSchema = z.object({
  facility: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
  airport: z.string().optional(),
});

/** A canonical update as tracking-ingestion folds it (domain/tracking/update.ts), for replays. */
export const trackingUpdateSchema = z.object({
  carrier: z.enum(CARRIER_SLUGS),
  trackingNumber: z.string().min(1),
  carrierEventId: z.string().min(1),
  occurredAt: iso,
  status: z.enum(TRACKING_STATUSES),
  subStatus: z.string(),
  recognised: z.boolean(),
  location: locationSchema.optional(),
  carrierCode: z.string(),
  carrierDescription: z.string(),
  lastMileTrackingNumber: z.string().optional(),
  source: z.enum(TRACKING_SOURCE_KINDS).optional(),
});

export const trackingReplayV2Schema = z.object({
  version: z.literal(2),
  kind: z.literal('replay'),
  receiptId: z.string().min(1),
  carrier: z.string().min(1),
  trackingNumber: z.string().min(1),
  /** When the replay was queued: the events' receipt time on the timeline. */
  receivedAt: iso,
  updates: z.array(trackingUpdateSchema).min(1),
});

/** A payload to parse with its feed's adapter; `body` holds the bytes as received. */
export interface TrackingPayloadMessage {
  readonly kind: 'payload';
  readonly receiptId: string;
  readonly source: TrackingSourceKind;
  readonly feed: string;
  readonly receivedAt: string;
  readonly body: Buffer;
}

/** Updates that waited as unmatched, replayed now that their number is registered. */
export interface TrackingReplayMessage {
  readonly kind: 'replay';
  readonly receiptId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly receivedAt: string;
  readonly updates: readonly TrackingUpdate[];
}

export type TrackingMessage = TrackingPayloadMessage | TrackingReplayMessage;

/** JSON with every character outside ASCII written as \uXXXX: the same value, and any queue carries it. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The queue body of a message (version 2). */
export function encodeTrackingMessage(message: TrackingMessage): string {
  if (message.kind === 'payload') {
    const { body, ...rest } = message;
    return asciiJson({ version: 2, ...rest, body: body.toString('base64') });
  }
  return asciiJson({ version: 2, ...message, updates: message.updates.map(({ raw: _raw, ...update }) => update) });
}

export type DecodedTrackingMessage = { ok: true; message: TrackingMessage } | { ok: false; problems: { path: string; message: string }[] };

const problemsOf = (error: z.ZodError) => error.issues.map((issue) => ({ path: `message.${issue.path.join('.')}`, message: issue.message }));

/** Reads a queue body of either version; a version 1 payload is a webhook's, its body UTF-8 text. */
export function decodeTrackingMessage(text: string): DecodedTrackingMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '$', message: 'the queued message is not JSON' }] };
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (version === undefined) {
    const v1 = trackingMessageV1Schema.safeParse(value);
    if (!v1.success) return { ok: false, problems: problemsOf(v1.error) };
    const { receiptId, carrier, receivedAt, body } = v1.data;
    return { ok: true, message: { kind: 'payload', receiptId, source: 'webhook', feed: carrier, receivedAt, body: Buffer.from(body, 'utf8') } };
  }
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'replay') {
    const replay = trackingReplayV2Schema.safeParse(value);
    if (!replay.success) return { ok: false, problems: problemsOf(replay.error) };
    const { version: _version, ...message } = replay.data;
    return { ok: true, message };
  }
  const payload = trackingPayloadV2Schema.safeParse(value);
  if (!payload.success) return { ok: false, problems: problemsOf(payload.error) };
  const { version: _version, body, ...rest } = payload.data;
  return { ok: true, message: { ...rest, body: Buffer.from(body, 'base64') } };
}
