import { stallCheckAt, stallDueAt, stallThresholdsForLane } from '../../../../domain/tracking/stall-schedule';
import { DEFAULT_STALL_POLICY, stallDecision, type StallPolicy } from '../../../../domain/tracking/stalls';
import { STATUS_DEFINITIONS, type TrackingStatus } from '../../../../domain/tracking/statuses';
import { applyUpdates, emptyTrackingState, type ShipmentTrackingState } from '../../../../domain/tracking/timeline';
import { saoPauloArrivals } from './helpers';

describe('stall schedule', () => {
  it("applies a country's overrides to its regional lanes, and a region's over the country's", () => {
    expect(stallThresholdsForLane('CN-BR-SP').byLeg['import-customs']).toBe(120);
    expect(stallThresholdsForLane('CN-MX-CMX').byLeg['import-customs']).toBe(96);
    const policy: StallPolicy = { ...DEFAULT_STALL_POLICY, byLane: { ...DEFAULT_STALL_POLICY.byLane, 'CN-BR-AM': { 'last-mile': 96 } } };
    expect(stallThresholdsForLane('CN-BR-AM', policy).byLeg).toMatchObject({ 'import-customs': 120, 'last-mile': 96 });
    expect(stallThresholdsForLane('CN-BR-SP', policy).byLeg['last-mile']).toBe(48);
  });

  it("is due when the current leg's threshold has passed since the last carrier update, and the decision agrees", () => {
    const [first] = saoPauloArrivals();
    const { state } = applyUpdates(undefined, first!, { receivedAt: '2025-11-04T02:00:00.000Z' });
    const thresholds = stallThresholdsForLane('CN-BR-SP');
    const due = stallDueAt(state, thresholds);
    expect(due).toBe('2025-11-06T02:00:00.000Z'); // first mile: 48 h

    expect(stallDecision(state, due!, thresholds)).toMatchObject({ stalled: false, reason: 'within-threshold' });
    expect(stallDecision(state, '2025-11-06T02:00:00.001Z', thresholds)).toMatchObject({ stalled: true, leg: 'first-mile', thresholdHours: 48 });
  });

  it('watches nothing once delivered, before any carrier event, or after the stall of this silence was raised', () => {
    const thresholds = stallThresholdsForLane('CN-BR-SP');
    let state = applyUpdates(undefined, [], { receivedAt: '2025-11-04T02:00:00.000Z' }).state;
    expect(stallDueAt(state, thresholds)).toBeNull();
    for (const [index, batch] of saoPauloArrivals().entries()) {
      state = applyUpdates(state, batch, { receivedAt: new Date(Date.UTC(2025, 10, 4) + index * 3_600_000).toISOString() }).state;
    }
    expect(state.current?.status).toBe('delivered');
    expect(stallDueAt(state, thresholds)).toBeNull();

    const [first] = saoPauloArrivals();
    const quiet = applyUpdates(undefined, first!, { receivedAt: '2025-11-04T02:00:00.000Z' }).state;
    expect(stallDueAt({ ...quiet, stallAlertRaised: 'stall:first-mile:2025-11-04T02:00:00.000Z' }, thresholds)).toBeNull();
  });

  it('keeps the index entry while it is ahead of the due time by more than a day, moves it to an earlier due time or within a day, and removes it with none', () => {
    const now = '2025-11-04T02:00:00.000Z';
    const held = '2025-11-06T02:00:00.000Z'; // 48 h ahead
    expect(stallCheckAt('2025-11-07T12:00:00.000Z', held, now)).toBe(held);
    expect(stallCheckAt(held, held, now)).toBe(held);
    // Import customs (120 h in Brazil) then the last mile (48 h): the due time comes earlier, the entry follows at once.
    expect(stallCheckAt('2025-11-05T00:00:00.000Z', held, now)).toBe('2025-11-05T00:00:00.000Z');
    // Within a day of the held time, the event moves it (one index write more now rather than a sweep's whole-item write later).
    expect(stallCheckAt('2025-11-07T12:00:00.000Z', held, '2025-11-05T02:00:00.000Z')).toBe('2025-11-07T12:00:00.000Z');
    expect(stallCheckAt('2025-11-07T12:00:00.000Z', held, '2025-11-05T01:59:59.999Z')).toBe(held);
    expect(stallCheckAt('2025-11-07T12:00:00.000Z', null, now)).toBe('2025-11-07T12:00:00.000Z');
    expect(stallCheckAt(null, held, now)).toBeNull();
  });

  it('on the sandbox journey, moves the entry twice instead of eight times, and the sweep never finds it before its due time', () => {
    // Hours after booking, and the status each scan sets (bench/cost/drive.ts and domain/tracking/sandbox.ts): line-haul, then the last mile.
    const journey: [hours: number, status: TrackingStatus][] = [
      [6, 'picked-up'],
      [12, 'in-transit'],
      [30, 'in-transit-international'],
      [52, 'arrived-destination-country'],
      [76, 'import-customs'],
      [84, 'in-transit-destination'],
      [86, 'in-transit-destination'],
      [93, 'in-transit-destination'],
      [106, 'out-for-delivery'],
      [111, 'delivered'],
    ];
    const booked = Date.parse('2025-11-03T00:00:00.000Z');
    const at = (hours: number) => new Date(booked + hours * 3_600_000).toISOString();
    const thresholds = stallThresholdsForLane('CN-MX-CMX');
    let held: string | null = null;
    let everyEvent: string | null = null;
    const moves = { kept: 0, everyEvent: 0 };
    for (const [index, [hours, status]] of journey.entries()) {
      const state: ShipmentTrackingState = {
        ...emptyTrackingState(),
        lastCarrierUpdateAt: at(hours),
        current: { status, subStatus: '', since: at(hours), eventKey: `e${index}`, leg: STATUS_DEFINITIONS[status].leg },
      };
      const due = stallDueAt(state, thresholds);
      const next = stallCheckAt(due, held, at(hours));
      if (held !== null && next !== null && next !== held) moves.kept += 1;
      if (everyEvent !== null && due !== null && due !== everyEvent) moves.everyEvent += 1;
      [held, everyEvent] = [next, due];
      // Until the next scan, a sweep at any time would not find the parcel before its due time.
      const nextScan = journey[index + 1]?.[0];
      if (held !== null && nextScan !== undefined) expect(held >= at(nextScan) || held === due).toBe(true);
    }
    expect(held).toBeNull();
    expect(moves).toEqual({ kept: 2, everyEvent: 8 });
  });
});
