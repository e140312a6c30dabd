/** What the DynamoDB benches share: a client that counts the writes it sends, as AWS bills them, and a pool of workers. */
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface WriteCounts {
  transactions: number;
  items: number;
  writeUnits: number;
}

export const noWrites = (): WriteCounts => ({ transactions: 0, items: 0, writeUnits: 0 });

/**
 * Wraps a document client: counts every transaction (item by item: 2 write units per KB of each,
 * estimated from its JSON size with key and attribute names) and every single put or update (1 unit
 * per KB). `onSend` sees each command first.
 */
export function countingWrites(documents: DynamoDBDocumentClient, counts: WriteCounts): DynamoDBDocumentClient {
  const send = (command: unknown) => {
    const input = (command as { input?: Record<string, unknown> }).input ?? {};
    if (command instanceof TransactWriteCommand) {
      const items = command.input.TransactItems ?? [];
      counts.transactions += 1;
      counts.items += items.length;
      counts.writeUnits += items.reduce((sum, item) => sum + 2 * Math.max(1, Math.ceil(JSON.stringify(item).length / 1024)), 0);
    } else if ('Item' in input || 'UpdateExpression' in input) {
      counts.items += 1;
      counts.writeUnits += Math.max(1, Math.ceil(JSON.stringify(input).length / 1024));
    }
    return (documents.send as (input: unknown) => Promise<unknown>)(command);
  };
  return new Proxy(documents, { get: (target, property): unknown => (property === 'send' ? send : Reflect.get(target, property)) });
}

/** Runs the tasks with at most `width` in flight; results in task order. */
export async function pool<T>(tasks: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}
