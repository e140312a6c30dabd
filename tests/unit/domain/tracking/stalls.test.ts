import { DEFAULT_STALL_POLICY, markStallRaised, stallDecision, stallThresholdsFor } from '../../../../domain/tracking/stalls';
import type { TrackingStatus } from '../../../../domain/tracking/statuses';
import { applyUpdates, type ShipmentTrackingState } from '../../../../domain/tracking/timeline';
import type { TrackingUpdate } from '../../../../domain/tracking/update';

const RECEIVED = '2025-11-06T00:00:00.000Z';
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

let counter = 0;
function update(status: TrackingStatus, occurredAt: string, overrides: Partial<TrackingUpdate> = {}): TrackingUpdate {
  counter += 1;
  return {
    carrier: 'enlace-linehaul',
    trackingNumber: 'ENL2511030417BR',
    carrierEventId: `m-${counter}`,
    occurredAt,
    status,
    subStatus: status,
    recognised: true,
    carrierCode: status.toUpperCase(),
    carrierDescription: status,
    ...overrides,
  };
}

function stateAt(status: TrackingStatus, receivedAt = RECEIVED, previous?: ShipmentTrackingState): ShipmentTrackingState {
  return applyUpdates(previous, [update(status, hoursAfter(receivedAt, -1))], { receivedAt }).state;
}

const MX = stallThresholdsFor('CN-MX');
const BR = stallThresholdsFor('CN-BR');

describe('stall thresholds', () => {
  it('defaults to 48 hours and gives customs, line-haul, pickup points and returns their own silence', () => {
    expect(DEFAULT_STALL_POLICY.defaultHours).toBe(48);
    expect(MX.byLeg).toEqual({
      'first-mile': 48,
      'export-customs': 48,
      'line-haul': 72,
      'import-customs': 96,
      'last-mile': 48,
      'awaiting-recipient': 120,
      return: 168,
    });
    expect(BR.byLeg['import-customs']).toBe(120);
    expect(BR.byLeg['line-haul']).toBe(72);
  });
});

describe('stall decision', () => {
  it('allows each leg its own silence, strictly longer than the threshold', () => {
    const flying = stateAt('in-transit-international');
    const lastMile = stateAt('in-transit-destination');

    expect(stallDecision(flying, hoursAfter(RECEIVED, 72), MX)).toEqual({ stalled: false, reason: 'within-threshold' });
    expect(stallDecision(flying, hoursAfter(RECEIVED, 73), MX)).toMatchObject({ stalled: true, leg: 'line-haul', thresholdHours: 72, hoursSilent: 73 });
    expect(stallDecision(lastMile, hoursAfter(RECEIVED, 49), MX)).toMatchObject({ stalled: true, leg: 'last-mile', status: 'in-transit-destination' });
  });

  it('uses the lane: import customs stalls after 96 h to Mexico, 120 h to Brazil', () => {
    const customs = stateAt('duties-due');
    const at97 = hoursAfter(RECEIVED, 97);

    expect(stallDecision(customs, at97, MX)).toMatchObject({ stalled: true, leg: 'import-customs' });
    expect(stallDecision(customs, at97, BR)).toEqual({ stalled: false, reason: 'within-threshold' });
    expect(stallDecision(customs, hoursAfter(RECEIVED, 121), BR)).toMatchObject({ stalled: true, thresholdHours: 120 });
  });

  it('raises once per stall, and again after a new carrier update goes silent', () => {
    const state = stateAt('in-transit-destination');
    const first = stallDecision(state, hoursAfter(RECEIVED, 50), MX);
    if (!first.stalled) throw new Error('expected a stall');
    const raised = markStallRaised(state, first.stallKey);

    expect(stallDecision(raised, hoursAfter(RECEIVED, 51), MX)).toEqual({ stalled: false, reason: 'already-raised' });
    expect(stallDecision(raised, hoursAfter(RECEIVED, 500), MX)).toEqual({ stalled: false, reason: 'already-raised' });

    const resumedAt = hoursAfter(RECEIVED, 60);
    const resumed = stateAt('in-transit-destination', resumedAt, raised);
    expect(resumed.stallAlertRaised).toBeNull();
    expect(stallDecision(resumed, hoursAfter(resumedAt, 40), MX)).toEqual({ stalled: false, reason: 'within-threshold' });
    const second = stallDecision(resumed, hoursAfter(resumedAt, 49), MX);
    expect(second).toMatchObject({ stalled: true, silentSince: resumedAt });
    expect(second.stalled && second.stallKey).not.toBe(first.stallKey);
  });

  it('measures silence from receipt, so a carrier backfilling old events is not stalled', () => {
    const backfilled = applyUpdates(undefined, [update('in-transit-destination', '2025-11-01T00:00:00.000Z')], { receivedAt: RECEIVED }).state;

    expect(stallDecision(backfilled, hoursAfter(RECEIVED, 24), MX)).toEqual({ stalled: false, reason: 'within-threshold' });
  });

  it('counts an unrecognised code as contact and puts a shipment with nothing else in the first mile', () => {
    const unknown = applyUpdates(undefined, [update('in-transit', hoursAfter(RECEIVED, -1), { recognised: false })], { receivedAt: RECEIVED }).state;

    expect(unknown.current).toBeNull();
    expect(stallDecision(unknown, hoursAfter(RECEIVED, 49), MX)).toMatchObject({ stalled: true, leg: 'first-mile' });
  });

  it('keeps the leg of the last step for a problem that can happen anywhere', () => {
    const flying = stateAt('in-transit-international');
    const problem = applyUpdates(flying, [update('exception', RECEIVED)], { receivedAt: hoursAfter(RECEIVED, 1) }).state;

    expect(stallDecision(problem, hoursAfter(RECEIVED, 60), MX)).toEqual({ stalled: false, reason: 'within-threshold' });
    expect(stallDecision(problem, hoursAfter(RECEIVED, 74), MX)).toMatchObject({ stalled: true, leg: 'line-haul', status: 'exception' });
  });

  it('never stalls a finished shipment or one without carrier updates', () => {
    expect(stallDecision(stateAt('delivered'), hoursAfter(RECEIVED, 1000), MX)).toEqual({ stalled: false, reason: 'terminal' });
    expect(stallDecision(stateAt('lost'), hoursAfter(RECEIVED, 1000), MX)).toEqual({ stalled: false, reason: 'terminal' });
    expect(stallDecision(applyUpdates(undefined, [], { receivedAt: RECEIVED }).state, hoursAfter(RECEIVED, 1000), MX)).toEqual({
      stalled: false,
      reason: 'no-carrier-updates',
    });
  });
});
