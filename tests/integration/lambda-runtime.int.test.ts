import { LambdaInvocationError, LocalFunction } from '../../local/lambda-runtime';
import { expectEvery } from '../setup/assertions';

const spec = {
  logicalId: 'Crashing',
  entry: 'tests/fixtures/lambda/crashing-handler.ts',
  handler: 'handler',
  timeoutSeconds: 10,
  memoryMb: 128,
  environment: {},
};

/** Blocks this thread, so the child's exit is not noticed before the next line runs. */
const blockFor = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe('a local execution environment that dies', () => {
  let fn: LocalFunction;
  beforeEach(() => {
    fn = new LocalFunction(spec, 'crashing', {}, () => undefined);
  });
  afterEach(() => fn.stop());

  it('fails the invocations it held when it crashes, and the next invocation starts a new one', async () => {
    // Prepare
    const firstPid = (await fn.invoke({})) as number;

    // Act
    const results = await Promise.allSettled([fn.invoke({ crash: true }), ...Array.from({ length: 5 }, () => fn.invoke({}))]);

    // Assess
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.any(LambdaInvocationError) });
    expectEvery(
      results.filter((result) => result.status === 'rejected'),
      (result) => result.reason instanceof LambdaInvocationError,
    );
    const next = (await fn.invoke({})) as number;
    expect(next).not.toBe(firstPid);
  });

  it('fails an invocation sent to an environment that died unnoticed (EPIPE) instead of crashing the local cloud', async () => {
    // Prepare: the environment is killed, and its exit has not been processed yet
    const pid = (await fn.invoke({})) as number;
    process.kill(pid, 'SIGKILL');
    blockFor(300);

    // Act
    const outcome = await fn.invoke({}).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );

    // Assess: either the runtime saw the exit first and started a new environment, or the send failed cleanly
    if (outcome.ok) {
      expect(outcome.value).not.toBe(pid);
    } else {
      expect(outcome.error).toBeInstanceOf(LambdaInvocationError);
    }
    await expect(fn.invoke({})).resolves.toEqual(expect.any(Number));
  });
});
