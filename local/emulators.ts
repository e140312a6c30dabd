import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startProcess, waitFor, type ManagedProcess } from './processes';

const REPO_ROOT = join(__dirname, '..');

export interface Emulator {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** AWS's DynamoDB Local (Java), fetched at install time by scripts/fetch-dynamodb-local.mjs. */
/** Called when an emulator exits without being asked to (it crashed, or something killed it). */
export type OnEmulatorExit = (name: string, code: number | null, signal: NodeJS.Signals | null) => void;

export async function startDynamoDbLocal(
  options: { port?: number; dbPath?: string; log?: (line: string) => void; onExit?: OnEmulatorExit } = {},
): Promise<Emulator> {
  const home = process.env.DYNAMODB_LOCAL_DIR ?? join(REPO_ROOT, '.cache', 'dynamodb-local');
  const jar = join(home, 'DynamoDBLocal.jar');
  if (!existsSync(jar)) {
    throw new Error(`DynamoDB Local is not installed at ${home}; run "npm install" (it fetches it) or "node scripts/fetch-dynamodb-local.mjs"`);
  }
  const port = options.port ?? (await freePort());
  const storage = options.dbPath === undefined ? ['-inMemory'] : ['-dbPath', options.dbPath];
  const process_: ManagedProcess = startProcess(
    'java',
    [
      '-Xms64m',
      '-Xmx512m',
      `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
      '-jar',
      jar,
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    // DynamoDB Local writes a metadata file into its working directory: keep it beside the jar, out of the repo.
    { onOutput: options.log, cwd: home, onExit: (code, signal) => options.onExit?.('DynamoDB Local', code, signal) },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  await waitFor('DynamoDB Local', async () => (await fetch(endpoint, { method: 'POST' })).status > 0, 90_000);
  return { endpoint, stop: () => process_.stop() };
}

/** fauxqs: SQS (and S3) served in a Node.js process of its own. */
export async function startFauxqs(options: { port?: number; log?: (line: string) => void; onExit?: OnEmulatorExit } = {}): Promise<Emulator> {
  const port = options.port ?? (await freePort());
  const cli = join(REPO_ROOT, 'node_modules', 'fauxqs', 'dist', 'cli.js');
  const managed = startProcess(process.execPath, [cli], {
    env: { ...process.env, FAUXQS_PORT: String(port), FAUXQS_HOST: 'localhost', FAUXQS_LOGGER: 'false', FAUXQS_DEFAULT_REGION: 'us-east-1' },
    onOutput: options.log,
    onExit: (code, signal) => options.onExit?.('fauxqs', code, signal),
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitFor('fauxqs', async () => (await fetch(`${endpoint}/health`)).ok, 90_000);
  return { endpoint, stop: () => managed.stop() };
}
