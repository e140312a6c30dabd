import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningLocalCloud {
  readonly api: string;
  readonly admin: string;
  readonly dynamodb: string;
  readonly sqs: string;
  readonly eventbridge: string;
  readonly tableName: string;
  readonly apiKey: string;
  /** A warehouse operator's key: it acts for the demo Mexico warehouse only. */
  readonly warehouseKey: string;
  readonly pid: number;
}

const STATE_FILE = join(__dirname, '..', '.cache', 'local-cloud.json');

/** The local cloud `npm start` is running, if any (it writes .cache/local-cloud.json when ready). */
export function runningLocalCloud(): RunningLocalCloud | undefined {
  if (!existsSync(STATE_FILE)) {
    return undefined;
  }
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as RunningLocalCloud;
  try {
    process.kill(state.pid, 0);
    return state;
  } catch {
    return undefined;
  }
}
