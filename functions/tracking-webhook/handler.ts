import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { SQSClient } from '@aws-sdk/client-sqs';
import { parseWebhookSecrets } from '../../domain/tracking';
import { webhookHandler } from '../shared/http/http-handler';
import { logger } from '../shared/observability';
import { requiredEnv } from '../shared/env';
import { buildEnqueueTrackingMessage } from '../shared/tracking-queue';
import { buildTrackingWebhook, MAX_WEBHOOK_BYTES } from './tracking-webhook';

// The endpoint comes from the environment; the queue URL's host is the same on AWS and is not a host name locally.
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
const queueUrl = requiredEnv('TRACKING_QUEUE_URL');
const secretId = requiredEnv('TRACKING_WEBHOOK_SECRET_ARN');

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
    enqueue: buildEnqueueTrackingMessage(sqs, queueUrl),
  }),
  { maxBytes: MAX_WEBHOOK_BYTES, metrics: true },
);
