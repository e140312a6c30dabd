import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FunctionSpec } from './wiring';

const REPO_ROOT = join(__dirname, '..');

export class LambdaInvocationError extends Error {
  constructor(
    readonly functionName: string,
    readonly errorType: string,
    message: string,
  ) {
    super(`${functionName}: ${errorType}: ${message}`);
    this.name = 'LambdaInvocationError';
  }
}

interface Pending {
  /** The environment the invocation was sent to: only its exit fails the invocation. */
  readonly worker: ChildProcess | undefined;
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * A function of the template, run as Lambda runs it: its own process (the execution environment)
 * with its own environment variables, started on first use (a cold start), reused after, killed
 * when an invocation overruns the function's timeout.
 */
export class LocalFunction {
  private worker: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private readonly pending = new Map<string, Pending>();
  /** CPU time (user + system, µs) the current execution environment had used at its latest answer. */
  cpuMicros: number | undefined;

  constructor(
    readonly spec: FunctionSpec,
    readonly name: string,
    private readonly environment: Record<string, string>,
    private readonly log: (functionName: string, line: string) => void,
  ) {}

  async invoke(event: unknown): Promise<unknown> {
    await this.start();
    const invocationId = randomUUID();
    const timeoutMs = this.spec.timeoutSeconds * 1000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(invocationId);
        reject(new LambdaInvocationError(this.name, 'Sandbox.Timedout', `Task timed out after ${this.spec.timeoutSeconds} seconds`));
        void this.stop();
      }, timeoutMs);
      const worker = this.worker;
      this.pending.set(invocationId, { worker, resolve, reject, timer });
      const failed = (error: Error | null) => {
        if (error === null || !this.pending.has(invocationId)) {
          return;
        }
        // The environment is exiting (a timeout killed it, or it crashed): this invocation fails, the local cloud does not.
        this.pending.delete(invocationId);
        clearTimeout(timer);
        reject(new LambdaInvocationError(this.name, 'Runtime.ExitError', `the execution environment could not take the invocation: ${error.message}`));
        // It is gone even if its exit has not been seen yet: the next invocation starts a new one.
        this.forget(worker);
      };
      if (worker === undefined || !worker.connected) {
        failed(new Error('it is not running'));
        return;
      }
      worker.send({ type: 'invoke', invocationId, event, deadline: Date.now() + timeoutMs }, failed);
    });
  }

  start(): Promise<void> {
    this.ready ??= new Promise<void>((resolve, reject) => {
      const worker = fork(join(__dirname, 'lambda-worker.ts'), [], {
        cwd: REPO_ROOT,
        execArgv: ['--import', 'tsx'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...this.environment,
          AWS_LAMBDA_FUNCTION_NAME: this.name,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(this.spec.memoryMb),
          ENLACE_LOCAL_ENTRY: this.spec.entry,
          ENLACE_LOCAL_HANDLER: this.spec.handler,
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      this.worker = worker;
      // A send to an environment that is exiting fails with EPIPE; the send callback handles it, and
      // this keeps the ChildProcess's 'error' event from ending the whole local cloud.
      worker.on('error', (error) => this.log(this.name, `execution environment error: ${error.message}`));
      const forward = (chunk: Buffer) =>
        chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.trim().length > 0)
          .forEach((line) => this.log(this.name, line));
      worker.stdout?.on('data', forward);
      worker.stderr?.on('data', forward);
      worker.on(
        'message',
        (message: {
          type: string;
          invocationId?: string;
          ok?: boolean;
          result?: unknown;
          error?: { errorType: string; errorMessage: string };
          message?: string;
          cpuMicros?: number;
        }) => {
          if (message.type === 'ready') {
            resolve();
          } else if (message.type === 'init-error') {
            reject(new LambdaInvocationError(this.name, 'Runtime.ImportModuleError', message.message ?? 'init failed'));
          } else if (message.type === 'result' && message.invocationId !== undefined) {
            const pending = this.pending.get(message.invocationId);
            if (pending === undefined) {
              return;
            }
            this.pending.delete(message.invocationId);
            clearTimeout(pending.timer);
            this.cpuMicros = message.cpuMicros;
            if (message.ok === true) {
              pending.resolve(message.result);
            } else {
              pending.reject(new LambdaInvocationError(this.name, message.error?.errorType ?? 'Error', message.error?.errorMessage ?? ''));
            }
          }
        },
      );
      worker.once('exit', (code) => {
        this.forget(worker);
        reject(new LambdaInvocationError(this.name, 'Runtime.ExitError', `exited with code ${String(code)}`));
        for (const [id, pending] of this.pending) {
          if (pending.worker !== worker) {
            continue;
          }
          clearTimeout(pending.timer);
          pending.reject(new LambdaInvocationError(this.name, 'Runtime.ExitError', `environment exited with code ${String(code)}`));
          this.pending.delete(id);
        }
      });
    });
    return this.ready;
  }

  /** Drops a dead environment, unless a newer one has already replaced it. */
  private forget(worker: ChildProcess | undefined): void {
    if (worker !== undefined && this.worker === worker) {
      this.worker = undefined;
      this.ready = undefined;
    }
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (worker === undefined || worker.exitCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.kill('SIGTERM');
    await exited;
  }
}
