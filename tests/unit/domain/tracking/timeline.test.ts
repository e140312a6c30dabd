import type { TrackingStatus } from '../../../../domain/tracking/statuses';
import {
  applyUpdates,
  emptyTrackingState,
  InvalidTrackingTimeError,
  type ShipmentTrackingState,
  type TrackingFact,
} from '../../../../domain/tracking/timeline';
import { UNRECOGNISED_SUB_STATUS, type TrackingUpdate } from '../../../../domain/tracking/update';

let counter = 0;
/** A carrier update at `day` (November 2025) and `hour` UTC. */
function update(status: TrackingStatus, day: number, hour: number, overrides: Partial<TrackingUpdate> = {}): TrackingUpdate {
  counter += 1;
  return {
    carrier: 'correios',
    trackingNumber: 'NX482157365BR',
    carrierEventId: `e-${counter}`,
    occurredAt: new Date(Date.UTC(2025, 10, day, hour)).toISOString(),
    status,
    subStatus: status,
    recognised: true,
    carrierCode: `CODE-${status}`,
    carrierDescription: `text for ${status}`,
    ...overrides,
  };
}

const RECEIVED = '2025-11-20T00:00:00.000Z';
const apply = (state: ShipmentTrackingState | undefined, updates: TrackingUpdate[], receivedAt = RECEIVED) => applyUpdates(state, updates, { receivedAt });
const kinds = (facts: readonly TrackingFact[]) => facts.map((f) => (f.kind === 'status-changed' ? `${f.from ?? '∅'}→${f.to}` : f.kind));

describe('tracking timeline: duplicates', () => {
  it('adds an event once, whether repeated in the batch or sent again later', () => {
    const transit = update('in-transit-destination', 10, 9);
    const first = apply(undefined, [transit, { ...transit }]);
    const again = apply(first.state, [{ ...transit, carrierDescription: 'corrected text' }]);

    expect(first.newEvents).toHaveLength(1);
    expect(first.state.timeline).toHaveLength(1);
    expect(again.newEvents).toEqual([]);
    expect(again.facts).toEqual([]);
    expect(again.state).toBe(first.state);
    expect(again.state.timeline[0]?.carrierDescription).toBe('text for in-transit-destination');
  });

  it('tells carriers apart: the same event id from two carriers is two events', () => {
    const a = update('in-transit-destination', 10, 9, { carrierEventId: '42' });
    const b = update('in-transit-international', 9, 9, { carrierEventId: '42', carrier: 'enlace-linehaul' });

    const result = apply(undefined, [a, b]);

    expect(result.state.seenEventKeys).toEqual(['correios:42', 'enlace-linehaul:42']);
  });
});

describe('tracking timeline: one scan reported by two sources', () => {
  const at = (minute: number, second: number) => new Date(Date.UTC(2025, 10, 19, 13, minute, second)).toISOString();
  const ofdByPush = () => update('out-for-delivery', 19, 13, { carrier: 'fedex', trackingNumber: '794874381730', occurredAt: at(5, 13), source: 'webhook' });
  const ofdByPoll = () =>
    update('out-for-delivery', 19, 13, { carrier: 'fedex', trackingNumber: '794874381730', occurredAt: at(5, 0), source: 'poll', carrierCode: 'OD/poll' });

  it('absorbs the second source’s copy (different id, same carrier, number, status and minute), in either order', () => {
    for (const [first, second] of [
      [ofdByPush(), ofdByPoll()],
      [ofdByPoll(), ofdByPush()],
    ] as const) {
      const one = apply(undefined, [first]);
      const two = apply(one.state, [second]);

      expect(two.state.timeline.map((event) => event.source)).toEqual([first.source]);
      expect([two.newEvents, two.facts, two.crossSourceDuplicates]).toEqual([[], [], 1]);
      expect(two.state).toBe(one.state);
    }
  });

  it('absorbs it within one batch too, and an aggregator’s copy of a direct scan', () => {
    const direct = update('delivered', 20, 15, { carrier: 'jt-express', trackingNumber: 'JMX000123456789', source: 'webhook' });
    const aggregated = { ...direct, carrierEventId: 'h-17track', carrierCode: 'Delivered_Other', source: 'aggregator' as const };

    const result = apply(undefined, [direct, aggregated]);

    expect(result.newEvents).toHaveLength(1);
    expect(result.crossSourceDuplicates).toBe(1);
    expect(kinds(result.facts)).toEqual(['∅→delivered', 'delivered']);
  });

  it('keeps two scans of the same source in the same minute (two ids), and scans of different statuses', () => {
    const arrived = update('in-transit-destination', 19, 9, { source: 'poll' });
    const departed = { ...arrived, carrierEventId: 'other-scan' };
    const later = update('out-for-delivery', 19, 9, { source: 'webhook' });

    const result = apply(undefined, [arrived, departed, later]);

    expect(result.newEvents).toHaveLength(3);
    expect(result.crossSourceDuplicates).toBe(0);
  });

  it('counts events stored before sources existed as webhook events', () => {
    const legacy = update('out-for-delivery', 19, 13, { carrier: 'fedex', trackingNumber: '794874381730', occurredAt: at(5, 13) });
    const stored = apply(undefined, [legacy]);
    expect(apply(stored.state, [ofdByPoll()]).crossSourceDuplicates).toBe(1);
    expect(apply(stored.state, [{ ...ofdByPush(), carrierEventId: 'push-2' }]).newEvents).toHaveLength(1);
  });
});

describe('tracking timeline: order', () => {
  it('inserts late events in event-time order, ties broken by event key', () => {
    const ofd = update('out-for-delivery', 12, 8);
    const transit = update('in-transit-destination', 11, 8);
    const tieA = update('import-customs', 10, 8, { carrierEventId: 'b' });
    const tieB = update('import-customs', 10, 8, { carrierEventId: 'a', subStatus: 'released' });

    const first = apply(undefined, [ofd]);
    const second = apply(first.state, [transit, tieA, tieB]);

    expect(second.state.timeline.map((e) => e.eventKey)).toEqual([
      'correios:a',
      'correios:b',
      transit.carrier + ':' + transit.carrierEventId,
      'correios:' + ofd.carrierEventId,
    ]);
    expect(second.newEvents.map((e) => e.eventKey)).toEqual(['correios:a', 'correios:b', 'correios:' + transit.carrierEventId]);
    expect(second.state.lastEventAt).toBe(ofd.occurredAt);
  });

  it('never moves the status backwards: a late earlier step is history', () => {
    const first = apply(undefined, [update('out-for-delivery', 12, 8)]);
    const late = apply(first.state, [update('in-transit-destination', 12, 10), update('import-customs', 9, 8)]);

    expect(late.state.current?.status).toBe('out-for-delivery');
    expect(late.state.timeline).toHaveLength(3);
    expect(late.facts).toEqual([]);
  });

  it('does not reopen a delivered shipment for a late "in transit", even one dated after the delivery', () => {
    const delivered = apply(undefined, [update('out-for-delivery', 12, 8), update('delivered', 12, 14)]);
    const late = apply(delivered.state, [update('in-transit-destination', 13, 9), update('exception', 13, 10)]);

    expect(late.state.current).toMatchObject({ status: 'delivered', since: '2025-11-12T14:00:00.000Z' });
    expect(late.facts).toEqual([]);
    expect(late.newEvents).toHaveLength(2);
  });
});

describe('tracking timeline: exceptions', () => {
  it('lets later progress supersede a customs hold and duties due', () => {
    const result = apply(undefined, [
      update('import-customs', 8, 8, { subStatus: 'submitted' }),
      update('customs-held', 8, 12, { subStatus: 'held-inspection' }),
      update('duties-due', 9, 8),
      update('import-customs', 10, 8, { subStatus: 'released' }),
    ]);

    expect(result.state.current).toMatchObject({ status: 'import-customs', subStatus: 'released', leg: 'import-customs' });
    expect(kinds(result.facts)).toEqual([
      '∅→import-customs',
      'import-customs→customs-held',
      'exception',
      'customs-held→duties-due',
      'exception',
      'duties-due→import-customs',
    ]);
    expect(result.facts[2]).toMatchObject({ kind: 'exception', status: 'customs-held', subStatus: 'held-inspection', carrierCode: 'CODE-customs-held' });
  });

  it('lets a new attempt follow a failed one', () => {
    const result = apply(undefined, [update('out-for-delivery', 11, 8), update('delivery-attempt-failed', 11, 15), update('out-for-delivery', 12, 8)]);

    expect(result.state.current?.status).toBe('out-for-delivery');
  });

  it('ignores a step-bound problem reported behind the parcel (a customs hold after out-for-delivery)', () => {
    const result = apply(undefined, [update('out-for-delivery', 11, 8), update('customs-held', 11, 12)]);

    expect(result.state.current?.status).toBe('out-for-delivery');
    expect(result.facts.some((f) => f.kind === 'exception')).toBe(false);
  });

  it('applies an anywhere-problem at any step, keeps the leg for the stall sweep, and clears it on progress', () => {
    const held = apply(undefined, [update('in-transit-international', 6, 8), update('exception', 6, 20, { subStatus: 'export-customs-held' })]);
    const resumed = apply(held.state, [update('in-transit-international', 7, 2)]);

    expect(held.state.current).toMatchObject({ status: 'exception', subStatus: 'export-customs-held', leg: 'line-haul' });
    expect(held.facts.filter((f) => f.kind === 'exception')).toHaveLength(1);
    expect(resumed.state.current?.status).toBe('in-transit-international');
    expect(kinds(resumed.facts)).toEqual(['exception→in-transit-international']);
  });

  it('raises an exception again when the problem changes but the status does not', () => {
    const first = apply(undefined, [update('customs-held', 8, 8, { subStatus: 'held-inspection' })]);
    const second = apply(first.state, [update('customs-held', 9, 8, { subStatus: 'held-documents-required' })]);

    expect(kinds(second.facts)).toEqual(['exception']);
  });
});

describe('tracking timeline: terminal statuses', () => {
  it('allows delivered → returning-to-sender → returned, and nothing after returned', () => {
    const delivered = apply(undefined, [update('delivered', 12, 14)]);
    const returning = apply(delivered.state, [update('returning-to-sender', 15, 9)]);
    const returned = apply(returning.state, [update('returned', 25, 9)]);
    const after = apply(returned.state, [update('delivered', 26, 9), update('in-transit-destination', 27, 9)]);

    expect(kinds(returning.facts)).toEqual(['delivered→returning-to-sender', 'exception']);
    expect(returned.state.current?.status).toBe('returned');
    expect(after.state.current?.status).toBe('returned');
    expect(after.facts).toEqual([]);
  });

  it('reopens "lost" only for delivered or returned, the documented exits', () => {
    const lost = apply(undefined, [update('in-transit-destination', 10, 8), update('lost', 14, 8)]);
    const scan = apply(lost.state, [update('out-for-delivery', 16, 8)]);
    const found = apply(scan.state, [update('delivered', 16, 15)]);

    expect(lost.state.current?.status).toBe('lost');
    expect(scan.state.current?.status).toBe('lost');
    expect(found.state.current?.status).toBe('delivered');
    expect(kinds(found.facts)).toEqual(['lost→delivered', 'delivered']);
  });
});

describe('tracking timeline: facts', () => {
  it('reports each status change of a batch in order, and delivered once', () => {
    const result = apply(undefined, [update('delivered', 12, 14), update('in-transit-destination', 11, 8), update('out-for-delivery', 12, 8)]);

    expect(kinds(result.facts)).toEqual(['∅→in-transit-destination', 'in-transit-destination→out-for-delivery', 'out-for-delivery→delivered', 'delivered']);
    expect(result.state.deliveredFactRaisedFor).toBe('2025-11-12T14:00:00.000Z');
  });

  it('raises delivered only once, even for a second delivery scan or another carrier confirming it', () => {
    const first = apply(undefined, [update('delivered', 12, 14)]);
    const second = apply(first.state, [update('delivered', 12, 15, { carrierCode: 'BDI 01' }), update('delivered', 12, 16, { carrier: 'enlace-linehaul' })]);

    expect(first.facts.filter((f) => f.kind === 'delivered')).toHaveLength(1);
    expect(second.facts).toEqual([]);
  });

  it('still raises delivered when the return arrives before the delivery it follows', () => {
    const returned = apply(undefined, [update('out-for-delivery', 12, 8), update('returned', 20, 9)]);
    const delivery = apply(returned.state, [update('delivered', 12, 14)]);

    expect(delivery.state.current?.status).toBe('returned');
    expect(kinds(delivery.facts)).toEqual(['delivered']);
    expect(delivery.facts[0]).toMatchObject({ occurredAt: '2025-11-12T14:00:00.000Z' });
  });

  it('publishes nothing for a sub-status change within the same status', () => {
    const first = apply(undefined, [update('import-customs', 8, 8, { subStatus: 'submitted' })]);
    const second = apply(first.state, [update('import-customs', 9, 8, { subStatus: 'released' })]);

    expect(second.facts).toEqual([]);
    expect(second.state.current?.subStatus).toBe('released');
  });
});

describe('tracking timeline: bookkeeping', () => {
  it('keeps unrecognised codes on the timeline without moving the status, but counts them as contact', () => {
    const first = apply(undefined, [update('in-transit-destination', 10, 8)], '2025-11-10T09:00:00.000Z');
    const unknown = update('in-transit', 11, 8, { recognised: false, subStatus: UNRECOGNISED_SUB_STATUS, carrierCode: 'EST 09' });
    const second = apply(first.state, [unknown], '2025-11-11T09:00:00.000Z');

    expect(second.state.current?.status).toBe('in-transit-destination');
    expect(second.state.timeline.map((e) => e.carrierCode)).toEqual(['CODE-in-transit-destination', 'EST 09']);
    expect(second.state.lastCarrierUpdateAt).toBe('2025-11-11T09:00:00.000Z');
    expect(second.facts).toEqual([]);
  });

  it('starts empty, keeps the latest receipt time, and clears a raised stall on new events', () => {
    expect(apply(undefined, []).state).toEqual(emptyTrackingState());

    const first = apply(undefined, [update('in-transit-destination', 10, 8)], '2025-11-12T00:00:00.000Z');
    const stalled = { ...first.state, stallAlertRaised: 'stall:last-mile:2025-11-12T00:00:00.000Z' };
    const older = apply(stalled, [update('in-transit-destination', 9, 8)], '2025-11-11T00:00:00Z');

    expect(older.state.lastCarrierUpdateAt).toBe('2025-11-12T00:00:00.000Z');
    expect(older.state.stallAlertRaised).toBeNull();
    expect(older.newEvents[0]?.receivedAt).toBe('2025-11-11T00:00:00.000Z');
  });

  it('stores event times in one UTC format and rejects a time it cannot read', () => {
    const result = apply(undefined, [update('in-transit-destination', 10, 8, { occurredAt: '2025-11-10T05:00:00-03:00' })]);

    expect(result.state.timeline[0]?.occurredAt).toBe('2025-11-10T08:00:00.000Z');
    expect(() => apply(undefined, [update('in-transit', 1, 1, { occurredAt: 'yesterday' })])).toThrow(InvalidTrackingTimeError);
  });
});
