import { createHash, createHmac } from 'node:crypto';
import { feedAdapter, verifyWebhook, webhookAuthHeaders, type WebhookAuth } from '../../../../domain/tracking';
import { aftership } from '../../../../domain/tracking/carriers/aftership';
import { dhlExpress } from '../../../../domain/tracking/carriers/dhl-express';
import { fedex } from '../../../../domain/tracking/carriers/fedex';
import { jadlog } from '../../../../domain/tracking/carriers/jadlog';
import { loggi } from '../../../../domain/tracking/carriers/loggi';
import { ninetyNineMinutos } from '../../../../domain/tracking/carriers/ninety-nine-minutos';
import { seventeenTrack } from '../../../../domain/tracking/carriers/seventeen-track';
import { ups } from '../../../../domain/tracking/carriers/ups';
import { copy, fixture, parseOk, problemsOf } from './helpers';

/**
 * The feeds added for every bookable carrier, on the payloads their documentation shows
 * (/work/notes/tracking-sources.md): field names from the sources, values partly invented where the
 * sources give none (17TRACK's and AfterShip's examples, the second 99minutos event).
 */
const rows = (updates: ReturnType<typeof parseOk>) => updates.map((u) => [u.carrier, u.trackingNumber, u.occurredAt, u.status, u.subStatus, u.carrierCode]);

describe('99minutos webhook (official example)', () => {
  it('reads the events, UTC times, and keeps the comment', () => {
    const updates = parseOk(ninetyNineMinutos, fixture('99minutos', 'official-example.json'));
    expect(rows(updates)).toEqual([
      ['99minutos', '2139671481', '2025-11-19T04:17:42.000Z', 'in-transit-destination', 'arrived-at-facility', '3001'],
      ['99minutos', '2139671481', '2025-11-19T15:02:10.000Z', 'out-for-delivery', 'out-for-delivery', '4001'],
    ]);
    expect(updates[0]?.carrierDescription).toBe('stored: En estación MX0 por módulo de inducción');
  });

  it('names every problem: a bad code, a bad time, no events', () => {
    const payload = copy(fixture('99minutos', 'official-example.json')) as { Events: Record<string, unknown>[] };
    payload.Events[0]!.StatusCode = 'X1';
    payload.Events[1]!.CreatedAt = '19/11/2025';
    expect(problemsOf(ninetyNineMinutos, payload).map((p) => p.path)).toEqual(['$.Events[0].StatusCode', '$.Events[1].CreatedAt']);
    expect(problemsOf(ninetyNineMinutos, { TrackingId: '2139671481', Events: [] }).map((p) => p.path)).toEqual(['$.Events']);
  });
});

describe('Loggi webhook (official example)', () => {
  it('reads history and current status; the current one repeats the last history entry and hashes alike', () => {
    const updates = parseOk(loggi, fixture('loggi', 'official-example.json'));
    expect(rows(updates)).toEqual([
      ['loggi', 'SH1007503594LG', '2021-05-05T07:12:00.000Z', 'out-for-delivery', 'out-for-delivery', '4'],
      ['loggi', 'SH1007503594LG', '2021-05-05T10:40:18.941Z', 'delivered', 'delivered', '5'],
      ['loggi', 'SH1007503594LG', '2021-05-05T10:40:18.941Z', 'delivered', 'delivered', '5'],
    ]);
    expect(new Set(updates.map((u) => u.carrierEventId)).size).toBe(2);
  });
});

describe('UPS Track Alert (official examples)', () => {
  it('maps OT to out-for-delivery and D/FS to delivered, at the GMT time', () => {
    expect(rows(parseOk(ups, fixture('ups', 'track-alert-out-for-delivery.json')))).toEqual([
      ['ups', '1Z204W4R0308071865', '2024-04-23T13:15:19.000Z', 'out-for-delivery', 'out-for-delivery', 'I/OT'],
    ]);
    expect(rows(parseOk(ups, fixture('ups', 'track-alert-delivered.json')))).toEqual([
      ['ups', '1Z204W4R0308071865', '2024-04-23T19:44:02.000Z', 'delivered', 'delivered', 'D/FS'],
    ]);
  });

  it('falls back on the status type for a code the examples do not show, and rejects an impossible time', () => {
    const payload = copy(fixture('ups', 'track-alert-out-for-delivery.json')) as { activityStatus: { type: string; code: string }; gmtActivityTime: string };
    payload.activityStatus = { type: 'X', code: 'ZZ' };
    expect(parseOk(ups, payload)[0]).toMatchObject({ status: 'exception', recognised: true, carrierCode: 'X/ZZ' });
    payload.gmtActivityTime = '256100';
    expect(problemsOf(ups, payload)).toEqual([{ path: '$.gmtActivityDate', message: expect.stringContaining('not a real UTC instant') }]);
  });
});

describe('DHL Express Unified push', () => {
  it('uses statusCode as the bucket, refined by the words of the description; unknown stays flagged', () => {
    const updates = parseOk(dhlExpress, fixture('dhl-express', 'unified-push.json'));
    expect(updates.map((u) => [u.status, u.recognised])).toEqual([
      ['delivered', true],
      ['out-for-delivery', true],
      ['import-customs', true],
      ['in-transit', false],
    ]);
  });
});

describe('FedEx Track API answer (poll) and AIV push', () => {
  it('reads every scan of every result; a number FedEx does not know yet gives no update, not a problem', () => {
    const updates = parseOk(fedex, fixture('fedex', 'track-api-answer.json'));
    expect(rows(updates)).toEqual([
      ['fedex', '794874381730', '2025-11-19T13:05:00.000Z', 'out-for-delivery', 'out-for-delivery', 'OD'],
      ['fedex', '794874381730', '2025-11-19T10:40:00.000Z', 'in-transit-destination', 'arrived-at-facility', 'AR'],
      ['fedex', '794874381730', '2025-11-19T02:12:00.000Z', 'delivery-attempt-failed', 'attempt-failed', 'DE/07'],
    ]);
  });

  it('reads one track result pushed by AIV, with the same event ids as the poll (one scan, one event)', () => {
    const answer = fixture('fedex', 'track-api-answer.json') as { output: { completeTrackResults: { trackResults: unknown[] }[] } };
    const pushed = answer.output.completeTrackResults[0]!.trackResults[0];
    expect(parseOk(fedex, pushed).map((u) => u.carrierEventId)).toEqual(parseOk(fedex, answer).map((u) => u.carrierEventId));
  });
});

describe('Jadlog tracking answer (poll)', () => {
  it('reads both date forms in Brasília time, flags unknown texts, and skips numbers Jadlog does not know', () => {
    const updates = parseOk(jadlog, fixture('jadlog', 'consultar-answer.json'));
    expect(updates.map((u) => [u.trackingNumber, u.occurredAt, u.status, u.recognised])).toEqual([
      ['10087040452963', '2025-11-19T00:03:00.000Z', 'in-transit-destination', true],
      ['10087040452963', '2025-11-19T11:11:00.000Z', 'out-for-delivery', true],
      ['10087040452963', '2025-11-19T12:30:00.000Z', 'in-transit', false],
    ]);
  });
});

describe('17TRACK push', () => {
  it('reads the registered carrier’s events only (the first mile is the line-haul’s), mapped by sub-status', () => {
    const updates = parseOk(seventeenTrack, fixture('17track', 'tracking-updated-jt.json'));
    expect(updates.map((u) => [u.carrier, u.trackingNumber, u.occurredAt, u.status, u.recognised])).toEqual([
      ['jt-express', 'JMX000123456789', '2025-11-20T15:14:00.000Z', 'out-for-delivery', true],
      ['jt-express', 'JMX000123456789', '2025-11-20T00:02:00.000Z', 'in-transit-destination', true],
      ['jt-express', 'JMX000123456789', '2025-11-19T17:30:00.000Z', 'in-transit', false],
    ]);
  });

  it('refuses a carrier key Enlace does not follow through 17TRACK, naming the ones it does', () => {
    const payload = copy(fixture('17track', 'tracking-updated-jt.json')) as { data: { carrier: number } };
    payload.data.carrier = 999;
    expect(problemsOf(seventeenTrack, payload)).toEqual([{ path: '$.data.carrier', message: expect.stringContaining('100388 (jt-express)') }]);
  });
});

describe('AfterShip push', () => {
  it('reads Total Express checkpoints by tag and subtag', () => {
    expect(rows(parseOk(aftership, fixture('aftership', 'tracking-update-total-express.json')))).toEqual([
      ['total-express', 'TE48213675902', '2025-11-19T19:02:00.000Z', 'in-transit-destination', 'in-transit', 'InTransit_001'],
      ['total-express', 'TE48213675902', '2025-11-20T12:14:00.000Z', 'out-for-delivery', 'out-for-delivery', 'OutForDelivery_001'],
    ]);
  });
});

describe('webhook authentication schemes (webhook-auth.ts)', () => {
  const body = '{"event":"TRACKING_UPDATED"}';
  const header = (headers: Record<string, string>) => (name: string) => headers[name.toLowerCase()];
  const verify = (auth: WebhookAuth, headers: Record<string, string>, secrets: readonly string[], text = body) =>
    verifyWebhook({ auth, header: header(headers), body: text, secrets, nowSeconds: 1_763_650_440 });

  it('computes each sender’s value as its documentation says', () => {
    expect(webhookAuthHeaders(feedAdapter('17track')!.webhook!.auth, 'key', body, 0)).toEqual({
      sign: createHash('sha256').update(`${body}/key`).digest('hex'),
    });
    expect(webhookAuthHeaders(feedAdapter('aftership')!.webhook!.auth, 'secret', body, 0)).toEqual({
      'aftership-hmac-sha256': createHmac('sha256', 'secret').update(body).digest('base64'),
    });
    expect(webhookAuthHeaders(feedAdapter('loggi')!.webhook!.auth, 'dXNlcjpwYXNz', body, 0)).toEqual({ authorization: 'Basic dXNlcjpwYXNz' });
  });

  it('accepts either secret during a rotation, and tells which; refuses a wrong, missing or unconfigured one', () => {
    const auth = feedAdapter('aftership')!.webhook!.auth;
    const signedNew = webhookAuthHeaders(auth, 'new', body, 0);
    expect(verify(auth, signedNew, ['old', 'new'])).toMatchObject({ valid: true, secretIndex: 1 });
    expect(verify(auth, signedNew, ['old'])).toEqual({ valid: false, reason: 'mismatch' });
    expect(verify(auth, signedNew, ['new'], `${body} `)).toEqual({ valid: false, reason: 'mismatch' });
    expect(verify(auth, {}, ['new'])).toEqual({ valid: false, reason: 'missing' });
    expect(verify(auth, signedNew, [])).toEqual({ valid: false, reason: 'no-secret' });
  });
});
