import { chilexpress } from '../../../../domain/tracking/carriers/chilexpress';
import { copy, fixture, parseOk, problemsOf, statusesInTimeOrder } from './helpers';
import { expectEvery } from '../../../setup/assertions';

describe('Chilexpress adapter (CL)', () => {
  const summer = fixture('chilexpress', 'delivered-santiago-summer.json');
  const winter = fixture('chilexpress', 'pickup-winter.json');

  it('maps on the event text, compared without accents or case', () => {
    const updates = parseOk(chilexpress, summer);

    expect(statusesInTimeOrder(updates)).toEqual([
      ['ORDEN DE TRANSPORTE EMITIDA', 'label-created', 'last-mile-label-created'],
      ['RECIBIDO EN CENTRO DE DISTRIBUCION', 'in-transit-destination', 'accepted-by-carrier'],
      ['EN REPARTO', 'out-for-delivery', 'out-for-delivery'],
      ['ENTREGADO', 'delivered', 'delivered'],
    ]);
    // The carrier's own text is kept as sent.
    expect(updates[1]?.carrierDescription).toBe('Recibido en Centro de Distribución');
    expectEvery(updates, (u) => u.trackingNumber === '99624718611');
  });

  it('converts Santiago time with its daylight saving time: UTC-3 in January, UTC-4 in July', () => {
    const january = parseOk(chilexpress, summer);
    const july = parseOk(chilexpress, winter);

    expect(january.find((u) => u.carrierCode === 'EN REPARTO')?.occurredAt).toBe('2025-01-14T12:12:33.000Z');
    expect(july.map((u) => u.occurredAt)).toEqual(['2025-07-08T11:05:00.000Z', '2025-07-08T18:30:00.000Z', '2025-07-09T14:00:00.000Z']);
  });

  it('reads the compact hour form and a failed attempt followed by a branch pickup', () => {
    expect(statusesInTimeOrder(parseOk(chilexpress, winter))).toEqual([
      ['EN PLANTA DE DESTINO', 'in-transit-destination', 'arrived-at-destination-facility'],
      ['NO ENTREGADO - DESTINATARIO AUSENTE', 'delivery-attempt-failed', 'recipient-absent'],
      ['DISPONIBLE PARA RETIRO EN SUCURSAL', 'available-for-pickup', 'held-at-branch'],
    ]);
  });

  it('flags a text it does not know', () => {
    const payload = copy(summer) as { data: { trackingEvents: { description: string }[] } };
    const first = payload.data.trackingEvents[0];
    if (first !== undefined) first.description = 'Envío en revisión de seguridad';

    expect(parseOk(chilexpress, payload)[0]).toMatchObject({ recognised: false, carrierCode: 'ENVIO EN REVISION DE SEGURIDAD', status: 'in-transit' });
  });

  it('lists every problem of a bad payload with its path', () => {
    const bad = copy(summer) as { data: { transportOrderData: Record<string, unknown>; trackingEvents: Record<string, unknown>[] } };
    bad.data.transportOrderData.transportOrderNumber = 'OT-1';
    if (bad.data.trackingEvents[1] !== undefined) bad.data.trackingEvents[1].eventDate = '2025-02-30';
    if (bad.data.trackingEvents[2] !== undefined) bad.data.trackingEvents[2].eventHour = '25:61';
    if (bad.data.trackingEvents[3] !== undefined) bad.data.trackingEvents[3].eventDate = '14-01-2025';

    const problems = problemsOf(chilexpress, bad);

    expect(problems.map((p) => p.path)).toEqual([
      '$.data.transportOrderData.transportOrderNumber',
      '$.data.trackingEvents[1].eventDate',
      '$.data.trackingEvents[2].eventHour',
      '$.data.trackingEvents[3].eventDate',
    ]);
    expect(problems[1]?.message).toBe('eventDate is not a calendar date');
  });
});
