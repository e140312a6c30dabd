import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KmsKeySpec } from './kms-wiring';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './resources';

/** The access key id a function's environment carries, and the function it stands for (local/local-cloud.ts). */
export const functionAccessKeyId = (functionLogicalId: string): string => `LOCAL${functionLogicalId}`;

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The local KMS: GenerateDataKey, Encrypt and Decrypt over AWS JSON 1.1, so the real
 * `@aws-sdk/client-kms` talks to it. Keys are the template's, each with a random master key for
 * this run. It enforces who may use a key as the template says (kms-wiring.ts): a function is known
 * by the access key id the local cloud gives it, and a caller that is no function of the template
 * (a test, a script) is refused like an unknown principal. Ciphertexts are bound to their
 * encryption context, as KMS binds them.
 */
export class KmsServer {
  private server: Server | undefined;
  private readonly masterKeys = new Map<string, Buffer>();
  readonly arns = new Map<string, string>();

  constructor(private readonly keys: readonly KmsKeySpec[]) {
    for (const key of keys) {
      this.masterKeys.set(key.logicalId, randomBytes(32));
      this.arns.set(key.logicalId, `arn:aws:kms:${LOCAL_REGION}:${LOCAL_ACCOUNT}:key/${key.logicalId}`);
    }
  }

  /** Each key, its ARN, and which functions (logical ids) may do each action with it. */
  describe(): { logicalId: string; arn: string; allowed: Record<string, string[]> }[] {
    return this.keys.map((key) => ({
      logicalId: key.logicalId,
      arn: this.arns.get(key.logicalId)!,
      allowed: Object.fromEntries([...key.allowed].map(([action, functions]) => [action, [...functions].sort()])),
    }));
  }

  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch(() => response.destroy());
    });
    this.server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server === undefined ? resolve() : this.server.close(() => resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const caller = /Credential=LOCAL([A-Za-z0-9]+)\//.exec(String(request.headers.authorization ?? ''))?.[1];
      const operation = String(request.headers['x-amz-target'] ?? '').replace('TrentService.', '');
      send(response, 200, this.operate(operation, body, caller));
    } catch (error) {
      const known = error instanceof KmsError;
      send(response, 400, { __type: known ? error.type : 'ValidationException', message: known ? error.message : 'Request body is not valid JSON.' });
    }
  }

  private operate(operation: string, body: Record<string, unknown>, caller: string | undefined): Record<string, unknown> {
    const context = (body.EncryptionContext ?? {}) as Record<string, string>;
    if (caller === undefined) {
      throw new KmsError('AccessDeniedException', 'Only the functions of the template may use the local KMS; this caller is none of them.');
    }
    switch (operation) {
      case 'GenerateDataKey': {
        const key = this.authorized('kms:GenerateDataKey', String(body.KeyId), caller);
        const plaintext = randomBytes(32);
        return { KeyId: this.arns.get(key), Plaintext: plaintext.toString('base64'), CiphertextBlob: this.seal(key, plaintext, context) };
      }
      case 'Encrypt': {
        const key = this.authorized('kms:Encrypt', String(body.KeyId), caller);
        return { KeyId: this.arns.get(key), CiphertextBlob: this.seal(key, Buffer.from(String(body.Plaintext), 'base64'), context) };
      }
      case 'Decrypt': {
        const blob = JSON.parse(Buffer.from(String(body.CiphertextBlob), 'base64').toString('utf8')) as { k: string; iv: string; c: string; t: string };
        const key = this.authorized('kms:Decrypt', blob.k, caller);
        try {
          const decipher = createDecipheriv('aes-256-gcm', this.masterKeys.get(key)!, Buffer.from(blob.iv, 'base64')).setAAD(contextBytes(context));
          decipher.setAuthTag(Buffer.from(blob.t, 'base64'));
          const plaintext = Buffer.concat([decipher.update(Buffer.from(blob.c, 'base64')), decipher.final()]);
          return { KeyId: this.arns.get(key), Plaintext: plaintext.toString('base64') };
        } catch {
          throw new KmsError('InvalidCiphertextException', 'The ciphertext does not decrypt with this key and encryption context.');
        }
      }
      default:
        throw new KmsError('UnsupportedOperationException', `The local KMS does not implement ${operation || 'this operation'}.`);
    }
  }

  /** The key's logical id, if `caller` may do `action` with it; else AccessDeniedException, as KMS answers. */
  private authorized(action: string, keyId: string, caller: string | undefined): string {
    const key = this.keys.find((candidate) => candidate.logicalId === keyId || this.arns.get(candidate.logicalId) === keyId);
    if (key === undefined) {
      throw new KmsError('NotFoundException', `Key '${keyId}' does not exist`);
    }
    if (caller === undefined || key.allowed.get(action)?.has(caller) !== true) {
      throw new KmsError('AccessDeniedException', `${caller ?? 'this principal'} is not authorized to perform: ${action} on ${this.arns.get(key.logicalId)}`);
    }
    return key.logicalId;
  }

  private seal(keyId: string, plaintext: Buffer, context: Record<string, string>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKeys.get(keyId)!, iv).setAAD(contextBytes(context));
    const c = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const blob = { k: keyId, iv: iv.toString('base64'), c: c.toString('base64'), t: cipher.getAuthTag().toString('base64') };
    return Buffer.from(JSON.stringify(blob), 'utf8').toString('base64');
  }
}

/** The encryption context in a canonical order (KMS binds it regardless of key order). */
const contextBytes = (context: Record<string, string>): Buffer =>
  Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => a.localeCompare(b))), 'utf8');

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
