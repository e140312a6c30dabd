import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import type { Tenant } from '../../domain/shared/tenant';
import { orderReceivedV1 } from '../../events/order-received';
import { MAX_ORDER_BYTES } from '../../functions/order-intake/order-intake';
import { buildOrderIntakeOver } from '../../functions/order-intake/wiring';
import { buildHandler as buildRelay } from '../../functions/outbox-publisher/relay';
import { buildRateCalculation } from '../../functions/rate-calculation/rate-calculation';
import { buildPublishEvents } from '../../functions/shared/bus/event-publisher';
import { eventConsumer } from '../../functions/shared/event-consumer';
import { httpHandler } from '../../functions/shared/http/http-handler';
import { queueMessageBody } from '../../functions/shared/queue-body';
import { buildDocumentClient } from '../../functions/shared/store/dynamo-client';
import { buildGetOrder } from '../../functions/shared/store/order-store';
import { buildRecordRating } from '../../functions/shared/store/rating-store';
import { EventBusServer, type BusEvent } from '../../local/eventbridge/event-bus-server';
import type { RuleSpec } from '../../local/wiring';
import { sampleOrderBody } from '../fixtures/orders';
import { httpEvent, lambdaContext } from '../unit/functions/http-fixtures';
import { awsError, injectFaults, seededRandom } from '../setup/faults';
import { createTestTable, localClientConfig, localCloud } from '../setup/local-cloud-client';
import { relayedEvents, relayStreamEvent } from '../setup/table-stream';

/*
 * Fault injection through the real emulators (DynamoDB Local, its stream, fauxqs, a local EventBridge
 * bus of the test's own): orders go in through the intake handler, out through the outbox relay to the
 * bus, to a queue and into rate-calculation, while SDK middleware injects, each at its seeded rate:
 * DynamoDB throttling (retried by the SDK, or past its last attempt a 5xx the client retries), lost
 * responses after a write succeeded, conditional-check races (every order posted three times at once),
 * PutEvents partial failures, a relay crash mid-batch (the stream re-delivers the whole batch), queue
 * sends that fail (the bus retries the target), and a consumer crash mid-batch (the queue re-delivers
 * what it had not deleted). Counted and printed; asserted: 0 orders lost or duplicated, 0 events lost,
 * 0 ratings or order.rated events duplicated, nothing parked in the dead-letter queue.
 */

const ORDERS = 24;
const SEED = Number(process.env.ENLACE_FAULT_SEED ?? Date.now() % 2_147_483_647);
const random = seededRandom(SEED);
const tenant: Tenant = { tenantId: 'marketplace-faults', kind: 'integration', sellerIds: ['seller-faults'] };

const counts = {
  posts: 0,
  clientRetries: 0,
  throttles: 0,
  lostResponses: 0,
  putEventsEntriesFailed: 0,
  relayInvocations: 0,
  relayCrashes: 0,
  queueSendsFailed: 0,
  consumerInvocations: 0,
  consumerCrashes: 0,
};

/** A DynamoDB client (document client over it) that throttles and loses responses at the given rates. */
function faultyDocuments(throttleRate: number, lostResponseRate: number) {
  const client = new DynamoDBClient({ ...localClientConfig(localCloud().dynamodb), maxAttempts: 3 });
  injectFaults(client, async ({ commandName, send }) => {
    if (random() < throttleRate) {
      counts.throttles += 1;
      throw new ProvisionedThroughputExceededException({ message: 'injected: throttled', $metadata: { httpStatusCode: 400 } });
    }
    const result = await send();
    if (/^(TransactWriteItems|PutItem|UpdateItem)(Command)?$/.test(commandName) && random() < lostResponseRate) {
      counts.lostResponses += 1;
      throw awsError('TimeoutError', 'injected: the write succeeded but its response was lost', 504);
    }
    return result;
  });
  return buildDocumentClient(client);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`fault injection through the emulators (seed ${SEED})`, () => {
  it('loses and duplicates no order and no event under throttling, lost responses, races, partial PutEvents, crashes and failed queue sends', async () => {
    const { client } = { client: new DynamoDBClient(localClientConfig(localCloud().dynamodb)) };
    const plain = buildDocumentClient(client);
    const { tableName, streamArn } = await createTestTable(client);
    const documents = faultyDocuments(0.25, 0.1);

    // 1. Intake: every order posted three times at once; a 5xx is retried by the client, as a marketplace would.
    const intake = httpHandler(
      // The orders here cross the border; warehouse orders are proven in warehouse-orders.int.test.ts.
      buildOrderIntakeOver(documents, tableName, { newEventId: () => `evt_${randomUUID()}` }),
      {
        jsonBody: { maxBytes: MAX_ORDER_BYTES },
      },
    );
    const post = async (body: string): Promise<{ statusCode: number; orderId: string }> => {
      for (let attempt = 0; ; attempt += 1) {
        counts.posts += 1;
        const response = await intake(httpEvent({ body, tenant }), lambdaContext);
        const statusCode = response.statusCode ?? 500;
        if (statusCode < 500 || attempt === 8) {
          return { statusCode, orderId: String((JSON.parse(response.body ?? '{}') as { orderId?: string }).orderId) };
        }
        counts.clientRetries += 1;
        await pause(20 * 2 ** attempt);
      }
    };
    const externalIds = Array.from({ length: ORDERS }, (_, index) => `FAULT-${SEED}-${index}`);
    const answers = await Promise.all(
      externalIds.map(async (externalOrderId) => {
        const body = JSON.stringify(sampleOrderBody({ sellerId: 'seller-faults', externalOrderId }));
        return Promise.all([post(body), post(body), post(body)]);
      }),
    );
    for (const triple of answers) {
      expect(triple.map((answer) => answer.statusCode).sort()).toEqual(expect.arrayContaining([201]));
      expect(new Set(triple.map((answer) => answer.orderId)).size).toBe(1);
    }
    const orderIds = answers.map((triple) => triple[0].orderId);

    // 2. The outbox relay over the table's stream, batches of 10, to a bus whose PutEvents fails some
    //    entries; now and then the relay's process dies after publishing part of a batch.
    const delivered: BusEvent[] = [];
    const sqs = new SQSClient({ ...localClientConfig(localCloud().sqs), useQueueUrlAsEndpoint: false, maxAttempts: 1 });
    const queueName = `fault-rating-${randomUUID().slice(0, 8)}`;
    const { QueueUrl: queueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: queueName, Attributes: { VisibilityTimeout: '1' } }));
    const { QueueUrl: dlqUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${queueName}-dlq` }));
    const plainSqs = new SQSClient({ ...localClientConfig(localCloud().sqs), useQueueUrlAsEndpoint: false });
    injectFaults(sqs, async ({ send }) => {
      if (random() < 0.25) {
        counts.queueSendsFailed += 1;
        throw awsError('InternalError', 'injected: the queue refused the send', 500);
      }
      return send();
    });
    const rule: RuleSpec = {
      logicalId: 'RateOnReceived',
      busName: 'enlace',
      eventPattern: { 'detail-type': ['order.received'] },
      enabled: true,
      targets: [{ id: 'rating', kind: 'sqs', resourceId: 'RatingQueue', deadLetterQueueId: 'RatingDlq', maximumRetryAttempts: 8 }],
    };
    const bus = new EventBusServer({
      busNames: ['enlace'],
      rules: [rule],
      deliver: async (_target, event) => {
        await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: queueMessageBody(event) }));
        delivered.push(event);
      },
      deadLetter: async (_queue, event) => {
        await plainSqs.send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: queueMessageBody(event) }));
      },
      log: () => undefined,
      retryDelayMs: () => 5,
    });
    const busUrl = await bus.listen();
    try {
      const eventBridge = new EventBridgeClient(localClientConfig(busUrl));
      injectFaults(
        eventBridge,
        async ({ input, send }) => {
          const entries = (input.Entries ?? []) as Record<string, unknown>[];
          const failing = entries.map(() => random() < 0.2);
          const kept = entries.filter((_, index) => !failing[index]);
          const { output } = kept.length > 0 ? await send({ ...input, Entries: kept }) : { output: { Entries: [] as Record<string, unknown>[] } };
          const accepted = [...((output.Entries ?? []) as Record<string, unknown>[])];
          counts.putEventsEntriesFailed += failing.filter(Boolean).length;
          const merged = failing.map((failed) => (failed ? { ErrorCode: 'InternalFailure', ErrorMessage: 'injected: partial failure' } : accepted.shift()!));
          return { output: { ...output, Entries: merged, FailedEntryCount: failing.filter(Boolean).length } };
        },
        'initialize',
      );
      const publish = buildPublishEvents(eventBridge, 'enlace');
      let crashNow = false;
      const crashingPublish: typeof publish = async (events) => {
        await publish(events);
        if (crashNow) throw new RelayCrash();
      };
      const relay = buildRelay(crashingPublish);
      let records = (await relayStreamEvent(streamArn!)).Records;
      expect(records).toHaveLength(ORDERS);
      while (records.length > 0) {
        const batch = records.slice(0, 10);
        counts.relayInvocations += 1;
        crashNow = random() < 0.2;
        const result = await relay({ Records: batch }, {} as Context).catch((error: unknown) => ({ error }));
        if (crashNow) {
          // The process died mid-batch: no answer, so the stream hands the same batch again.
          counts.relayCrashes += 1;
          crashNow = false;
          continue;
        }
        if ('error' in result) continue; // every record failed: the whole batch again
        const failed = new Set(result.batchItemFailures.map((failure) => failure.itemIdentifier));
        const firstFailed = batch.findIndex((record) => failed.has(record.dynamodb!.SequenceNumber!));
        // Lambda resumes a stream from the first failed record.
        records = [...(firstFailed === -1 ? [] : batch.slice(firstFailed)), ...records.slice(batch.length)];
      }
      await bus.drain();

      // 3. rate-calculation from the queue; now and then its process dies after handling half a batch.
      const rateCalculation = eventConsumer(
        orderReceivedV1,
        buildRateCalculation({ getOrder: buildGetOrder(documents, tableName), recordRating: buildRecordRating(documents, tableName) }).received,
      );
      const statusOf = async (orderId: string) => String((await buildGetOrder(plain, tableName)(orderId))?.status ?? 'missing');
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { Messages = [] } = await plainSqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
        if (Messages.length === 0) {
          const statuses = await Promise.all(orderIds.map(statusOf));
          if (statuses.every((status) => status !== 'received') || Date.now() > deadline) break;
          continue;
        }
        const sqsRecords = Messages.map(
          (message) => ({ messageId: message.MessageId!, receiptHandle: message.ReceiptHandle!, body: message.Body! }) as SQSRecord,
        );
        counts.consumerInvocations += 1;
        if (random() < 0.2) {
          counts.consumerCrashes += 1;
          await rateCalculation({ Records: sqsRecords.slice(0, Math.ceil(sqsRecords.length / 2)) }, lambdaContext);
          continue; // nothing deleted: every message of the batch comes back after its visibility timeout
        }
        const { batchItemFailures } = await rateCalculation({ Records: sqsRecords }, lambdaContext);
        const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
        for (const record of sqsRecords.filter((candidate) => !failed.has(candidate.messageId))) {
          await plainSqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: record.receiptHandle }));
        }
      }

      // Counted: orders, events on the bus, ratings and their events, the dead-letter queue.
      const items = ((await plain.send(new ScanCommand({ TableName: tableName }))).Items ?? []) as Record<string, unknown>[];
      const stored = items.filter((item) => item.type === 'Order');
      const published = bus.recent.filter((event) => event['detail-type'] === 'order.received');
      const publishedIds = published.map((event) => (event.detail as { metadata: { eventId: string } }).metadata.eventId);
      const received = await relayedEvents(streamArn!, 'order.received');
      const rated = await relayedEvents(streamArn!);
      const ratedEvents = rated.filter((event) => event.detailType === 'order.rated' || event.detailType === 'order.unrateable');
      const ratedOrders = ratedEvents.map((event) => (event.detail as { data: { orderId: string } }).data.orderId);
      const statuses = await Promise.all(orderIds.map(statusOf));
      const { Attributes = {} } = await plainSqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
      const parked = Number(Attributes.ApproximateNumberOfMessages ?? 0);
      const lostOrders = ORDERS - new Set(stored.map((item) => item.orderId)).size;
      const lostEvents = received.filter((event) => !publishedIds.includes(event.eventId)).length;
      const summary = {
        ...counts,
        ordersStored: stored.length,
        ordersLost: lostOrders,
        ordersDuplicated: stored.length - new Set(stored.map((item) => item.orderId)).size,
        eventsWritten: received.length,
        eventsPublishedDistinct: new Set(publishedIds).size,
        eventsLost: lostEvents,
        busRedeliveries: publishedIds.length - new Set(publishedIds).size,
        queueDeliveries: delivered.length,
        rated: statuses.filter((status) => status !== 'received').length,
        ratingEventsDuplicated: ratedOrders.length - new Set(ratedOrders).size,
        parkedInDlq: parked,
      };
      process.stdout.write(`fault injection (seed ${SEED}): ${JSON.stringify(summary)}\n`);

      expect(stored).toHaveLength(ORDERS);
      expect(summary.ordersLost).toBe(0);
      expect(summary.ordersDuplicated).toBe(0);
      expect(received).toHaveLength(ORDERS);
      expect(summary.eventsLost).toBe(0);
      expect(statuses.filter((status) => status === 'received')).toEqual([]);
      expect(new Set(ratedOrders)).toEqual(new Set(orderIds));
      expect(summary.ratingEventsDuplicated).toBe(0);
      expect(parked).toBe(0);
      // The faults did happen (a run that injected nothing would prove nothing).
      expect(counts.throttles).toBeGreaterThan(0);
      expect(counts.putEventsEntriesFailed + counts.relayCrashes).toBeGreaterThan(0);
      expect(counts.queueSendsFailed).toBeGreaterThan(0);
    } finally {
      await bus.close();
    }
  }, 240_000);
});

class RelayCrash extends Error {
  override readonly name = 'RelayCrash';
}
