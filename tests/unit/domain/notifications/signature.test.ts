import fc from 'fast-check';
import { computeSignature, parseSignatureHeader, signPayload, verifySignature } from '../../../../domain/notifications/signature';
import { readmeVerifier } from '../../../setup/readme-verifier';

const body = '{"formatVersion":1,"type":"order.rated","sequence":2}';
const at = new Date('2026-11-22T12:00:00.000Z');
const timestamp = at.getTime() / 1000;

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256, hex, in a t=…,v1=… header', () => {
    // A fixed vector: receivers in any language can check their implementation against it.
    // (`printf '1795435200.{"hello":"world"}' | openssl dgst -sha256 -hmac whsec_test`)
    expect(computeSignature('whsec_test', 1795435200, '{"hello":"world"}')).toBe('45e5ebada8991900b85bef1bb17c80a8b5c238ca9e0d4b0eb34ed4a36224b09d');
    expect(signPayload(['whsec_test'], timestamp, body)).toBe(`t=${timestamp},v1=${computeSignature('whsec_test', timestamp, body)}`);
  });

  it('carries one v1 per active secret, newest first, during a rotation overlap', () => {
    const header = signPayload(['whsec_new', 'whsec_old'], timestamp, body);
    expect(parseSignatureHeader(header)).toEqual({
      timestamp,
      signatures: [computeSignature('whsec_new', timestamp, body), computeSignature('whsec_old', timestamp, body)],
    });
    expect(verifySignature(header, ['whsec_old'], body, at)).toEqual({ valid: true, timestamp });
    expect(verifySignature(header, ['whsec_new'], body, at)).toEqual({ valid: true, timestamp });
  });

  it('rejects a changed body, another secret, a stale or future timestamp and a malformed header', () => {
    const header = signPayload(['whsec_test'], timestamp, body);
    expect(verifySignature(header, ['whsec_test'], body.replace('2', '3'), at)).toEqual({ valid: false, reason: 'no-matching-signature' });
    expect(verifySignature(header, ['whsec_other'], body, at)).toEqual({ valid: false, reason: 'no-matching-signature' });
    expect(verifySignature(header, ['whsec_test'], body, new Date(at.getTime() + 301_000))).toEqual({ valid: false, reason: 'timestamp-out-of-tolerance' });
    expect(verifySignature(header, ['whsec_test'], body, new Date(at.getTime() - 301_000))).toEqual({ valid: false, reason: 'timestamp-out-of-tolerance' });
    expect(verifySignature(header, ['whsec_test'], body, new Date(at.getTime() + 299_000))).toMatchObject({ valid: true });
    for (const malformed of ['', 'v1=abc', `t=${timestamp}`, `t=soon,v1=${'a'.repeat(64)}`, `t=${timestamp},v1=${'z'.repeat(64)}`]) {
      expect(verifySignature(malformed, ['whsec_test'], body, at)).toEqual({ valid: false, reason: 'malformed-header' });
    }
  });

  it('ignores schemes it does not know, so a future v2 does not break v1 receivers', () => {
    const header = `${signPayload(['whsec_test'], timestamp, body)},v2=${'f'.repeat(128)}`;
    expect(verifySignature(header, ['whsec_test'], body, at)).toMatchObject({ valid: true });
  });

  it('refuses to sign without a secret or with a fractional timestamp', () => {
    expect(() => signPayload([], timestamp, body)).toThrow(/secret/);
    expect(() => signPayload(['whsec_test'], 1.5, body)).toThrow(/unix seconds/);
  });

  it('verifies whatever it signed, and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string({ minLength: 1, maxLength: 1 }), (secret, payload, extra) => {
        const header = signPayload([secret], timestamp, payload);
        expect(verifySignature(header, [secret], payload, at).valid).toBe(true);
        expect(verifySignature(header, [secret], payload + extra, at).valid).toBe(false);
      }),
    );
  });

  it("agrees with the README's Node.js snippet sellers copy", () => {
    const isFromEnlace = readmeVerifier();
    const now = Math.floor(Date.now() / 1000);
    const header = signPayload(['whsec_new', 'whsec_old'], now, body);
    expect(isFromEnlace(header, body, 'whsec_new')).toBe(true);
    expect(isFromEnlace(header, body, 'whsec_old')).toBe(true);
    expect(isFromEnlace(header, body, 'whsec_other')).toBe(false);
    expect(isFromEnlace(header, `${body} `, 'whsec_new')).toBe(false);
    expect(isFromEnlace(signPayload(['whsec_new'], now - 600, body), body, 'whsec_new')).toBe(false);
    expect(isFromEnlace(`t=${now},v1=${'z'.repeat(64)}`, body, 'whsec_new')).toBe(false);
    expect(isFromEnlace('garbage', body, 'whsec_new')).toBe(false);
  });
});
