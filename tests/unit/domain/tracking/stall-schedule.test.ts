import { stallCheckAt, stallDueAt, stallThresholdsForLane } from '../../../../domain/tracking/stall-schedule';
import { DEFAULT_STALL_POLICY, stallDecision, type StallPolicy } from '../../../../domain/tracking/stalls';
import { applyUpdates } from '../../../../domain/tracking/timeline';
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

  it('keeps the index entry where it is while the due time moves later, moves it to an earlier due time, and removes it with none', () => {
    const held = '2025-11-06T02:00:00.000Z';
    expect(stallCheckAt('2025-11-07T12:00:00.000Z', held)).toBe(held);
    expect(stallCheckAt(held, held)).toBe(held);
    // Import customs (120 h in Brazil) then the last mile (48 h): the due time comes earlier, the entry follows at once.
    expect(stallCheckAt('2025-11-05T00:00:00.000Z', held)).toBe('2025-11-05T00:00:00.000Z');
    expect(stallCheckAt('2025-11-07T12:00:00.000Z', null)).toBe('2025-11-07T12:00:00.000Z');
    expect(stallCheckAt(null, held)).toBeNull();
  });
});
