import { DEFAULT_STALL_POLICY } from '../../../../domain/tracking/stalls';
import {
  canLeaveTerminal,
  STATUS_DEFINITIONS,
  TERMINAL_EXITS,
  TRACKING_LEGS,
  TRACKING_STATUSES,
  type TrackingStatus,
} from '../../../../domain/tracking/statuses';
import { expectEvery } from '../../../setup/assertions';

describe('canonical statuses', () => {
  it('defines every status once, with a leg the stall policy knows', () => {
    for (const status of TRACKING_STATUSES) {
      const definition = STATUS_DEFINITIONS[status];
      expect(definition.status).toBe(status);
      expect(TRACKING_LEGS).toContain(definition.leg);
      expect(DEFAULT_STALL_POLICY.byLeg[definition.leg]).toBeGreaterThan(0);
    }
  });

  it('ranks the journey steps in the order a parcel goes through them', () => {
    const journey: TrackingStatus[] = [
      'label-created',
      'picked-up',
      'in-transit',
      'export-customs',
      'in-transit-international',
      'arrived-destination-country',
      'import-customs',
      'in-transit-destination',
      'out-for-delivery',
      'delivered',
      'returning-to-sender',
      'returned',
    ];
    const ranks = journey.map((status) => STATUS_DEFINITIONS[status].rank);

    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
    expectEvery(journey, (status) => STATUS_DEFINITIONS[status].kind === 'progress');
  });

  it('ties each customs or delivery problem to its step, and lets the others strike anywhere', () => {
    expect(STATUS_DEFINITIONS['customs-held'].rank).toBe(STATUS_DEFINITIONS['import-customs'].rank);
    expect(STATUS_DEFINITIONS['duties-due'].rank).toBe(STATUS_DEFINITIONS['import-customs'].rank);
    expect(STATUS_DEFINITIONS['delivery-attempt-failed'].rank).toBe(STATUS_DEFINITIONS['out-for-delivery'].rank);
    expect(TRACKING_STATUSES.filter((s) => STATUS_DEFINITIONS[s].kind === 'anywhere-exception')).toEqual(['lost', 'damaged', 'exception']);
    expect(TRACKING_STATUSES.filter((s) => STATUS_DEFINITIONS[s].isException)).toEqual([
      'customs-held',
      'duties-due',
      'delivery-attempt-failed',
      'returning-to-sender',
      'lost',
      'damaged',
      'exception',
    ]);
  });

  it('makes delivered, returned and lost terminal, with documented exits only', () => {
    expect(TRACKING_STATUSES.filter((s) => STATUS_DEFINITIONS[s].terminal)).toEqual(['delivered', 'returned', 'lost']);
    for (const from of Object.keys(TERMINAL_EXITS) as TrackingStatus[]) expect(STATUS_DEFINITIONS[from].terminal).toBe(true);
    expect(canLeaveTerminal('delivered', 'returned')).toBe(true);
    expect(canLeaveTerminal('delivered', 'returning-to-sender')).toBe(true);
    expect(canLeaveTerminal('delivered', 'in-transit-destination')).toBe(false);
    expect(canLeaveTerminal('lost', 'delivered')).toBe(true);
    expect(canLeaveTerminal('lost', 'out-for-delivery')).toBe(false);
    expect(TRACKING_STATUSES.filter((to) => canLeaveTerminal('returned', to))).toEqual([]);
  });
});
