/**
 * The cost meter of `npm run cost`: the local cloud's clients talk to it (bench/cost/proxy.ts), its
 * invocations and log lines are reported to it, and it keeps what AWS would bill, as quantities per
 * (service, price, caller). Pricing is separate (bench/cost/bill.ts).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { LocalCloudMeter, MeteredService } from '../../local/local-cloud';
import type { AWS_US_EAST_1 } from '../aws-prices';
import { dynamoInterceptor, type DynamoCharge } from './dynamodb-meter';
import { signingKeyId, startMeteringProxy, type Exchange, type MeteringProxy } from './proxy';

export type PriceKey = keyof typeof AWS_US_EAST_1;

/** One billed quantity: `quantity` of `price` for `service`, on behalf of `caller` (a function, or the platform). */
export interface Usage {
  readonly service: string;
  readonly price: PriceKey;
  readonly caller: string;
  /** What the line says: "transactional writes", "receives", "PutEvents entries"… */
  readonly what: string;
  quantity: number;
  requests: number;
}

const KB64 = 64 * 1024;
const chunks64 = (bytes: number) => Math.max(1, Math.ceil(bytes / KB64));
const json = (buffer: Buffer): Record<string, unknown> => {
  try {
    return JSON.parse(buffer.toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** The platform itself: event source mappings polling queues and streams, rules delivering to queues. */
export const PLATFORM = '(platform)';
/** Whoever calls the HTTP API: marketplaces, carriers, sellers. */
export const CLIENTS = '(clients)';

/**
 * Round trips a function waits on, per request, on AWS (same region, warm connection): ESTIMATES used
 * to bill Lambda duration, since the local emulators' latencies say nothing about AWS's. Typical
 * figures from AWS's own guidance (DynamoDB single-digit ms; SQS, EventBridge, S3 tens of ms).
 */
export const ASSUMED_ROUND_TRIP_MS: Readonly<Record<string, number>> = {
  DynamoDB: 6,
  SQS: 12,
  EventBridge: 20,
  S3: 25,
  'Secrets Manager': 15,
  KMS: 10,
};

export class CostMeter implements LocalCloudMeter {
  private lines = new Map<string, Usage>();
  private proxies: MeteringProxy[] = [];
  /** Access key id → function name (each function signs with its own id; see local/kms-server.ts). */
  callers = new Map<string, string>();
  /** Requests each caller made per service in the window, for its Lambda duration. */
  private roundTrips = new Map<string, Map<string, number>>();
  private cpuBaseline = new Map<string, number>();
  private cpuLatest = new Map<string, number>();
  private memoryMb = new Map<string, number>();
  readonly invocations = new Map<string, number>();
  private wallMs = new Map<string, number>();
  /** When the last billable thing happened (idle polling aside): the driver waits for quiet before it reads the meter. */
  lastActivity = Date.now();
  /** Upstream (emulator) endpoint of each fronted service, for look-ups that must not be billed. */
  readonly upstreams = new Map<MeteredService, string>();

  add(usage: Omit<Usage, 'quantity' | 'requests'>, quantity: number, requests = 1): void {
    const key = `${usage.service}|${usage.price}|${usage.caller}|${usage.what}`;
    const line = this.lines.get(key) ?? { ...usage, quantity: 0, requests: 0 };
    line.quantity += quantity;
    line.requests += requests;
    this.lines.set(key, line);
    if (quantity > 0 && usage.price !== 'logIngestedGb') this.lastActivity = Date.now();
    if (usage.caller !== PLATFORM && usage.caller !== CLIENTS && ASSUMED_ROUND_TRIP_MS[usage.service] !== undefined && requests > 0) {
      const calls = this.roundTrips.get(usage.caller) ?? new Map<string, number>();
      calls.set(usage.service, (calls.get(usage.service) ?? 0) + requests);
      this.roundTrips.set(usage.caller, calls);
    }
  }

  /** Forgets everything counted so far (after the warm-up): CPU is measured from here on. */
  reset(): void {
    this.lines = new Map();
    this.writesByItem = new Map();
    this.roundTrips = new Map();
    this.cpuBaseline = new Map(this.cpuLatest);
    this.invocations.clear();
    this.wallMs.clear();
  }

  usage(): Usage[] {
    const lambda = [...this.invocations.keys()].flatMap((fn): Usage[] => {
      const cpuMs = Math.max(0, ((this.cpuLatest.get(fn) ?? 0) - (this.cpuBaseline.get(fn) ?? 0)) / 1000);
      const waitMs = [...(this.roundTrips.get(fn) ?? new Map<string, number>()).entries()].reduce(
        (sum, [service, count]) => sum + count * (ASSUMED_ROUND_TRIP_MS[service] ?? 0),
        0,
      );
      const count = this.invocations.get(fn) ?? 0;
      // Billed per ms, at least 1 ms an invocation.
      const billedMs = Math.max(count, Math.ceil(cpuMs + waitMs));
      return [
        { service: 'Lambda', price: 'lambdaRequest', caller: fn, what: 'invocations', quantity: count, requests: count },
        {
          service: 'Lambda',
          price: 'lambdaArmGbSecond',
          caller: fn,
          what: 'GB-seconds (CPU measured + AWS round trips assumed)',
          quantity: ((this.memoryMb.get(fn) ?? 128) / 1024) * (billedMs / 1000),
          requests: 0,
        },
      ];
    });
    return [...this.lines.values(), ...lambda];
  }

  /** Local wall-clock time per function (informative: the emulators are slower than AWS). */
  localWallMs(): ReadonlyMap<string, number> {
    return this.wallMs;
  }

  private callerOf(headers: IncomingHttpHeaders): string {
    const id = signingKeyId(headers);
    return id === undefined ? CLIENTS : (this.callers.get(id) ?? PLATFORM);
  }

  async front(service: MeteredService, endpoint: string): Promise<string> {
    this.upstreams.set(service, endpoint);
    const proxy =
      service === 'dynamodb'
        ? await startMeteringProxy({
            upstream: endpoint,
            account: () => undefined,
            intercept: dynamoInterceptor(endpoint, (headers, bill) => this.dynamo(this.callerOf(headers), bill)),
          })
        : await startMeteringProxy({ upstream: endpoint, account: (exchange) => this.account(service, exchange) });
    this.proxies.push(proxy);
    return proxy.endpoint;
  }

  invoked(invocation: { logicalId: string; functionName: string; memoryMb: number; wallMs: number; cpuMicros?: number }): void {
    const fn = invocation.functionName;
    this.lastActivity = Date.now();
    this.invocations.set(fn, (this.invocations.get(fn) ?? 0) + 1);
    this.wallMs.set(fn, (this.wallMs.get(fn) ?? 0) + invocation.wallMs);
    this.memoryMb.set(fn, invocation.memoryMb);
    if (invocation.cpuMicros !== undefined) {
      this.cpuLatest.set(fn, invocation.cpuMicros);
      if (!this.cpuBaseline.has(fn)) this.cpuBaseline.set(fn, invocation.cpuMicros);
    }
  }

  logged(functionName: string, bytes: number): void {
    this.add({ service: 'CloudWatch Logs', price: 'logIngestedGb', caller: functionName, what: 'log bytes (as GB)' }, bytes / 1024 ** 3, 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.proxies.map((proxy) => proxy.close()));
  }

  /** Write units per (caller, kind of item): where they go (printed by `npm run cost -- --items`). */
  writesByItem = new Map<string, number>();

  private dynamo(caller: string, bill: DynamoCharge): void {
    const service = 'DynamoDB';
    for (const [kind, units] of Object.entries(bill.byItem ?? {})) {
      this.writesByItem.set(`${caller} ${kind}`, (this.writesByItem.get(`${caller} ${kind}`) ?? 0) + units);
    }
    if (bill.streamReads > 0) this.add({ service, price: 'dynamoStreamReadByLambda', caller, what: 'stream GetRecords' }, bill.streamReads);
    if (bill.writeUnits > 0) {
      this.add(
        { service, price: 'dynamoWriteRequestUnit', caller, what: bill.operation === 'TransactWriteItems' ? 'transaction write units' : 'write units' },
        bill.writeUnits,
      );
    }
    if (bill.indexWriteUnits > 0) this.add({ service, price: 'dynamoWriteRequestUnit', caller, what: 'index write units' }, bill.indexWriteUnits, 0);
    if (bill.readUnits > 0) this.add({ service, price: 'dynamoReadRequestUnit', caller, what: `read units (${bill.operation})` }, bill.readUnits);
  }

  private account(service: MeteredService, exchange: Exchange): void {
    const caller = this.callerOf(exchange.headers);
    const target = String(exchange.headers['x-amz-target'] ?? '');
    const operation = target.split('.')[1] ?? '';
    const ok = exchange.status < 400;
    switch (service) {
      case 'api':
        // Every request reaching the API is billed, whatever it answers (a 401 too).
        this.add(
          { service: 'API Gateway', price: 'httpApiRequest', caller: CLIENTS, what: 'HTTP API requests' },
          Math.max(1, Math.ceil(exchange.requestBody.length / (512 * 1024))),
        );
        return;
      case 'sqs':
        return this.sqs(caller, operation, exchange);
      case 's3': {
        const put = exchange.method !== 'GET' && exchange.method !== 'HEAD';
        this.add({ service: 'S3', price: put ? 's3PutRequest' : 's3GetRequest', caller, what: put ? `${exchange.method} requests` : 'GET requests' }, 1);
        return;
      }
      case 'eventbridge': {
        if (operation !== 'PutEvents' || !ok) return;
        const entries = (json(exchange.requestBody).Entries as Record<string, unknown>[] | undefined) ?? [];
        const failed = Number(json(exchange.responseBody).FailedEntryCount ?? 0);
        const chunks = entries.reduce((sum, entry) => sum + chunks64(Buffer.byteLength(JSON.stringify(entry))), 0);
        this.add({ service: 'EventBridge', price: 'eventBridgeCustomEvent', caller, what: 'PutEvents entries (64 KB chunks)' }, Math.max(0, chunks - failed));
        return;
      }
      case 'secretsmanager':
        this.add({ service: 'Secrets Manager', price: 'secretsManagerApiCall', caller, what: operation || 'API calls' }, 1);
        return;
      case 'kms':
        this.add({ service: 'KMS', price: 'kmsRequest', caller, what: operation || 'requests' }, 1);
        return;
      default:
        return;
    }
  }

  private sqs(caller: string, operation: string, exchange: Exchange): void {
    const request = json(exchange.requestBody);
    const add = (what: string, quantity: number) => this.add({ service: 'SQS', price: 'sqsRequest', caller, what }, quantity);
    switch (operation) {
      case 'SendMessage':
        return add(
          'SendMessage (64 KB chunks)',
          chunks64(Buffer.byteLength(JSON.stringify(request.MessageBody ?? '')) + Buffer.byteLength(JSON.stringify(request.MessageAttributes ?? {}))),
        );
      case 'SendMessageBatch':
        return add('SendMessageBatch (64 KB chunks)', chunks64(Buffer.byteLength(JSON.stringify(request.Entries ?? []))));
      case 'ReceiveMessage': {
        const messages = (json(exchange.responseBody).Messages as { Body?: string }[] | undefined) ?? [];
        if (messages.length === 0) {
          // An empty long poll: the event source mapping's idle cost, per queue and month, not per order (see bill.ts).
          this.add({ service: 'SQS', price: 'sqsRequest', caller, what: 'empty receives (idle polling)' }, 0, 1);
          return;
        }
        return add('ReceiveMessage (64 KB chunks)', chunks64(messages.reduce((sum, message) => sum + Buffer.byteLength(message.Body ?? ''), 0)));
      }
      case 'GetQueueUrl':
      case 'GetQueueAttributes':
      case 'CreateQueue':
      case 'SetQueueAttributes':
      case 'ListQueues':
        return;
      default:
        return add(operation, 1);
    }
  }
}
