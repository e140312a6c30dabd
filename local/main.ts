/**
 * `npm start`: the whole Enlace backend on this machine. Prints one line per endpoint, then logs
 * (JSON, one stream). Any signal that ends a process (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, to this
 * process or its whole group, even SIGKILL) stops everything it started: DynamoDB Local and fauxqs
 * run under guards (local/guard.cjs) that stop them when this process goes, and the execution
 * environments exit when their IPC channel closes. If an emulator dies, or the process that started
 * this one, everything stops too.
 *
 * Environment: PORT (HTTP API port, default 3000), ENLACE_API_KEY (the demo key to create),
 * ENLACE_WAREHOUSE_API_KEY (the demo warehouse operator key to create),
 * ENLACE_DB_PATH (keep DynamoDB data in this folder between runs; in memory when unset),
 * ENLACE_QUIET=true (no handler logs on stdout), ENLACE_SCHEDULE_SPEEDUP (scheduled rules fire N times
 * faster), ENLACE_VISIBILITY_TIMEOUT_SECONDS (every queue's visibility timeout; 5 s by default so
 * retries and DLQs show in seconds; `template` keeps the template's values).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSaveApiKey, issueApiKey } from '../functions/shared/store/api-key-store';
import { buildDocumentClient } from '../functions/shared/store/dynamo-client';
import { DEMO_TENANT, DEMO_WAREHOUSE_OPERATOR } from './demo-tenant';
import { LocalCloud } from './local-cloud';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './resources';
import { seedSandboxKpis } from './seed';

/**
 * Locally a failed message comes back after 5 s rather than the template's minutes, so a developer
 * sees retries and DLQs while watching; `template` keeps the deployed values.
 */
function visibilityTimeout(setting: string | undefined): { visibilityTimeoutSeconds?: number } {
  if (setting === 'template') {
    return {};
  }
  return { visibilityTimeoutSeconds: setting === undefined ? 5 : Number(setting) };
}

const STATE_DIR = process.env.ENLACE_STATE_DIR ?? join(__dirname, '..', '.cache');
/** A clean stop takes a few seconds (pollers finish their long poll, the JVM exits); past this, exit regardless. */
const STOP_DEADLINE_MS = 15_000;

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const started = Date.now();
  const dbPath = process.env.ENLACE_DB_PATH;
  if (dbPath !== undefined) {
    mkdirSync(dbPath, { recursive: true });
  }
  const quiet = process.env.ENLACE_QUIET === 'true';
  // Whoever reads our output may go first (a closed terminal, a killed pipe): that must not stop the stopping.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);

  let stopping = false;
  const stop = async (why: string, exitCode = 0) => {
    if (stopping) {
      return;
    }
    stopping = true;
    process.stdout.write(`\n${why}: stopping the local cloud…\n`);
    // Stopping takes a few seconds; if anything hangs, exit anyway: the guards take the emulators along.
    setTimeout(() => process.exit(exitCode === 0 ? 1 : exitCode), STOP_DEADLINE_MS).unref();
    await cloud.stop();
    process.exit(exitCode);
  };
  // Any signal that asks a process to end ends everything this one started (docs: README, "Two commands").
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) {
    process.on(signal, () => void stop(signal));
  }
  // The process that started this one (tsx, under npm) is gone: so are we.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      void stop('parent process gone');
    }
  }, 1_000).unref();

  const cloud = new LocalCloud({
    apiPort: Number(process.env.PORT ?? 3000),
    ...(dbPath === undefined ? {} : { dbPath }),
    log: quiet ? () => undefined : (line) => process.stdout.write(`${line}\n`),
    ...(process.env.ENLACE_SCHEDULE_SPEEDUP === undefined ? {} : { scheduleSpeedup: Number(process.env.ENLACE_SCHEDULE_SPEEDUP) }),
    ...visibilityTimeout(process.env.ENLACE_VISIBILITY_TIMEOUT_SECONDS),
    // A dead emulator leaves a cloud that only fails: stop everything and say why.
    onEmulatorExit: (name, code, signal) => void stop(`${name} exited (${signal ?? `code ${String(code)}`})`, 1),
    // Serve as soon as the endpoints are up; the functions' environments start once "ready" is printed (a request meanwhile waits for its own only).
    warm: 'on-demand',
  });

  const endpoints = await cloud.start();
  const tableName = cloud.resources!.tables.values().next().value!.name;
  const documents = buildDocumentClient(new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: endpoints.dynamodb }));
  await seedSandboxKpis(documents, tableName, new Date());
  const apiKey = await issueApiKey(buildSaveApiKey(documents, tableName), DEMO_TENANT, {
    name: 'demo key created by npm start',
    now: new Date(),
    ...(process.env.ENLACE_API_KEY === undefined ? {} : { key: process.env.ENLACE_API_KEY }),
  });
  const warehouseKey = await issueApiKey(buildSaveApiKey(documents, tableName), DEMO_WAREHOUSE_OPERATOR, {
    name: 'demo warehouse operator key created by npm start',
    now: new Date(),
    ...(process.env.ENLACE_WAREHOUSE_API_KEY === undefined ? {} : { key: process.env.ENLACE_WAREHOUSE_API_KEY }),
  });

  // Other commands (npm run queues, npm run demo) find the running cloud here.
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(join(STATE_DIR, 'local-cloud.json'), JSON.stringify({ ...endpoints, tableName, apiKey, warehouseKey, pid: process.pid }, null, 2));

  process.stdout.write(
    [
      '',
      'Enlace local cloud is up',
      `api: ${endpoints.api}`,
      `dynamodb: ${endpoints.dynamodb}`,
      `sqs: ${endpoints.sqs}`,
      `eventbridge: ${endpoints.eventbridge}`,
      `secretsmanager: ${endpoints.secretsmanager}`,
      `kms: ${endpoints.kms}  (only the functions the template allows may use each key)`,
      `admin: ${endpoints.admin}  (GET /queues, /events, /undeliverable, /wiring, /secrets, /kms; POST /invoke/<function>)`,
      `table: ${tableName}`,
      `api key: ${apiKey}  (acts for ${DEMO_TENANT.sellerIds.join(', ')})`,
      `warehouse operator key: ${warehouseKey}  (acts for ${DEMO_WAREHOUSE_OPERATOR.warehouseCode ?? ''})`,
      `ready in ${Date.now() - started} ms`,
      '',
    ].join('\n') + '\n',
  );
  const warm = await cloud.warmAll();
  process.stdout.write(`functions warm: ${warm} of ${cloud.resources!.functions.size} in ${Date.now() - started} ms\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`local cloud failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
