/*
 * Fault injection for the real emulators: SDK middleware placed inside the client's retry loop
 * (step finalizeRequest, below the retry middleware), so what it throws is handled exactly as an
 * error from AWS would be: a throttle or a lost response is retried by the SDK's own strategy, and
 * what is still failing after the last attempt reaches the code under test.
 */

/** A seeded generator (mulberry32), so a failing run replays from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultCall {
  readonly commandName: string;
  readonly input: Record<string, unknown>;
  /** Sends the request on to the emulator; resolves with the SDK's deserialized output. */
  readonly send: (input?: Record<string, unknown>) => Promise<{ output: Record<string, unknown> }>;
}

type Stack = { middlewareStack: unknown };
type Add = (middleware: unknown, options: Record<string, unknown>) => void;
type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;

/**
 * Puts `fault` in front of every request of `client`: inside its retry loop by default; at
 * `initialize` (before the retry loop and serialization) a fault may change the input it sends on.
 */
export function injectFaults(
  client: Stack,
  fault: (call: FaultCall) => Promise<{ output: Record<string, unknown> }>,
  step: 'finalizeRequest' | 'initialize' = 'finalizeRequest',
): void {
  (client.middlewareStack as { add: Add }).add(
    (next: Next, context: { commandName: string }) => async (args: { input: Record<string, unknown> }) =>
      fault({ commandName: context.commandName, input: args.input, send: (input) => next(input === undefined ? args : { ...args, input }) }),
    { step, priority: 'low', name: `enlaceFaultInjection-${step}` },
  );
}

/** An error the SDK's retry strategy sees as AWS's own (it reads the name and the HTTP status). */
export function awsError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), { name, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode, attempts: 1 } });
}
