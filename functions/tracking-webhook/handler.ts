import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parseWebhookSecrets } from '../../domain/tracking';
import { webhookHandler } from '../shared/http/http-handler';
import { logger } from '../shared/observability';
import { requiredEnv } from '../shared/env';
import { buildDocumentClient } from '../shared/store/dynamo-client';
import { buildFindShipmentForUpdate, buildGetShipmentTracking } from '../shared/store/tracking-lookups';
import { buildSaveTracking } from '../shared/store/tracking-writes';
import { buildIngestTracking } from '../shared/tracking-ingest/ingest-tracking';
import { buildLazyEnqueueTrackingMessage } from '../shared/lazy-tracking-queue';
import { buildTrackingWebhook, MAX_WEBHOOK_BYTES } from './tracking-webhook';

const queueUrl = requiredEnv('TRACKING_QUEUE_URL');
const secretId = requiredEnv('TRACKING_WEBHOOK_SECRET_ARN');
const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');

/**
 * The direct write tries a conflict twice (a carrier waits for this answer), and leaves a batch
 * naming more numbers than this to the queue (one look-up and one write per shipment, in the request).
 */
const DIRECT_MAX_ATTEMPTS = 2;
const DIRECT_MAX_NUMBERS = 10;

/** Cached 5 minutes: a secret added for a rotation is in use everywhere within that time. */
const SECRET_MAX_AGE_SECONDS = 300;

async function loadSecrets() {
  const value: unknown = await getSecret(secretId, { maxAge: SECRET_MAX_AGE_SECONDS, transform: 'json' });
  const { secrets, problems } = parseWebhookSecrets(value);
  if (problems.length > 0) {
    logger.error('the tracking webhook secret has entries that cannot be used', { problems });
  }
  return secrets;
}

/** POST /v1/webhooks/tracking/{feed} (no API key: carriers and aggregators authenticate their requests). */
export const handler = webhookHandler(
  buildTrackingWebhook({
    loadSecrets,
    enqueue: buildLazyEnqueueTrackingMessage(queueUrl),
    ingest: buildIngestTracking({
      findShipment: buildFindShipmentForUpdate(documents, tableName),
      getTracking: buildGetShipmentTracking(documents, tableName),
      saveTracking: buildSaveTracking(documents, tableName),
      // No keepUnmatched: updates for unknown numbers go to the queue, which retries them and then keeps them UNMATCHED.
      maxAttempts: DIRECT_MAX_ATTEMPTS,
      maxNumbersPerDelivery: DIRECT_MAX_NUMBERS,
    }),
  }),
  { maxBytes: MAX_WEBHOOK_BYTES, metrics: true },
);
