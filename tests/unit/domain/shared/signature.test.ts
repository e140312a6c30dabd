import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { computeSignature, DEFAULT_TOLERANCE_SECONDS, parseSignatureHeader, signatureHeader, verifySignature } from '../../../../domain/shared/signature';
import { parseWebhookSecrets } from '../../../../domain/tracking/webhook-secrets';
import { readmeVerifier } from '../../../setup/readme-verifier';

const body = Buffer.from('{"milestones":[{"code":"LABEL_CREATED"}]}');
const now = 1_763_800_000;

describe('webhook signatures (carriers to Enlace, Enlace to sellers)', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256, hex, in a t=…,v1=… header', () => {
    // A fixed vector receivers in any language can check against:
    // printf '1795435200.{"hello":"world"}' | openssl dgst -sha256 -hmac whsec_test
    expect(computeSignature('whsec_test', 1795435200, '{"hello":"world"}')).toBe('45e5ebada8991900b85bef1bb17c80a8b5c238ca9e0d4b0eb34ed4a36224b09d');
    const expected = createHmac('sha256', 'secret')
      .update(`${now}.${body.toString('utf8')}`)
      .digest('hex');
    expect(computeSignature('secret', now, body)).toBe(expected);
    expect(computeSignature('secret', now, body.toString('utf8'))).toBe(expected);
    expect(signatureHeader('secret', now, body)).toBe(`t=${now},v1=${expected}`);
  });

  it('accepts a fresh signature made with the current secret', () => {
    expect(verifySignature({ header: signatureHeader('secret', now, body), body, secrets: ['secret'], nowSeconds: now })).toEqual({
      valid: true,
      timestamp: now,
      secretIndex: 0,
    });
  });

  it.each([
    ['at the edge of the window, in the past', -DEFAULT_TOLERANCE_SECONDS, true],
    ['at the edge of the window, in the future (clock skew)', DEFAULT_TOLERANCE_SECONDS, true],
    ['one second too old', -DEFAULT_TOLERANCE_SECONDS - 1, false],
    ['one second too far ahead', DEFAULT_TOLERANCE_SECONDS + 1, false],
  ])('replay window: a timestamp %s is %s', (_, offset, valid) => {
    const check = verifySignature({ header: signatureHeader('secret', now + offset, body), body, secrets: ['secret'], nowSeconds: now });
    expect(check.valid).toBe(valid);
    if (!check.valid) expect(check.reason).toBe('outside-replay-window');
  });

  it('rotation: either of two secrets verifies, and a request signed with both carries two v1 values, newest first', () => {
    const secrets = ['old-secret', 'new-secret'];
    expect(verifySignature({ header: signatureHeader('new-secret', now, body), body, secrets, nowSeconds: now })).toMatchObject({
      valid: true,
      secretIndex: 1,
    });
    const both = signatureHeader(['new-secret', 'old-secret'], now, body);
    expect(parseSignatureHeader(both)?.signatures.map((signature) => signature.toString('hex'))).toEqual([
      computeSignature('new-secret', now, body),
      computeSignature('old-secret', now, body),
    ]);
    expect(verifySignature({ header: both, body, secrets: ['old-secret'], nowSeconds: now })).toMatchObject({ valid: true, secretIndex: 0 });
    expect(verifySignature({ header: signatureHeader('retired-secret', now, body), body, secrets, nowSeconds: now })).toEqual({
      valid: false,
      reason: 'mismatch',
    });
  });

  it('refuses a body changed by one byte, a timestamp changed after signing, a missing header and no secret', () => {
    const header = signatureHeader('secret', now, body);
    expect(verifySignature({ header, body: Buffer.from(`${body.toString()} `), secrets: ['secret'], nowSeconds: now })).toEqual({
      valid: false,
      reason: 'mismatch',
    });
    const moved = header.replace(`t=${now}`, `t=${now + 1}`);
    expect(verifySignature({ header: moved, body, secrets: ['secret'], nowSeconds: now })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignature({ header: undefined, body, secrets: ['secret'], nowSeconds: now })).toEqual({ valid: false, reason: 'missing' });
    expect(verifySignature({ header: '  ', body, secrets: ['secret'], nowSeconds: now })).toEqual({ valid: false, reason: 'missing' });
    expect(verifySignature({ header, body, secrets: [], nowSeconds: now })).toEqual({ valid: false, reason: 'no-secret' });
    expect(verifySignature({ header, body, secrets: [''], nowSeconds: now })).toEqual({ valid: false, reason: 'no-secret' });
  });

  it.each([
    ['t=123'],
    ['v1=' + 'a'.repeat(64)],
    ['t=abc,v1=' + 'a'.repeat(64)],
    ['t=1,v1=xyz'],
    ['t=1,v1=' + 'z'.repeat(64)],
    ['t=1,t=2,v1=' + 'a'.repeat(64)],
    ['t=1.5,v1=' + 'a'.repeat(64)],
    ['t=1,garbage,v1=' + 'a'.repeat(64)],
    ['garbage'],
  ])('reads "%s" as malformed', (header) => {
    expect(parseSignatureHeader(header)).toBeUndefined();
    expect(verifySignature({ header, body, secrets: ['secret'], nowSeconds: 1 })).toEqual({ valid: false, reason: 'malformed' });
  });

  it('accepts upper-case hex, and ignores schemes it does not know, so a future v2 may be sent beside v1', () => {
    const header = signatureHeader('secret', now, body);
    expect(verifySignature({ header: header.toUpperCase().replace('T=', 't=').replace('V1=', 'v1='), body, secrets: ['secret'], nowSeconds: now }).valid).toBe(
      true,
    );
    const withV2 = `${header},v2=whatever,v0=${'f'.repeat(128)}`;
    expect(parseSignatureHeader(withV2)?.signatures).toHaveLength(1);
    expect(verifySignature({ header: withV2, body, secrets: ['secret'], nowSeconds: now }).valid).toBe(true);
  });

  it('refuses to sign without a secret or with a fractional or negative timestamp', () => {
    expect(() => signatureHeader([], now, body)).toThrow(/secret/);
    expect(() => signatureHeader(['secret'], 1.5, body)).toThrow(/unix seconds/);
    expect(() => signatureHeader(['secret'], -1, body)).toThrow(/unix seconds/);
  });

  it('verifies whatever it signed, and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string({ minLength: 1, maxLength: 1 }), (secret, payload, extra) => {
        const header = signatureHeader([secret], now, payload);
        expect(verifySignature({ header, secrets: [secret], body: payload, nowSeconds: now }).valid).toBe(true);
        expect(verifySignature({ header, secrets: [secret], body: payload + extra, nowSeconds: now }).valid).toBe(false);
      }),
    );
  });

  it("agrees with the README's Node.js snippet sellers copy", () => {
    const isFromEnlace = readmeVerifier();
    const text = '{"formatVersion":1,"type":"order.rated","sequence":2}';
    const current = Math.floor(Date.now() / 1000);
    const header = signatureHeader(['whsec_new', 'whsec_old'], current, text);
    expect(isFromEnlace(header, text, 'whsec_new')).toBe(true);
    expect(isFromEnlace(header, text, 'whsec_old')).toBe(true);
    expect(isFromEnlace(header, text, 'whsec_other')).toBe(false);
    expect(isFromEnlace(header, `${text} `, 'whsec_new')).toBe(false);
    expect(isFromEnlace(signatureHeader(['whsec_new'], current - 600, text), text, 'whsec_new')).toBe(false);
    expect(isFromEnlace(`t=${current},v1=${'z'.repeat(64)}`, text, 'whsec_new')).toBe(false);
    expect(isFromEnlace('garbage', text, 'whsec_new')).toBe(false);
  });
});

describe('carrier webhook secrets', () => {
  it('reads the stored secrets: a list or a single generated string per carrier; misconfigurations named', () => {
    expect(parseWebhookSecrets({ correios: ['a', 'b'], 'enlace-linehaul': 'generated', olva: [], usps: 7, estafeta: ['1', '2', '3'] })).toEqual({
      secrets: { correios: ['a', 'b'], 'enlace-linehaul': ['generated'], olva: [] },
      problems: ['usps: must be a secret or a list of secrets', 'estafeta: 3 secrets; at most 2 (finish the rotation)'],
    });
    expect(parseWebhookSecrets('nope').problems).toHaveLength(1);
  });
});
