import { httpHandler } from '../../../functions/shared/http/http-handler';
import { jsonResponse } from '../../../functions/shared/http/problem';
import { httpEvent, lambdaContext } from './http-fixtures';

const tenant = { tenantId: 't', kind: 'seller' as const, sellerIds: ['t'] };
const echo = httpHandler(async ({ body, tenant: caller }) => jsonResponse(200, { body, caller }), { jsonBody: { maxBytes: 100 } });

describe('httpHandler', () => {
  it('passes the parsed body and the tenant to the route', async () => {
    const response = await echo(httpEvent({ body: '{"a":1}', tenant }), lambdaContext);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body!)).toEqual({ body: { a: 1 }, caller: tenant });
  });

  it('accepts JSON with a charset and base64-encoded bodies', async () => {
    const response = await echo(
      httpEvent({ body: Buffer.from('{"b":2}').toString('base64'), isBase64Encoded: true, headers: { 'Content-Type': 'application/json; charset=utf-8' }, tenant }),
      lambdaContext,
    );
    expect(JSON.parse(response.body!)).toMatchObject({ body: { b: 2 } });
  });

  it.each([
    ['a body that is not JSON', { body: '{"a":', tenant }, 400],
    ['an empty body', { body: '', tenant }, 400],
    ['another content type', { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, tenant }, 415],
    ['a body over the limit', { body: JSON.stringify({ pad: 'x'.repeat(200) }), tenant }, 413],
    ['an unknown API key', { body: '{}' }, 401],
  ])('answers %s with a problem document', async (_, options, status) => {
    const response = await echo(httpEvent(options), lambdaContext);
    expect(response.statusCode).toBe(status);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body!)).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  });

  it('tells a client without a valid key how to authenticate', async () => {
    const response = await echo(httpEvent({ body: '{}' }), lambdaContext);
    expect(response.headers?.['WWW-Authenticate']).toContain('Bearer');
  });

  it('answers an unexpected failure with a 500 that reveals nothing of it', async () => {
    const failing = httpHandler(async () => {
      throw new Error('secret connection string');
    });
    const response = await failing(httpEvent({ method: 'GET', tenant }), lambdaContext);
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
  });
});
