import { usps } from '../../../../domain/tracking/carriers/usps';
import { copy, fixture, parseOk, problemsOf, statusesInTimeOrder } from './helpers';

describe('USPS adapter (US)', () => {
  const delivered = fixture('usps', 'delivered-brooklyn.json');

  it('maps the domestic journey after the line-haul injected the parcel in Los Angeles', () => {
    expect(statusesInTimeOrder(parseOk(usps, delivered))).toEqual([
      ['MA', 'label-created', 'last-mile-label-created'],
      ['03', 'in-transit-destination', 'accepted-by-carrier'],
      ['T1', 'in-transit-destination', 'in-transit'],
      ['10', 'in-transit-destination', 'arrived-at-facility'],
      ['07', 'in-transit-destination', 'arrived-at-post-office'],
      ['OF', 'out-for-delivery', 'out-for-delivery'],
      ['01', 'delivered', 'delivered'],
    ]);
  });

  it('places each event in time from GMTTimestamp, else the local time plus GMTOffset', () => {
    const at = Object.fromEntries(parseOk(usps, delivered).map((u) => [u.carrierCode, u.occurredAt]));

    expect(at['01']).toBe('2025-11-20T19:02:00.000Z'); // GMTTimestamp
    expect(at.OF).toBe('2025-11-20T12:48:00.000Z'); // 07:48 at -05:00
    expect(at['03']).toBe('2025-11-18T02:25:00.000Z'); // 18:25 in Los Angeles is the next day in UTC
  });

  it('accepts a local time that carries its own offset (EDT before the November switch)', () => {
    const updates = parseOk(usps, fixture('usps', 'attempt-then-pickup.json'));

    expect(statusesInTimeOrder(updates)).toEqual([
      ['OF', 'out-for-delivery', 'out-for-delivery'],
      ['02', 'delivery-attempt-failed', 'notice-left'],
      ['16', 'available-for-pickup', 'held-at-post-office'],
    ]);
    expect(updates.find((u) => u.carrierCode === '16')).toMatchObject({
      occurredAt: '2025-10-29T13:05:00.000Z',
      location: { facility: 'BRICKELL POST OFFICE', city: 'MIAMI', region: 'FL', postalCode: '33130', country: 'US' },
    });
  });

  it('rejects a local time it cannot place, and malformed codes, with their paths', () => {
    const bad = copy(delivered) as { trackingNumber: string; trackingEvents: Record<string, unknown>[] };
    const [first, second] = bad.trackingEvents;
    if (first === undefined || second === undefined) throw new Error('fixture changed');
    delete first.GMTTimestamp;
    delete first.GMTOffset;
    second.eventCode = 'O';

    const problems = problemsOf(usps, bad);

    expect(problems.map((p) => p.path)).toEqual(['$.trackingEvents[0].GMTTimestamp', '$.trackingEvents[1].eventCode']);
    expect(problems[0]?.message).toMatch(/GMTTimestamp or GMTOffset/);
  });
});
