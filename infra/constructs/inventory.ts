import { Duration, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FORWARDERS } from '../../domain/inbound';
import { INBOUND_ROUTES } from '../../functions/inbound-shipments/routes';
import { PRODUCT_ROUTES } from '../../functions/products/routes';
import { STOCK_ROUTES } from '../../functions/stock/routes';
import { WAREHOUSE_ROUTES } from '../../functions/warehouse-operations/routes';
import { EnlaceFunction } from './enlace-function';

export interface InventoryProps {
  readonly table: dynamodb.ITable;
  readonly api: apigw.HttpApi;
  readonly alarmTopic: sns.ITopic;
}

export const FORWARDER_WEBHOOK_ROUTE = { method: 'POST', path: '/v1/webhooks/forwarders/{forwarder}' } as const;
/** Deliveries before a forwarder webhook that keeps failing (unreadable, or a milestone whose predecessor never came) is parked. */
export const FORWARDER_MAX_RECEIVE_COUNT = 8;

/**
 * The overseas-warehouse side (docs/inbound.md): products, inbound shipments with their compliance
 * gate, stock, the warehouse operator's API; forwarder milestones as signed webhooks → queue →
 * inbound-milestones; a schedule that catches silent legs.
 */
export class Inventory extends Construct {
  readonly forwarderSecret: secretsmanager.Secret;
  readonly forwarderQueue: sqs.Queue;
  readonly forwarderDeadLetterQueue: sqs.Queue;
  readonly functions: readonly EnlaceFunction[];

  constructor(scope: Construct, id: string, props: InventoryProps) {
    super(scope, id);
    const { table, api, alarmTopic } = props;

    const products = new EnlaceFunction(this, 'Products', { functionName: 'products', description: '/v1/products: the seller’s SKU catalogue' }).bindTable(
      table,
    );
    const inbound = new EnlaceFunction(this, 'InboundShipments', {
      functionName: 'inbound-shipments',
      description: '/v1/inbound-shipments: book (compliance gate), list, read, cancel, resolve discrepancies',
    }).bindTable(table);
    const stock = new EnlaceFunction(this, 'Stock', { functionName: 'stock', description: '/v1/stock: balances, movements and lots' }).bindTable(table, 'read');
    const warehouse = new EnlaceFunction(this, 'WarehouseOperations', {
      functionName: 'warehouse-operations',
      description: '/v1/warehouses/{code}/…: expected arrivals, dock milestones, receipts, stock adjustments (warehouse operator keys)',
    }).bindTable(table);
    const routes: [EnlaceFunction, readonly { readonly method: string; readonly path: string }[]][] = [
      [products, PRODUCT_ROUTES],
      [inbound, INBOUND_ROUTES],
      [stock, STOCK_ROUTES],
      [warehouse, WAREHOUSE_ROUTES],
    ];
    for (const [fn, fnRoutes] of routes) {
      const integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn);
      for (const route of fnRoutes) api.addRoutes({ path: route.path, methods: [route.method as apigw.HttpMethod], integration });
    }

    // One secret for every forwarder: { "<forwarder>": ["current", "next during a rotation"] }; Enlace's own partner gets a generated one.
    this.forwarderSecret = new secretsmanager.Secret(this, 'ForwarderWebhookSecrets', {
      description: 'Per-forwarder HMAC secrets of the inbound milestone webhooks',
      generateSecretString: {
        secretStringTemplate: JSON.stringify(
          Object.fromEntries(FORWARDERS.filter((forwarder) => forwarder !== 'enlace-forwarder').map((forwarder) => [forwarder, []])),
        ),
        generateStringKey: 'enlace-forwarder',
        excludePunctuation: true,
        passwordLength: 48,
      },
    });
    Validations.of(this.forwarderSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Shared with forwarders, so rotated by hand with an overlap (the tracking webhooks’ procedure, docs/tracking.md).',
    });

    this.forwarderDeadLetterQueue = new sqs.Queue(this, 'ForwarderDeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.forwarderDeadLetterQueue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    const milestonesTimeout = Duration.seconds(30);
    this.forwarderQueue = new sqs.Queue(this, 'ForwarderQueue', {
      visibilityTimeout: Duration.seconds(milestonesTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.forwarderDeadLetterQueue, maxReceiveCount: FORWARDER_MAX_RECEIVE_COUNT },
    });
    new cloudwatch.Alarm(this, 'ForwarderDeadLetterQueueNotEmpty', {
      alarmDescription: 'Forwarder milestones Enlace could not apply are parked in the forwarder DLQ; inspect and redrive them',
      metric: this.forwarderDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new cwActions.SnsAction(alarmTopic));

    const webhook = new EnlaceFunction(this, 'ForwarderWebhook', {
      functionName: 'forwarder-webhook',
      description: 'POST /v1/webhooks/forwarders/{forwarder}: verifies the forwarder signature and queues the body',
      environment: { FORWARDER_QUEUE_URL: this.forwarderQueue.queueUrl, FORWARDER_WEBHOOK_SECRET_ARN: this.forwarderSecret.secretArn },
    });
    this.forwarderQueue.grantSendMessages(webhook);
    this.forwarderSecret.grantRead(webhook);
    const [webhookRoute] = api.addRoutes({
      path: FORWARDER_WEBHOOK_ROUTE.path,
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('ForwarderWebhookIntegration', webhook),
      authorizer: new HttpNoneAuthorizer(),
    });
    if (webhookRoute !== undefined) {
      Validations.of(webhookRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'Forwarders do not hold API keys: each webhook is authenticated by its HMAC-SHA256 signature with a replay window.',
      });
    }

    const milestones = new EnlaceFunction(this, 'InboundMilestones', {
      functionName: 'inbound-milestones',
      description: 'Queued forwarder webhooks → inbound milestones applied, events published',
      timeout: milestonesTimeout,
    }).bindTable(table);
    milestones.addEventSource(new SqsEventSource(this.forwarderQueue, { batchSize: 10, reportBatchItemFailures: true }));

    const sweep = new EnlaceFunction(this, 'InboundSweep', {
      functionName: 'inbound-sweep',
      description: 'Every 30 minutes: inbound legs silent past their threshold → inbound.stalled, once per silence',
      timeout: Duration.minutes(2),
    }).bindTable(table);
    new events.Rule(this, 'InboundSweepSchedule', {
      description: 'inbound-sweep: looks for silent inbound shipments every 30 minutes',
      schedule: events.Schedule.rate(Duration.minutes(30)),
      targets: [new targets.LambdaFunction(sweep, { retryAttempts: 2, maxEventAge: Duration.minutes(30) })],
    });

    this.functions = [products, inbound, stock, warehouse, webhook, milestones, sweep];
    for (const fn of this.functions) fn.errorsAlarm.addAlarmAction(new cwActions.SnsAction(alarmTopic));
  }
}
