import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithLambdaAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Tenant } from '../../../domain/shared/tenant';
import { logger } from '../observability';
import { badRequest, HttpError, problemResponse, unauthorized } from './problem';

/** What the authorizer puts in the request context (values are strings, as API Gateway passes them). */
export interface AuthorizerContext {
  readonly authenticated: 'true' | 'false';
  readonly tenantId?: string;
  readonly tenantKind?: 'seller' | 'integration';
  /** Comma-separated. */
  readonly sellerIds?: string;
}

export type HttpEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<AuthorizerContext>;

export interface HttpRequest {
  readonly event: HttpEvent;
  readonly tenant: Tenant;
  /** The parsed JSON body, when the route takes one. */
  readonly body: unknown;
  readonly requestId: string;
}

export type HttpRoute = (request: HttpRequest) => Promise<APIGatewayProxyStructuredResultV2> | APIGatewayProxyStructuredResultV2;

export interface HttpHandlerOptions {
  /** Routes that take a JSON body; it is checked for content type, size and syntax before the route runs. */
  readonly jsonBody?: { readonly maxBytes: number };
}

const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;.*)?$/i;

/**
 * Wraps a route in the HTTP concerns every Enlace route shares: the tenant from the authorizer
 * (401 when the key was unknown), the JSON body (415 wrong type, 413 too large, 400 malformed),
 * and errors rendered as problem details. Anything unexpected is logged and answered with a 500
 * that reveals nothing of the error.
 */
export function httpHandler(route: HttpRoute, options: HttpHandlerOptions = {}) {
  return middy<HttpEvent, APIGatewayProxyStructuredResultV2, Error, Context>().handler(async (event, context) => {
    const requestId = event.requestContext.requestId ?? context.awsRequestId;
    try {
      const tenant = tenantFrom(event);
      const body = options.jsonBody === undefined ? undefined : parseJsonBody(event, options.jsonBody.maxBytes);
      return await route({ event, tenant, body, requestId });
    } catch (error) {
      if (error instanceof HttpError) {
        return problemResponse(error, requestId);
      }
      logger.error('unhandled error', { error: error as Error, requestId });
      return problemResponse(new HttpError(500, 'Internal Server Error', 'Something went wrong on our side; it has been logged.'), requestId);
    }
  });
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
  };
}

function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const entry = Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === wanted);
  return entry?.[1];
}

export function parseJsonBody(event: HttpEvent, maxBytes: number): unknown {
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
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`);
  }
}

export function pathParameter(event: HttpEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined || value.length === 0) {
    throw badRequest(`The path parameter "${name}" is missing.`);
  }
  return decodeURIComponent(value);
}
