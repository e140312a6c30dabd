import type { z } from 'zod';

/**
 * The route registry the OpenAPI document is built from (api/document.ts): one entry per route of
 * the HTTP API. Adding a route to the stack means adding an entry here (tests/unit/api/openapi.test.ts
 * fails until the two lists match). Request schemas are the handlers' own zod schemas; response
 * schemas are in api/schemas.ts.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: a seller's or integration's API key, a warehouse operator's key, a carrier's
 * or aggregator's signed webhook, a forwarder's signed webhook, or anyone.
 */
export type Security = 'apiKey' | 'warehouseKey' | 'carrierSignature' | 'forwarderSignature' | 'public';

/** Response headers Enlace sends, described once in the document's components. */
export type ResponseHeader = 'Location' | 'ETag' | 'Idempotent-Replayed' | 'Retry-After' | 'WWW-Authenticate' | 'Content-Disposition' | 'Cache-Control';

export interface ResponseSpec {
  readonly description: string;
  /** A JSON body (application/json, or problem+json for 4xx/5xx problems). */
  readonly body?: z.ZodType;
  /** Other representations of the same response, by media type (a PDF, a label, a page); no schema means bytes. */
  readonly media?: Readonly<Record<string, { readonly schema?: z.ZodType; readonly binary?: boolean }>>;
  readonly headers?: readonly ResponseHeader[];
  readonly example?: unknown;
}

export interface Example {
  readonly summary: string;
  readonly value: unknown;
}

export interface ApiRoute {
  readonly method: HttpMethod;
  /** As the CDK declares it: `/v1/orders/{id}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly security: Security;
  /** Descriptions of the path's `{parameters}` (each is a string). */
  readonly pathParams?: Readonly<Record<string, string>>;
  /** The query parameters, as the zod object the handler parses them with (or one describing what it reads). */
  readonly query?: z.ZodObject;
  /** Request headers the route reads, besides authentication. */
  readonly requestHeaders?: readonly ('If-Match' | 'Accept')[];
  readonly body?: {
    readonly schema: z.ZodType;
    /** application/json unless said. */
    readonly contentType?: string;
    /** False when the body may be left out (the defaults apply). */
    readonly required?: boolean;
    readonly maxBytes?: number;
    readonly examples?: Readonly<Record<string, Example>>;
  };
  /** Every status code the route answers; the edge's own answers (401, 413, 415, 400 for JSON, 500) are added by the document. */
  readonly responses: Readonly<Record<number, ResponseSpec>>;
}

/** A route's key as API Gateway spells it: `POST /v1/orders`. */
export const routeKey = (route: Pick<ApiRoute, 'method' | 'path'>): string => `${route.method} ${route.path}`;
