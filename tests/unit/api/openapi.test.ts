import { validate } from '@readme/openapi-parser';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../../../api/document';
import { OPENAPI_FILES, openApiDocumentText } from '../../../api/generate';
import { API_ROUTES } from '../../../api/routes';
import { buildContractChecker, OPENAPI_DOCUMENT } from '../../setup/api-contract';
import orderBr from '../../../examples/order-br.json';
import { createOrder, orderInputSchema } from '../../../domain/order';
import { orderView } from '../../../functions/shared/views';

const root = join(__dirname, '..', '..', '..');

describe('openapi.json', () => {
  it('is what `npm run openapi` generates from the route registry', () => {
    expect(readFileSync(join(root, OPENAPI_FILES.document), 'utf8')).toBe(openApiDocumentText());
  });

  it('has the typed client’s types generated from it (npm run openapi -- --check)', () => {
    // openapi-typescript is ESM inside, so the check runs as the script would (it exits 1 when stale).
    const output = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'openapi.ts'), '--check'], { cwd: root, encoding: 'utf8' });

    expect(output).toContain('up to date');
  });

  it('passes an OpenAPI 3.1 validator', async () => {
    const result = await validate(structuredClone(OPENAPI_DOCUMENT) as never);

    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(OPENAPI_DOCUMENT).toMatchObject({ openapi: '3.1.0' });
  });

  it('fails validation when the document is broken (the validator is not a rubber stamp)', async () => {
    const broken = structuredClone(OPENAPI_DOCUMENT) as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, { description?: string }> }>>;
    };
    delete broken.paths['/v1/orders']!.post!.responses['201']!.description;

    const result = await validate(broken as never);

    expect(result.valid).toBe(false);
  });

  it('gives every operation a unique id, a success answer, problem details for errors and the security its kind needs', () => {
    const document = buildOpenApiDocument();
    const ids = API_ROUTES.map((route) => route.operationId);

    expect(new Set(ids).size).toBe(ids.length);
    for (const route of API_ROUTES) {
      const operation = (
        document.paths[route.path] as Record<string, { responses: Record<string, { content?: Record<string, unknown> }>; security: unknown[] }>
      )[route.method.toLowerCase()]!;
      expect(Object.keys(operation.responses).some((status) => status.startsWith('2'))).toBe(true);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) expect(Object.keys(response.content ?? {})).toContain('application/problem+json');
      }
      expect(operation.security).toEqual(route.security === 'public' ? [] : [{ [route.security]: [] }]);
    }
  });

  it('documents POST /v1/orders with the handler’s own schema, the examples from examples/ and the idempotency headers', () => {
    const post = OPENAPI_DOCUMENT.paths['/v1/orders']!.post! as unknown as {
      requestBody: { content: { 'application/json': { examples: Record<string, { value: unknown }>; schema: { required: string[] } } } };
      responses: Record<string, { headers?: Record<string, unknown> }>;
    };

    expect(post.requestBody.content['application/json'].examples.br!.value).toEqual(orderBr);
    expect(orderInputSchema.safeParse(orderBr).success).toBe(true);
    expect(post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['marketplace', 'sellerId', 'externalOrderId', 'shipTo', 'items']),
    );
    expect(Object.keys(post.responses['201']!.headers ?? {})).toEqual(['Location', 'Idempotent-Replayed']);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415', '500']));
  });
});

describe('the contract check of the end-to-end tests', () => {
  const problemsWith = buildContractChecker();
  // What GET /v1/orders/{id} answers for the sample order, built as the handler builds it.
  const order = orderView(createOrder(orderInputSchema.parse(orderBr), { orderId: 'ord_1', receivedAt: '2026-12-01T10:00:00.000Z', warnings: [] }));
  const json = (extra: Record<string, string> = {}) => new Headers({ 'content-type': 'application/json', ...extra });

  it('accepts an answer that matches its operation', () => {
    expect(problemsWith({ method: 'GET', url: '/v1/orders/ord_1', status: 200, headers: json(), body: JSON.stringify(order) })).toEqual([]);
  });

  it('fails a body that does not match its schema', () => {
    const { orderId: _missing, ...withoutId } = order;

    const problems = problemsWith({
      method: 'GET',
      url: '/v1/orders/ord_1',
      status: 200,
      headers: json(),
      body: JSON.stringify({ ...withoutId, version: 'one' }),
    });

    expect(problems.join('\n')).toMatch(/does not match its schema.*orderId/);
    expect(problems.join('\n')).toMatch(/version/);
  });

  it('fails a status code, a media type, a header or a route the document does not list', () => {
    expect(problemsWith({ method: 'GET', url: '/v1/orders/ord_1', status: 418, headers: json(), body: '{}' })).toEqual([
      expect.stringMatching(/status 418 is not documented/),
    ]);
    expect(problemsWith({ method: 'GET', url: '/v1/orders/ord_1', status: 200, headers: new Headers({ 'content-type': 'text/plain' }), body: 'ok' })).toEqual([
      expect.stringMatching(/media type "text\/plain" is not documented/),
    ]);
    expect(
      problemsWith({ method: 'GET', url: '/v1/orders/ord_1', status: 200, headers: json({ 'idempotent-replayed': 'true' }), body: JSON.stringify(order) }),
    ).toEqual([expect.stringMatching(/sends header Idempotent-Replayed/)]);
    expect(problemsWith({ method: 'GET', url: '/v1/nowhere', status: 200, headers: json(), body: '{}' })).toEqual(['GET /v1/nowhere is not in openapi.json']);
  });

  it('fails problem details that are not problem details', () => {
    const problems = problemsWith({
      method: 'GET',
      url: '/v1/orders/x',
      status: 404,
      headers: new Headers({ 'content-type': 'application/problem+json' }),
      body: '{"error":"no"}',
    });

    expect(problems.join('\n')).toMatch(/does not match its schema/);
  });
});
