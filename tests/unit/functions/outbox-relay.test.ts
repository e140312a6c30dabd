import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { buildHandler } from '../../../functions/outbox-publisher/relay';
import { PublishFailedError, buildPublishEvents } from '../../../functions/shared/bus/event-publisher';
import { outboxAttribute, outboxItem, pendingEventsFromImage } from '../../../functions/shared/store/outbox';

const eventBridge = mockClient(EventBridgeClient);
const context = { awsRequestId: 'r', functionName: 'outbox-publisher' } as Context;

function streamRecord(eventId: string, sequence: string) {
  const item = outboxItem({ eventId, detailType: 'order.received', source: 'enlace.orders', detail: { metadata: { eventId }, data: {} } }, '2026-11-22T00:00:00.000Z');
  return {
    eventID: sequence,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: { SequenceNumber: sequence, Keys: marshall({ pk: item.pk, sk: item.sk }), NewImage: marshall(item) },
  };
}

describe('outbox relay', () => {
  beforeEach(() => eventBridge.reset());

  it('publishes each outbox record to the bus as it was written', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'x' }] });
    const relay = buildHandler(buildPublishEvents(new EventBridgeClient({}), 'enlace'));
    const result = await relay({ Records: [streamRecord('evt_1', '100')] } as DynamoDBStreamEvent, context);
    expect(result.batchItemFailures).toEqual([]);
    const input = eventBridge.commandCalls(PutEventsCommand)[0]!.args[0].input;
    expect(input.Entries).toEqual([{ EventBusName: 'enlace', Source: 'enlace.orders', DetailType: 'order.received', Detail: JSON.stringify({ metadata: { eventId: 'evt_1' }, data: {} }) }]);
  });

  it('publishes the events a write carries on the item it changed (the outbox attribute), in the order written', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'a' }, { EventId: 'b' }] });
    const events = ['shipment.status-changed', 'shipment.delivered'].map((detailType, index) => ({
      eventId: `evt_${index}`,
      detailType,
      source: 'enlace.tracking',
      detail: { metadata: { eventId: `evt_${index}` }, data: { shipmentId: 'shp_1' } },
    }));
    // As Lambda delivers it: the tracking item's new image, its gzipped timeline in base64.
    const image = { pk: 'SHIPMENT#shp_1', sk: 'TRACKING', version: 4, timeline: Buffer.from([1, 2, 3]).toString('base64'), ...outboxAttribute(events) };
    const record = { eventID: '300', eventName: 'MODIFY', eventSource: 'aws:dynamodb', dynamodb: { SequenceNumber: '300', Keys: marshall({ pk: image.pk, sk: image.sk }), NewImage: marshall(image) } };
    const relay = buildHandler(buildPublishEvents(new EventBridgeClient({}), 'enlace'));

    const result = await relay({ Records: [record] } as DynamoDBStreamEvent, context);

    expect(result.batchItemFailures).toEqual([]);
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input.Entries?.map((entry) => [entry.DetailType, JSON.parse(entry.Detail!) as unknown])).toEqual(events.map((event) => [event.detailType, event.detail]));
  });

  it('reads no events from an image without an outbox (a write that published nothing)', () => {
    expect(pendingEventsFromImage({ pk: 'SHIPMENT#shp_1', sk: 'TRACKING', version: 5, ...outboxAttribute([]) })).toEqual([]);
  });

  it('reports only the records EventBridge rejected, so the stream retries them alone', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'a' }] })
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }] });
    const relay = buildHandler(buildPublishEvents(new EventBridgeClient({}), 'enlace'));
    // Records are published in parallel; the second call sees the failure whichever record it carries.
    const result = await relay({ Records: [streamRecord('evt_1', '100'), streamRecord('evt_2', '200')] } as DynamoDBStreamEvent, context);
    expect(result.batchItemFailures).toHaveLength(1);
    expect(['100', '200']).toContain(result.batchItemFailures[0]!.itemIdentifier);
  });

  it('raises PublishFailedError naming the rejected events', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }] });
    const publish = buildPublishEvents(new EventBridgeClient({}), 'enlace');
    await expect(publish([{ eventId: 'evt_9', detailType: 't', source: 's', detail: {} }])).rejects.toThrow(PublishFailedError);
    await expect(publish([{ eventId: 'evt_9', detailType: 't', source: 's', detail: {} }])).rejects.toThrow(/evt_9 InternalFailure/);
  });
});
