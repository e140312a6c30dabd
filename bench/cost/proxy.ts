/**
 * A metering proxy: an HTTP server in front of one emulator endpoint (DynamoDB Local, fauxqs, the
 * local EventBridge, Secrets Manager, KMS, the HTTP API). Every SDK client of the local cloud, the
 * functions' and the platform's own (event source mappings, rule targets), is pointed at it, so every
 * request is seen once, with its body, its answer and who sent it (each function signs with its own
 * access key id). Whoever builds the proxy decides what a request costs (`account`).
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly requestBody: Buffer;
  readonly status: number;
  readonly responseBody: Buffer;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Sends one request to the upstream as it came (headers included: the emulators do not check signatures). */
export function forward(upstream: string, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<UpstreamResponse> {
  const target = new URL(upstream);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port, method, path, headers: { ...headers, 'content-length': String(body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * How a request is passed on: plainly by default; a service that must see the world before and after
 * (DynamoDB, for the size of what a write replaced) passes it on itself and accounts for it.
 */
export type Interceptor = (incoming: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer }) => Promise<UpstreamResponse>;

export interface MeteringProxy {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startMeteringProxy(options: {
  upstream: string;
  account: (exchange: Exchange) => void;
  intercept?: Interceptor;
}): Promise<MeteringProxy> {
  const { upstream, account } = options;
  const pass: Interceptor = options.intercept ?? ((incoming) => forward(upstream, incoming.method, incoming.path, incoming.headers, incoming.body));
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', () => response.destroy());
    request.on('end', () => {
      const incoming = { method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks) };
      pass(incoming).then(
        (answer) => {
          try {
            account({ ...incoming, requestBody: incoming.body, status: answer.status, responseBody: answer.body });
          } finally {
            const headers = { ...answer.headers };
            delete headers['transfer-encoding'];
            headers['content-length'] = String(answer.body.length);
            response.writeHead(answer.status, headers);
            response.end(answer.body);
          }
        },
        (error: Error) => {
          response.writeHead(502, { 'content-type': 'text/plain' });
          response.end(`metering proxy: ${error.message}`);
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The access key id a request was signed with (`Credential=<id>/…` of SigV4), or undefined. */
export function signingKeyId(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  return typeof authorization === 'string' ? /Credential=([^/,\s]+)\//.exec(authorization)?.[1] : undefined;
}
