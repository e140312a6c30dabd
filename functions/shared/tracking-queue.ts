import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { encodeTrackingMessage, type TrackingMessage } from '../../events/tracking-message';
import { MAX_TRACKING_MESSAGE_BYTES, queuedBytes, type EnqueueTrackingMessage, type EnqueueTrackingMessages } from './tracking-queue-port';

/**
 * The tracking queue, written by tracking-webhook (what it does not write itself), tracking-poller and
 * tracking-registration and read by tracking-ingestion. Every message is encoded by
 * events/tracking-message.ts (version 2: payload bytes in base64, ASCII-only JSON), so no character
 * of a carrier's payload can make a send fail. The ports and sizes are in tracking-queue-port.ts (no SDK).
 */
export { MAX_TRACKING_MESSAGE_BYTES, queuedBytes, type EnqueueTrackingMessage, type EnqueueTrackingMessages } from './tracking-queue-port';

export function buildEnqueueTrackingMessage(sqs: SQSClient, queueUrl: string): EnqueueTrackingMessage {
  return async (message) => {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: encodeTrackingMessage(message) }));
  };
}

/** SendMessageBatch, 10 at a time (and at most 256 KB a batch); a failed entry or batch is reported back, never lost. */
export function buildEnqueueTrackingMessages(sqs: SQSClient, queueUrl: string): EnqueueTrackingMessages {
  return async (messages) => {
    const failed: TrackingMessage[] = [];
    let batch: TrackingMessage[] = [];
    let bytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const entries = batch;
      batch = [];
      bytes = 0;
      try {
        const { Failed = [] } = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: entries.map((message, index) => ({ Id: String(index), MessageBody: encodeTrackingMessage(message) })),
          }),
        );
        for (const entry of Failed) {
          const message = entries[Number(entry.Id)];
          if (message !== undefined) failed.push(message);
        }
      } catch {
        failed.push(...entries);
      }
    };
    for (const message of messages) {
      const size = queuedBytes(message);
      if (batch.length === 10 || bytes + size > MAX_TRACKING_MESSAGE_BYTES) await flush();
      batch.push(message);
      bytes += size;
    }
    await flush();
    return { failed };
  };
}
