import { encodeTrackingMessage } from '../../events/tracking-message';
import type { EnqueueTrackingMessage } from './tracking-queue-port';

/**
 * EnqueueTrackingMessage whose SQS client is created on the first send. tracking-webhook writes most
 * webhooks itself and queues only what it cannot write (unknown numbers, unreadable payloads, big
 * batches, a conflict or an error), so, like the S3 client of the document functions
 * (store/lazy-document-bucket.ts), the SQS client is loaded on that path rather than at start-up.
 * This module imports nothing from the SDK itself.
 */
export function buildLazyEnqueueTrackingMessage(queueUrl: string): EnqueueTrackingMessage {
  let enqueue: Promise<EnqueueTrackingMessage> | undefined;
  const load = async (): Promise<EnqueueTrackingMessage> => {
    const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
    // The endpoint comes from the environment; the queue URL's host is the same on AWS and is not a host name locally.
    const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    // As tracking-queue.ts's buildEnqueueTrackingMessage sends it (not imported: its batch sender would come into the bundle).
    return async (message) => {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: encodeTrackingMessage(message) }));
    };
  };
  return async (message) => {
    // A load that failed is tried again by the next send, not kept.
    enqueue ??= load().catch((error: unknown) => {
      enqueue = undefined;
      throw error;
    });
    return (await enqueue)(message);
  };
}
