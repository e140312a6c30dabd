import type { TrackingUpdate } from '../../../domain/tracking';
import { parseFeedPayload } from '../../../domain/tracking';
import { decodeTrackingMessage, type TrackingMessage } from '../../../events/tracking-message';

export class UnparseablePayloadError extends Error {
  constructor(
    readonly receiptId: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(`tracking payload ${receiptId} cannot be parsed: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'UnparseablePayloadError';
  }
}

/**
 * One tracking message handed to ingestion: a queued one (its SQS body, encoded by
 * events/tracking-message.ts) or one a webhook verified a moment ago (the message itself).
 */
export interface TrackingDelivery {
  /** The SQS message id, or the webhook's receipt id: what a failure is reported by. */
  readonly id: string;
  /** How many times it has been handed over (1 on the first delivery, and for a webhook's direct write). */
  readonly receiveCount: number;
  readonly body: string | TrackingMessage;
}

export interface ParsedDelivery {
  readonly delivery: TrackingDelivery;
  readonly message: TrackingMessage;
  readonly updates: readonly TrackingUpdate[];
}

/** JSON is UTF-8 (RFC 8259); a byte that is not becomes U+FFFD in a string, or a parse error outside one. */
const utf8 = new TextDecoder('utf-8');

function decode(delivery: TrackingDelivery): TrackingMessage {
  if (typeof delivery.body !== 'string') return delivery.body;
  const decoded = decodeTrackingMessage(delivery.body);
  if (!decoded.ok) {
    throw new UnparseablePayloadError(delivery.id, decoded.problems);
  }
  return decoded.message;
}

/**
 * Reads one message: a payload is parsed with its feed's adapter and every update is stamped
 * with the source it came by; a replay carries canonical updates already. Anything unreadable is an
 * UnparseablePayloadError (a queued message stays on the queue and reaches the DLQ intact).
 */
export function parseDelivery(delivery: TrackingDelivery): ParsedDelivery {
  const message = decode(delivery);
  if (message.kind === 'replay') {
    return { delivery, message, updates: message.updates };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(utf8.decode(message.body));
  } catch (error) {
    throw new UnparseablePayloadError(message.receiptId, [{ path: '$', message: `the body is not JSON: ${(error as Error).message}` }]);
  }
  const parsed = parseFeedPayload(message.feed, payload);
  if (!parsed.ok) {
    throw new UnparseablePayloadError(message.receiptId, parsed.problems);
  }
  return { delivery, message, updates: parsed.updates.map((update) => ({ ...update, source: message.source })) };
}
