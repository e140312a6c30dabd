import { correios, CORREIOS_CODES } from '../../../../domain/tracking/carriers/correios';
import { copy, fixture, parseOk, problemsOf, statusesInTimeOrder, webhooks } from './helpers';
import { expectEvery } from '../../../setup/assertions';

describe('Correios adapter (BR)', () => {
  const polls = webhooks('correios', 'sao-paulo-journey.json');
  const lastPoll = polls[2];

  it('maps the São Paulo journey, customs and duties included', () => {
    const updates = parseOk(correios, lastPoll);

    expect(statusesInTimeOrder(updates)).toEqual([
      ['PO 01', 'picked-up', 'posted'],
      ['RO 01', 'in-transit-international', 'in-transit'],
      ['PAR 16', 'arrived-destination-country', 'received-by-destination-post'],
      ['PAR 21', 'import-customs', 'submitted'],
      ['PAR 17', 'duties-due', 'awaiting-payment'],
      ['PAR 31', 'import-customs', 'duties-paid'],
      ['PAR 10', 'import-customs', 'released'],
      ['RO 01', 'in-transit-destination', 'in-transit'],
      ['OEC 01', 'out-for-delivery', 'out-for-delivery'],
      ['BDE 20', 'delivery-attempt-failed', 'recipient-absent'],
      ['OEC 01', 'out-for-delivery', 'out-for-delivery'],
      ['BDE 01', 'delivered', 'delivered'],
    ]);
    expectEvery(updates, (u) => u.carrier === 'correios' && u.trackingNumber === 'NX482157365BR' && u.recognised);
  });

  it('keeps the original text and places the scan', () => {
    const delivered = parseOk(correios, lastPoll).find((u) => u.carrierCode === 'BDE 01');

    expect(delivered).toMatchObject({
      carrierDescription: 'Objeto entregue ao destinatário',
      location: { facility: 'CDD VILA MARIANA', city: 'SAO PAULO', region: 'SP', country: 'BR' },
    });
  });

  it('treats a transit scan at a unit abroad as the international leg', () => {
    const abroad = parseOk(correios, lastPoll)
      .filter((u) => u.carrierCode === 'RO 01')
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));

    expect(abroad.map((u) => u.status)).toEqual(['in-transit-international', 'in-transit-destination']);
    expect(abroad[0]?.location).toEqual({ facility: 'CHINA' });
  });

  it('converts Brasília time to UTC (UTC-3 now; UTC-2 in the summer time Brazil had until 2019)', () => {
    const delivered = parseOk(correios, lastPoll).find((u) => u.carrierCode === 'BDE 01');
    expect(delivered?.occurredAt).toBe('2025-11-12T17:26:31.000Z');

    const old = copy(lastPoll) as { objetos: { eventos: { dtHrCriado: string }[] }[] };
    const events = old.objetos[0]?.eventos ?? [];
    events.splice(1);
    if (events[0] !== undefined) events[0].dtHrCriado = '2018-01-15T10:00:00';
    expect(parseOk(correios, old)[0]?.occurredAt).toBe('2018-01-15T12:00:00.000Z');
  });

  it('gives events without an id a deterministic one: the same event in two polls is the same id', () => {
    const second = parseOk(correios, polls[1]);
    const third = parseOk(correios, lastPoll);
    const ids = (updates: typeof third) => new Set(updates.map((u) => u.carrierEventId));

    expectEvery([...ids(second)], (id) => ids(third).has(id));
    expect(ids(third).size).toBe(12); // both OEC 01 attempts keep distinct ids
    expectEvery(third, (u) => /^h-[0-9a-f]{32}$/.test(u.carrierEventId));
  });

  it('reads a batch of objects: customs hold and refusal, pickup, an unknown code, an unknown object', () => {
    const updates = parseOk(correios, fixture('correios', 'batch-customs-and-pickup.json'));
    const of = (trackingNumber: string) => statusesInTimeOrder(updates.filter((u) => u.trackingNumber === trackingNumber));

    expect(of('LB294017735HK')).toEqual([
      ['PAR 16', 'arrived-destination-country', 'received-by-destination-post'],
      ['PAR 18', 'customs-held', 'held-inspection'],
      ['PAR 26', 'returning-to-sender', 'rejected-by-customs'],
    ]);
    expect(of('NX482157351BR')).toEqual([
      ['EST 09', 'in-transit', 'unrecognised-carrier-code'],
      ['LDI 01', 'available-for-pickup', 'held-at-post-office'],
    ]);
    expect(updates.find((u) => u.carrierCode === 'EST 09')?.recognised).toBe(false);
    // "Objeto não encontrado" has no events, so no updates, and is not an error.
    expect(updates.some((u) => u.trackingNumber === 'NX482157405BR')).toBe(false);
  });

  it('shares one delivery-outcome table across BDE, BDI and BDR', () => {
    for (const tipo of ['01', '20', '23', '28']) {
      expect(CORREIOS_CODES[`BDI ${tipo}`]).toEqual(CORREIOS_CODES[`BDE ${tipo}`]);
      expect(CORREIOS_CODES[`BDR ${tipo}`]).toEqual(CORREIOS_CODES[`BDE ${tipo}`]);
    }
    expect(CORREIOS_CODES['BDE 01']?.status).toBe('delivered');
  });

  it('lists every problem of a bad payload with its path', () => {
    const bad = copy(lastPoll) as { objetos: { codObjeto: string; eventos: Record<string, unknown>[] }[] };
    const object = bad.objetos[0];
    if (object === undefined || object.eventos[0] === undefined || object.eventos[3] === undefined) throw new Error('fixture changed');
    object.codObjeto = 'NX48215736BR';
    object.eventos[0].dtHrCriado = '12/11/2025 14:26';
    object.eventos[3].tipo = '1A';

    expect(problemsOf(correios, bad).map((p) => p.path)).toEqual([
      '$.objetos[0].codObjeto',
      '$.objetos[0].eventos[0].dtHrCriado',
      '$.objetos[0].eventos[3].tipo',
    ]);
    expect(problemsOf(correios, { objetos: [] })).toEqual([{ path: '$.objetos', message: 'send at least one object' }]);
  });
});
