/**
 * One Lambda execution environment: a child process that loads one handler and runs the
 * invocations its parent (the local cloud) sends it over IPC. Its environment variables are the
 * function's, resolved from the template, so the handler cannot tell it is not on AWS.
 */
import { join } from 'node:path';

interface InvokeMessage {
  readonly type: 'invoke';
  readonly invocationId: string;
  readonly event: unknown;
  readonly deadline: number;
}

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const entry = process.env.ENLACE_LOCAL_ENTRY!;
const exportName = process.env.ENLACE_LOCAL_HANDLER ?? 'handler';
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'function';

async function loadHandler(): Promise<Handler> {
  const module = (await import(join(process.cwd(), entry))) as Record<string, unknown> & { default?: Record<string, unknown> };
  const handler = module[exportName] ?? module.default?.[exportName];
  if (typeof handler !== 'function') {
    throw new Error(`${entry} does not export a function named ${exportName}`);
  }
  return handler as Handler;
}

const ready = loadHandler();
ready.then(
  () => process.send?.({ type: 'ready' }),
  (error: unknown) => {
    process.send?.({ type: 'init-error', message: (error as Error).stack ?? String(error) });
    process.exit(1);
  },
);

/** CPU this environment has used so far: the cost meter bills a function's compute from it. */
const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

process.on('message', (message: InvokeMessage) => {
  if (message.type !== 'invoke') {
    return;
  }
  const context = {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:000000000000:function:${functionName}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '128',
    awsRequestId: message.invocationId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
  ready
    .then((handler) => handler(message.event, context))
    .then(
      (result) => process.send?.({ type: 'result', invocationId: message.invocationId, ok: true, result, cpuMicros: cpuMicros() }),
      (error: unknown) =>
        process.send?.({
          type: 'result',
          invocationId: message.invocationId,
          ok: false,
          cpuMicros: cpuMicros(),
          error: { errorType: (error as Error).name ?? 'Error', errorMessage: (error as Error).message ?? String(error) },
        }),
    );
});

// The local cloud went away (even if it was killed): an execution environment does not outlive it.
process.on('disconnect', () => process.exit(0));
