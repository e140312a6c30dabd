import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSaveApiKey, issueApiKey } from '../../functions/shared/store/api-key-store';
import { buildDocumentClient } from '../../functions/shared/store/dynamo-client';
import { LocalCloud } from '../../local/local-cloud';
import { createTableInput, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/resources';
import { seedSandboxKpis } from '../../local/seed';
import { TEST_KEYS } from './test-keys';

declare global {
  var __ENLACE_LOCAL_CLOUD__: LocalCloud | undefined;
}

/**
 * Integration and end-to-end tests share one local cloud: the real emulators (DynamoDB Local,
 * fauxqs, the local EventBridge) and every handler, wired from the CDK template. Its logs go to
 * .cache/test-logs/local-cloud.log; tests find it through ENLACE_TEST_* variables.
 */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const logDir = join(__dirname, '..', '..', '.cache', 'test-logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = createWriteStream(join(logDir, 'local-cloud.log'), { flags: 'w' });
  // Failed messages come back after 1 s instead of the template's minutes, so DLQ tests take seconds;
  // likewise notifications retry from 1 s and reach the seller's dead letters after 8 s instead of 24 h.
  const cloud = new LocalCloud({
    apiPort: 0,
    log: (line) => logFile.write(`${line}\n`),
    visibilityTimeoutSeconds: 1,
    // API keys: a revocation is seen within 1 s and a new key within 0.5 s (documented bounds: 30 s and 5 s).
    context: { notificationRetryWindowSeconds: 8, notificationBackoffBaseSeconds: 1, authorizerKnownKeyTtlMs: 1_000, authorizerUnknownKeyTtlMs: 500 },
  });
  const endpoints = await cloud.start();
  globalThis.__ENLACE_LOCAL_CLOUD__ = cloud;

  const tableName = cloud.resources!.tables.values().next().value!.name;
  const documents = buildDocumentClient(new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: endpoints.dynamodb }));
  await seedSandboxKpis(documents, tableName, new Date());
  const save = buildSaveApiKey(documents, tableName);
  for (const key of Object.values(TEST_KEYS)) {
    await issueApiKey(save, key.tenant, { name: 'test', now: new Date(), key: key.key });
  }

  Object.assign(process.env, {
    ENLACE_TEST_API: endpoints.api,
    ENLACE_TEST_ADMIN: endpoints.admin,
    ENLACE_TEST_DYNAMODB: endpoints.dynamodb,
    ENLACE_TEST_SQS: endpoints.sqs,
    ENLACE_TEST_EVENTBRIDGE: endpoints.eventbridge,
    ENLACE_TEST_KMS: endpoints.kms,
    ENLACE_TEST_TABLE: tableName,
    // The template's table definition, so integration tests can create tables of their own just like it.
    ENLACE_TEST_TABLE_SPEC: JSON.stringify(createTableInput('placeholder', cloud.wiring!.tables[0]!.properties)),
  });
}
