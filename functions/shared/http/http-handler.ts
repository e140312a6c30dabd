import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpEventNormalizer from '@middy/http-event-normalizer';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithLambdaAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Tenant } from '../../../domain/shared/tenant';
import { textProblem } from '../../../domain/shared/text';
import { logger, metrics } from '../observability';
import { badRequest, HttpError, problemResponse, unauthorized } from './problem';

/**
 * The one HTTP edge. Every API route and every webhook is the same middy stack:
 *
 *   Lambda context on every log line (Powertools) → metrics flushed (when the route counts any) →
 *   header names lower-cased and path/query parameters always objects (@middy/http-header-normalizer,
 *   @middy/http-event-normalizer) → problem details for every error (RFC 9457; nothing unexpected
 *   leaks) → the body: JSON for API routes (415 wrong type, 413 too large, 400 malformed), the raw
 *   bytes for signed webhooks (413 too large) → the route.
 *
 * @middy/http-json-body-parser and @middy/http-error-handler were tried and not used: the first
 * answers malformed JSON with 415 and replaces the raw body webhooks must verify, the second writes
 * text, not problem details. @middy/http-urlencode-path-parser throws on malformed percent-encoding
 * (a 500); `pathParameter` below answers 400 instead.
 */

/** What the authorizer puts in the request context (values are strings, as API Gateway passes them). */
export interface AuthorizerContext {
  readonly authenticated: 'true' | 'false';
  readonly tenantId?: string;
  readonly tenantKind?: 'seller' | 'integration' | 'warehouse';
  /** Comma-separated. */
  readonly sellerIds?: string;
  /** A warehouse operator's warehouse. */
  readonly warehouseCode?: string;
}

export type HttpEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<AuthorizerContext>;
export type HttpResult = APIGatewayProxyStructuredResultV2;

export interface HttpRequest {
  readonly event: HttpEvent;
  readonly tenant: Tenant;
  /** The parsed JSON body, when the route takes one. */
  readonly body: unknown;
  readonly requestId: string;
}

export type HttpRoute = (request: HttpRequest) => Promise<HttpResult> | HttpResult;

export interface WebhookRequest {
  readonly event: APIGatewayProxyEventV2;
  /** The body's bytes exactly as sent: what a signature covers. */
  readonly rawBody: Buffer;
  readonly requestId: string;
}

export type WebhookRoute = (request: WebhookRequest) => Promise<HttpResult>;

export interface EdgeOptions {
  /** Flush Powertools metrics after each request (for routes that count something). */
  readonly metrics?: boolean;
}

const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;.*)?$/i;

/** A request header, whatever the case of its name (API Gateway lower-cases them; tests and the local cloud may not). */
export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

/** Problem details for every error: an HttpError as it says, anything else logged and answered 500 without its details. */
function problemDetails(): MiddlewareObj<APIGatewayProxyEventV2, HttpResult, Error, Context> {
  return {
    onError: (request) => {
      const requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
      if (request.error instanceof HttpError) {
        request.response = problemResponse(request.error, requestId);
        return;
      }
      logger.error('unhandled error', { error: request.error ?? undefined, requestId });
      request.response = problemResponse(new HttpError(500, 'Internal Server Error', 'Something went wrong on our side; it has been logged.'), requestId);
    },
  };
}

/** The stack every HTTP function shares; the route-specific part (tenant, body) is the handler's. */
function httpEdge<TEvent extends APIGatewayProxyEventV2>(handler: (event: TEvent, context: Context) => Promise<HttpResult>, options: EdgeOptions) {
  const stack = middy<TEvent, HttpResult, Error, Context>().use(injectLambdaContext(logger, { resetKeys: true }));
  if (options.metrics === true) {
    stack.use(logMetrics(metrics));
  }
  // The normalizers' types widen the event to every API Gateway shape; they only fill in and lower-case fields.
  const normalizers = [httpHeaderNormalizer(), httpEventNormalizer()] as unknown as MiddlewareObj<TEvent, HttpResult, Error, Context>[];
  return stack
    .use(normalizers)
    .use(problemDetails() as MiddlewareObj<TEvent, HttpResult, Error, Context>)
    .handler(handler);
}

const requestIdOf = (event: APIGatewayProxyEventV2, context: Context): string => event.requestContext?.requestId ?? context.awsRequestId;

/** An API route: the tenant from the authorizer (401 when the key was unknown) and, when the route takes one, its JSON body. */
export function httpHandler(
  route: HttpRoute,
  options: EdgeOptions & { readonly jsonBody?: { readonly maxBytes: number; readonly methods?: readonly string[] } } = {},
) {
  const { jsonBody } = options;
  return httpEdge<HttpEvent>(async (event, context) => {
    const tenant = tenantFrom(event);
    // A function serving several routes takes a body only on the methods that have one.
    const takesBody = jsonBody !== undefined && (jsonBody.methods === undefined || jsonBody.methods.includes(event.requestContext.http.method));
    const body = takesBody ? parseJsonBody(event, jsonBody.maxBytes) : undefined;
    return route({ event, tenant, body, requestId: requestIdOf(event, context) });
  }, options);
}

/** A signed webhook (no API key): the raw body, size-checked, for the route to verify before anything is parsed. */
export function webhookHandler(route: WebhookRoute, options: EdgeOptions & { readonly maxBytes: number }) {
  return httpEdge<APIGatewayProxyEventV2>(async (event, context) => {
    const rawBody = event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
    if (rawBody.length > options.maxBytes) {
      throw new HttpError(413, 'Content Too Large', `The body is ${rawBody.length} bytes; the limit is ${options.maxBytes} bytes. Split the batch.`);
    }
    return route({ event, rawBody, requestId: requestIdOf(event, context) });
  }, options);
}

export function tenantFrom(event: HttpEvent): Tenant {
  const claims = event.requestContext.authorizer?.lambda;
  if (claims?.authenticated !== 'true' || claims.tenantId === undefined || claims.tenantKind === undefined) {
    throw unauthorized('The API key is missing, unknown or revoked. Send it as "Authorization: Bearer <key>".');
  }
  return {
    tenantId: claims.tenantId,
    kind: claims.tenantKind,
    sellerIds: (claims.sellerIds ?? '').split(',').filter((id) => id.length > 0),
    ...(claims.warehouseCode === undefined || claims.warehouseCode === '' ? {} : { warehouseCode: claims.warehouseCode }),
  };
}

/**
 * How deep a JSON body may nest. An order is five levels deep (order → items → item → dimensions);
 * nothing Enlace accepts needs more than 10. A body nested thousands of levels is refused here,
 * before any code walks it.
 */
export const MAX_JSON_DEPTH = 32;

/** The JSON body of a request: 415 for another content type, 413 over `maxBytes`, 400 empty, malformed or nested deeper than MAX_JSON_DEPTH. */
export function parseJsonBody(event: APIGatewayProxyEventV2, maxBytes: number): unknown {
  const contentType = header(event, 'content-type');
  if (contentType === undefined || !JSON_CONTENT_TYPE.test(contentType)) {
    throw new HttpError(415, 'Unsupported Media Type', `Send the body as JSON with "Content-Type: application/json" (got ${contentType ?? 'none'}).`);
  }
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const size = Buffer.byteLength(raw, 'utf8');
  if (size > maxBytes) {
    throw new HttpError(413, 'Content Too Large', `The body is ${size} bytes; the limit is ${maxBytes} bytes.`);
  }
  if (raw.trim().length === 0) {
    throw badRequest('The request body is empty; send a JSON object.');
  }
  const depth = nestingDepth(raw);
  if (depth > MAX_JSON_DEPTH) {
    throw badRequest(`The body nests ${depth} levels deep; the limit is ${MAX_JSON_DEPTH}.`, [
      { path: '(body)', code: 'too_deep', message: `JSON may nest at most ${MAX_JSON_DEPTH} levels of objects and arrays` },
    ]);
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`);
  }
}

/** The deepest nesting of objects and arrays in JSON text (brackets inside strings do not count); one pass, no recursion. */
export function nestingDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < json.length; index += 1) {
    const char = json.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) {
        index += 1; // an escaped character, whatever it is
      } else if (char === 0x22) {
        inString = false;
      }
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      deepest = Math.max(deepest, depth);
    } else if (char === 0x7d || char === 0x5d) {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * The longest path id any route accepts (decoded). Enlace's ids are under 40 characters and carriers'
 * tracking numbers under 40; DynamoDB refuses a key over 1,024 bytes (sort key) or 2,048 (partition
 * key), which used to surface as a 500.
 */
export const MAX_PATH_PARAMETER_LENGTH = 128;

/**
 * A path parameter, percent-decoded; 400 when it is missing, not valid percent-encoding, longer
 * than MAX_PATH_PARAMETER_LENGTH, or not readable text (control characters, lone surrogates or
 * noncharacters, domain/shared/text.ts).
 */
export function pathParameter(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined || value.length === 0) {
    throw badRequest(`The path parameter "${name}" is missing.`);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    throw badRequest(`The path parameter "${name}" is not valid percent-encoding.`, [
      { path: name, code: 'invalid_format', message: 'malformed percent-encoding' },
    ]);
  }
  if (decoded.length > MAX_PATH_PARAMETER_LENGTH) {
    throw badRequest(`The path parameter "${name}" is ${decoded.length} characters long; no id is longer than ${MAX_PATH_PARAMETER_LENGTH}.`, [
      { path: name, code: 'too_big', message: `must be at most ${MAX_PATH_PARAMETER_LENGTH} characters` },
    ]);
  }
  const problem = textProblem(decoded);
  if (problem !== undefined) {
    throw badRequest(`The path parameter "${name}" is not a valid id.`, [{ path: name, code: 'invalid_format', message: problem }]);
  }
  return decoded;
}
