/** `npm run queues`: depth of every queue of the running local cloud, and what sits in each DLQ. */
import { runningLocalCloud } from './local-cloud-state';

async function main(): Promise<void> {
  const cloud = runningLocalCloud();
  if (cloud === undefined) {
    console.error('No local cloud is running: start one with `npm start`.');
    process.exit(1);
  }
  const report = (await (await fetch(`${cloud.admin}/queues`)).json()) as {
    queue: string;
    visible: number;
    inFlight: number;
    isDeadLetterQueue: boolean;
    sample: unknown[];
  }[];
  for (const queue of report) {
    console.log(`${queue.isDeadLetterQueue ? 'DLQ  ' : 'queue'} ${queue.queue.padEnd(48)} visible=${queue.visible} in-flight=${queue.inFlight}`);
    for (const message of queue.sample) {
      console.log(`      ${JSON.stringify(message).slice(0, 300)}`);
    }
  }
}

void main();
