import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createOrder } from '../../domain/order/order';
import { orderInputSchema } from '../../domain/order/order-input';
import { keys } from '../../functions/shared/store/keys';
import { buildSaveNewOrder } from '../../functions/shared/store/order-store';
import { buildRecordPipelineStep } from '../../functions/shared/store/pipeline-step';
import { sampleOrderBody } from '../fixtures/orders';
import { createTestTable, localDynamoDb } from '../setup/local-cloud-client';

const { client, documents } = localDynamoDb();

describe('pipeline step against DynamoDB Local', () => {
  it('moves the order once: a redelivery writes nothing and says so', async () => {
    const { tableName } = await createTestTable(client);
    const order = createOrder(orderInputSchema.parse(sampleOrderBody()), { orderId: 'ord_P1', receivedAt: '2026-11-22T10:00:00.000Z' });
    await buildSaveNewOrder(documents, tableName)(order, 'h', { eventId: 'evt_0', detailType: 'order.received', source: 'enlace.orders', detail: {} });
    const record = buildRecordPipelineStep(documents, tableName);
    const step = (eventId: string, quote: string) => ({
      orderId: 'ord_P1',
      fromStatuses: ['received'] as const,
      toStatus: 'rated' as const,
      items: [{ ...keys.orderQuotes('ord_P1'), quote }],
      event: { eventId, detailType: 'order.rated', source: 'enlace.rating', detail: {} },
      at: '2026-11-22T10:00:01.000Z',
    });
    await expect(record(step('evt_1', 'first'))).resolves.toBe(true);
    await expect(record(step('evt_2', 'second'))).resolves.toBe(false);

    const { Item: stored } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.order('ord_P1') }));
    expect(stored).toMatchObject({ status: 'rated', updatedAt: '2026-11-22T10:00:01.000Z' });
    const { Item: quotes } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.orderQuotes('ord_P1') }));
    expect(quotes?.quote).toBe('first');
    const { Item: secondEvent } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.outbox('evt_2') }));
    expect(secondEvent).toBeUndefined();
  });

  it('refuses a step for an order that does not exist', async () => {
    const { tableName } = await createTestTable(client);
    const record = buildRecordPipelineStep(documents, tableName);
    await expect(
      record({
        orderId: 'ord_missing',
        fromStatuses: ['received'],
        toStatus: 'rated',
        items: [],
        event: { eventId: 'e', detailType: 't', source: 's', detail: {} },
        at: '2026-11-22T10:00:00.000Z',
      }),
    ).resolves.toBe(false);
  });
});
