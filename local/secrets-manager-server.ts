import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './resources';
import type { SecretSpec } from './wiring';

/** A secret as the local Secrets Manager holds it. */
export interface LocalSecret {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly value: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random string like GenerateSecretString with ExcludePunctuation (the only kind the template asks for). */
export function generatedPassword(length = 32, random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(length);
  return [...bytes].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

/**
 * The value a template's secret gets on this machine: an explicit SecretString as is; a
 * GenerateSecretString as Secrets Manager builds it (the template's JSON with a random
 * GenerateStringKey). Local convenience, so every integration can be exercised without setting
 * secrets by hand: each top-level key of the template whose value is an empty list (a slot a
 * person fills in the cloud, such as a carrier's webhook secrets) gets one generated secret too.
 */
export function localSecretValue(spec: SecretSpec, generate: (length: number) => string = generatedPassword): string {
  if (typeof spec.secretString === 'string') {
    return spec.secretString;
  }
  const generation = spec.generateSecretString;
  const length = generation?.passwordLength ?? 32;
  if (generation?.secretStringTemplate === undefined || generation.generateStringKey === undefined) {
    return generate(length);
  }
  const template = JSON.parse(generation.secretStringTemplate) as Record<string, unknown>;
  const filled = Object.fromEntries(
    Object.entries(template).map(([key, value]) => [key, Array.isArray(value) && value.length === 0 ? [generate(length)] : value]),
  );
  return JSON.stringify({ ...filled, [generation.generateStringKey]: generate(length) });
}

export function localSecret(spec: SecretSpec, value: string = localSecretValue(spec)): LocalSecret {
  const name = spec.name ?? `enlace/${spec.logicalId}`;
  // Real ARNs end in "-" and six random characters; functions only ever pass the ARN back.
  return { logicalId: spec.logicalId, name, arn: `arn:aws:secretsmanager:${LOCAL_REGION}:${LOCAL_ACCOUNT}:secret:${name}-${spec.logicalId.slice(-6)}`, value };
}

class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The local Secrets Manager: GetSecretValue over AWS JSON 1.1, so the real
 * `@aws-sdk/client-secrets-manager` (and Powertools Parameters' getSecret) talk to it through
 * AWS_ENDPOINT_URL_SECRETS_MANAGER. It holds the template's secrets; nothing else is implemented.
 */
export class SecretsManagerServer {
  private server: Server | undefined;
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(readonly secrets: readonly LocalSecret[]) {}

  async listen(port = 0): Promise<string> {
    this.server = createServer((request, response) => {
      // A client gone mid-request ends that connection, never the local cloud.
      this.handle(request, response).catch(() => response.destroy());
    });
    this.server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server === undefined ? resolve() : this.server.close(() => resolve())));
  }

  /** By ARN, name, or the ARN without its random suffix, as Secrets Manager accepts. */
  find(secretId: string): LocalSecret | undefined {
    return this.secrets.find((secret) => secret.arn === secretId || secret.name === secretId || secret.arn.startsWith(`${secretId}-`));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const target = String(request.headers['x-amz-target'] ?? '');
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { SecretId?: unknown };
      if (target !== 'secretsmanager.GetSecretValue') {
        throw new AwsError('UnknownOperationException', `The local Secrets Manager does not implement ${target || 'this operation'}.`);
      }
      const secret = typeof body.SecretId === 'string' ? this.find(body.SecretId) : undefined;
      if (secret === undefined) {
        throw new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      }
      send(response, 200, {
        ARN: secret.arn,
        Name: secret.name,
        SecretString: secret.value,
        VersionId: randomUUID(),
        VersionStages: ['AWSCURRENT'],
        CreatedDate: this.created,
      });
    } catch (error) {
      if (error instanceof AwsError) {
        send(response, 400, { __type: error.type, message: error.message });
      } else {
        send(response, 400, { __type: 'InvalidRequestException', message: 'Request body is not valid JSON.' });
      }
    }
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
