import { EventBridgeClient, PutEventsCommand, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { localClientConfig, localCloud } from '../setup/local-cloud-client';
import { expectEvery } from '../setup/assertions';

/** The real AWS SDK client against the local EventBridge: same requests, same answers as AWS. */
const eventBridge = () => new EventBridgeClient(localClientConfig(localCloud().eventbridge));
const entry = (overrides: Record<string, unknown> = {}) => ({
  EventBusName: 'enlace',
  Source: 'enlace.test',
  DetailType: 'test.happened',
  Detail: JSON.stringify({ hello: 'world' }),
  ...overrides,
});

describe('local EventBridge through @aws-sdk/client-eventbridge', () => {
  it('accepts entries and returns an event id for each', async () => {
    const result = await eventBridge().send(new PutEventsCommand({ Entries: [entry(), entry()] }));
    expect(result.FailedEntryCount).toBe(0);
    expectEvery(result.Entries, (item) => typeof item.EventId === 'string');
  });

  it('rejects entries one by one, counting them in FailedEntryCount', async () => {
    const result = await eventBridge().send(
      new PutEventsCommand({
        Entries: [entry(), entry({ Source: undefined }), entry({ Detail: '{not json' }), entry({ Detail: '[1,2]' }), entry({ EventBusName: 'nope' })],
      }),
    );
    expect(result.FailedEntryCount).toBe(4);
    expect(result.Entries?.map((item) => item.ErrorCode ?? 'ok')).toEqual([
      'ok',
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'ResourceNotFoundException',
    ]);
  });

  it('rejects more than 10 entries and requests over 256 KB as a whole', async () => {
    await expect(eventBridge().send(new PutEventsCommand({ Entries: Array.from({ length: 11 }, () => entry()) }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const big = entry({ Detail: JSON.stringify({ pad: 'x'.repeat(256 * 1024) }) });
    await expect(eventBridge().send(new PutEventsCommand({ Entries: [big] }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('serves TestEventPattern as AWS does', async () => {
    const event = JSON.stringify({
      id: '1',
      account: '123456789012',
      source: 'enlace.orders',
      time: '2026-11-22T00:00:00Z',
      region: 'us-east-1',
      'detail-type': 'order.received',
      resources: [],
      detail: { metadata: { sellerId: 'seller-a' }, data: { order: { shipTo: { country: 'BR' } } } },
    });
    const matching = await eventBridge().send(
      new TestEventPatternCommand({
        Event: event,
        EventPattern: JSON.stringify({ source: [{ prefix: 'enlace.' }], detail: { data: { order: { shipTo: { country: ['BR', 'MX'] } } } } }),
      }),
    );
    expect(matching.Result).toBe(true);
    const other = await eventBridge().send(
      new TestEventPatternCommand({ Event: event, EventPattern: JSON.stringify({ detail: { metadata: { sellerId: [{ 'anything-but': 'seller-a' }] } } }) }),
    );
    expect(other.Result).toBe(false);
    await expect(
      eventBridge().send(new TestEventPatternCommand({ Event: event, EventPattern: JSON.stringify({ source: 'enlace.orders' }) })),
    ).rejects.toMatchObject({
      name: 'InvalidEventPatternException',
    });
  });
});
