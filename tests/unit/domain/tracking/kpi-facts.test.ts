import { enlaceLinehaul } from '../../../../domain/tracking/carriers/enlace-linehaul';
import { kpiOutcome, mergeIncrements, promisedMaxDays } from '../../../../domain/tracking/kpi-facts';
import { applyUpdates, type ShipmentTrackingState, type TrackingFact } from '../../../../domain/tracking/timeline';
import { fixture, parseOk, saoPauloArrivals } from './helpers';

const shipment = { carrier: 'correios', lane: 'CN-BR-SP', bookedAt: '2025-11-03T01:00:00.000Z', promisedBy: '2025-11-23T01:00:00.000Z' };

function replayAll(): { state: ShipmentTrackingState; facts: TrackingFact[] } {
  let state: ShipmentTrackingState | undefined;
  const facts: TrackingFact[] = [];
  for (const [index, batch] of saoPauloArrivals().entries()) {
    const result = applyUpdates(state, batch, { receivedAt: new Date(Date.UTC(2025, 10, 4) + index * 3_600_000).toISOString() });
    state = result.state;
    facts.push(...result.facts);
  }
  return { state: state!, facts };
}

describe('tracking facts → carrier KPIs', () => {
  it('counts the São Paulo parcel delivered on time in 9 days, with one exception (shipments are counted by routing at booking)', () => {
    const { state, facts } = replayAll();
    const outcome = kpiOutcome(shipment, { state, facts }, []);
    expect(outcome.marks).toEqual(['exception']);
    expect(outcome.increments).toEqual([
      // The duties-due of Saturday 8 November counts in its own week (W45), the delivery in W46.
      { carrier: 'correios', lane: 'CN-BR-SP', week: '2025-W45', add: { exceptions: 1 } },
      { carrier: 'correios', lane: 'CN-BR-SP', week: '2025-W46', add: { delivered: 1, transit_09: 1, onTime: 1 } },
    ]);
  });

  it("counts the carrier's exception even when its scan arrives after later progress (no fact then, same KPI)", () => {
    // Correios's two problems: duties due (8 Nov) and a failed delivery attempt (11 Nov). Without them
    // the parcel is delivered; then the duties-due scan arrives: it fills in history, changes no status.
    const updates = saoPauloArrivals().flat();
    const problems = updates.filter((update) => update.carrier === 'correios' && ['duties-due', 'delivery-attempt-failed'].includes(update.status));
    expect(new Set(problems.map((update) => update.carrierEventId)).size).toBe(2);
    const dutiesDue = problems.find((update) => update.status === 'duties-due')!;
    const before = applyUpdates(
      undefined,
      updates.filter((update) => !problems.includes(update)),
      { receivedAt: '2025-11-13T00:00:00.000Z' },
    );
    const late = applyUpdates(before.state, [dutiesDue], { receivedAt: '2025-11-13T01:00:00.000Z' });
    expect(late.facts).toEqual([]);
    const counted = kpiOutcome(shipment, before, []);
    expect(counted.increments.flatMap((increment) => Object.keys(increment.add))).not.toContain('exceptions');

    const outcome = kpiOutcome(shipment, late, counted.marks);

    expect(outcome.marks).toEqual(['exception']);
    expect(outcome.increments).toEqual([{ carrier: 'correios', lane: 'CN-BR-SP', week: '2025-W45', add: { exceptions: 1 } }]);
  });

  it('counts nothing twice: what is marked already is not counted again', () => {
    const { state, facts } = replayAll();
    const again = kpiOutcome(shipment, { state, facts: facts.filter((fact) => fact.kind !== 'delivered') }, ['exception']);
    expect(again.increments).toEqual([]);
  });

  it("does not hold the line-haul's exceptions against the last-mile carrier", () => {
    const held = parseOk(enlaceLinehaul, fixture('enlace-linehaul', 'customs-held-mx.json'));
    const trackingNumber = held.find((update) => update.status === 'customs-held')!.trackingNumber;
    const result = applyUpdates(
      undefined,
      held.filter((update) => update.trackingNumber === trackingNumber),
      { receivedAt: '2025-11-10T00:00:00.000Z' },
    );
    expect(result.facts.some((fact) => fact.kind === 'exception')).toBe(true);
    const outcome = kpiOutcome({ ...shipment, carrier: 'estafeta', lane: 'CN-MX-CMX' }, result, []);
    expect(outcome.increments.flatMap((increment) => Object.keys(increment.add))).not.toContain('exceptions');
  });

  it('counts nothing for a carrier routing does not score', () => {
    const { state, facts } = replayAll();
    expect(kpiOutcome({ ...shipment, carrier: 'pony-express' }, { state, facts }, []).increments).toEqual([]);
  });

  it('merges increments of one KPI item, and derives the promised days from booking', () => {
    expect(
      mergeIncrements([
        { carrier: 'correios', lane: 'CN-BR-SP', week: '2025-W46', add: { delivered: 1 } },
        { carrier: 'correios', lane: 'CN-BR-SP', week: '2025-W46', add: { delivered: 1, onTime: 1 } },
        { carrier: 'correios', lane: 'CN-BR-RJ', week: '2025-W46', add: { delivered: 1 } },
      ]),
    ).toEqual([
      { carrier: 'correios', lane: 'CN-BR-SP', week: '2025-W46', add: { delivered: 2, onTime: 1 } },
      { carrier: 'correios', lane: 'CN-BR-RJ', week: '2025-W46', add: { delivered: 1 } },
    ]);
    expect(promisedMaxDays(shipment)).toBe(20);
  });
});
