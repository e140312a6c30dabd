import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { attemptSchedule, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../domain/notifications';
import { SUBSCRIBERS_RESOURCE } from '../../functions/shared/bus/event-publisher';
import { EnlaceFunction } from './enlace-function';
import { EventConsumer } from './event-consumer';

/** CDK context keys that shorten the retry policy (tests, demos): `cdk synth -c notificationRetryWindowSeconds=60`. */
export const RETRY_CONTEXT = { windowSeconds: 'notificationRetryWindowSeconds', baseDelaySeconds: 'notificationBackoffBaseSeconds' } as const;

export interface NotificationsProps {
  readonly table: dynamodb.ITable;
  readonly bus: events.IEventBus;
  readonly alarmTopic: sns.ITopic;
}

/**
 * The pattern of the one shared rule: every Enlace event that belongs to a seller with subscriptions
 * (the publisher marks those, functions/shared/bus/event-publisher.ts; the others cost nothing here).
 */
export const FANOUT_EVENT_PATTERN: events.EventPattern = {
  source: events.Match.prefix('enlace.'),
  resources: [SUBSCRIBERS_RESOURCE],
  // Seller-owned events only; also keeps out anything a notification target could echo back.
  detail: { metadata: { sellerId: events.Match.exists() } },
};

const DELIVERY_TIMEOUT = Duration.seconds(30);

/**
 * Seller notifications (docs/notifications.md): ONE shared rule on the bus → SQS → the fan-out,
 * which finds the event's seller's subscriptions and queues a job per subscription → the delivery
 * queue → the delivery function, which signs, sends, backs off through the message's visibility
 * and dead-letters per seller after the retry window. Plus the /v1/subscriptions function, whose
 * routes the stack adds to the API.
 */
export class Notifications extends Construct {
  readonly fanout: EventConsumer;
  readonly deliveryQueue: sqs.Queue;
  readonly deliveryDeadLetterQueue: sqs.Queue;
  readonly delivery: EnlaceFunction;
  /** Serves every route of functions/subscriptions/route-keys.ts. */
  readonly api: EnlaceFunction;
  readonly retryPolicy: RetryPolicy;
  /** Seals sellers' signing secrets (functions/shared/notifications/secret-box.ts); only the delivery path may open them. */
  readonly signingSecretsKey: kms.Key;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.retryPolicy = retryPolicyFromContext(this);
    const alarmAction = new cwActions.SnsAction(props.alarmTopic);

    this.deliveryDeadLetterQueue = new sqs.Queue(this, 'DeliveryDeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.deliveryDeadLetterQueue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    this.deliveryQueue = new sqs.Queue(this, 'DeliveryQueue', {
      visibilityTimeout: Duration.seconds(DELIVERY_TIMEOUT.toSeconds() * 6),
      // A job lives through the whole retry window, plus the last backoff.
      retentionPeriod: Duration.seconds(Math.min(14 * 86_400, Math.max(4 * 86_400, this.retryPolicy.windowSeconds + 2 * 86_400))),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The delivery function dead-letters to the seller after the window; this limit only parks jobs that
      // cannot be processed at all (a bug), well after every scheduled retry.
      deadLetterQueue: { queue: this.deliveryDeadLetterQueue, maxReceiveCount: Math.max(20, 2 * attemptSchedule(this.retryPolicy).length) },
    });

    this.fanout = new EventConsumer(this, 'Fanout', {
      functionName: 'notification-fanout',
      description: "Finds the subscriptions that want each Enlace event (the event's seller only) and queues a delivery per subscription",
      bus: props.bus,
      eventPattern: FANOUT_EVENT_PATTERN,
      alarmTopic: props.alarmTopic,
    });
    this.fanout.fn.bindTable(props.table).addEnvironment('DELIVERY_QUEUE_URL', this.deliveryQueue.queueUrl);
    this.deliveryQueue.grantSendMessages(this.fanout.fn);

    this.delivery = new EnlaceFunction(this, 'Delivery', {
      functionName: 'notification-delivery',
      description: 'Signs and sends each notification to its endpoint or bus; retries with backoff, then dead-letters per seller',
      timeout: DELIVERY_TIMEOUT,
      environment: {
        DELIVERY_QUEUE_URL: this.deliveryQueue.queueUrl,
        NOTIFICATION_RETRY_WINDOW_SECONDS: String(this.retryPolicy.windowSeconds),
        NOTIFICATION_BACKOFF_BASE_SECONDS: String(this.retryPolicy.baseDelaySeconds),
      },
    }).bindTable(props.table);
    this.delivery.addEventSource(new SqsEventSource(this.deliveryQueue, { batchSize: 10, reportBatchItemFailures: true }));
    allowPutEventsToSellerBuses(this.delivery);
    this.delivery.errorsAlarm.addAlarmAction(alarmAction);

    this.api = new EnlaceFunction(this, 'Subscriptions', {
      functionName: 'subscriptions',
      description: '/v1/subscriptions: subscribe, verify, rotate secrets, list and replay dead deliveries',
      // The verification handshake may wait 5 s for the seller's endpoint.
      timeout: Duration.seconds(15),
      // Enlace's own account: no bus in it may be subscribed (the default bus included).
      environment: { DELIVERY_QUEUE_URL: this.deliveryQueue.queueUrl, ENLACE_ACCOUNT_ID: Stack.of(this).account },
    }).bindTable(props.table);
    this.deliveryQueue.grantSendMessages(this.api);
    allowPutEventsToSellerBuses(this.api);
    this.api.errorsAlarm.addAlarmAction(alarmAction);

    this.signingSecretsKey = this.signingSecrets();

    this.alarms(alarmAction);
  }

  /**
   * Signing secrets are sealed with a key of their own (KMS envelope encryption): the subscriptions
   * function seals new ones (GenerateDataKey) and opens them for the verification handshake, the
   * delivery function opens them to sign deliveries (Decrypt), and the key policy denies Decrypt and
   * GenerateDataKey to every other principal, even one whose IAM policy would allow it. Every other
   * function with table access reads ciphertext.
   */
  private signingSecrets(): kms.Key {
    const key = new kms.Key(this, 'SigningSecretsKey', {
      description: "Seals sellers' notification signing secrets; only the delivery path may open them",
      enableKeyRotation: true,
    });
    for (const fn of [this.api, this.delivery]) {
      fn.addEnvironment('SIGNING_SECRETS_KEY_ARN', key.keyArn);
    }
    key.grantDecrypt(this.delivery);
    key.grant(this.api, 'kms:GenerateDataKey', 'kms:Decrypt');
    const onlyFor = (roles: readonly iam.IRole[], actions: string[]) =>
      key.addToResourcePolicy(
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions,
          resources: ['*'],
          conditions: { ArnNotEquals: { 'aws:PrincipalArn': roles.map((role) => role.roleArn) } },
        }),
      );
    onlyFor([this.delivery.role!, this.api.role!], ['kms:Decrypt']);
    onlyFor([this.api.role!], ['kms:GenerateDataKey']);
    return key;
  }

  private alarms(action: cwActions.SnsAction): void {
    new cloudwatch.Alarm(this, 'DeliveryDeadLetterQueueNotEmpty', {
      alarmDescription: 'notification-delivery: jobs that could not be processed at all are parked; inspect and redrive them',
      metric: this.deliveryDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(action);
    new cloudwatch.Alarm(this, 'FanoutLagging', {
      alarmDescription: 'notification-fanout: events wait more than 15 minutes to be fanned out; sellers hear late',
      metric: this.fanout.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 15 * 60,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(action);
    new cloudwatch.Alarm(this, 'DeliveriesDeadLettered', {
      alarmDescription: "notification-delivery: over 100 deliveries an hour end in sellers' dead letters (receivers down, or a signing/sending bug)",
      metric: new cloudwatch.Metric({
        namespace: 'Enlace',
        metricName: 'NotificationsDeadLettered',
        dimensionsMap: { service: 'enlace' },
        statistic: 'Sum',
        period: Duration.hours(1),
      }),
      threshold: 100,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(action);
  }
}

/**
 * Sellers' buses live in their own accounts and are only known at run time, so the grant names
 * every bus of every *other* account (aws:ResourceAccount), and an explicit deny covers every bus
 * of Enlace's own account (its default bus and `enlace` included): a delivery can never feed
 * Enlace's own buses, even if a subscription slipped past the API's check. Each seller's bus policy
 * decides whether Enlace may write to it.
 */
function allowPutEventsToSellerBuses(fn: EnlaceFunction): void {
  const stack = Stack.of(fn);
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['events:PutEvents'],
      resources: [stack.formatArn({ service: 'events', region: '*', account: '*', resource: 'event-bus', resourceName: '*' })],
      conditions: { StringNotEquals: { 'aws:ResourceAccount': stack.account } },
    }),
  );
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['events:PutEvents'],
      resources: [stack.formatArn({ service: 'events', region: '*', resource: 'event-bus', resourceName: '*' })],
    }),
  );
  // The partition is a token or a literal depending on the @aws-cdk/core:enablePartitionLiterals flag.
  for (const partition of ['<AWS::Partition>', 'aws']) {
    Validations.of(fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:${partition}:events:*:*:event-bus/*]`,
      reason:
        "Sellers subscribe buses in their own accounts at run time; only PutEvents is granted, only on other accounts' buses (aws:ResourceAccount), and each seller's bus policy decides whether Enlace may write to it.",
    });
    Validations.of(fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:${partition}:events:*:<AWS::AccountId>:event-bus/*]`,
      reason: "A deny, not a grant: PutEvents to every bus of Enlace's own account is refused.",
    });
  }
}

function retryPolicyFromContext(scope: Construct): RetryPolicy {
  const read = (key: string, fallback: number): number => {
    const value: unknown = scope.node.tryGetContext(key);
    if (value === undefined) {
      return fallback;
    }
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0) {
      throw new Error(`CDK context ${key} must be a whole number of seconds above 0, got ${JSON.stringify(value)}`);
    }
    return parsed;
  };
  return {
    ...DEFAULT_RETRY_POLICY,
    windowSeconds: read(RETRY_CONTEXT.windowSeconds, DEFAULT_RETRY_POLICY.windowSeconds),
    baseDelaySeconds: read(RETRY_CONTEXT.baseDelaySeconds, DEFAULT_RETRY_POLICY.baseDelaySeconds),
  };
}
