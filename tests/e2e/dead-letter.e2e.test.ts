import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { eventually, localClientConfig, localCloud } from '../setup/local-cloud-client';

interface QueueReport {
  queue: string;
  logicalId: string;
  visible: number;
  isDeadLetterQueue: boolean;
  sample: unknown[];
}

const report = async () => (await (await fetch(`${localCloud().admin}/queues`)).json()) as QueueReport[];

describe('poison messages', () => {
  it('are retried, then parked in the consumer DLQ where the admin endpoint shows them', async () => {
    const queues = await report();
    const work = queues.find((queue) => queue.logicalId.startsWith('RateCalculationQueue'));
    const dlq = queues.find((queue) => queue.logicalId.startsWith('RateCalculationDeadLetterQueue'));
    expect(work).toBeDefined();
    expect(dlq?.isDeadLetterQueue).toBe(true);

    const sqs = new SQSClient(localClientConfig(localCloud().sqs));
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: work!.queue }));
    const marker = `poison-${Date.now()}`;
    // Not an EventBridge event at all: the consumer's contract check fails on every delivery.
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ marker, detail: { not: 'an order.received event' } }) }));

    const parked = await eventually(
      async () => {
        const current = (await report()).find((queue) => queue.logicalId === dlq!.logicalId);
        return current?.sample.find((message) => JSON.stringify(message).includes(marker));
      },
      40_000,
      'the poison message in the DLQ',
    );
    expect(parked).toMatchObject({ marker });
  });
});
