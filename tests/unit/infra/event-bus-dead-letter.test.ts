import { EventBusServer, type BusEvent } from '../../../local/eventbridge/event-bus-server';
import type { RuleSpec } from '../../../local/wiring';

const rule = (deadLetterQueueId: string | undefined): RuleSpec =>
  ({
    logicalId: 'Rule',
    busName: 'enlace',
    enabled: true,
    eventPattern: { source: ['enlace.orders'] },
    targets: [{ id: 'Target', kind: 'sqs', resourceId: 'Queue', maximumRetryAttempts: 1, ...(deadLetterQueueId === undefined ? {} : { deadLetterQueueId }) }],
  }) as unknown as RuleSpec;

function busWith(options: { deadLetterQueueId?: string; deadLetter: () => Promise<void> }) {
  const undeliverable: { rule: string; reason: string; event: BusEvent }[] = [];
  const deadLettered: string[] = [];
  const bus = new EventBusServer({
    busNames: ['enlace'],
    rules: [rule(options.deadLetterQueueId)],
    deliver: async () => {
      throw new Error('the queue refused the body');
    },
    deadLetter: async (queueId) => {
      await options.deadLetter();
      deadLettered.push(queueId);
    },
    undeliverable: (record) => undeliverable.push(record),
    log: () => undefined,
    retryDelayMs: () => 1,
  });
  return { bus, undeliverable, deadLettered };
}

const entry = { EventBusName: 'enlace', Source: 'enlace.orders', DetailType: 'order.received', Detail: JSON.stringify({ name: '\uFFFE' }) };

describe('the local EventBridge dead-letter path', () => {
  it('parks an event its target and its DLQ both refuse, reports it, and keeps serving (regression: it ended the local cloud)', async () => {
    const { bus, undeliverable, deadLettered } = busWith({
      deadLetterQueueId: 'Dlq',
      deadLetter: async () => {
        throw new Error('InvalidMessageContents');
      },
    });
    bus.putEvents([entry]);
    await bus.drain();
    expect(deadLettered).toEqual([]);
    expect(undeliverable).toEqual([
      expect.objectContaining({
        rule: 'Rule',
        reason: expect.stringContaining('InvalidMessageContents'),
        event: expect.objectContaining({ source: 'enlace.orders' }),
      }),
    ]);
    // Still serving: the next event is routed (and parked) like the first.
    bus.putEvents([entry]);
    await bus.drain();
    expect(undeliverable).toHaveLength(2);
  });

  it('dead-letters normally when the DLQ takes the event, and parks nothing', async () => {
    const { bus, undeliverable, deadLettered } = busWith({ deadLetterQueueId: 'Dlq', deadLetter: async () => undefined });
    bus.putEvents([entry]);
    await bus.drain();
    expect(deadLettered).toEqual(['Dlq']);
    expect(undeliverable).toEqual([]);
  });

  it('parks, never silently drops, an event whose target has no DLQ', async () => {
    const { bus, undeliverable } = busWith({ deadLetter: async () => undefined });
    bus.putEvents([entry]);
    await bus.drain();
    expect(undeliverable).toEqual([expect.objectContaining({ reason: expect.stringContaining('no DLQ') })]);
  });
});
