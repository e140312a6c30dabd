import { execSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The pids of `sleep 600` processes whose parent is `guardPid`. */
function sleepsUnder(guardPid: number): number[] {
  return execSync('ps -eo pid,ppid,args')
    .toString()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid, command, argument]) => Number(ppid) === guardPid && command === 'sleep' && argument === '600')
    .map(([pid]) => Number(pid));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

describe('emulators never outlive the local cloud (local/guard.cjs)', () => {
  it('stops an emulator when the process that started it is killed outright (SIGKILL: nothing can be handled)', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/fixtures/local/start-guarded.ts')], { cwd: root });
    const pids = await new Promise<{ parent: number; guard: number }>((resolve, reject) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString('utf8')) as { parent: number; guard: number }));
      parent.once('exit', () => reject(new Error('the fixture exited early')));
    });
    const [emulator] = sleepsUnder(pids.guard);
    expect(emulator).toBeDefined();

    process.kill(pids.parent, 'SIGKILL');

    expect(await until(() => !alive(emulator!) && !alive(pids.guard), 10_000)).toBe(true);
  }, 30_000);
});
