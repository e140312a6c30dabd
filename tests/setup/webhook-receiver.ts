import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  readonly body: string;
  readonly json: Record<string, unknown>;
  /** What the receiver answered. */
  readonly status: number;
  /** When it arrived (ms since the epoch). */
  readonly at: number;
}

/**
 * A seller's webhook endpoint on 127.0.0.1: answers the verification handshake with its challenge,
 * fails the next `failNext` deliveries with 503, records everything. `stop()` then `start()` brings
 * it back on the same port, as a seller restarting their service.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  failNext = 0;
  /** Answer the handshake without the challenge (a receiver that does not implement it). */
  ignoreChallenge = false;
  private server: Server | undefined;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/enlace/webhooks`;
  }

  /** Deliveries only (no handshakes) that were accepted. */
  get delivered(): ReceivedRequest[] {
    return this.requests.filter((request) => request.status === 200 && request.json.type !== 'enlace.verification');
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const json = JSON.parse(body) as Record<string, unknown>;
        let status = 200;
        let answer = '';
        if (json.type === 'enlace.verification') {
          answer = this.ignoreChallenge ? 'ok' : String(json.challenge);
        } else if (this.failNext > 0) {
          this.failNext -= 1;
          status = 503;
          answer = 'busy';
        }
        this.requests.push({ headers: request.headers, body, json, status, at: Date.now() });
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(answer);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}
