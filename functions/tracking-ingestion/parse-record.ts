import type { SQSRecord } from 'aws-lambda';
import type { TrackingUpdate } from '../../domain/tracking';
import { parseCarrierPayload } from '../../domain/tracking';
import { trackingMessageSchema, type TrackingMessage } from '../../events/tracking-message';

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

/** Parses one queued webhook with its carrier's adapter; anything unreadable is an UnparseablePayloadError. */
export function parseRecord(record: SQSRecord): ParsedRecord {
  let envelope: unknown;
  try {
    envelope = JSON.parse(record.body);
  } catch {
    throw new UnparseablePayloadError(record.messageId, [{ path: '$', message: 'the queued message is not JSON' }]);
  }
  const message = trackingMessageSchema.safeParse(envelope);
  if (!message.success) {
    throw new UnparseablePayloadError(
      record.messageId,
      message.error.issues.map((issue) => ({ path: `message.${issue.path.join('.')}`, message: issue.message })),
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(message.data.body);
  } catch (error) {
    throw new UnparseablePayloadError(message.data.receiptId, [{ path: '$', message: `the body is not JSON: ${(error as Error).message}` }]);
  }
  const parsed = parseCarrierPayload(message.data.carrier, payload);
  if (!parsed.ok) {
    throw new UnparseablePayloadError(message.data.receiptId, parsed.problems);
  }
  return { record, message: message.data, updates: parsed.updates };
}

/** How many times SQS has handed this record over (1 on the first delivery). */
export const receiveCount = (record: SQSRecord): number => Number(record.attributes.ApproximateReceiveCount ?? '1') || 1;
