import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildDocumentClient } from '../functions/shared/store/dynamo-client';
import { startDynamoDbLocal, type Emulator } from '../local/emulators';
import { createTableInput, LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/resources';
import { synthesizeTemplate } from '../local/template';
import { readWiring } from '../local/wiring';
import { runningLocalCloud } from '../scripts/local-cloud-state';

/**
 * Runs `bench` against a fresh copy of the stack's table (no stream) in DynamoDB Local: `npm
 * start`'s when it runs, otherwise one started for the bench; the table and emulator go afterwards.
 */
export async function withBenchTable(name: string, bench: (documents: DynamoDBDocumentClient, tableName: string) => Promise<void>): Promise<void> {
  const running = runningLocalCloud();
  let emulator: Emulator | undefined;
  const endpoint = running?.dynamodb ?? (emulator = await startDynamoDbLocal()).endpoint;
  const client = new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint });
  const tableName = `bench-${name}-${Date.now()}`;
  const { StreamSpecification: _stream, ...input } = createTableInput(tableName, readWiring(synthesizeTemplate()).tables[0]!.properties);
  await client.send(new CreateTableCommand(input));
  console.log(`DynamoDB Local at ${endpoint} (${running === undefined ? 'started by this bench' : "npm start's"})`);
  try {
    await bench(buildDocumentClient(client), tableName);
  } finally {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
    await emulator?.stop();
  }
}
