import { CreateTableCommand, DynamoDBClient, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { buildDocumentClient } from '../../functions/shared/store/dynamo-client';

/** Where the shared local cloud (started by global-setup.ts) listens. */
export function localCloud() {
  const read = (name: string): string => {
    const value = process.env[name];
    if (value === undefined) {
      throw new Error(`${name} is not set: run this test through jest's integration project (global-setup.ts)`);
    }
    return value;
  };
  return {
    api: read('ENLACE_TEST_API'),
    admin: read('ENLACE_TEST_ADMIN'),
    dynamodb: read('ENLACE_TEST_DYNAMODB'),
    sqs: read('ENLACE_TEST_SQS'),
    eventbridge: read('ENLACE_TEST_EVENTBRIDGE'),
    kms: read('ENLACE_TEST_KMS'),
    table: read('ENLACE_TEST_TABLE'),
  };
}

const clientConfig = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

export function localDynamoDb(): { client: DynamoDBClient; documents: DynamoDBDocumentClient } {
  const client = new DynamoDBClient({ ...clientConfig, endpoint: localCloud().dynamodb });
  return { client, documents: buildDocumentClient(client) };
}

export const localClientConfig = (endpoint: string) => ({ ...clientConfig, endpoint });

/** Polls until `probe` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A fresh table defined exactly like the template's (keys, GSIs, stream), for tests that need isolation. */
export async function createTestTable(client: DynamoDBClient): Promise<{ tableName: string; streamArn: string | undefined }> {
  const spec = JSON.parse(process.env.ENLACE_TEST_TABLE_SPEC ?? '{}') as CreateTableCommandInput;
  const tableName = `test-${randomUUID()}`;
  const { TableDescription } = await client.send(new CreateTableCommand({ ...spec, TableName: tableName }));
  return { tableName, streamArn: TableDescription?.LatestStreamArn };
}
