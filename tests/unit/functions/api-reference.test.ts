import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApiReferenceRoute, readRedocBundle, REDOC_SCRIPT_PATH, REFERENCE_PAGE } from '../../../functions/api-reference/api-reference';
import { webhookHandler, type HttpResult } from '../../../functions/shared/http/http-handler';
import { assertKeepsContract } from '../../setup/api-contract';
import { httpEvent, lambdaContext } from './http-fixtures';

const document = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'openapi.json'), 'utf8')) as unknown;
const handler = webhookHandler(buildApiReferenceRoute({ document, redocBundle: () => 'window.Redoc = {};' }), { maxBytes: 0 });
const get = async (path: string) => (await handler(httpEvent({ method: 'GET', path }), lambdaContext)) as HttpResult & { headers: Record<string, string> };
/** The answer as the contract check of the end-to-end tests reads it. */
const observed = (path: string, result: HttpResult & { headers: Record<string, string> }) => ({
  method: 'GET',
  url: path,
  status: result.statusCode ?? 200,
  headers: new Headers(result.headers),
  body: result.body ?? '',
});

describe('the API reference routes', () => {
  it('serve the committed OpenAPI document, as the document itself describes', async () => {
    const result = await get('/v1/openapi.json');

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body!)).toEqual(document);
    expect(() => assertKeepsContract(observed('/v1/openapi.json', result))).not.toThrow();
  });

  it('serve a reference page that loads its renderer from Enlace itself, never a CDN', async () => {
    const page = await get('/v1/docs');
    const script = await get(REDOC_SCRIPT_PATH);

    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toBe(REFERENCE_PAGE);
    expect(page.body).toContain(`<script src="${REDOC_SCRIPT_PATH}"></script>`);
    expect(page.body).toContain('spec-url="/v1/openapi.json"');
    expect(page.body).not.toMatch(/https?:\/\//);
    // Redoc's bundle shows its maker's logo from a CDN: the page's policy keeps images and fonts to Enlace's own origin.
    expect(page.headers['content-security-policy']).toBe("img-src 'self' data:; font-src 'self' data:");
    expect(script.body).toBe('window.Redoc = {};');
    expect(() => assertKeepsContract(observed('/v1/docs', page))).not.toThrow();
    expect(() => assertKeepsContract(observed(REDOC_SCRIPT_PATH, script))).not.toThrow();
  });

  it('read Redoc’s standalone bundle from the npm package when run from source', () => {
    const bundle = readRedocBundle(__dirname);

    expect(bundle.length).toBeGreaterThan(500_000);
    expect(bundle).toContain('Redoc');
  });
});
