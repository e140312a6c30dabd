/**
 * `npx tsx scripts/migrate-order-idempotency.ts [--delete-legacy]`: copies order idempotency
 * records to the per-seller key (docs/migrations/order-idempotency-per-seller.md). Against the
 * running local cloud, or against AWS with TABLE_NAME (and the usual AWS credentials) set.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildDocumentClient } from '../functions/shared/store/dynamo-client';
import { migrateLegacyOrderIdempotency } from '../functions/shared/store/order-idempotency-migration';
import { runningLocalCloud } from './local-cloud-state';

async function main(): Promise<void> {
  const local = process.env.TABLE_NAME === undefined ? runningLocalCloud() : undefined;
  const tableName = process.env.TABLE_NAME ?? local?.tableName;
  if (tableName === undefined) {
    console.error('Set TABLE_NAME (AWS) or start the local cloud with `npm start`.');
    process.exit(1);
  }
  const client = new DynamoDBClient(
    local === undefined ? {} : { endpoint: local.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
  );
  const report = await migrateLegacyOrderIdempotency(buildDocumentClient(client), tableName, { deleteLegacy: process.argv.includes('--delete-legacy') });
  console.log(JSON.stringify(report));
}

void main();
