import { execSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect } from 'node:net';
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
  // Its own process group, as a terminal gives `npm start`, so the test can signal the whole group.
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', ENLACE_QUIET: 'true', ...env },
    detached: true,
  });
  const lines = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    // "ready" comes once the endpoints serve; the functions' environments (about 30 Node processes)
    // start behind it. On a shared 2-core machine under load the emulators alone can take a while.
    const timer = setTimeout(() => reject(new Error('npm start did not become ready in 180 s')), 180_000);
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
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`npm start exited early with ${String(code)}: ${errors.slice(-2_000)}`)));
  });
  return { child, lines };
}

/** Signals the whole process group, as a terminal or a process supervisor does, and waits for the local cloud's exit. */
async function stopGroup({ child }: Started, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  process.kill(-child.pid!, signal);
  return exited;
}

const refused = async (url: string) =>
  fetch(url, { method: 'POST', signal: AbortSignal.timeout(2_000) }).then(
    () => false,
    () => true,
  );

/** Every endpoint the cloud printed stops answering: nothing it started is left behind. */
async function allGone(lines: Map<string, string>, timeoutMs: number): Promise<string[]> {
  const names = ['api', 'dynamodb', 'sqs', 'eventbridge', 'secretsmanager', 'admin'];
  const deadline = Date.now() + timeoutMs;
  let alive = names;
  while (alive.length > 0 && Date.now() < deadline) {
    alive = (await Promise.all(names.map(async (name) => ((await refused(lines.get(name)!)) ? undefined : name)))).filter((name) => name !== undefined);
    if (alive.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return alive;
}

/** A client that sends half a body and hangs up (regression: the body was read outside the error handling). */
async function disconnectMidBody(api: string): Promise<void> {
  const { hostname, port } = new URL(api);
  await new Promise<void>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        'POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nAuthorization: Bearer k\r\n\r\n{"half":',
      );
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 100);
    });
    socket.on('error', reject);
  });
}

describe('npm start', () => {
  const state = mkdtempSync(join(tmpdir(), 'enlace-start-'));
  afterAll(() => rmSync(state, { recursive: true, force: true }));

  it('prints every endpoint, survives a client hanging up mid-body, stops everything on a SIGTERM to its group, and keeps data across a restart when asked', async () => {
    const env = { ENLACE_DB_PATH: join(state, 'db'), ENLACE_STATE_DIR: state, ENLACE_API_KEY: 'enl_test_restart_key_000000000000000000' };
    const first = await start(env);
    for (const name of ['api', 'dynamodb', 'sqs', 'eventbridge', 'secretsmanager']) {
      expect(first.lines.get(name)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    const api = first.lines.get('api')!;
    await disconnectMidBody(api);
    const created = await checkedClient(api, env.ENLACE_API_KEY).POST('/v1/orders', { body: sampleOrder });
    expect(created.response.status).toBe(201);
    const orderId = created.data!.orderId;

    expect(await stopGroup(first, 'SIGTERM')).toBe(0);
    // Nothing is left behind: DynamoDB Local's JVM, fauxqs, the API, the bus, the admin endpoint are gone.
    expect(await allGone(first.lines, 1_000)).toEqual([]);

    const second = await start(env);
    const again = await checkedClient(second.lines.get('api')!, env.ENLACE_API_KEY).GET('/v1/orders/{id}', { params: { path: { id: orderId } } });
    expect(again.response.status).toBe(200);
    expect(again.data?.orderId).toBe(orderId);

    // DynamoDB Local dies on its own: the cloud cannot work without it, so everything stops, and says so by its exit code.
    const exited = new Promise<number | null>((resolve) => second.child.once('exit', (code) => resolve(code)));
    const dynamodbPort = new URL(second.lines.get('dynamodb')!).port;
    const java = execSync('ps -eo pid,args')
      .toString()
      .split('\n')
      .find((line) => line.includes('DynamoDBLocal.jar') && line.includes(`-port ${dynamodbPort}`) && !line.includes('guard.cjs'));
    process.kill(Number(java!.trim().split(/\s+/)[0]), 'SIGKILL');
    expect(await exited).toBe(1);
    expect(await allGone(second.lines, 15_000)).toEqual([]);
  }, 480_000);
});
