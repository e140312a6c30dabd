import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_ACCOUNT, LOCAL_REGION } from '../resources';
import type { RuleSpec, RuleTargetSpec } from '../wiring';
import { InvalidEventPatternError, matchesEventPattern, validateEventPattern } from './event-pattern';

/** An event as EventBridge delivers it to targets. */
export interface BusEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Record<string, unknown>;
}

export type DeliverToTarget = (target: RuleTargetSpec, event: BusEvent, rule: RuleSpec) => Promise<void>;

export interface EventBusServerOptions {
  readonly busNames: readonly string[];
  readonly rules: readonly RuleSpec[];
  readonly deliver: DeliverToTarget;
  /** Where a target's delivery goes when every retry failed and the target has a DLQ. */
  readonly deadLetter: (queueLogicalId: string, event: BusEvent, error: Error) => Promise<void>;
  /**
   * An event neither its target nor its DLQ took (or whose target has no DLQ): kept by the caller
   * where an operator sees it. On AWS the same case is the rule's InvocationsFailedToBeSentToDlq
   * metric, which raises an alarm (infra/constructs/event-consumer.ts); it is never silent.
   */
  readonly undeliverable?: (record: { rule: string; target: string; event: BusEvent; reason: string }) => void;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  /** Delay before retry n (1-based); AWS backs off exponentially with jitter. */
  readonly retryDelayMs?: (attempt: number) => number;
}

const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;
const DEFAULT_RETRY_ATTEMPTS = 5;

/** A delivery the target refused for good (an API destination's 4xx other than 429): not retried. */
export class NonRetryableDeliveryError extends Error {
  override readonly name = 'NonRetryableDeliveryError';
}

class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: string | number;
}

/**
 * The local EventBridge: PutEvents and TestEventPattern over the same JSON protocol as AWS, so the
 * real `@aws-sdk/client-eventbridge` talks to it; rules from the template route events to their targets.
 */
export class EventBusServer {
  private server: Server | undefined;
  /** The most recent events, newest last, for `GET /_enlace/events`. */
  readonly recent: BusEvent[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: EventBusServerOptions) {
    for (const rule of options.rules) {
      if (rule.eventPattern !== undefined) {
        validateEventPattern(rule.eventPattern);
      }
    }
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        // A client gone mid-request: that connection ends, the bus does not.
        this.options.log('eventbridge: request failed', { error: String(error) });
        response.destroy();
      });
    });
    this.server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await new Promise<void>((resolve) => (this.server === undefined ? resolve() : this.server.close(() => resolve())));
  }

  /** Resolves when every delivery started so far has finished (tests use it to wait for quiet). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const target = String(request.headers['x-amz-target'] ?? '');
    try {
      if (request.method === 'GET' && request.url?.startsWith('/_enlace/events') === true) {
        return send(response, 200, this.recent);
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      switch (target) {
        case 'AWSEvents.PutEvents':
          return send(response, 200, this.putEvents(body.Entries as PutEventsEntry[] | undefined));
        case 'AWSEvents.TestEventPattern':
          return send(response, 200, testEventPattern(body));
        default:
          throw new AwsError('UnknownOperationException', `The local EventBridge does not implement ${target || 'this operation'}.`);
      }
    } catch (error) {
      if (error instanceof AwsError) {
        return send(response, error.status, { __type: error.type, message: error.message });
      }
      if (error instanceof SyntaxError) {
        return send(response, 400, { __type: 'SerializationException', message: 'Request body is not valid JSON.' });
      }
      this.options.log('eventbridge: internal error', { error: String(error) });
      return send(response, 500, { __type: 'InternalException', message: 'Internal error in the local EventBridge.' });
    }
  }

  putEvents(entries: PutEventsEntry[] | undefined) {
    if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES} and greater than or equal to 1`,
      );
    }
    const size = entries.reduce((total, entry) => total + entrySize(entry), 0);
    if (size > MAX_REQUEST_BYTES) {
      throw new AwsError('ValidationException', `Total size of the entries in the request is over the limit (${size} > ${MAX_REQUEST_BYTES} bytes).`);
    }
    const results = entries.map((entry) => this.acceptEntry(entry));
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  }

  private acceptEntry(entry: PutEventsEntry): { EventId: string } | { ErrorCode: string; ErrorMessage: string } {
    for (const field of ['Source', 'DetailType', 'Detail'] as const) {
      if (typeof entry[field] !== 'string' || entry[field].length === 0) {
        return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.` };
      }
    }
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail!);
    } catch {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    }
    const busName = busNameOf(entry.EventBusName);
    if (!this.options.busNames.includes(busName)) {
      return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${busName} does not exist.` };
    }
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType!,
      source: entry.Source!,
      account: LOCAL_ACCOUNT,
      time: new Date(entry.Time === undefined ? Date.now() : typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      region: LOCAL_REGION,
      resources: entry.Resources ?? [],
      detail: detail as Record<string, unknown>,
    };
    this.recent.push(event);
    if (this.recent.length > 1_000) {
      this.recent.shift();
    }
    this.route(busName, event);
    return { EventId: event.id };
  }

  private route(busName: string, event: BusEvent): void {
    for (const rule of this.options.rules) {
      if (!rule.enabled || rule.eventPattern === undefined || (rule.busName ?? 'default') !== busName) {
        continue;
      }
      if (!matchesEventPattern(rule.eventPattern, event)) {
        continue;
      }
      for (const target of rule.targets) {
        // deliverWithRetries does not reject; the catch is the last guard of the local cloud's process.
        const delivery = this.deliverWithRetries(target, event, rule)
          .catch((error: unknown) => this.options.log('eventbridge: delivery crashed', { rule: rule.logicalId, error: String(error) }))
          .finally(() => this.inFlight.delete(delivery));
        this.inFlight.add(delivery);
      }
    }
  }

  /** At-least-once delivery as EventBridge does it: retries with backoff, then the target's DLQ, else dropped (and logged). */
  async deliverWithRetries(target: RuleTargetSpec, event: BusEvent, rule: RuleSpec): Promise<void> {
    const attempts = 1 + Math.min(target.maximumRetryAttempts ?? DEFAULT_RETRY_ATTEMPTS, DEFAULT_RETRY_ATTEMPTS);
    const delay = this.options.retryDelayMs ?? ((attempt: number) => Math.min(5_000, 100 * 2 ** attempt));
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        await this.options.deliver(target, event, rule);
        return;
      } catch (error) {
        lastError = error as Error;
        this.options.log('eventbridge: delivery failed', { rule: rule.logicalId, target: target.id, attempt, error: lastError.message });
        if (error instanceof NonRetryableDeliveryError) {
          break; // EventBridge does not retry a target's 4xx answers (429 aside)
        }
        if (attempt < attempts) {
          await new Promise((resolve) => setTimeout(resolve, delay(attempt)));
        }
      }
    }
    if (target.deadLetterQueueId === undefined) {
      this.park(rule, target, event, `every attempt failed and the target has no DLQ: ${lastError?.message ?? 'unknown error'}`);
      return;
    }
    try {
      await this.options.deadLetter(target.deadLetterQueueId, event, lastError!);
    } catch (error) {
      // The DLQ refused it too (e.g. a body it cannot carry): kept and reported, and the bus goes on.
      this.park(rule, target, event, `the target and its DLQ ${target.deadLetterQueueId} both refused it: ${(error as Error).message}`);
    }
  }

  private park(rule: RuleSpec, target: RuleTargetSpec, event: BusEvent, reason: string): void {
    this.options.log('eventbridge: event could not be delivered nor dead-lettered', { rule: rule.logicalId, target: target.id, eventId: event.id, reason });
    this.options.undeliverable?.({ rule: rule.logicalId, target: target.id, event, reason });
  }
}

function busNameOf(nameOrArn: string | undefined): string {
  if (nameOrArn === undefined || nameOrArn.length === 0) {
    return 'default';
  }
  return nameOrArn.startsWith('arn:') ? (nameOrArn.split('/').pop() ?? nameOrArn) : nameOrArn;
}

/** Entry size as AWS documents it: 14 bytes for the time, plus the UTF-8 bytes of source, detail-type, detail and resources. */
export function entrySize(entry: PutEventsEntry): number {
  const bytes = (text: string | undefined) => Buffer.byteLength(text ?? '', 'utf8');
  return (
    (entry.Time === undefined ? 0 : 14) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((total, resource) => total + bytes(resource), 0)
  );
}

function testEventPattern(body: Record<string, unknown>): { Result: boolean } {
  let pattern: unknown;
  try {
    pattern = JSON.parse(String(body.EventPattern));
  } catch {
    throw new AwsError('InvalidEventPatternException', 'Event pattern is not valid. Reason: it is not valid JSON.');
  }
  try {
    validateEventPattern(pattern);
  } catch (error) {
    if (error instanceof InvalidEventPatternError) {
      throw new AwsError('InvalidEventPatternException', error.message);
    }
    throw error;
  }
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(String(body.Event)) as Record<string, unknown>;
  } catch {
    throw new AwsError('InvalidEventPatternException', 'Event is not valid JSON.');
  }
  const missing = ['id', 'account', 'source', 'time', 'region', 'detail-type'].filter((field) => event[field] === undefined);
  if (missing.length > 0) {
    throw new AwsError('InvalidEventPatternException', `Event is not valid. Reason: missing required field(s): ${missing.join(', ')}.`);
  }
  return { Result: matchesEventPattern(pattern as Record<string, unknown>, event) };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
