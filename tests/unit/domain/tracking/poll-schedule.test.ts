import { DEFAULT_POLL_POLICY, firstPollAt, nextPoll, pollIntervalHours } from '../../../../domain/tracking';

const BOOKED = '2026-03-01T12:00:00.000Z';
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

describe('poll schedule: spaced by how recently the parcel moved', () => {
  it('asks first a day after booking (the line-haul has it until then)', () => {
    expect(firstPollAt(BOOKED)).toBe('2026-03-02T12:00:00.000Z');
  });

  it.each([
    ['nothing reported yet → every 12 h', null, null, 12],
    ['moved 1 h ago → every 2 h', 1, 'in-transit-destination', 2],
    ['moved 6 h ago → every 2 h', 6, 'in-transit-destination', 2],
    ['moved 7 h ago → every 4 h', 7, 'in-transit-destination', 4],
    ['moved 30 h ago → every 8 h', 30, 'in-transit-destination', 8],
    ['quiet for 4 days → every 12 h', 96, 'in-transit-destination', 12],
    ['out for delivery 5 h ago → every 1 h', 5, 'out-for-delivery', 1],
  ] as const)('%s', (_, movedHoursAgo, status, hours) => {
    const now = '2026-03-05T12:00:00.000Z';
    const lastEventAt = movedHoursAgo === null ? null : hoursAfter(now, -movedHoursAgo);
    expect(pollIntervalHours({ bookedAt: BOOKED, lastEventAt, lastStatus: status }, now)).toBe(hours);
    expect(nextPoll({ bookedAt: BOOKED, lastEventAt, lastStatus: status }, now)).toEqual({ next: hoursAfter(now, hours) });
  });

  it('never asks more often than the carrier allows per parcel (DHL: 10 a day → every 2.4 h at least)', () => {
    const now = '2026-03-05T12:00:00.000Z';
    expect(
      pollIntervalHours({ bookedAt: BOOKED, lastEventAt: now, lastStatus: 'out-for-delivery' }, now, DEFAULT_POLL_POLICY, { maxPollsPerParcelPerDay: 10 }),
    ).toBeCloseTo(2.4);
  });

  it('stops at a final status, and gives up after the policy’s days', () => {
    const now = '2026-03-05T12:00:00.000Z';
    expect(nextPoll({ bookedAt: BOOKED, lastEventAt: now, lastStatus: 'delivered' }, now)).toEqual({ stop: 'terminal' });
    expect(nextPoll({ bookedAt: BOOKED, lastEventAt: now, lastStatus: 'returned' }, now)).toEqual({ stop: 'terminal' });
    expect(nextPoll({ bookedAt: BOOKED, lastEventAt: null, lastStatus: null }, hoursAfter(BOOKED, 61 * 24))).toEqual({ stop: 'gave-up' });
    expect(nextPoll({ bookedAt: BOOKED, lastEventAt: null, lastStatus: null }, hoursAfter(BOOKED, 59 * 24))).toHaveProperty('next');
  });
});
