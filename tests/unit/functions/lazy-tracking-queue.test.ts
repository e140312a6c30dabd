import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { decodeTrackingMessage, type TrackingPayloadMessage } from '../../../events/tracking-message';
import { buildLazyEnqueueTrackingMessage } from '../../../functions/shared/lazy-tracking-queue';

/*
 * The tracking queue as tracking-webhook wires it: the SQS client is made on the first send
 * (functions/shared/lazy-tracking-queue.ts), then every message is sent encoded as tracking-ingestion reads it.
 */
const sqs = mockClient(SQSClient);

beforeEach(() => sqs.reset());

const message: TrackingPayloadMessage = {
  kind: 'payload',
  receiptId: 'whk_1',
  source: 'webhook',
  feed: 'correios',
  receivedAt: '2026-11-22T12:00:00.000Z',
  body: Buffer.from('{"objetos":[]}'),
};

describe('buildLazyEnqueueTrackingMessage', () => {
  it('sends nothing until a message is queued, then sends it to the queue as tracking-ingestion decodes it', async () => {
    sqs.on(SendMessageCommand).resolves({});
    const enqueue = buildLazyEnqueueTrackingMessage('https://sqs.us-east-1.amazonaws.com/000000000000/tracking');
    expect(sqs.calls()).toHaveLength(0);

    await enqueue(message);

    const [call] = sqs.commandCalls(SendMessageCommand);
    expect(call?.args[0].input.QueueUrl).toBe('https://sqs.us-east-1.amazonaws.com/000000000000/tracking');
    expect(decodeTrackingMessage(call?.args[0].input.MessageBody ?? '')).toEqual({ ok: true, message });
  });

  it('passes a failed send on to the caller (the webhook answers 503), and the next send goes out', async () => {
    sqs.on(SendMessageCommand).rejectsOnce(new Error('ServiceUnavailable')).resolves({});
    const enqueue = buildLazyEnqueueTrackingMessage('https://queue');
    await expect(enqueue(message)).rejects.toThrow('ServiceUnavailable');
    await expect(enqueue(message)).resolves.toBeUndefined();
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(2);
  });
});
