import fc from 'fast-check';
import { STATUS_DEFINITIONS } from '../../../../domain/tracking/statuses';
import { applyUpdates, type ShipmentTrackingState, type TimelineEvent, type TrackingFact } from '../../../../domain/tracking/timeline';
import type { TrackingUpdate } from '../../../../domain/tracking/update';
import { SAO_PAULO_STATUS_CHANGES, saoPauloArrivals } from './helpers';

/** Everything about the timeline except when Enlace happened to receive each event. */
const comparable = (timeline: readonly TimelineEvent[]) => timeline.map(({ receivedAt: _receivedAt, ...event }) => event);

/** Applies batches one after the other, as webhooks arriving at different times. */
function replay(batches: readonly TrackingUpdate[][]): {
  state: ShipmentTrackingState | undefined;
  facts: TrackingFact[];
  history: ShipmentTrackingState[];
  added: number;
} {
  let state: ShipmentTrackingState | undefined;
  const facts: TrackingFact[] = [];
  const history: ShipmentTrackingState[] = [];
  let added = 0;
  batches.forEach((batch, index) => {
    const result = applyUpdates(state, batch, { receivedAt: new Date(Date.UTC(2025, 10, 4) + index * 3_600_000).toISOString() });
    state = result.state;
    facts.push(...result.facts);
    history.push(result.state);
    added += result.newEvents.length;
  });
  return { state, facts, history, added };
}

describe('São Paulo journey, shuffled and duplicated (fast-check)', () => {
  const arrivals = saoPauloArrivals();
  const distinct = [...new Map(arrivals.flat().map((u) => [`${u.carrier}:${u.carrierEventId}`, u])).values()];
  const reference = replay(arrivals);

  it('in the real arrival order: 22 events, delivered, every status change once', () => {
    expect(arrivals.flat()).toHaveLength(34);
    expect(distinct).toHaveLength(22);
    expect(reference.added).toBe(22);
    expect(reference.state?.current).toMatchObject({ status: 'delivered', subStatus: 'delivered', since: '2025-11-12T17:26:31.000Z' });
    expect(reference.facts.filter((f) => f.kind === 'status-changed').map((f) => (f.kind === 'status-changed' ? f.to : ''))).toEqual(SAO_PAULO_STATUS_CHANGES);
  });

  it('reaches the same timeline and status, with exactly one delivered fact, whatever the order and repeats', () => {
    const shuffledBatches = fc
      .tuple(
        // Which events are sent more than once, and how the stream is cut into webhooks.
        fc.array(fc.nat({ max: distinct.length - 1 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 60, maxLength: 60 }),
      )
      .chain(([repeats, sizes]) => {
        const withRepeats = [...distinct, ...repeats.map((i) => distinct[i] as TrackingUpdate)];
        return fc.shuffledSubarray(withRepeats, { minLength: withRepeats.length, maxLength: withRepeats.length }).map((stream) => {
          const batches: TrackingUpdate[][] = [];
          let at = 0;
          for (const size of sizes) {
            if (at >= stream.length) break;
            batches.push(stream.slice(at, at + size));
            at += size;
          }
          if (at < stream.length) batches.push(stream.slice(at));
          return batches;
        });
      });

    fc.assert(
      fc.property(shuffledBatches, (batches) => {
        const run = replay(batches);

        // Same final timeline and status as the real order.
        expect(comparable(run.state?.timeline ?? [])).toEqual(comparable(reference.state?.timeline ?? []));
        expect(run.state?.current).toEqual(reference.state?.current);
        expect(run.added).toBe(22);
        // Exactly one delivered fact, for the real delivery.
        const delivered = run.facts.filter((f) => f.kind === 'delivered');
        expect(delivered).toHaveLength(1);
        expect(delivered[0]?.occurredAt).toBe('2025-11-12T17:26:31.000Z');
        // Status changes form one chain from nothing to delivered.
        const changes = run.facts.flatMap((f) => (f.kind === 'status-changed' ? [f] : []));
        changes.forEach((change, i) => expect(change.from).toBe(i === 0 ? null : changes[i - 1]?.to));
        expect(changes.at(-1)?.to).toBe('delivered');
        // Never backwards: the rank of the current status never drops from one webhook to the next.
        const ranks = run.history.map((state) => (state.current === null ? 0 : STATUS_DEFINITIONS[state.current.status].rank));
        ranks.forEach((rank, i) => expect(rank).toBeGreaterThanOrEqual(ranks[i - 1] ?? 0));
      }),
      { numRuns: 300 },
    );
  });
});
