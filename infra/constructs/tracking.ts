import { Duration, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LINE_HAUL_CARRIER } from '../../domain/shared/carriers';
import { WEBHOOK_FEEDS } from '../../domain/tracking';
import { TRACKING_REGISTRATION_FILTERS } from '../../functions/shared/store/registration-records';
import { EnlaceFunction } from './enlace-function';

export interface TrackingProps {
  readonly table: dynamodb.ITable;
  readonly api: apigw.HttpApi;
  readonly alarmTopic: sns.ITopic;
}

/** The routes tracking serves; the webhook's is the only one in the API without the API-key authorizer. */
export const TRACKING_ROUTES = {
  webhook: { method: 'POST', path: '/v1/webhooks/tracking/{carrier}' },
  byShipment: { method: 'GET', path: '/v1/shipments/{id}/tracking' },
  byTrackingNumber: { method: 'GET', path: '/v1/tracking/{trackingNumber}' },
} as const;

/** Deliveries before an unreadable webhook is parked in the DLQ (unknown numbers give up earlier, see tracking-ingestion). */
export const TRACKING_MAX_RECEIVE_COUNT = 5;

/**
 * Carrier tracking (docs/tracking.md): POST /v1/webhooks/tracking/{feed} authenticates the carrier's
 * or aggregator's push and writes it to the canonical timeline in the request (the ingestion use
 * case), or, for whatever it cannot write, queues the raw body → tracking-ingestion (SQS, batches of
 * 10, partial failures, DLQ) folds it into the timeline; tracking-poller asks the carriers that only
 * answer queries and queues their answers the same way; tracking-registration (table stream)
 * replays updates kept for numbers booked later and starts polling; a schedule runs the stalled
 * sweep every 15 minutes; two GET routes read the timeline.
 */
export class Tracking extends Construct {
  readonly webhookSecret: secretsmanager.Secret;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly webhook: EnlaceFunction;
  readonly ingestion: EnlaceFunction;
  readonly sweep: EnlaceFunction;
  readonly reader: EnlaceFunction;
  readonly poller: EnlaceFunction;
  readonly registration: EnlaceFunction;
  readonly registrationFailures: sqs.Queue;

  constructor(scope: Construct, id: string, props: TrackingProps) {
    super(scope, id);
    const { table, api, alarmTopic } = props;

    // One secret for every carrier: { "<carrier>": ["current", "next during a rotation"] }. Enlace's own
    // line-haul gets a generated one; each last-mile carrier's is set when the carrier is onboarded.
    this.webhookSecret = new secretsmanager.Secret(this, 'WebhookSecrets', {
      description: 'Per-carrier HMAC secrets of the tracking webhooks: {"<carrier>": ["secret", "next secret during a rotation"]}',
      generateSecretString: {
        secretStringTemplate: JSON.stringify(Object.fromEntries(WEBHOOK_FEEDS.filter((slug) => slug !== LINE_HAUL_CARRIER).map((slug) => [slug, []]))),
        generateStringKey: 'enlace-linehaul',
        excludePunctuation: true,
        passwordLength: 48,
      },
    });
    Validations.of(this.webhookSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Shared with carriers, so rotated by hand with an overlap: a second secret is added, the carrier switches, the old one is removed (docs/tracking.md).',
    });

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.deadLetterQueue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    const ingestionTimeout = Duration.seconds(30);
    this.queue = new sqs.Queue(this, 'Queue', {
      visibilityTimeout: Duration.seconds(ingestionTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: TRACKING_MAX_RECEIVE_COUNT },
    });
    new cloudwatch.Alarm(this, 'DeadLetterQueueNotEmpty', {
      alarmDescription: 'Tracking webhooks Enlace cannot read are parked in the tracking DLQ; inspect and redrive them',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new cwActions.SnsAction(alarmTopic));

    this.webhook = new EnlaceFunction(this, 'Webhook', {
      functionName: 'tracking-webhook',
      description: 'POST /v1/webhooks/tracking/{carrier}: verifies the carrier signature, writes the update or queues the body',
      environment: { TRACKING_QUEUE_URL: this.queue.queueUrl, TRACKING_WEBHOOK_SECRET_ARN: this.webhookSecret.secretArn },
    }).bindTable(table);
    this.queue.grantSendMessages(this.webhook);
    this.webhookSecret.grantRead(this.webhook);

    this.ingestion = new EnlaceFunction(this, 'Ingestion', {
      functionName: 'tracking-ingestion',
      description: 'Queued carrier webhooks → canonical timeline and status, tracking events, carrier KPIs',
      timeout: ingestionTimeout,
    }).bindTable(table);
    this.ingestion.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true }));

    this.sweep = new EnlaceFunction(this, 'StalledSweep', {
      functionName: 'stalled-sweep',
      description: 'Every 15 minutes: shipments silent past their leg threshold → shipment.stalled, once per silence',
      timeout: Duration.minutes(2),
    }).bindTable(table);
    new events.Rule(this, 'StalledSweepSchedule', {
      description: 'stalled-sweep: looks for silent shipments every 15 minutes',
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [new targets.LambdaFunction(this.sweep, { retryAttempts: 2, maxEventAge: Duration.minutes(15) })],
    });

    // The polling path (docs/tracking.md, "Polled carriers"): due parcels → carriers' tracking APIs → the same queue.
    this.poller = new EnlaceFunction(this, 'Poller', {
      functionName: 'tracking-poller',
      description: 'Every 15 minutes: asks polled carriers about parcels due, within their rate limits, and queues the answers',
      timeout: Duration.minutes(5),
      // Two runs at once would ask about the same parcels twice (harmless, but it spends the carriers' quota).
      reservedConcurrentExecutions: 1,
      environment: { TRACKING_QUEUE_URL: this.queue.queueUrl },
    }).bindTable(table);
    this.queue.grantSendMessages(this.poller);
    new events.Rule(this, 'PollerSchedule', {
      description: 'tracking-poller: asks polled carriers every 15 minutes',
      schedule: events.Schedule.rate(Duration.minutes(15)),
      // No retry: the next run picks up whatever is still due.
      targets: [new targets.LambdaFunction(this.poller, { retryAttempts: 0, maxEventAge: Duration.minutes(15) })],
    });

    // Numbers becoming known (bookings, line-haul aliases) and updates kept unmatched: replays, poll schedules, subscriptions.
    this.registration = new EnlaceFunction(this, 'Registration', {
      functionName: 'tracking-registration',
      description: 'Table stream: replays unmatched carrier updates once their number is registered; starts polling and subscriptions',
      timeout: Duration.seconds(30),
      environment: { TRACKING_QUEUE_URL: this.queue.queueUrl },
    }).bindTable(table);
    this.queue.grantSendMessages(this.registration);
    this.registrationFailures = new sqs.Queue(this, 'RegistrationFailures', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.registrationFailures).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    new cloudwatch.Alarm(this, 'RegistrationFailuresNotEmpty', {
      alarmDescription: 'Stream records tracking-registration could not handle (replays, poll schedules): replay them from their position',
      metric: this.registrationFailures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new cwActions.SnsAction(alarmTopic));
    this.registration.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.registrationFailures),
        filters: TRACKING_REGISTRATION_FILTERS.map((pattern) => lambda.FilterCriteria.filter(pattern)),
      }),
    );

    this.reader = new EnlaceFunction(this, 'GetTracking', {
      functionName: 'get-tracking',
      description: 'GET /v1/shipments/{id}/tracking and GET /v1/tracking/{trackingNumber}',
    }).bindTable(table, 'read');

    for (const fn of [this.webhook, this.ingestion, this.sweep, this.reader, this.poller, this.registration]) {
      fn.errorsAlarm.addAlarmAction(new cwActions.SnsAction(alarmTopic));
    }

    const [webhookRoute] = api.addRoutes({
      path: TRACKING_ROUTES.webhook.path,
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('WebhookIntegration', this.webhook),
      authorizer: new HttpNoneAuthorizer(),
    });
    if (webhookRoute !== undefined) {
      Validations.of(webhookRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Carriers do not hold API keys: each webhook is authenticated by its HMAC-SHA256 signature with a replay window, verified in the handler before anything is queued.',
      });
    }
    const readIntegration = new HttpLambdaIntegration('GetTrackingIntegration', this.reader);
    for (const route of [TRACKING_ROUTES.byShipment, TRACKING_ROUTES.byTrackingNumber]) {
      api.addRoutes({ path: route.path, methods: [apigw.HttpMethod.GET], integration: readIntegration });
    }
  }
}
