import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { LOCAL_ACCOUNT } from './resources';
import type { RouteSpec } from './wiring';

export type Invoke = (functionId: string, event: unknown) => Promise<unknown>;

/** API Gateway's HTTP API payload limit. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

interface CompiledRoute {
  readonly spec: RouteSpec;
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
  readonly specificity: number;
}

/** `/v1/orders/{id}` → a regex with named groups; `{proxy+}` matches the rest of the path. */
function compile(spec: RouteSpec): CompiledRoute {
  const parameterNames: string[] = [];
  const source = spec.path
    .split('/')
    .map((segment) => {
      const greedy = /^\{(\w+)\+\}$/.exec(segment);
      if (greedy !== null) {
        parameterNames.push(greedy[1]!);
        return '(.+)';
      }
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (parameter !== null) {
        parameterNames.push(parameter[1]!);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { spec, pattern: new RegExp(`^${source}$`), parameterNames, specificity: spec.path.split('/').filter((s) => !s.startsWith('{')).length };
}

/**
 * The local HTTP API: routes and the Lambda authorizer from the template, requests turned into
 * payload format 2.0 events, responses mapped back as API Gateway maps them.
 */
export class ApiGateway {
  private server: Server | undefined;
  private readonly routes: CompiledRoute[];
  private readonly authorizerCache = new Map<string, { context: unknown; authorized: boolean; expiresAt: number }>();

  constructor(
    routes: readonly RouteSpec[],
    private readonly invoke: Invoke,
    private readonly log: (message: string, fields?: Record<string, unknown>) => void,
  ) {
    this.routes = routes.map(compile).sort((a, b) => b.specificity - a.specificity);
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((request, response) => {
      // handle() answers every error it can; this is the last guard of the local cloud's process.
      this.handle(request, response).catch((error: unknown) => this.log('api: request crashed', { error: String(error) }));
    });
    // A malformed request or a client gone mid-request ends that connection only.
    // A request the HTTP parser refuses (a request line or headers over the limit, bytes that are not
    // HTTP) is answered with a 4xx, as API Gateway answers it, unless the client is already gone.
    this.server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
      if (socket.writable && error.code !== 'ECONNRESET') {
        const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server === undefined ? resolve() : this.server.close(() => resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const started = Date.now();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    let status = 500;
    try {
      let body: Buffer;
      try {
        body = await readBody(request);
      } catch (error) {
        // The client went away (or broke the connection) before its body arrived: nobody to answer.
        status = 400;
        this.log('api: request body not received', { requestId, error: (error as Error).message });
        response.destroy();
        return;
      }
      if (body.length > MAX_PAYLOAD_BYTES) {
        status = 413;
        return sendJson(response, 413, { message: 'Request Entity Too Large' });
      }
      const match = this.match(method, url.pathname);
      if (match === undefined) {
        status = 404;
        return sendJson(response, 404, { message: 'Not Found' });
      }
      const headers = lowerCaseHeaders(request);
      let authorizerContext: unknown;
      if (match.route.spec.authorizer !== undefined) {
        const outcome = await this.authorize(match.route.spec, method, url, headers, requestId);
        if (outcome.kind !== 'allowed') {
          status = outcome.kind === 'unauthorized' ? 401 : 403;
          return sendJson(response, status, { message: status === 401 ? 'Unauthorized' : 'Forbidden' });
        }
        authorizerContext = outcome.context;
      }
      const event = buildEvent({ method, url, headers, body, requestId, route: match.route.spec, pathParameters: match.parameters, authorizerContext });
      const result = await this.invoke(match.route.spec.functionId, event);
      status = writeResult(response, result);
    } catch (error) {
      this.log('api: integration failed', { requestId, error: (error as Error).message });
      status = 500;
      if (!response.headersSent && !response.destroyed) {
        sendJson(response, 500, { message: 'Internal Server Error' });
      }
    } finally {
      this.log('api: request', { requestId, method, path: url.pathname, status, latencyMs: Date.now() - started });
    }
  }

  private match(method: string, path: string): { route: CompiledRoute; parameters: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.spec.method !== method && route.spec.method !== 'ANY') {
        continue;
      }
      const found = route.pattern.exec(path);
      if (found !== null) {
        return { route, parameters: Object.fromEntries(route.parameterNames.map((name, index) => [name, found[index + 1]!])) };
      }
    }
    return undefined;
  }

  private async authorize(
    route: RouteSpec,
    method: string,
    url: URL,
    headers: Record<string, string>,
    requestId: string,
  ): Promise<{ kind: 'allowed'; context: unknown } | { kind: 'unauthorized' } | { kind: 'forbidden' }> {
    const authorizer = route.authorizer!;
    const identity = authorizer.identitySource.map((source) => {
      const header = /^\$request\.header\.(.+)$/i.exec(source);
      return header === null ? undefined : headers[header[1]!.toLowerCase()];
    });
    // API Gateway answers 401 itself, without calling the authorizer, when an identity source is missing.
    if (identity.some((value) => value === undefined || value.length === 0)) {
      return { kind: 'unauthorized' };
    }
    const cacheKey = `${authorizer.functionId}:${identity.join(',')}`;
    const cached = this.authorizerCache.get(cacheKey);
    let decision = cached !== undefined && cached.expiresAt > Date.now() ? cached : undefined;
    if (decision === undefined) {
      const result = (await this.invoke(authorizer.functionId, {
        version: '2.0',
        type: 'REQUEST',
        routeArn: `arn:aws:execute-api:us-east-1:${LOCAL_ACCOUNT}:local/$default/${method}${url.pathname}`,
        identitySource: identity,
        routeKey: `${route.method} ${route.path}`,
        rawPath: url.pathname,
        rawQueryString: url.search.replace(/^\?/, ''),
        headers,
        requestContext: { requestId, http: { method, path: url.pathname } },
      })) as { isAuthorized?: boolean; context?: unknown };
      decision = { authorized: result.isAuthorized === true, context: result.context ?? {}, expiresAt: Date.now() + authorizer.ttlSeconds * 1000 };
      if (authorizer.ttlSeconds > 0) {
        this.authorizerCache.set(cacheKey, decision);
      }
    }
    return decision.authorized ? { kind: 'allowed', context: decision.context } : { kind: 'forbidden' };
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    }
  }
  return headers;
}

const TEXTUAL = /^(text\/|application\/(json|[\w.+-]*\+json|xml|x-www-form-urlencoded|javascript))/i;

function buildEvent(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
  requestId: string;
  route: RouteSpec;
  pathParameters: Record<string, string>;
  authorizerContext: unknown;
}) {
  const { method, url, headers, body, requestId, route, pathParameters, authorizerContext } = input;
  const now = new Date();
  const textual = TEXTUAL.test(headers['content-type'] ?? 'text/plain');
  const query = new URLSearchParams(url.search);
  const queryStringParameters: Record<string, string> = {};
  for (const key of new Set(query.keys())) {
    queryStringParameters[key] = query.getAll(key).join(',');
  }
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(headers.cookie === undefined ? {} : { cookies: headers.cookie.split(/;\s*/) }),
    ...(query.size === 0 ? {} : { queryStringParameters }),
    ...(Object.keys(pathParameters).length === 0 ? {} : { pathParameters }),
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(authorizerContext === undefined ? {} : { authorizer: { lambda: authorizerContext } }),
    },
    ...(body.length === 0 ? {} : { body: textual ? body.toString('utf8') : body.toString('base64') }),
    isBase64Encoded: body.length > 0 && !textual,
  };
}

/** Payload 2.0 response mapping: a structured result as given; anything else is 200 JSON. */
function writeResult(response: ServerResponse, result: unknown): number {
  const structured = result !== null && typeof result === 'object' && 'statusCode' in result;
  if (!structured) {
    sendJson(response, 200, result ?? null);
    return 200;
  }
  const {
    statusCode,
    headers = {},
    body,
    isBase64Encoded,
    cookies,
  } = result as {
    statusCode: number;
    headers?: Record<string, string>;
    body?: string;
    isBase64Encoded?: boolean;
    cookies?: string[];
  };
  const payload = body === undefined ? Buffer.alloc(0) : isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  response.writeHead(statusCode, {
    ...headers,
    ...(cookies === undefined ? {} : { 'set-cookie': cookies }),
    'content-length': payload.length,
  });
  response.end(payload);
  return statusCode;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
