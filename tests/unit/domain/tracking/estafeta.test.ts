import { estafeta } from '../../../../domain/tracking/carriers/estafeta';
import { UNRECOGNISED_SUB_STATUS } from '../../../../domain/tracking/update';
import { copy, fixture, parseOk, problemsOf, statusesInTimeOrder } from './helpers';

describe('Estafeta adapter (MX)', () => {
  const delivered = fixture('estafeta', 'delivered-cuautitlan.json');

  it('maps a delivery with a failed visit onto the canonical statuses', () => {
    const updates = parseOk(estafeta, delivered);

    expect(statusesInTimeOrder(updates)).toEqual([
      ['DOC', 'label-created', 'last-mile-label-created'],
      ['REC', 'in-transit-destination', 'accepted-by-carrier'],
      ['SALCEDI', 'in-transit-destination', 'departed-facility'],
      ['LLCEDI', 'in-transit-destination', 'arrived-at-facility'],
      ['ENRUTA', 'out-for-delivery', 'out-for-delivery'],
      ['VSE/DC', 'delivery-attempt-failed', 'recipient-absent'],
      ['ENRUTA', 'out-for-delivery', 'out-for-delivery'],
      ['ENT', 'delivered', 'delivered'],
    ]);
  });

  it("keeps the carrier's id, code, text and raw event on every update", () => {
    const updates = parseOk(estafeta, delivered);
    const visit = updates.find((u) => u.carrierEventId === 'EST-91889233');
    const handover = updates.find((u) => u.carrierCode === 'ENT');

    expect(visit).toMatchObject({
      carrier: 'estafeta',
      trackingNumber: '8055241528464720099314',
      carrierDescription: 'Visita sin éxito: Domicilio cerrado',
      recognised: true,
      location: { facility: 'CEDI CUAUTITLAN', country: 'MX' },
    });
    // Fields the schema does not know stay in raw (who received the parcel).
    expect(handover?.raw).toMatchObject({ recibio: 'MARIA G. HERNANDEZ' });
  });

  it('converts Mexico City wall-clock time to UTC: UTC-6 all year since 2022, DST rules before', () => {
    const updates = parseOk(estafeta, delivered);
    expect(updates.find((u) => u.carrierCode === 'ENT')?.occurredAt).toBe('2025-11-21T18:47:03.000Z');

    const summer = parseOk(estafeta, fixture('estafeta', 'ocurre-summer.json'));
    expect(summer.find((u) => u.carrierCode === 'OCURRE')?.occurredAt).toBe('2025-07-08T17:00:00.000Z');

    const old = copy(fixture('estafeta', 'ocurre-summer.json')) as { history: { eventDateTime: string }[] };
    old.history.forEach((event) => (event.eventDateTime = '2021-07-08 11:00:00'));
    expect(parseOk(estafeta, old)[0]?.occurredAt).toBe('2021-07-08T16:00:00.000Z');
  });

  it('flags an unknown code without turning it into an exception', () => {
    const updates = parseOk(estafeta, fixture('estafeta', 'ocurre-summer.json'));
    const unknown = updates.find((u) => u.carrierCode === 'TRANSB');

    expect(unknown).toMatchObject({
      recognised: false,
      status: 'in-transit',
      subStatus: UNRECOGNISED_SUB_STATUS,
      carrierDescription: 'Transbordo en CEDI',
    });
    expect(updates.find((u) => u.carrierCode === 'OCURRE')).toMatchObject({ status: 'available-for-pickup', subStatus: 'held-at-office' });
  });

  it('lists every problem of a bad payload with its path', () => {
    const bad = copy(delivered) as { waybill: string; history: Record<string, unknown>[] };
    bad.waybill = '8055241528';
    delete bad.history[0]?.eventId;
    if (bad.history[1] !== undefined) bad.history[1].eventDateTime = '2025-02-30 10:00:00';

    const problems = problemsOf(estafeta, bad);

    expect(problems.map((p) => p.path).sort()).toEqual(['$.history[0].eventId', '$.history[1].eventDateTime', '$.waybill']);
    expect(problems.find((p) => p.path === '$.history[1].eventDateTime')?.message).toMatch(/local date-time/);
    expect(problemsOf(estafeta, 'not json object')).toEqual([{ path: '$', message: expect.any(String) }]);
  });
});
