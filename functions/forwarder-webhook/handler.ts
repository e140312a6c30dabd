import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { parseWebhookSecrets } from '../../domain/tracking';
import { webhookHandler } from '../shared/http/http-handler';
import { logger } from '../shared/observability';
import { requiredEnv } from '../shared/env';
import { buildForwarderWebhook, MAX_FORWARDER_WEBHOOK_BYTES } from './forwarder-webhook';

const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
const queueUrl = requiredEnv('FORWARDER_QUEUE_URL');
const secretId = requiredEnv('FORWARDER_WEBHOOK_SECRET_ARN');

/** Cached 5 minutes: a secret added for a rotation is in use everywhere within that time. */
const SECRET_MAX_AGE_SECONDS = 300;

async function loadSecrets() {
  const value: unknown = await getSecret(secretId, { maxAge: SECRET_MAX_AGE_SECONDS, transform: 'json' });
  const { secrets, problems } = parseWebhookSecrets(value);
  if (problems.length > 0) logger.error('the forwarder webhook secret has entries that cannot be used', { problems });
  return secrets;
}

/** POST /v1/webhooks/forwarders/{forwarder} (no API key: forwarders sign their requests). */
export const handler = webhookHandler(
  buildForwarderWebhook({
    loadSecrets,
    enqueue: async (message) => {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) }));
    },
  }),
  { maxBytes: MAX_FORWARDER_WEBHOOK_BYTES, metrics: true },
);
