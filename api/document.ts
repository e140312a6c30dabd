import * as z from 'zod';
import { API_ROUTES } from './routes';
import type { ApiRoute, ResponseHeader, ResponseSpec, Security } from './registry';
import { gatewayErrorSchema, problemSchema } from './schemas';

/**
 * The OpenAPI 3.1 document of the HTTP API, built from the route registry (api/routes/) and the
 * same zod schemas the handlers validate with (zod 4's JSON Schema output, draft 2020-12, which is
 * OpenAPI 3.1's own dialect). `npm run openapi` writes it to openapi.json; a unit test fails when
 * the committed file is stale.
 */

type JsonSchema = Record<string, unknown>;
type Components = Record<string, JsonSchema>;

const SECURITY_SCHEMES = {
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An Enlace API key (`Authorization: Bearer enl_live_…`). A key belongs to a tenant: a seller, or a marketplace integration acting for the sellers listed on its key.',
  },
  warehouseKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'A warehouse operator’s key (`Authorization: Bearer …`): it acts for one warehouse, and only under `/v1/warehouses/{its code}/`.',
  },
  carrierSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'Enlace-Carrier-Signature',
    description:
      '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the feed’s shared secret (one `v1=` per secret during a rotation). Feeds that cannot sign this way authenticate as they do elsewhere: 17TRACK’s `sign`, AfterShip’s and FedEx’s body HMAC, Loggi’s Basic credentials, DHL’s and UPS’s registered token.',
  },
  forwarderSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'Enlace-Forwarder-Signature',
    description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the forwarder’s shared secret.',
  },
} as const;

const HEADERS: Record<ResponseHeader, { description: string; schema: JsonSchema }> = {
  Location: { description: 'Where the created resource lives.', schema: { type: 'string' } },
  ETag: { description: 'The representation’s version: send it back as `If-Match` to change it only if nobody else did.', schema: { type: 'string' } },
  'Idempotent-Replayed': { description: '`true` when this answers a retry of an earlier request, replayed.', schema: { type: 'string', enum: ['true'] } },
  'Retry-After': { description: 'Seconds to wait before asking again.', schema: { type: 'string', pattern: '^[0-9]+$' } },
  'WWW-Authenticate': { description: 'How to authenticate.', schema: { type: 'string' } },
  'Content-Disposition': { description: 'The file name to save the body as.', schema: { type: 'string' } },
  'Cache-Control': { description: 'How long the answer may be cached.', schema: { type: 'string' } },
};

const TAGS = [
  { name: 'Orders', description: 'Marketplace orders: intake (idempotent), status.' },
  { name: 'Rating', description: 'Itemised quotes, duties and taxes, landed cost.' },
  { name: 'Routing', description: 'The carrier chosen and why; labels; carrier performance.' },
  { name: 'Customs', description: 'Corrections, commercial invoice, packing list, CN22/CN23.' },
  { name: 'Tracking', description: 'One canonical timeline per shipment, whatever the source.' },
  { name: 'Notifications', description: 'Subscriptions to what happens to a seller’s parcels (signed deliveries).' },
  { name: 'Products', description: 'The seller’s SKU catalogue (overseas warehouse).' },
  { name: 'Inbound', description: 'Inbound shipments to an overseas warehouse, with their compliance gate.' },
  { name: 'Stock', description: 'Balances, movements and lots per warehouse.' },
  { name: 'Warehouse operations', description: 'What a warehouse operator key may call: only under its own warehouse.' },
  { name: 'Webhooks', description: 'What carriers, aggregators and forwarders push to Enlace (signed, no API key).' },
  { name: 'Reference', description: 'This document and the page that renders it.' },
];

/** Rewrites zod's local `#/$defs/X` references to the document's `#/components/schemas/X`. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === '$ref' && typeof child === 'string' ? child.replace(/^#\/\$defs\//, '#/components/schemas/') : relink(child),
    ]),
  );
}

/** A zod schema as JSON Schema, its named parts (`.meta({ id })`) moved into the components. */
function jsonSchemaOf(schema: z.ZodType, components: Components): JsonSchema {
  // `input`: what a request may carry before the handler's transforms; responses are described as open objects.
  const {
    $schema: _dialect,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    // zod spells ISO date-times out as a 600-character pattern too; the format says it.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
    },
  }) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  for (const [id, definition] of Object.entries($defs ?? {})) {
    const linked = relink(definition) as JsonSchema;
    const existing = components[id];
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(linked)) {
      throw new Error(`Two different schemas are named "${id}"; give one another id.`);
    }
    components[id] = linked;
  }
  return relink(rest) as JsonSchema;
}

const securityOf = (security: Security) => (security === 'public' ? [] : [{ [security]: [] }]);

const headersOf = (names: readonly ResponseHeader[] | undefined) =>
  names === undefined || names.length === 0 ? undefined : Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

function responseOf(status: number, spec: ResponseSpec, components: Components) {
  const content: Record<string, unknown> = {};
  if (spec.body !== undefined) {
    content[status >= 400 ? 'application/problem+json' : 'application/json'] = { schema: jsonSchemaOf(spec.body, components) };
  }
  for (const [mediaType, media] of Object.entries(spec.media ?? {})) {
    content[mediaType] = {
      schema: media.schema === undefined ? { type: 'string', contentMediaType: mediaType } : jsonSchemaOf(media.schema, components),
    };
  }
  const headers = headersOf(spec.headers);
  return { description: spec.description, ...(headers === undefined ? {} : { headers }), ...(Object.keys(content).length === 0 ? {} : { content }) };
}

const problemRef = { $ref: '#/components/schemas/Problem' };

/** The answers of the shared HTTP edge (functions/shared/http), which every route of its kind can give. */
function edgeResponses(route: ApiRoute): Record<number, unknown> {
  const edge: Record<number, unknown> = {};
  if (route.security !== 'public') {
    edge[400] = { description: 'The request is invalid: every problem named.', content: { 'application/problem+json': { schema: problemRef } } };
  }
  if (route.security === 'apiKey' || route.security === 'warehouseKey') {
    edge[401] = {
      description: 'The key is missing (API Gateway answers), or unknown or revoked (problem details).',
      headers: headersOf(['WWW-Authenticate']),
      content: { 'application/problem+json': { schema: problemRef }, 'application/json': { schema: { $ref: '#/components/schemas/GatewayError' } } },
    };
  }
  if (route.body !== undefined) {
    edge[413] = {
      description: `The body is over ${route.body.maxBytes ?? 'the limit of'} bytes.`,
      content: { 'application/problem+json': { schema: problemRef } },
    };
    if (route.security !== 'carrierSignature' && route.security !== 'forwarderSignature') {
      edge[415] = { description: 'The body is not sent as JSON.', content: { 'application/problem+json': { schema: problemRef } } };
    }
  }
  edge[500] = {
    description: 'Something went wrong on Enlace’s side (logged; no details leak).',
    content: { 'application/problem+json': { schema: problemRef } },
  };
  return edge;
}

function parametersOf(route: ApiRoute, components: Components) {
  const pathNames = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const parameters: unknown[] = pathNames.map((name) => ({
    name,
    in: 'path',
    required: true,
    description: route.pathParams?.[name] ?? name,
    schema: { type: 'string' },
  }));
  if (route.query !== undefined) {
    const query = jsonSchemaOf(route.query, components) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        ...(description === undefined ? {} : { description }),
        schema: rest,
      });
    }
  }
  for (const name of route.requestHeaders ?? []) {
    parameters.push(
      name === 'If-Match'
        ? {
            name,
            in: 'header',
            required: false,
            description: 'The version you read (the ETag): the change applies only if it is still current.',
            schema: { type: 'string' },
          }
        : { name, in: 'header', required: false, description: '`application/pdf` for the PDF; JSON otherwise.', schema: { type: 'string' } },
    );
  }
  return parameters;
}

function operationOf(route: ApiRoute, components: Components) {
  const responses: Record<string, unknown> = {};
  const own = Object.fromEntries(Object.entries(route.responses).map(([status, spec]) => [status, responseOf(Number(status), spec, components)]));
  const all: Record<string, unknown> = { ...edgeResponses(route), ...own };
  for (const status of Object.keys(all).sort()) responses[status] = all[status];
  const parameters = parametersOf(route, components);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    tags: [route.tag],
    security: securityOf(route.security),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(route.body === undefined
      ? {}
      : {
          requestBody: {
            required: route.body.required ?? true,
            content: {
              [route.body.contentType ?? 'application/json']: {
                schema: jsonSchemaOf(route.body.schema, components),
                ...(route.body.examples === undefined ? {} : { examples: route.body.examples }),
              },
            },
          },
        }),
    responses,
  };
}

export function buildOpenApiDocument(routes: readonly ApiRoute[] = API_ROUTES) {
  const components: Components = {};
  jsonSchemaOf(problemSchema, components);
  jsonSchemaOf(gatewayErrorSchema, components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    const method = route.method.toLowerCase();
    if (item[method] !== undefined) throw new Error(`${route.method} ${route.path} is in the registry twice.`);
    item[method] = operationOf(route, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Enlace API',
      version: '1.0.0',
      summary: 'Cross-border e-commerce logistics: China to Latin America and the US.',
      description:
        'Orders from marketplaces, itemised quotes with duties and landed cost, carrier routing with its reasons, customs documents, one tracking timeline per parcel, seller notifications, and the overseas warehouse (products, inbound shipments, stock). Errors are RFC 9457 problem details (`application/problem+json`) naming every problem at once. Generated from the zod schemas the handlers validate with (`npm run openapi`).',
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'The local cloud (`npm start`)' }],
    tags: TAGS,
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      headers: Object.fromEntries(Object.entries(HEADERS).map(([name, header]) => [name, header])),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
