import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms`);
}

const running = new Set<ChildProcess>();
const GUARD = join(__dirname, 'guard.cjs');

// Whatever way this process ends, it takes its emulators with it: here for a normal exit or an
// uncaught error; through each guard's stdin (local/guard.cjs) when it is killed outright.
process.once('exit', () => {
  for (const child of running) {
    stopChild(child, 'SIGTERM');
  }
});

function stopChild(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill(signal);
  }
}

export interface ManagedProcess {
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a process under a guard (local/guard.cjs) in this process's group: a signal to the group
 * reaches it directly, and if this process dies, even by SIGKILL, the guard stops it. `onExit`
 * hears about an exit nobody asked for (the emulator crashed or was killed).
 */
export function startProcess(
  command: string,
  args: readonly string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    onOutput?: (line: string) => void;
    onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  } = {},
): ManagedProcess {
  const child = spawn(process.execPath, [GUARD, command, ...args], {
    env: options.env ?? process.env,
    cwd: options.cwd,
    // stdin is the guard's lifeline: only this process holds the other end of the pipe.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let stopping = false;
  child.once('exit', (code, signal) => {
    running.delete(child);
    if (!stopping) {
      options.onExit?.(code, signal);
    }
  });
  // Writing to a guard that died must not end this process.
  child.stdin?.on('error', () => undefined);
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim().length > 0) {
        options.onOutput?.(line);
      }
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return {
    child,
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      stopChild(child, 'SIGTERM');
      const timer = setTimeout(() => stopChild(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
