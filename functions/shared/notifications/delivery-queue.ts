import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryJob, EnqueueDeliveries } from '../../../domain/notifications';
import { queueMessageBody } from '../queue-body';

const MAX_BATCH_ENTRIES = 10;
/** SQS's limit on a whole SendMessageBatch request. */
const MAX_BATCH_BYTES = 256 * 1024;

export class EnqueueFailedError extends Error {
  constructor(readonly failures: readonly { deliveryId: string; code: string }[]) {
    super(`SQS refused ${failures.length} delivery job(s): ${failures.map((f) => `${f.deliveryId} ${f.code}`).join('; ')}`);
    this.name = 'EnqueueFailedError';
  }
}

/** Adapter: delivery jobs onto the delivery queue, in batches of at most 10 entries and 256 KB. */
export function buildEnqueueDeliveries(sqs: SQSClient, queueUrl: string): EnqueueDeliveries {
  return async (jobs) => {
    for (const batch of batches(jobs)) {
      const result = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: batch.map(({ job, body }, index) => ({
            Id: String(index),
            MessageBody: body,
            MessageAttributes: { deliveryId: { DataType: 'String', StringValue: job.deliveryId } },
          })),
        }),
      );
      const failed = result.Failed ?? [];
      if (failed.length > 0) {
        throw new EnqueueFailedError(
          failed.map((failure) => ({ deliveryId: batch[Number(failure.Id)]?.job.deliveryId ?? '?', code: failure.Code ?? 'unknown' })),
        );
      }
    }
  };
}

function batches(jobs: readonly DeliveryJob[]): { job: DeliveryJob; body: string }[][] {
  const result: { job: DeliveryJob; body: string }[][] = [];
  let current: { job: DeliveryJob; body: string }[] = [];
  let bytes = 0;
  for (const job of jobs) {
    const body = queueMessageBody(job);
    const size = Buffer.byteLength(body, 'utf8');
    if (current.length === MAX_BATCH_ENTRIES || (current.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ job, body });
    bytes += size;
  }
  if (current.length > 0) {
    result.push(current);
  }
  return result;
}

/** Port: keeps a received message hidden for `seconds` more (the retry's backoff). */
export type DelayRetry = (receiptHandle: string, seconds: number) => Promise<void>;

export function buildDelayRetry(sqs: SQSClient, queueUrl: string): DelayRetry {
  return async (receiptHandle, seconds) => {
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: seconds }));
  };
}
