import { olva } from '../../../../domain/tracking/carriers/olva';
import { copy, fixture, parseOk, problemsOf, statusesInTimeOrder } from './helpers';

describe('Olva adapter (PE)', () => {
  const delivered = fixture('olva', 'delivered-arequipa.json');

  it('maps the states, a "motivado" visit included', () => {
    expect(statusesInTimeOrder(parseOk(olva, delivered))).toEqual([
      ['REG', 'label-created', 'last-mile-label-created'],
      ['REC', 'in-transit-destination', 'accepted-by-carrier'],
      ['TRA', 'in-transit-destination', 'in-transit'],
      ['ALM', 'in-transit-destination', 'arrived-at-destination-facility'],
      ['RUT', 'out-for-delivery', 'out-for-delivery'],
      ['MOT', 'delivery-attempt-failed', 'attempt-failed'],
      ['RUT', 'out-for-delivery', 'out-for-delivery'],
      ['ENT', 'delivered', 'delivered'],
    ]);
  });

  it("uses Olva's event id, appends the observation to the text and converts Lima time (UTC-5)", () => {
    const visit = parseOk(olva, delivered).find((u) => u.carrierCode === 'MOT');

    expect(visit).toMatchObject({
      carrierEventId: '90349771',
      trackingNumber: '25-1187345',
      carrierDescription: 'MOTIVADO: CLIENTE AUSENTE - SE DEJO AVISO',
      occurredAt: '2025-12-03T18:05:00.000Z',
      location: { facility: 'AREQUIPA', country: 'PE' },
    });
  });

  it('lists every problem of a bad payload with its path', () => {
    const bad = copy(delivered) as { tracking: string; detalle: Record<string, unknown>[] };
    bad.tracking = '1187345';
    if (bad.detalle[0] !== undefined) bad.detalle[0].id_rastreo = -4;
    if (bad.detalle[2] !== undefined) bad.detalle[2].codigo_estado = '';

    expect(problemsOf(olva, bad).map((p) => p.path)).toEqual(['$.tracking', '$.detalle[0].id_rastreo', '$.detalle[2].codigo_estado']);
  });
});
