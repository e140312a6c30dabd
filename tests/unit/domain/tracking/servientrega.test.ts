import { servientrega } from '../../../../domain/tracking/carriers/servientrega';
import { copy, fixture, parseOk, problemsOf, statusesInTimeOrder } from './helpers';

describe('Servientrega adapter (CO)', () => {
  const delivered = fixture('servientrega', 'delivered-medellin.json');

  it('maps the movements, refining a delivery "novedad" by its concept', () => {
    const updates = parseOk(servientrega, delivered);

    expect(statusesInTimeOrder(updates)).toEqual([
      ['1', 'label-created', 'last-mile-label-created'],
      ['2', 'in-transit-destination', 'accepted-by-carrier'],
      ['3', 'in-transit-destination', 'in-transit'],
      ['4', 'in-transit-destination', 'arrived-at-destination-facility'],
      ['5', 'out-for-delivery', 'out-for-delivery'],
      ['7/23', 'delivery-attempt-failed', 'address-incorrect'],
      ['5', 'out-for-delivery', 'out-for-delivery'],
      ['6', 'delivered', 'delivered'],
    ]);
    expect(updates.find((u) => u.carrierCode === '7/23')).toMatchObject({
      carrierDescription: 'Novedad en la entrega: Dirección errada',
      location: { city: 'MEDELLIN', country: 'CO' },
    });
  });

  it('converts Bogotá time (UTC-5), 24-hour and "a. m."/"p. m." forms alike', () => {
    const times = Object.fromEntries(parseOk(servientrega, delivered).map((u) => [(u.raw as { FecMov: string }).FecMov, u.occurredAt]));

    expect(times['13/10/2025 16:20']).toBe('2025-10-13T21:20:00.000Z');
    expect(times['14/10/2025 08:02:11 a. m.']).toBe('2025-10-14T13:02:11.000Z');
    // 9:40 p. m. in Bogotá is already the next day in UTC.
    expect(times['14/10/2025 09:40:00 p. m.']).toBe('2025-10-15T02:40:00.000Z');
  });

  it('accepts the single movement an XML bridge renders as an object, and numeric ids', () => {
    const updates = parseOk(servientrega, fixture('servientrega', 'single-movement-return.json'));

    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      trackingNumber: '2089461188',
      carrierCode: '9',
      status: 'returning-to-sender',
      occurredAt: '2025-11-02T22:45:00.000Z',
    });
  });

  it('lists every problem of a bad payload with its path', () => {
    const bad = copy(delivered) as { NumGui: string; Mov: { InformacionMov: Record<string, unknown>[] } };
    bad.NumGui = '12';
    if (bad.Mov.InformacionMov[1] !== undefined) bad.Mov.InformacionMov[1].FecMov = '2025-10-14 08:02';
    if (bad.Mov.InformacionMov[4] !== undefined) bad.Mov.InformacionMov[4].IdProc = 'REPARTO';

    const problems = problemsOf(servientrega, bad);

    expect(problems.map((p) => p.path)).toEqual(['$.NumGui', '$.Mov.InformacionMov[1].FecMov', '$.Mov.InformacionMov[4].IdProc']);
    expect(problems[1]?.message).toContain('14/10/2025 08:02:11');
  });
});
