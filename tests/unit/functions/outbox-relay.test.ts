import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { buildHandler } from '../../../functions/outbox-publisher/relay';
import { buildPublishEvents, PublishFailedError, SUBSCRIBERS_RESOURCE } from '../../../functions/shared/bus/event-publisher';
import { logger } from '../../../functions/shared/observability';
import { outboxAttribute, outboxItem, pendingEventsFromImage } from '../../../functions/shared/store/outbox';

const eventBridge = mockClient(EventBridgeClient);
const context = { awsRequestId: 'r', functionName: 'outbox-publisher' } as Context;

function streamRecord(eventId: string, sequence: string) {
  const item = outboxItem(
    { eventId, detailType: 'order.received', source: 'enlace.orders', detail: { metadata: { eventId }, data: {} } },
    '2026-11-22T00:00:00.000Z',
  );
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
    expect(input.Entries).toEqual([
      { EventBusName: 'enlace', Source: 'enlace.orders', DetailType: 'order.received', Detail: JSON.stringify({ metadata: { eventId: 'evt_1' }, data: {} }) },
    ]);
  });

  it('marks for the notification fan-out only the events of sellers with subscriptions, asking once per seller', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'a' }, { EventId: 'b' }, { EventId: 'c' }] });
    const asked: string[] = [];
    const hasSubscriptions = async (sellerId: string) => {
      asked.push(sellerId);
      return sellerId === 'seller-a';
    };
    const event = (eventId: string, sellerId: string) => ({
      eventId,
      detailType: 'order.received',
      source: 'enlace.orders',
      detail: { metadata: { eventId, sellerId }, data: {} },
    });

    // Act
    await buildPublishEvents(
      new EventBridgeClient({}),
      'enlace',
      hasSubscriptions,
    )([event('evt_1', 'seller-a'), event('evt_2', 'seller-b'), event('evt_3', 'seller-a')]);

    // Assess
    const entries = eventBridge.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries!;
    expect(entries.map((entry) => entry.Resources)).toEqual([[SUBSCRIBERS_RESOURCE], undefined, [SUBSCRIBERS_RESOURCE]]);
    expect(asked.sort()).toEqual(['seller-a', 'seller-b']);
  });

  it('publishes the events a write carries on the item it changed (the outbox attribute), in the order written', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'a' }, { EventId: 'b' }] });
    const events = ['shipment.status-changed', 'shipment.delivered'].map((detailType, index) => ({
      eventId: `evt_${index}`,
      detailType,
      source: 'enlace.tracking',
      detail: { metadata: { eventId: `evt_${index}` }, data: { shipmentId: 'shp_1' } },
    }));
    // As Lambda delivers it: the tracking item's new image, its binary timeline in base64.
    const image = { pk: 'SHIPMENT#shp_1', sk: 'TRACKING', version: 4, ...outboxAttribute(events) };
    const newImage = { ...marshall(image), timeline: { B: Buffer.from([0x1f, 0x8b, 8, 0]).toString('base64') } };
    const record = {
      eventID: '300',
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      dynamodb: { SequenceNumber: '300', Keys: marshall({ pk: image.pk, sk: image.sk }), NewImage: newImage },
    };
    const relay = buildHandler(buildPublishEvents(new EventBridgeClient({}), 'enlace'));

    const result = await relay({ Records: [record] } as DynamoDBStreamEvent, context);

    expect(result.batchItemFailures).toEqual([]);
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input.Entries?.map((entry) => [entry.DetailType, JSON.parse(entry.Detail!) as unknown])).toEqual(
      events.map((event) => [event.detailType, event.detail]),
    );
  });

  it('stores an outbox item’s detail gzipped (a transaction bills each KB twice) and reads it back whole', () => {
    const quotes = Array.from({ length: 6 }, (_, index) => ({
      serviceId: `enlace-standard-${index}`,
      serviceName: 'Enlace Standard',
      lines: ['freight', 'fuel', 'duties'],
    }));
    const event = { eventId: 'evt_big', detailType: 'order.rated', source: 'enlace.rating', detail: { metadata: { eventId: 'evt_big' }, data: { quotes } } };
    const item = outboxItem(event, '2026-12-05T00:00:00.000Z');
    expect(item).not.toHaveProperty('detail');
    expect(String(item.detailGz).length).toBeLessThan(JSON.stringify(event.detail).length / 2);
    expect(pendingEventsFromImage(item)).toEqual([event]);
  });

  it('still relays an outbox item written before details were gzipped (plain JSON in `detail`)', () => {
    const event = {
      eventId: 'evt_old',
      detailType: 'order.received',
      source: 'enlace.orders',
      detail: { metadata: { eventId: 'evt_old' }, data: { orderId: 'ord_1' } },
    };
    const { detailGz: _gzipped, ...before } = outboxItem(event, '2026-12-05T00:00:00.000Z');
    expect(pendingEventsFromImage({ ...before, detail: JSON.stringify(event.detail) })).toEqual([event]);
  });

  it('publishes nothing for a record whose write carried no events', async () => {
    const image = { pk: 'SHIPMENT#shp_1', sk: 'TRACKING', version: 5, ...outboxAttribute([]) };
    expect(pendingEventsFromImage(image)).toEqual([]);
    const record = {
      eventID: '400',
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      dynamodb: { SequenceNumber: '400', Keys: marshall({ pk: image.pk, sk: image.sk }), NewImage: marshall(image) },
    };

    const result = await buildHandler(buildPublishEvents(new EventBridgeClient({}), 'enlace'))({ Records: [record] } as DynamoDBStreamEvent, context);

    expect(result.batchItemFailures).toEqual([]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
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

  it('logs the whole events of a record it could not publish (a parked stream record is only a position)', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }] });
    const errors = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    try {
      // A whole batch failing makes the invocation fail, so the stream retries it.
      await expect(
        buildHandler(buildPublishEvents(new EventBridgeClient({}), 'enlace'))({ Records: [streamRecord('evt_7', '700')] } as DynamoDBStreamEvent, context),
      ).rejects.toThrow(FullBatchFailureError);
      const logged = errors.mock.calls.find(([message]) => message === 'could not publish; the stream will retry the record');
      expect(logged?.[1]).toMatchObject({
        sequenceNumber: '700',
        events: [{ eventId: 'evt_7', detailType: 'order.received', detail: { metadata: { eventId: 'evt_7' }, data: {} } }],
      });
    } finally {
      errors.mockRestore();
    }
  });

  it('raises PublishFailedError naming the rejected events', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }] });
    const publish = buildPublishEvents(new EventBridgeClient({}), 'enlace');
    await expect(publish([{ eventId: 'evt_9', detailType: 't', source: 's', detail: {} }])).rejects.toThrow(PublishFailedError);
    await expect(publish([{ eventId: 'evt_9', detailType: 't', source: 's', detail: {} }])).rejects.toThrow(/evt_9 InternalFailure/);
  });
});
