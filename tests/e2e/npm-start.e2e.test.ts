import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestBody } from '../../api/client';
import { checkedClient } from '../setup/api-contract';

const root = join(__dirname, '..', '..');
const sampleOrder = JSON.parse(readFileSync(join(root, 'examples', 'order-br.json'), 'utf8')) as RequestBody<'createOrder'>;

interface Started {
  child: ChildProcessWithoutNullStreams;
  lines: Map<string, string>;
}

/** Runs `npm start`'s entry point as a newcomer would, and reads the endpoint lines it prints. */
async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', ENLACE_QUIET: 'true', ...env },
  });
  const lines = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    // Every function's execution environment is warmed before "ready" (25 Node processes): on a shared
    // 2-core machine under load that alone can take over a minute.
    const timer = setTimeout(() => reject(new Error('npm start did not become ready in 150 s')), 150_000);
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (const line of buffer.split('\n')) {
        const match = /^([a-z ]+): (\S+)/.exec(line);
        if (match !== null) {
          lines.set(match[1]!, match[2]!);
        }
      }
      if (buffer.includes('ready in')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited early with ${String(code)}`)));
  });
  return { child, lines };
}

async function stop({ child }: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

const refused = async (url: string) =>
  fetch(url, { method: 'POST', signal: AbortSignal.timeout(2_000) }).then(
    () => false,
    () => true,
  );

describe('npm start', () => {
  const state = mkdtempSync(join(tmpdir(), 'enlace-start-'));
  afterAll(() => rmSync(state, { recursive: true, force: true }));

  it('prints every endpoint, stops cleanly on SIGTERM, and keeps data across a restart when asked', async () => {
    const env = { ENLACE_DB_PATH: join(state, 'db'), ENLACE_STATE_DIR: state, ENLACE_API_KEY: 'enl_test_restart_key_000000000000000000' };
    const first = await start(env);
    for (const name of ['api', 'dynamodb', 'sqs', 'eventbridge', 'secretsmanager']) {
      expect(first.lines.get(name)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    const api = first.lines.get('api')!;
    const created = await checkedClient(api, env.ENLACE_API_KEY).POST('/v1/orders', { body: sampleOrder });
    expect(created.response.status).toBe(201);
    const orderId = created.data!.orderId;

    expect(await stop(first)).toBe(0);
    // Nothing is left behind: DynamoDB Local's JVM, fauxqs and the API are gone.
    expect(await refused(first.lines.get('dynamodb')!)).toBe(true);
    expect(await refused(first.lines.get('sqs')!)).toBe(true);
    expect(await refused(api)).toBe(true);
    expect(await refused(first.lines.get('secretsmanager')!)).toBe(true);

    const second = await start(env);
    try {
      const again = await checkedClient(second.lines.get('api')!, env.ENLACE_API_KEY).GET('/v1/orders/{id}', { params: { path: { id: orderId } } });
      expect(again.response.status).toBe(200);
      expect(again.data?.orderId).toBe(orderId);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 360_000);
});
