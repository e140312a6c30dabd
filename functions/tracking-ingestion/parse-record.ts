import type { SQSRecord } from 'aws-lambda';
import type { TrackingUpdate } from '../../domain/tracking';
import { parseFeedPayload } from '../../domain/tracking';
import { decodeTrackingMessage, type TrackingMessage } from '../../events/tracking-message';

export class UnparseablePayloadError extends Error {
  constructor(
    readonly receiptId: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(`tracking payload ${receiptId} cannot be parsed: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'UnparseablePayloadError';
  }
}

export interface ParsedRecord {
  readonly record: SQSRecord;
  readonly message: TrackingMessage;
  readonly updates: readonly TrackingUpdate[];
}

/** JSON is UTF-8 (RFC 8259); a byte that is not becomes U+FFFD in a string, or a parse error outside one. */
const utf8 = new TextDecoder('utf-8');

/**
 * Reads one queued message: a payload is parsed with its feed's adapter and every update is stamped
 * with the source it came by; a replay carries canonical updates already. Anything unreadable is an
 * UnparseablePayloadError (the message stays on the queue and reaches the DLQ intact).
 */
export function parseRecord(record: SQSRecord): ParsedRecord {
  const decoded = decodeTrackingMessage(record.body);
  if (!decoded.ok) {
    throw new UnparseablePayloadError(record.messageId, decoded.problems);
  }
  const message = decoded.message;
  if (message.kind === 'replay') {
    return { record, message, updates: message.updates };
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
  return { record, message, updates: parsed.updates.map((update) => ({ ...update, source: message.source })) };
}

/** How many times SQS has handed this record over (1 on the first delivery). */
export const receiveCount = (record: SQSRecord): number => Number(record.attributes.ApproximateReceiveCount ?? '1') || 1;
