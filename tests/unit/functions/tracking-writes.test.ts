import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { emptyTrackingState, type TimelineEvent } from '../../../domain/tracking';
import type { PendingEvent } from '../../../events/pending';
import { encodeOutbox, OUTBOX_ATTRIBUTE } from '../../../functions/shared/store/outbox';
import { encodeTimeline, trackingItem } from '../../../functions/shared/store/tracking-item';
import { buildSaveTracking, MAX_TRACKING_ITEM_BYTES, TrackingWriteTooLargeError, type TrackingWrite } from '../../../functions/shared/store/tracking-writes';
import { saoPauloShipment } from '../../fakes/tracking';

/*
 * The tracking store's guards (functions/shared/store/tracking-writes.ts): a write DynamoDB cannot
 * take in one go (over 100 items in a transaction, or a tracking item whose timeline and outbox pass
 * MAX_TRACKING_ITEM_BYTES) is refused with TrackingWriteTooLargeError before anything is sent; one
 * exactly at either limit is sent. A unit test of the adapter: the document client is a recorder that
 * answers as DynamoDB would, so every boundary is exact (the integration test shows DynamoDB Local
 * agrees at 100 items).
 */

interface Sent {
  readonly name: string;
  readonly input: Record<string, unknown>;
}

function recordingClient(answer: (command: Sent) => unknown = () => ({})) {
  const sent: Sent[] = [];
  const documents = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const entry = { name: command.constructor.name, input: command.input };
      sent.push(entry);
      return answer(entry);
    },
  } as unknown as DynamoDBDocumentClient;
  return { documents, sent };
}

/** Text gzip cannot shrink much (base64 of a hash chain, deterministic), so sizes are steady from run to run; made once. */
const NOISE = (() => {
  const blocks: string[] = [];
  let block = 'seed';
  for (let length = 0; length < 800 * 1024; length += block.length) {
    block = createHash('sha256').update(block).digest('base64');
    blocks.push(block);
  }
  return blocks.join('');
})();
const noise = (length: number): string => NOISE.slice(0, length);

const kpi = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ carrier: 'correios' as const, lane: `CN-BR-T${index}`, week: '2025-W46', add: { shipments: 1 } }));
const alias = (count: number) => Array.from({ length: count }, (_, index) => ({ carrier: 'enlace-linehaul', trackingNumber: `ENL${index}` }));
const noisyEvent = (length: number): PendingEvent => ({
  eventId: 'evt_big',
  detailType: 'shipment.status-changed',
  source: 'enlace.tracking',
  detail: { noise: noise(length) },
});
const noisyTimeline = (length: number) => [{ eventKey: 'k1', receivedAt: '2025-11-12T20:00:00.000Z', description: noise(length) } as unknown as TimelineEvent];

function write(overrides: Partial<TrackingWrite> = {}): TrackingWrite {
  return {
    shipment: saoPauloShipment(),
    state: emptyTrackingState(),
    kpiMarks: [],
    expectedVersion: 0,
    stallDueAt: null,
    events: [],
    kpiIncrements: [],
    aliases: [],
    at: '2025-11-12T20:00:00.000Z',
    ...overrides,
  };
}

/** What the guard measures, computed from the item the store would write. */
function growingBytes(candidate: TrackingWrite): number {
  const item = trackingItem(candidate);
  const outbox = item[OUTBOX_ATTRIBUTE];
  return (item.timeline as Uint8Array).length + (typeof outbox === 'string' ? outbox.length : 0);
}

/**
 * A write whose timeline and outbox take exactly `bytes`: the event's noise sets the outbox (base64,
 * so in steps of 4), then a small timeline's length settles the remainder.
 */
function writeOfExactly(bytes: number): TrackingWrite {
  const timelines = Array.from({ length: 64 }, (_, tune) => noisyTimeline(tune));
  const timelineBytes = timelines.map((timeline) => encodeTimeline(timeline).length);
  const outboxBytes = (length: number) => encodeOutbox([noisyEvent(length)]).length;
  // The longest noise whose outbox leaves room for the smallest timeline.
  let low = 0;
  let high = bytes * 2;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (outboxBytes(middle) + Math.min(...timelineBytes) <= bytes) low = middle;
    else high = middle - 1;
  }
  for (let length = low; length >= Math.max(0, low - 64); length -= 1) {
    const tune = timelineBytes.indexOf(bytes - outboxBytes(length));
    if (tune !== -1) {
      const candidate = write({ state: { ...emptyTrackingState(), timeline: timelines[tune]! }, events: [noisyEvent(length)] });
      expect(growingBytes(candidate)).toBe(bytes);
      return candidate;
    }
  }
  throw new Error(`no write of exactly ${bytes} bytes found`);
}

describe("the tracking store's transaction and item-size guards", () => {
  it('sends a write of one item as a plain conditional Put, and one of exactly 100 items as one transaction', async () => {
    const { documents, sent } = recordingClient();
    const save = buildSaveTracking(documents, 'table');

    await expect(save(write())).resolves.toEqual({ outcome: 'saved', itemsWritten: 1 });
    await expect(save(write({ kpiIncrements: kpi(49), aliases: alias(50) }))).resolves.toEqual({ outcome: 'saved', itemsWritten: 100 });

    expect(sent.map((command) => command.name)).toEqual(['PutCommand', 'TransactWriteCommand']);
    expect((sent[1]!.input.TransactItems as unknown[]).length).toBe(100);
  });

  it.each([
    ['101 KPI counters and the item', { kpiIncrements: kpi(100) }, 101],
    ['50 counters, 50 aliases and the item', { kpiIncrements: kpi(50), aliases: alias(50) }, 101],
    ['100 aliases and the item', { aliases: alias(100) }, 101],
  ])('refuses %s before sending anything (every item counts: the tracking item, each counter, each alias)', async (_name, overrides, items) => {
    const { documents, sent } = recordingClient();
    const save = buildSaveTracking(documents, 'table');

    await expect(save(write(overrides))).rejects.toThrow(
      new TrackingWriteTooLargeError(`a tracking write of ${items} items exceeds DynamoDB's 100-item transaction`),
    );
    expect(sent).toEqual([]);
  });

  it('takes a write whose timeline and outbox are exactly at the item-size limit, and refuses one 4 bytes over (nothing sent)', async () => {
    const { documents, sent } = recordingClient();
    const save = buildSaveTracking(documents, 'table');
    const atLimit = writeOfExactly(MAX_TRACKING_ITEM_BYTES);
    const over = writeOfExactly(MAX_TRACKING_ITEM_BYTES + 4);

    await expect(save(atLimit)).resolves.toEqual({ outcome: 'saved', itemsWritten: 1 });
    expect(sent).toHaveLength(1);
    await expect(save(over)).rejects.toThrow(TrackingWriteTooLargeError);
    await expect(save(over)).rejects.toThrow(`shipment ${over.shipment.shipmentId}: its timeline and 1 events exceed ${MAX_TRACKING_ITEM_BYTES} bytes`);
    expect(sent).toHaveLength(1);
  });

  it('counts the timeline and the outbox each: either alone past the limit is refused', async () => {
    const { documents, sent } = recordingClient();
    const save = buildSaveTracking(documents, 'table');
    const bigTimeline = write({ state: { ...emptyTrackingState(), timeline: noisyTimeline(MAX_TRACKING_ITEM_BYTES * 1.5) } });
    const bigOutbox = write({ events: [noisyEvent(MAX_TRACKING_ITEM_BYTES)] });
    expect(growingBytes(bigTimeline)).toBeGreaterThan(MAX_TRACKING_ITEM_BYTES);
    expect(growingBytes(bigOutbox)).toBeGreaterThan(MAX_TRACKING_ITEM_BYTES);

    await expect(save(bigTimeline)).rejects.toThrow(TrackingWriteTooLargeError);
    await expect(save(bigOutbox)).rejects.toThrow(TrackingWriteTooLargeError);
    expect(sent).toEqual([]);
  });

  it("reads DynamoDB's refusals: a failed version condition or a transaction conflict is a conflict; anything else is thrown", async () => {
    const conditional = new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    const cancelled = (code: string) =>
      new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: [{ Code: 'None' }, { Code: code }] });
    const cancelledOnItem = new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
    });
    const outcome = async (error: Error, overrides: Partial<TrackingWrite> = {}) => {
      const { documents } = recordingClient(() => {
        throw error;
      });
      return buildSaveTracking(documents, 'table')(write(overrides));
    };

    await expect(outcome(conditional)).resolves.toEqual({ outcome: 'conflict' });
    await expect(outcome(cancelledOnItem, { kpiIncrements: kpi(1) })).resolves.toEqual({ outcome: 'conflict' });
    await expect(outcome(cancelled('TransactionConflict'), { kpiIncrements: kpi(1) })).resolves.toEqual({ outcome: 'conflict' });
    await expect(outcome(cancelled('ValidationError'), { kpiIncrements: kpi(1) })).rejects.toBeInstanceOf(TransactionCanceledException);
    await expect(outcome(new Error('throttled'))).rejects.toThrow('throttled');
  });
});
