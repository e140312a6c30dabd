import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpResult, WebhookRoute } from '../shared/http/http-handler';
import { jsonResponse, notFound } from '../shared/http/problem';

/** Redoc's standalone bundle: copied beside the handler when the CDK bundles it (infra/stacks), read from node_modules when run from source. */
export const REDOC_BUNDLE = 'redoc/bundles/redoc.standalone.js';
export const REDOC_SCRIPT_PATH = '/v1/docs/redoc.standalone.js';

const CACHE = 'public, max-age=300';

/** The reference page: Redoc, served by Enlace itself (no CDN, no web fonts), rendering /v1/openapi.json. */
export const REFERENCE_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Enlace API reference</title>
    <style>body { margin: 0; }</style>
  </head>
  <body>
    <redoc spec-url="/v1/openapi.json" expand-responses="200,201,202" path-in-middle-panel="true"></redoc>
    <script src="${REDOC_SCRIPT_PATH}"></script>
  </body>
</html>
`;

export function readRedocBundle(handlerDir: string): string {
  const bundled = join(handlerDir, 'redoc.standalone.js');
  return readFileSync(existsSync(bundled) ? bundled : require.resolve(REDOC_BUNDLE), 'utf8');
}

/**
 * GET /v1/openapi.json, GET /v1/docs and the renderer it loads: the API describing itself, to
 * anyone (no key). The document is the committed openapi.json, bundled into the function.
 */
export function buildApiReferenceRoute(deps: { readonly document: unknown; readonly redocBundle: () => string }): WebhookRoute {
  return ({ event }): Promise<HttpResult> => Promise.resolve(answer(event.routeKey));

  function answer(routeKey: string): HttpResult {
    switch (routeKey) {
      case 'GET /v1/openapi.json':
        return jsonResponse(200, deps.document, { 'cache-control': CACHE, 'access-control-allow-origin': '*' });
      case 'GET /v1/docs':
        return {
          statusCode: 200,
          // Redoc's sidebar shows its maker's logo from their CDN: the page allows images and fonts from Enlace only, so nothing is fetched elsewhere.
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': CACHE,
            'content-security-policy': "img-src 'self' data:; font-src 'self' data:",
          },
          body: REFERENCE_PAGE,
        };
      case `GET ${REDOC_SCRIPT_PATH}`:
        return {
          statusCode: 200,
          headers: { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' },
          body: deps.redocBundle(),
        };
      default:
        throw notFound(`No route ${routeKey}.`);
    }
  }
}
