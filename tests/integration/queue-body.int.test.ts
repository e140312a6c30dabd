import { CreateQueueCommand, DeleteQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { queueMessageBody } from '../../functions/shared/queue-body';
import { localClientConfig, localCloud } from '../setup/local-cloud-client';

/**
 * fauxqs (the local SQS) and real SQS differ on one point: fauxqs refuses characters above U+FFFF,
 * which SQS accepts. Both refuse U+FFFE and U+FFFF. Enlace's encoding (queueMessageBody) is
 * accepted by both; this test pins the difference, so a fauxqs release that changes it is noticed.
 */
describe('queue bodies against fauxqs', () => {
  const sqs = new SQSClient(localClientConfig(localCloud().sqs));
  let queueUrl: string;

  beforeAll(async () => {
    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `bodies-${randomUUID()}` }))).QueueUrl!;
  });
  afterAll(async () => {
    await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
    sqs.destroy();
  });

  const send = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));

  it('refuses raw astral characters (real SQS accepts them) and raw U+FFFE (real SQS refuses it too)', async () => {
    await expect(send(JSON.stringify({ name: 'Caja 📦' }))).rejects.toThrow();
    await expect(send(JSON.stringify({ name: 'a\uFFFEb' }))).rejects.toThrow();
  });

  it('takes the encoded body of both, and hands back the same JSON value', async () => {
    const value = { name: 'Caja 📦 \uFFFE\uFFFF', city: 'São Paulo', nul: '\u0000' };
    await send(queueMessageBody(value));
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 5 }));
    expect(Messages).toHaveLength(1);
    expect(JSON.parse(Messages[0]!.Body!)).toEqual(value);
  });
});
