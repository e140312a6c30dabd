import { createHmac } from 'node:crypto';
import {
  computeSignature,
  parseSignatureHeader,
  parseWebhookSecrets,
  REPLAY_WINDOW_SECONDS,
  signatureHeader,
  verifySignature,
} from '../../../../domain/tracking/webhook-signature';

const body = Buffer.from('{"milestones":[{"code":"LABEL_CREATED"}]}');
const now = 1_763_800_000;

describe('carrier webhook signatures', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256, as the few-line verifier in docs/tracking.md does', () => {
    const expected = createHmac('sha256', 'secret').update(`${now}.${body.toString('utf8')}`).digest('hex');
    expect(computeSignature('secret', now, body)).toBe(expected);
    expect(signatureHeader('secret', now, body)).toBe(`t=${now},v1=${expected}`);
  });

  it('accepts a fresh signature made with the current secret', () => {
    expect(verifySignature({ header: signatureHeader('secret', now, body), rawBody: body, secrets: ['secret'], nowSeconds: now })).toEqual({
      valid: true,
      timestamp: now,
      secretIndex: 0,
    });
  });

  it.each([
    ['at the edge of the window, in the past', -REPLAY_WINDOW_SECONDS, true],
    ['at the edge of the window, in the future (clock skew)', REPLAY_WINDOW_SECONDS, true],
    ['one second too old', -REPLAY_WINDOW_SECONDS - 1, false],
    ['one second too far ahead', REPLAY_WINDOW_SECONDS + 1, false],
  ])('replay window: a timestamp %s is %s', (_, offset, valid) => {
    const check = verifySignature({ header: signatureHeader('secret', now + offset, body), rawBody: body, secrets: ['secret'], nowSeconds: now });
    expect(check.valid).toBe(valid);
    if (!check.valid) expect(check.reason).toBe('outside-replay-window');
  });

  it('rotation: either of two secrets verifies, and a request signed with both carries two v1 values', () => {
    const secrets = ['old-secret', 'new-secret'];
    expect(verifySignature({ header: signatureHeader('new-secret', now, body), rawBody: body, secrets, nowSeconds: now })).toMatchObject({ valid: true, secretIndex: 1 });
    const both = signatureHeader(['old-secret', 'new-secret'], now, body);
    expect(both.split(',').filter((part) => part.startsWith('v1='))).toHaveLength(2);
    expect(verifySignature({ header: both, rawBody: body, secrets: ['new-secret'], nowSeconds: now })).toMatchObject({ valid: true, secretIndex: 0 });
    expect(verifySignature({ header: signatureHeader('retired-secret', now, body), rawBody: body, secrets, nowSeconds: now })).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('refuses a body changed by one byte, a timestamp changed after signing, and a header without a signature', () => {
    const header = signatureHeader('secret', now, body);
    expect(verifySignature({ header, rawBody: Buffer.from(`${body.toString()} `), secrets: ['secret'], nowSeconds: now })).toEqual({ valid: false, reason: 'mismatch' });
    const moved = header.replace(`t=${now}`, `t=${now + 1}`);
    expect(verifySignature({ header: moved, rawBody: body, secrets: ['secret'], nowSeconds: now })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignature({ header: undefined, rawBody: body, secrets: ['secret'], nowSeconds: now })).toEqual({ valid: false, reason: 'missing' });
    expect(verifySignature({ header: header, rawBody: body, secrets: [], nowSeconds: now })).toEqual({ valid: false, reason: 'no-secret' });
  });

  it.each([['t=123'], ['v1=' + 'a'.repeat(64)], ['t=abc,v1=' + 'a'.repeat(64)], ['t=1,v1=xyz'], ['t=1,t=2,v1=' + 'a'.repeat(64)], ['garbage'], ['']])(
    'parses "%s" as malformed',
    (header) => {
      expect(parseSignatureHeader(header)).toBeUndefined();
    },
  );

  it('ignores signature schemes it does not know, so a carrier may send a future v2 beside v1', () => {
    const header = `${signatureHeader('secret', now, body)},v2=whatever`;
    expect(parseSignatureHeader(header)?.signatures).toHaveLength(1);
    expect(verifySignature({ header, rawBody: body, secrets: ['secret'], nowSeconds: now }).valid).toBe(true);
  });

  it('reads the stored secrets: a list or a single generated string per carrier; misconfigurations named', () => {
    expect(parseWebhookSecrets({ correios: ['a', 'b'], 'enlace-linehaul': 'generated', olva: [], usps: 7, estafeta: ['1', '2', '3'] })).toEqual({
      secrets: { correios: ['a', 'b'], 'enlace-linehaul': ['generated'], olva: [] },
      problems: ['usps: must be a secret or a list of secrets', 'estafeta: 3 secrets; at most 2 (finish the rotation)'],
    });
    expect(parseWebhookSecrets('nope').problems).toHaveLength(1);
  });
});
