import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import { randomBytes } from 'node:crypto';
import { EVENT_BUS_NAME } from '../../events/envelope';
import { httpHandler } from '../shared/http/http-handler';
import { newId } from '../shared/ids';
import { buildEnqueueDeliveries } from '../shared/notifications/delivery-queue';
import { networkPolicyFromEnvironment } from '../shared/notifications/network-policy';
import { buildKmsSecretBox, openSecrets } from '../shared/notifications/secret-box';
import { buildSendMessage, eventBridgeClients } from '../shared/notifications/sender';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import {
  buildDeleteDeadLetter,
  buildDeleteSubscription,
  buildFindSubscription,
  buildGetDeadLetter,
  buildListDeadLetters,
  buildListSubscriptions,
  buildSaveSubscription,
} from '../shared/store/subscription-store';
import { buildSubscriptionsRouter } from './subscriptions';
import { buildVerifyTarget } from './verification';

const documents = buildDocumentClient(new DynamoDBClient({}));
const network = networkPolicyFromEnvironment();
// Seals new secrets (kms:GenerateDataKey) and opens them only to sign the verification handshake (kms:Decrypt).
const secrets = buildKmsSecretBox(new KMSClient({}), requiredEnv('SIGNING_SECRETS_KEY_ARN'));
const tableName = requiredEnv('TABLE_NAME');

/** /v1/subscriptions and everything under it (see route-keys.ts). */
export const handler = httpHandler(
  buildSubscriptionsRouter({
    saveSubscription: buildSaveSubscription(documents, tableName, secrets),
    listSubscriptions: buildListSubscriptions(documents, tableName),
    findSubscription: buildFindSubscription(documents, tableName),
    deleteSubscription: buildDeleteSubscription(documents, tableName),
    listDeadLetters: buildListDeadLetters(documents, tableName),
    getDeadLetter: buildGetDeadLetter(documents, tableName),
    deleteDeadLetter: buildDeleteDeadLetter(documents, tableName),
    enqueueDeliveries: buildEnqueueDeliveries(new SQSClient({ useQueueUrlAsEndpoint: false }), requiredEnv('DELIVERY_QUEUE_URL')),
    verifyTarget: buildVerifyTarget({
      send: buildSendMessage(
        eventBridgeClients((region) => new EventBridgeClient({ region })),
        { policy: network },
      ),
      newChallenge: () => randomBytes(16).toString('hex'),
      openSecrets: (subscription) => openSecrets(subscription, secrets),
    }),
    // Public HTTPS endpoints, and locally also this machine's receivers (never the local cloud's own endpoints);
    // never a bus of Enlace's own account.
    targetPolicy: { network, reservedBusNames: [EVENT_BUS_NAME], ownAccountId: requiredEnv('ENLACE_ACCOUNT_ID') },
    newSubscriptionId: () => newId('sub'),
    newSecret: () => `whsec_${randomBytes(32).toString('base64url')}`,
  }),
);
