import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { EVENT_BUS_NAME } from '../../events/envelope';
import { orderCancelledV1, orderAllocatedV1 } from '../../events/fulfilment';
import { orderReceivedV1 } from '../../events/order-received';
import { stockAdjustedV1, stockReceivedV1 } from '../../events/stock';
import { OUTBOX_RELAY_FILTERS } from '../../functions/outbox-publisher/filters';
import { INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/shared/store/keys';
import { SUBSCRIPTION_ROUTES } from '../../functions/subscriptions/route-keys';
import { ApiReference } from '../constructs/api-reference';
import { CustomsDocuments } from '../constructs/customs-documents';
import { EnlaceFunction } from '../constructs/enlace-function';
import { EventConsumer } from '../constructs/event-consumer';
import { Inventory } from '../constructs/inventory';
import { Notifications } from '../constructs/notifications';
import { Tracking } from '../constructs/tracking';

export interface EnlaceStackProps extends StackProps {
  /** Keep the table when the stack is deleted (production); tear it down in ephemeral environments. */
  readonly retainData?: boolean;
}

/** Enlace on AWS: the single table, the event bus, the HTTP API and every handler. */
export class EnlaceStack extends Stack {
  readonly table: dynamodb.Table;
  readonly bus: events.EventBus;
  readonly api: apigw.HttpApi;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: EnlaceStackProps = {}) {
    super(scope, id, props);

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      deletionProtection: props.retainData ?? true,
      removalPolicy: (props.retainData ?? true) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of Object.values(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        ...('nonKeyAttributes' in index ? { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...index.nonKeyAttributes] } : {}),
      });
    }

    this.bus = new events.EventBus(this, 'Bus', { eventBusName: EVENT_BUS_NAME });
    this.bus.archive('Archive', {
      description: 'Every Enlace event for 30 days, for replay after an incident',
      eventPattern: { source: events.Match.prefix('enlace.') },
      retention: Duration.days(30),
    });

    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: 'Enlace alarms', enforceSSL: true });

    this.api = this.buildApi();
    const relay = this.buildOutboxRelay();
    this.buildPipeline();
    // Seller notifications (docs/notifications.md): shared rule → fan-out → signed deliveries; /v1/subscriptions.
    this.addApiRoutes(new Notifications(this, 'Notifications', { table: this.table, bus: this.bus, alarmTopic: this.alarmTopic }).api, SUBSCRIPTION_ROUTES);
    // Carrier tracking (docs/tracking.md): signed webhooks → queue → ingestion; stalled sweep; GET tracking.
    const tracking = new Tracking(this, 'Tracking', { table: this.table, api: this.api, alarmTopic: this.alarmTopic });
    // Tracking's writers put their events on the tracking item: the relay's stream filters that pass
    // them (outbox-publisher/filters.ts) must be in place before a deployment updates the writers.
    tracking.ingestion.node.addDependency(relay);
    tracking.sweep.node.addDependency(relay);
    // Customs documents (README, "Customs documents"): shipment.routed → checks → JSON + PDF in S3; PATCH and GET documents.
    new CustomsDocuments(this, 'Customs', {
      table: this.table,
      bus: this.bus,
      api: this.api,
      alarmTopic: this.alarmTopic,
      retainData: props.retainData ?? true,
    });

    // The overseas warehouse (docs/inbound.md): products, inbound shipments, stock, warehouse operations, forwarder milestones.
    const inventory = new Inventory(this, 'Inventory', { table: this.table, api: this.api, alarmTopic: this.alarmTopic });
    // Inbound shipments carry their events on their item (like tracking): the relay must be in place first.
    for (const fn of inventory.functions) fn.node.addDependency(relay);

    // The API describing itself (README, "The API as a contract"): GET /v1/openapi.json and the reference page, no key.
    new ApiReference(this, 'ApiReference', { api: this.api, alarmTopic: this.alarmTopic });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
    this.suppressNagFindings();
  }

  private buildApi(): apigw.HttpApi {
    // `cdk synth -c authorizerKnownKeyTtlMs=1000 -c authorizerUnknownKeyTtlMs=500` shortens the cache (tests); it is never longer than documented.
    const cacheBounds = Object.fromEntries(
      [
        ['KNOWN_KEY_TTL_MS', 'authorizerKnownKeyTtlMs'],
        ['UNKNOWN_KEY_TTL_MS', 'authorizerUnknownKeyTtlMs'],
      ].flatMap(([name, context]) => {
        const value: unknown = this.node.tryGetContext(context!);
        return value === undefined ? [] : [[name!, String(Number(value))]];
      }),
    );
    const authorizerFunction = new EnlaceFunction(this, 'Authorizer', {
      functionName: 'authorizer',
      description: 'Resolves API keys to tenants for the HTTP API',
      environment: cacheBounds,
    }).bindTable(this.table, 'read');
    const authorizer = new HttpLambdaAuthorizer('ApiKeyAuthorizer', authorizerFunction, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      // Not cached by API Gateway: the authorizer's own short cache is the only one, so a revoked key
      // stops working within 30 s and a new key works within 5 s (docs/api-keys.md).
      resultsCacheTtl: Duration.seconds(0),
    });

    const api = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Enlace public API (v1)',
      defaultAuthorizer: authorizer,
    });
    this.enableAccessLogs(api);

    const routes: { path: string; method: apigw.HttpMethod; fn: EnlaceFunction }[] = [
      {
        path: '/v1/orders',
        method: apigw.HttpMethod.POST,
        fn: new EnlaceFunction(this, 'OrderIntake', {
          functionName: 'order-intake',
          description: 'POST /v1/orders: validates, stores and announces marketplace orders',
        }).bindTable(this.table),
      },
      {
        path: '/v1/orders/{id}',
        method: apigw.HttpMethod.GET,
        fn: new EnlaceFunction(this, 'GetOrder', {
          functionName: 'get-order',
          description: 'GET /v1/orders/{id}',
        }).bindTable(this.table, 'read'),
      },
      {
        path: '/v1/orders/{id}/quotes',
        method: apigw.HttpMethod.GET,
        fn: new EnlaceFunction(this, 'GetQuotes', {
          functionName: 'get-quotes',
          description: 'GET /v1/orders/{id}/quotes',
        }).bindTable(this.table, 'read'),
      },
      {
        path: '/v1/orders/{id}/routing',
        method: apigw.HttpMethod.GET,
        fn: new EnlaceFunction(this, 'GetRouting', {
          functionName: 'get-routing',
          description: 'GET /v1/orders/{id}/routing: why this carrier',
        }).bindTable(this.table, 'read'),
      },
      {
        path: '/v1/orders/{id}/label',
        method: apigw.HttpMethod.GET,
        fn: new EnlaceFunction(this, 'GetLabel', {
          functionName: 'get-label',
          description: 'GET /v1/orders/{id}/label: the 4x6 in ZPL label',
        }).bindTable(this.table, 'read'),
      },
      {
        path: '/v1/kpis',
        method: apigw.HttpMethod.GET,
        fn: new EnlaceFunction(this, 'GetKpis', {
          functionName: 'get-kpis',
          description: 'GET /v1/kpis: carrier performance per lane',
        }).bindTable(this.table, 'read'),
      },
      {
        path: '/v1/rates',
        method: apigw.HttpMethod.POST,
        fn: new EnlaceFunction(this, 'Rates', {
          functionName: 'rates',
          description: 'POST /v1/rates: quotes for a proposed shipment',
        }),
      },
    ];
    for (const route of routes) {
      api.addRoutes({
        path: route.path,
        methods: [route.method],
        integration: new HttpLambdaIntegration(`${route.fn.node.id}Integration`, route.fn),
      });
    }
    return api;
  }

  /** Serves `routes` with `fn` on the HTTP API, behind the API-key authorizer: how constructs add their routes. */
  addApiRoutes(fn: lambda.IFunction, routes: readonly { readonly method: string; readonly path: string }[]): void {
    const integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn);
    for (const route of routes) {
      this.api.addRoutes({ path: route.path, methods: [route.method as apigw.HttpMethod], integration });
    }
  }

  private enableAccessLogs(api: apigw.HttpApi): void {
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    const stage = api.defaultStage?.node.defaultChild as apigw.CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        requestTime: '$context.requestTime',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
        tenantId: '$context.authorizer.tenantId',
      }),
    };
    stage.defaultRouteSettings = { throttlingBurstLimit: 200, throttlingRateLimit: 100 };
  }

  /** The event-driven steps, each behind its own queue: bus rule → SQS (+DLQ) → function. */
  private buildPipeline(): void {
    new EventConsumer(this, 'RateCalculation', {
      functionName: 'rate-calculation',
      description: 'Prices every service for each received order',
      bus: this.bus,
      // A new order, or a backordered one whose stock arrived (it was received before its units were).
      eventPattern: {
        source: [orderReceivedV1.source, orderAllocatedV1.source],
        detailType: [orderReceivedV1.type, orderAllocatedV1.type],
        detail: { $or: [{ metadata: { type: [orderReceivedV1.type] } }, { data: { fromBackorder: [true] } }] },
      },
      alarmTopic: this.alarmTopic,
    }).fn.bindTable(this.table);
    new EventConsumer(this, 'BackorderAllocation', {
      functionName: 'backorder-allocation',
      description: 'Fills backorders oldest first when units become available at a warehouse',
      bus: this.bus,
      // Only events that free units: good units received, an adjustment into available, an allocation released.
      eventPattern: {
        source: [stockReceivedV1.source, orderCancelledV1.source],
        detailType: [stockReceivedV1.type, stockAdjustedV1.type, orderCancelledV1.type],
        detail: {
          $or: [
            { metadata: { type: [stockReceivedV1.type] }, data: { good: [{ numeric: ['>', 0] }] } },
            { metadata: { type: [stockAdjustedV1.type] }, data: { to: ['available'] } },
            { metadata: { type: [orderCancelledV1.type] }, data: { stage: ['allocated'] } },
          ],
        },
      },
      alarmTopic: this.alarmTopic,
    }).fn.bindTable(this.table);
    new EventConsumer(this, 'Routing', {
      functionName: 'routing',
      description: 'Chooses, books and explains the last-mile carrier of each rated order',
      bus: this.bus,
      eventPattern: { source: ['enlace.rating'], detailType: ['order.rated'] },
      alarmTopic: this.alarmTopic,
    }).fn.bindTable(this.table);
  }

  /** Table stream → outbox relay → bus. Records that keep failing are parked in a DLQ, with an alarm. */
  private buildOutboxRelay(): EnlaceFunction {
    const relay = new EnlaceFunction(this, 'OutboxRelay', {
      functionName: 'outbox-publisher',
      description: 'Publishes events written to the table outbox to the event bus',
    })
      .bindBus(this.bus)
      // Reads whether an event's seller has subscriptions, to route it to the notification fan-out or not.
      .bindTable(this.table, 'read');
    const failed = this.deadLetterQueue('OutboxRelayFailures');
    relay.addEventSource(
      new DynamoEventSource(this.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(0),
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(failed),
        filters: OUTBOX_RELAY_FILTERS.map((pattern) => lambda.FilterCriteria.filter(pattern)),
      }),
    );
    relay.errorsAlarm.addAlarmAction(new cwActions.SnsAction(this.alarmTopic));
    return relay;
  }

  private deadLetterQueue(id: string): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    new cloudwatch.Alarm(this, `${id}NotEmpty`, {
      alarmDescription: `Messages are parked in ${id}; inspect and redrive them`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new cwActions.SnsAction(this.alarmTopic));
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    return queue;
  }

  private suppressNagFindings(): void {
    const tableId = this.getLogicalId(this.table.node.defaultChild as dynamodb.CfnTable);
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'AWSLambdaBasicExecutionRole only lets each function write its own CloudWatch logs; it is the AWS-maintained minimum.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
        reason: 'CDK table grants cover the indexes of this one table (the seller, tracking-number and stalled-shipment GSIs), nothing else.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords and dynamodb:ListStreams have no resource-level permissions.',
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'Node.js 22 is the runtime Enlace targets and tests against; runtime upgrades are deliberate.',
      },
      {
        id: 'AwsSolutions-SNS2',
        reason: 'CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key; alarm messages carry no customer data.',
      },
    );
  }
}
