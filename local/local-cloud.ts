import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { queueMessageBody } from '../functions/shared/queue-body';
import { callApiDestination } from './api-destination';
import { ApiGateway } from './api-gateway';
import { startDynamoDbLocal, startFauxqs, type Emulator, type OnEmulatorExit } from './emulators';
import { EventBusServer, type BusEvent } from './eventbridge/event-bus-server';
import { LocalFunction } from './lambda-runtime';
import { pollQueue, pollStream, type Poller } from './pollers';
import {
  LOCAL_ACCOUNT,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  provisionBuckets,
  provisionQueues,
  provisionTable,
  resolveIntrinsic,
  type LocalQueue,
  type LocalResources,
} from './resources';
import { nextCronFire, rateIntervalMs } from './schedule';
import { functionAccessKeyId, KmsServer } from './kms-server';
import { readKmsKeys } from './kms-wiring';
import { localSecret, SecretsManagerServer } from './secrets-manager-server';
import { synthesizeTemplate } from './template';
import { readWiring, type RuleTargetSpec, type Wiring } from './wiring';

export interface LocalCloudOptions {
  /** Port of the HTTP API (0: any free port). */
  readonly apiPort?: number;
  /** Keep DynamoDB data in this folder between runs (DynamoDB Local's -dbPath); in memory when absent. */
  readonly dbPath?: string;
  /** Log lines (JSON) go here; stdout by default. */
  readonly log?: (line: string) => void;
  /** Scheduled rules fire this many times faster than their expression says (demos and tests). */
  readonly scheduleSpeedup?: number;
  /**
   * Overrides every queue's visibility timeout (seconds), so a failing message comes back in seconds
   * rather than minutes when a test or demo wants to watch it reach its DLQ.
   */
  readonly visibilityTimeoutSeconds?: number;
  /** CDK context for the synthesis, as `cdk synth -c` would pass it (e.g. `notificationRetryWindowSeconds`). */
  readonly context?: Record<string, unknown>;
  /** An emulator exited on its own (crashed, or was killed): `npm start` then stops everything. */
  readonly onEmulatorExit?: OnEmulatorExit;
  /**
   * `before-ready` (the default): `start()` resolves once every function's execution environment is
   * up, so tests meet no cold start. `on-demand`: `start()` resolves as soon as the endpoints serve;
   * each environment starts on its first invocation, or all of them when `warmAll()` is called.
   */
  readonly warm?: 'before-ready' | 'on-demand';
  /** Sees every billable thing the local cloud does (`npm run cost`): endpoints it fronts, invocations, log bytes. */
  readonly meter?: LocalCloudMeter;
}

export type MeteredService = 'dynamodb' | 'sqs' | 's3' | 'eventbridge' | 'secretsmanager' | 'kms' | 'api';

/**
 * A cost meter (bench/cost): every SDK client of the local cloud, the functions' and its own, talks to
 * the endpoint `front` returns instead of the emulator's, and every invocation and log line is reported.
 */
export interface LocalCloudMeter {
  front(service: MeteredService, endpoint: string): Promise<string>;
  invoked(invocation: {
    readonly logicalId: string;
    readonly functionName: string;
    readonly memoryMb: number;
    readonly wallMs: number;
    readonly cpuMicros?: number;
  }): void;
  logged(functionName: string, bytes: number): void;
}

export interface LocalEndpoints {
  readonly api: string;
  readonly dynamodb: string;
  readonly sqs: string;
  readonly eventbridge: string;
  readonly secretsmanager: string;
  readonly kms: string;
  readonly admin: string;
}

/**
 * The whole backend on one machine, wired from the synthesized CDK template: DynamoDB Local,
 * fauxqs for SQS, the local EventBridge, the HTTP API with its authorizer, and every function in
 * its own process, fed by the template's event source mappings and rules.
 */
export class LocalCloud {
  private emulators: Emulator[] = [];
  private functions = new Map<string, LocalFunction>();
  private pollers: Poller[] = [];
  private timers: NodeJS.Timeout[] = [];
  private api: ApiGateway | undefined;
  private bus: EventBusServer | undefined;
  private admin: Server | undefined;
  private secretsManager: SecretsManagerServer | undefined;
  private kms: KmsServer | undefined;
  private queues = new Map<string, LocalQueue>();
  /** What no queue would take, not even a DLQ: kept here (GET /undeliverable) and logged as an error, never dropped silently. */
  readonly undeliverable: { at: string; source: string; reason: string; payload: unknown }[] = [];
  private sqs: SQSClient | undefined;
  wiring: Wiring | undefined;
  resources: LocalResources | undefined;
  endpoints: LocalEndpoints | undefined;

  constructor(private readonly options: LocalCloudOptions = {}) {}

  private log(fields: Record<string, unknown>): void {
    const line = JSON.stringify({ timestamp: new Date().toISOString(), ...fields });
    (this.options.log ?? ((text: string) => process.stdout.write(`${text}\n`)))(line);
  }

  private readonly logMessage = (message: string, fields: Record<string, unknown> = {}): void =>
    this.log({ level: 'INFO', service: 'local-cloud', message, ...fields });

  private readonly emulatorExited: OnEmulatorExit = (name, code, signal) => {
    this.log({ level: 'ERROR', service: 'local-cloud', message: `${name} exited on its own`, code, signal });
    this.options.onEmulatorExit?.(name, code, signal);
  };

  /**
   * Starts every function's execution environment; resolves with how many started (one that cannot
   * start is logged, and its invocations fail as a Lambda's would with Runtime.ImportModuleError).
   */
  async warmAll(): Promise<number> {
    const functions = [...this.functions.values()];
    const results = await Promise.allSettled(functions.map((fn) => fn.start()));
    results.forEach((result, index) => {
      if (result.status === 'rejected') {
        const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
        this.log({ level: 'ERROR', service: 'local-cloud', message: `${functions[index]!.name} could not start`, reason });
      }
    });
    if (this.options.warm !== 'on-demand' && results.some((result) => result.status === 'rejected')) {
      throw new Error('a function could not start: see the log');
    }
    return results.filter((result) => result.status === 'fulfilled').length;
  }

  async start(): Promise<LocalEndpoints> {
    const [template, dynamodb, fauxqs] = await Promise.all([
      Promise.resolve().then(() => synthesizeTemplate(this.options.context)),
      startDynamoDbLocal({ ...(this.options.dbPath === undefined ? {} : { dbPath: this.options.dbPath }), onExit: this.emulatorExited }),
      startFauxqs({ onExit: this.emulatorExited }),
    ]);
    this.emulators.push(dynamodb, fauxqs);
    const wiring = readWiring(template);
    this.wiring = wiring;
    const front = (service: MeteredService, endpoint: string) => this.options.meter?.front(service, endpoint) ?? Promise.resolve(endpoint);
    const [dynamodbEndpoint, sqsEndpoint, s3Endpoint] = await Promise.all([
      front('dynamodb', dynamodb.endpoint),
      front('sqs', fauxqs.endpoint),
      front('s3', fauxqs.endpoint),
    ]);

    const clientConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const dynamoClient = new DynamoDBClient({ ...clientConfig, endpoint: dynamodbEndpoint });
    this.sqs = new SQSClient({ ...clientConfig, endpoint: sqsEndpoint });
    const tables = new Map<string, { name: string; streamArn?: string }>();
    for (const table of wiring.tables) {
      tables.set(table.logicalId, await provisionTable(dynamoClient, `enlace-${table.logicalId}`, table));
    }
    const queueSpecs =
      this.options.visibilityTimeoutSeconds === undefined
        ? wiring.queues
        : wiring.queues.map((queue) => ({ ...queue, visibilityTimeoutSeconds: this.options.visibilityTimeoutSeconds! }));
    this.queues = await provisionQueues(this.sqs, queueSpecs, (logicalId) => `enlace-${logicalId}`);
    // fauxqs serves S3 on the same endpoint; an IP endpoint makes the SDK address buckets path-style.
    const s3 = new S3Client({ ...clientConfig, endpoint: s3Endpoint });
    const buckets = await provisionBuckets(s3, wiring.buckets);
    s3.destroy();
    this.secretsManager = new SecretsManagerServer(wiring.secrets.map((spec) => localSecret(spec)));
    const secretsmanager = await front('secretsmanager', await this.secretsManager.listen());
    this.kms = new KmsServer(readKmsKeys(template));
    const kms = await front('kms', await this.kms.listen());
    const resources: LocalResources = {
      secrets: new Map(this.secretsManager.secrets.map((secret) => [secret.logicalId, secret.arn])),
      kmsKeys: this.kms.arns,
      tables,
      queues: this.queues,
      buses: new Map(wiring.buses.map((bus) => [bus.logicalId, bus.name])),
      functions: new Map(wiring.functions.map((fn) => [fn.logicalId, functionNameOf(fn.entry)])),
      buckets,
    };
    this.resources = resources;

    this.bus = new EventBusServer({
      busNames: ['default', ...wiring.buses.map((bus) => bus.name)],
      rules: wiring.rules,
      deliver: (target, event) => this.deliver(target, event),
      deadLetter: async (queueId, event) => {
        await this.sqs!.send(new SendMessageCommand({ QueueUrl: this.queue(queueId).url, MessageBody: queueMessageBody(event) }));
      },
      undeliverable: (record) =>
        this.keepUndeliverable({ source: `eventbridge rule ${record.rule} → ${record.target}`, reason: record.reason, payload: record.event }),
      log: this.logMessage,
    });
    const eventbridge = await front('eventbridge', await this.bus.listen());
    // The API and the admin endpoint listen before the functions start, so their ports can be reserved
    // (ENLACE_LOCAL_RESERVED_PORTS); requests wait for the functions like any cold start.
    this.api = new ApiGateway(wiring.routes, (functionId, event) => this.invoke(functionId, event), this.logMessage);
    const api = await front('api', await this.api.listen(this.options.apiPort ?? 0));
    const admin = await this.startAdmin();

    const awsEnvironment = {
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodbEndpoint,
      AWS_ENDPOINT_URL_SQS: sqsEndpoint,
      AWS_ENDPOINT_URL_S3: s3Endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: eventbridge,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsmanager,
      AWS_ENDPOINT_URL_KMS: kms,
      ENLACE_LOCAL: 'true',
      // Notifications may reach receivers on this machine, never these: the local cloud's own endpoints (admin first).
      ENLACE_LOCAL_RESERVED_PORTS: [admin, api, eventbridge, secretsmanager, kms, dynamodb.endpoint, fauxqs.endpoint, dynamodbEndpoint, sqsEndpoint, s3Endpoint]
        .map((url) => new URL(url).port)
        .join(','),
      // Lambda runs Node.js 22; the local machine may run 20, about which the SDK warns on every start.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    for (const spec of wiring.functions) {
      const environment = Object.fromEntries(Object.entries(spec.environment).map(([name, value]) => [name, String(resolveIntrinsic(value, resources))]));
      const name = resources.functions.get(spec.logicalId)!;
      // Each function signs its requests with its own access key id, so the local KMS knows who is asking (as IAM knows the role).
      const identity = { AWS_ACCESS_KEY_ID: functionAccessKeyId(spec.logicalId) };
      this.functions.set(
        spec.logicalId,
        new LocalFunction(spec, name, { ...awsEnvironment, ...environment, ...identity }, (functionName, line) => this.forwardLog(functionName, line)),
      );
    }
    // Warm every execution environment now, so the first request does not pay for all the cold starts.
    if (this.options.warm !== 'on-demand') await this.warmAll();

    this.startPollers(dynamodbEndpoint, tables);
    this.startSchedules();
    this.endpoints = { api, dynamodb: dynamodbEndpoint, sqs: sqsEndpoint, eventbridge, secretsmanager, kms, admin };
    return this.endpoints;
  }

  async invoke(functionId: string, event: unknown): Promise<unknown> {
    const fn = this.functions.get(functionId);
    if (fn === undefined) {
      throw new Error(`no function ${functionId} in the template`);
    }
    const meter = this.options.meter;
    if (meter === undefined) {
      return fn.invoke(event);
    }
    const started = performance.now();
    try {
      return await fn.invoke(event);
    } finally {
      meter.invoked({ logicalId: functionId, functionName: fn.name, memoryMb: fn.spec.memoryMb, wallMs: performance.now() - started, cpuMicros: fn.cpuMicros });
    }
  }

  private keepUndeliverable(record: { source: string; reason: string; payload: unknown }): void {
    this.undeliverable.push({ at: new Date().toISOString(), ...record });
    this.log({ level: 'ERROR', service: 'local-cloud', message: 'undeliverable: kept at GET /undeliverable of the admin endpoint', ...record });
  }

  /** Events published to the bus so far (newest last). */
  get publishedEvents(): readonly BusEvent[] {
    return this.bus?.recent ?? [];
  }

  private queue(logicalId: string): LocalQueue {
    const queue = this.queues.get(logicalId);
    if (queue === undefined) {
      throw new Error(`no queue ${logicalId} in the template`);
    }
    return queue;
  }

  private async deliver(target: RuleTargetSpec, event: BusEvent): Promise<void> {
    const payload = target.inputPath === undefined ? event : selectPath(event, target.inputPath);
    switch (target.kind) {
      case 'sqs':
        await this.sqs!.send(new SendMessageCommand({ QueueUrl: this.queue(target.resourceId).url, MessageBody: queueMessageBody(payload) }));
        return;
      case 'lambda':
        await this.invoke(target.resourceId, payload);
        return;
      case 'api-destination':
        await this.callApiDestination(target.resourceId, payload);
        return;
      default:
        throw new Error(`targets of kind ${target.kind} are not supported locally yet`);
    }
  }

  private async callApiDestination(logicalId: string, payload: unknown): Promise<void> {
    const destination = this.wiring!.apiDestinations.find((candidate) => candidate.logicalId === logicalId);
    if (destination === undefined) {
      throw new Error(`no API destination ${logicalId} in the template`);
    }
    await callApiDestination(destination, (value) => resolveIntrinsic(value, this.resources!), payload);
  }

  /** Scheduled rules fire on their expression (sped up when asked), delivering AWS's "Scheduled Event". */
  private startSchedules(): void {
    const speedup = this.options.scheduleSpeedup ?? 1;
    for (const rule of this.wiring!.rules) {
      if (rule.scheduleExpression === undefined || !rule.enabled) {
        continue;
      }
      const expression = rule.scheduleExpression;
      const fire = () => {
        const event: BusEvent = {
          version: '0',
          id: randomUUID(),
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          account: LOCAL_ACCOUNT,
          time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          region: LOCAL_REGION,
          resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT}:rule/${rule.logicalId}`],
          detail: {},
        };
        this.logMessage('schedule: fired', { rule: rule.logicalId, expression });
        for (const target of rule.targets) {
          void this.bus!.deliverWithRetries(target, event, rule);
        }
      };
      const interval = rateIntervalMs(expression);
      const delay = () => (interval ?? nextCronFire(expression, new Date()).getTime() - Date.now()) / speedup;
      const arm = () => {
        const timer = setTimeout(
          () => {
            fire();
            arm();
          },
          Math.max(50, delay()),
        );
        timer.unref();
        this.timers.push(timer);
      };
      arm();
    }
  }

  private startPollers(dynamodbEndpoint: string, tables: ReadonlyMap<string, { name: string; streamArn?: string }>): void {
    const streams = new DynamoDBStreamsClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: dynamodbEndpoint });
    for (const mapping of this.wiring!.eventSourceMappings) {
      const invoke = (functionId: string, event: unknown) => this.invoke(functionId, event);
      if (mapping.source.kind === 'sqs') {
        this.pollers.push(pollQueue({ mapping, queue: this.queue(mapping.source.queueId), sqs: this.sqs!, invoke, log: this.logMessage }));
      } else {
        const streamArn = tables.get(mapping.source.tableId)?.streamArn;
        if (streamArn === undefined) {
          throw new Error(`event source mapping ${mapping.logicalId}: table ${mapping.source.tableId} has no stream`);
        }
        this.pollers.push(
          pollStream({
            mapping,
            streamArn,
            streams,
            sqs: this.sqs!,
            ...(mapping.onFailureQueueId === undefined ? {} : { onFailureQueue: this.queue(mapping.onFailureQueueId) }),
            undeliverable: (record) => this.keepUndeliverable({ source: `stream ${mapping.logicalId}`, ...record }),
            invoke,
            log: this.logMessage,
          }),
        );
      }
    }
  }

  /** Queue depths and what sits in each dead-letter queue. */
  async queueReport(): Promise<{ queue: string; logicalId: string; visible: number; inFlight: number; isDeadLetterQueue: boolean; sample: unknown[] }[]> {
    const deadLetterIds = new Set([
      ...this.wiring!.queues.flatMap((queue) => (queue.redrive === undefined ? [] : [queue.redrive.deadLetterQueueId])),
      ...this.wiring!.eventSourceMappings.flatMap((mapping) => (mapping.onFailureQueueId === undefined ? [] : [mapping.onFailureQueueId])),
      ...this.wiring!.rules.flatMap((rule) => rule.targets.flatMap((target) => (target.deadLetterQueueId === undefined ? [] : [target.deadLetterQueueId]))),
    ]);
    return Promise.all(
      [...this.queues.values()].map(async (queue) => {
        const { Attributes = {} } = await this.sqs!.send(
          new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
        );
        const isDeadLetterQueue = deadLetterIds.has(queue.logicalId);
        const sample = isDeadLetterQueue && Number(Attributes.ApproximateNumberOfMessages) > 0 ? await this.peek(queue) : [];
        return {
          queue: queue.name,
          logicalId: queue.logicalId,
          visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
          inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
          isDeadLetterQueue,
          sample,
        };
      }),
    );
  }

  /** Looks at up to 10 messages without consuming them (visibility timeout 0 puts them straight back). */
  private async peek(queue: LocalQueue): Promise<unknown[]> {
    const { Messages = [] } = await this.sqs!.send(new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
    return Messages.map((message) => {
      try {
        return JSON.parse(message.Body ?? '') as unknown;
      } catch {
        return message.Body;
      }
    });
  }

  private async startAdmin(): Promise<string> {
    this.admin = createServer((request, response) => {
      // Every branch answers its own errors; a client gone mid-request ends that connection only.
      request.on('error', () => response.destroy());
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body, null, 2));
      };
      if (request.url === '/queues') {
        this.queueReport().then(
          (report) => reply(200, report),
          (error: Error) => reply(500, { message: error.message }),
        );
      } else if (request.url === '/events') {
        reply(200, this.publishedEvents);
      } else if (request.url === '/kms') {
        // Local only: each key of the template and which functions may do what with it.
        reply(200, this.kms?.describe() ?? []);
      } else if (request.url === '/undeliverable') {
        reply(200, this.undeliverable);
      } else if (request.url === '/wiring') {
        reply(200, this.wiring);
      } else if (request.url === '/secrets') {
        // Local only: the generated secrets, so tests and the demo can sign webhooks as a carrier would.
        reply(200, this.localSecrets());
      } else if (request.method === 'POST' && request.url?.startsWith('/invoke/') === true) {
        // Local only: runs a function with the posted event, e.g. the stalled sweep with a Scheduled Event of a chosen time.
        const name = decodeURIComponent(request.url.slice('/invoke/'.length));
        readJson(request)
          .then((event) => this.invokeByName(name, event))
          .then(
            (result) => reply(200, result ?? null),
            (error: Error) => reply(error instanceof UnknownFunctionError ? 404 : 500, { message: error.message }),
          );
      } else {
        reply(404, { message: 'try /queues, /events, /undeliverable, /wiring, /secrets or POST /invoke/<function>' });
      }
    });
    this.admin.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.admin!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.admin.address() as AddressInfo).port}`;
  }

  private forwardLog(functionName: string, line: string): void {
    // CloudWatch Logs bills the event as written, plus its newline.
    this.options.meter?.logged(functionName, Buffer.byteLength(line, 'utf8') + 1);
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      this.log({ function: functionName, ...parsed });
    } catch {
      this.log({ function: functionName, level: 'INFO', message: line });
    }
  }

  /** The local Secrets Manager's secrets, JSON values parsed. */
  localSecrets(): { logicalId: string; name: string; arn: string; value: unknown }[] {
    return (this.secretsManager?.secrets ?? []).map(({ logicalId, name, arn, value }) => {
      try {
        return { logicalId, name, arn, value: JSON.parse(value) as unknown };
      } catch {
        return { logicalId, name, arn, value };
      }
    });
  }

  /** Invokes a function by its name (its folder under functions/). */
  async invokeByName(name: string, event: unknown): Promise<unknown> {
    const logicalId = [...(this.resources?.functions ?? new Map<string, string>()).entries()].find(([, functionName]) => functionName === name)?.[0];
    if (logicalId === undefined) {
      throw new UnknownFunctionError(`no function "${name}"; try one of ${[...(this.resources?.functions.values() ?? [])].join(', ')}`);
    }
    return this.invoke(logicalId, event);
  }

  /** Waits until the bus has delivered everything published so far. */
  async drain(): Promise<void> {
    await this.bus?.drain();
  }

  async stop(): Promise<void> {
    this.timers.forEach((timer) => clearTimeout(timer));
    await Promise.allSettled(this.pollers.map((poller) => poller.stop()));
    await this.api?.close();
    await this.bus?.close();
    await this.secretsManager?.close();
    await this.kms?.close();
    await new Promise<void>((resolve) => (this.admin === undefined ? resolve() : this.admin.close(() => resolve())));
    await Promise.allSettled([...this.functions.values()].map((fn) => fn.stop()));
    await Promise.allSettled(this.emulators.map((emulator) => emulator.stop()));
    this.sqs?.destroy();
  }
}

class UnknownFunctionError extends Error {}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim().length === 0 ? {} : (JSON.parse(text) as unknown);
}

/** functions/order-intake/handler.ts → order-intake: the name logs and errors use. */
const functionNameOf = (entry: string): string => entry.split('/').slice(-2, -1)[0] ?? entry;

/** A JSONPath of the simple form EventBridge InputPath takes: `$.detail` or `$.detail.data`. */
function selectPath(event: unknown, path: string): unknown {
  return path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter((segment) => segment.length > 0)
    .reduce<unknown>((value, segment) => (value as Record<string, unknown> | undefined)?.[segment], event);
}
