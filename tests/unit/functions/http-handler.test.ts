import {
  header,
  httpHandler,
  MAX_JSON_DEPTH,
  MAX_PATH_PARAMETER_LENGTH,
  nestingDepth,
  pathParameter,
  webhookHandler,
} from '../../../functions/shared/http/http-handler';
import { HttpError, jsonResponse } from '../../../functions/shared/http/problem';
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
      httpEvent({
        body: Buffer.from('{"b":2}').toString('base64'),
        isBase64Encoded: true,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        tenant,
      }),
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

describe('the HTTP edge shared by API routes and webhooks', () => {
  const byId = httpHandler(async ({ event }) => jsonResponse(200, { id: pathParameter(event, 'id'), ifMatch: header(event, 'If-Match') ?? null }));

  it('decodes path parameters, and answers 400, not 500, for malformed percent-encoding', async () => {
    const ok = await byId(httpEvent({ method: 'GET', pathParameters: { id: 'ord%2F1' }, tenant }), lambdaContext);
    expect(JSON.parse(ok.body!)).toMatchObject({ id: 'ord/1' });

    const malformed = await byId(httpEvent({ method: 'GET', pathParameters: { id: '%E0%A4%A' }, tenant }), lambdaContext);
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(malformed.body!)).toMatchObject({ status: 400, errors: [{ path: 'id', code: 'invalid_format' }] });
  });

  it.each([
    ['longer than any id', 'x'.repeat(MAX_PATH_PARAMETER_LENGTH + 1), 'too_big', /at most 128 characters/],
    ['a NUL', 'ord%00', 'invalid_format', /U\+0000/],
    ['a noncharacter', 'ord%EF%BF%BE', 'invalid_format', /U\+FFFE/],
    ['a lone surrogate (encoded as CESU)', 'ord%ED%A0%80', 'invalid_format', /percent-encoding/],
  ])('answers 400 naming the parameter for a path id %s', async (_, id, code, message) => {
    const response = await byId(httpEvent({ method: 'GET', pathParameters: { id }, tenant }), lambdaContext);
    expect(response.statusCode).toBe(400);
    const problem = JSON.parse(response.body!) as { errors: { path: string; code: string; message: string }[] };
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'id', code })]);
    expect(JSON.stringify(problem)).toMatch(message);
  });

  it('accepts a path id exactly at the length limit', async () => {
    const id = 'x'.repeat(MAX_PATH_PARAMETER_LENGTH);
    const response = await byId(httpEvent({ method: 'GET', pathParameters: { id }, tenant }), lambdaContext);
    expect(JSON.parse(response.body!)).toMatchObject({ id });
  });

  it('refuses a body nested deeper than the limit with a 400 before anything walks it, and accepts one at the limit', async () => {
    const nested = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
    const deepEcho = httpHandler(async ({ body }) => jsonResponse(200, { got: body !== undefined }), { jsonBody: { maxBytes: 1_000_000 } });
    const atLimit = await deepEcho(httpEvent({ body: nested(MAX_JSON_DEPTH), tenant }), lambdaContext);
    const tooDeep = await deepEcho(httpEvent({ body: nested(MAX_JSON_DEPTH + 1), tenant }), lambdaContext);
    const hostile = await deepEcho(httpEvent({ body: '['.repeat(100_000) + ']'.repeat(100_000), tenant }), lambdaContext);
    expect(atLimit.statusCode).toBe(200);
    expect(tooDeep.statusCode).toBe(400);
    expect(JSON.parse(tooDeep.body!)).toMatchObject({ errors: [{ code: 'too_deep' }] });
    expect(hostile.statusCode).toBe(400);
  });

  it('counts nesting outside strings only', () => {
    expect(nestingDepth('{"a":"[[[[{{{{\\\"]]"}')).toBe(1);
    expect(nestingDepth('[[1],[[2]]]')).toBe(3);
    expect(nestingDepth('"just a string"')).toBe(0);
  });

  it('reads headers whatever the case of their names', async () => {
    const response = await byId(httpEvent({ method: 'GET', pathParameters: { id: 'x' }, headers: { 'IF-MATCH': '"3"' }, tenant }), lambdaContext);
    expect(JSON.parse(response.body!)).toMatchObject({ ifMatch: '"3"' });
  });

  it('hands a webhook its raw bytes as sent, refuses an oversized one with 413, and renders its errors as problem details', async () => {
    const seen: string[] = [];
    const webhook = webhookHandler(
      async ({ rawBody }) => {
        seen.push(rawBody.toString('hex'));
        if (rawBody.length === 0) throw new HttpError(401, 'Unauthorized', 'sign it');
        return jsonResponse(202, { bytes: rawBody.length });
      },
      { maxBytes: 8 },
    );
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41]);

    const accepted = await webhook(httpEvent({ body: bytes.toString('base64'), isBase64Encoded: true }), lambdaContext);
    const tooLarge = await webhook(httpEvent({ body: '123456789' }), lambdaContext);
    const refused = await webhook(httpEvent({}), lambdaContext);

    expect(accepted.statusCode).toBe(202);
    expect(seen[0]).toBe('fffe0041');
    expect(tooLarge.statusCode).toBe(413);
    expect(seen).toHaveLength(2);
    expect(refused).toMatchObject({ statusCode: 401, headers: { 'content-type': 'application/problem+json' } });
  });
});
