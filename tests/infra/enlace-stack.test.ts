import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, cdkJsonContext } from '../../infra/app';
import { API_REFERENCE_ROUTES } from '../../infra/constructs/api-reference';
import type { CfnTemplate } from '../../local/template';
import { readWiring } from '../../local/wiring';

// Bundling is skipped here (it is esbuild's job, measured by `npm run bundle-size`).
// As `cdk synth` does with credentials: a concrete account and region make partitions literal ("aws"),
// which changes some cdk-nag finding ids; the acknowledgements must match both forms.
process.env.CDK_DEFAULT_ACCOUNT ??= '123456789012';
process.env.CDK_DEFAULT_REGION ??= 'us-east-1';
const { stack } = buildApp(new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } }), { validate: false });
const template = Template.fromStack(stack);
const root = join(__dirname, '..', '..');

describe('EnlaceStack', () => {
  it('has one on-demand table with PITR, TTL, a stream and the planned GSIs', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({ IndexName: 'gsi1' }),
        Match.objectLike({ IndexName: 'gsi2' }),
        Match.objectLike({ IndexName: 'gsi3' }),
      ]),
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  it('runs every function on Node.js 22, arm64, with tracing and an errors alarm', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    expect(Object.keys(functions).length).toBeGreaterThanOrEqual(4);
    for (const fn of Object.values(functions) as { Properties: Record<string, unknown> }[]) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
    }
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as { Properties: { MetricName?: string } }[];
    expect(alarms.filter((alarm) => alarm.Properties.MetricName === 'Errors')).toHaveLength(Object.keys(functions).length);
  });

  it("serves the API through the API-key authorizer, not cached by API Gateway (the authorizer's own bounded cache is the only one)", () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: 0,
    });
    for (const route of Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as { Properties: Record<string, unknown> }[]) {
      // Carriers and forwarders authenticate their webhooks with an HMAC signature, checked by the handler;
      // the API's own description (openapi.json, the reference page) is public.
      const keyless = [
        'POST /v1/webhooks/tracking/{carrier}',
        'POST /v1/webhooks/forwarders/{forwarder}',
        ...API_REFERENCE_ROUTES.map((path) => `GET ${path}`),
      ].includes(String(route.Properties.RouteKey));
      expect([route.Properties.RouteKey, route.Properties.AuthorizationType]).toEqual([route.Properties.RouteKey, keyless ? 'NONE' : 'CUSTOM']);
    }
  });

  it('tracks carriers: signed webhooks queued with a DLQ, a 15-minute stalled sweep, a lean sweep index', () => {
    const webhook = template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'tracking-webhook' } } },
    });
    const [webhookProps] = Object.values(webhook) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[];
    expect(Object.keys(webhookProps?.Properties.Environment.Variables ?? {})).toEqual(
      expect.arrayContaining(['TRACKING_QUEUE_URL', 'TRACKING_WEBHOOK_SECRET_ARN', 'TABLE_NAME']),
    );
    // The webhook writes what it verified (the ingestion use case): it reads and writes the table, as tracking-ingestion does.
    const webhookRole = (Object.values(webhook)[0] as { Properties: { Role: { 'Fn::GetAtt': string[] } } }).Properties.Role['Fn::GetAtt'][0];
    const [tableId] = Object.keys(template.findResources('AWS::DynamoDB::Table'));
    const webhookPolicies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) => JSON.stringify(policy).includes(`"${webhookRole}"`));
    const statements = webhookPolicies.flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }).Properties.PolicyDocument.Statement,
    );
    const onTable = statements.filter((statement) => JSON.stringify(statement.Resource).includes(`"${tableId}"`)).flatMap((statement) => statement.Action);
    expect(onTable).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem']),
    );
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ GenerateStringKey: 'enlace-linehaul', SecretStringTemplate: Match.stringLikeRegexp('"correios":\\[\\]') }),
    });
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 }, VisibilityTimeout: 180 });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(15 minutes)' });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({
          IndexName: 'gsi3',
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: Match.arrayWith(['lane', 'current', 'lastCarrierUpdateAt']) },
        }),
      ]),
    });
  });

  it('relays only writes that carry events (outbox items, outbox attributes), reports partial failures, and parks what keeps failing', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'OUTBOX#' }] } } } }) },
          { Pattern: JSON.stringify({ eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { outbox: { S: [{ exists: true }] } } } }) },
        ],
      },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
  });

  it("updates the relay's stream filters before tracking's writers, which put their events on the tracking item", () => {
    const [mapping] = Object.keys(template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FilterCriteria: Match.anyValue() } }));
    expect(mapping).toBeDefined();
    const functions = template.findResources('AWS::Lambda::Function');
    for (const name of ['tracking-ingestion', 'stalled-sweep']) {
      const entry = Object.values(functions).find(
        (resource) =>
          (resource as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }).Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME ===
          name,
      ) as { DependsOn?: string[] } | undefined;
      expect(entry?.DependsOn).toContain(mapping);
    }
  });

  it('passes cdk-nag AwsSolutions with every acknowledgement explained', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    const problems = report.violations.map((violation) => `${violation.ruleName}: ${violation.description}`);
    expect(problems).toEqual([]);
    expect(report.success).toBe(true);
  });
});

describe('the local cloud reads the same wiring', () => {
  const wiring = readWiring(template.toJSON() as CfnTemplate);

  it('finds a handler source for every function in the template', () => {
    expect(wiring.functions).toHaveLength(Object.keys(template.findResources('AWS::Lambda::Function')).length);
    for (const fn of wiring.functions) {
      const file = join(root, fn.entry);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`export const ${fn.handler}\\b`));
    }
  });

  it('routes every API route of the template to its function, behind the authorizer', () => {
    const entryOf = (id: string) => wiring.functions.find((fn) => fn.logicalId === id)?.entry;
    const routes = wiring.routes.map((route) => [`${route.method} ${route.path}`, entryOf(route.functionId), entryOf(route.authorizer?.functionId ?? '')]);
    expect(routes).toEqual(
      expect.arrayContaining([
        ['POST /v1/orders', 'functions/order-intake/handler.ts', 'functions/authorizer/handler.ts'],
        ['GET /v1/orders/{id}', 'functions/get-order/handler.ts', 'functions/authorizer/handler.ts'],
      ]),
    );
    expect(wiring.routes).toHaveLength(Object.keys(template.findResources('AWS::ApiGatewayV2::Route')).length);
  });

  it('serves the tracking webhook without the authorizer and the tracking reads behind it', () => {
    const entryOf = (id: string) => wiring.functions.find((fn) => fn.logicalId === id)?.entry;
    const routes = wiring.routes.map((route) => [`${route.method} ${route.path}`, entryOf(route.functionId), entryOf(route.authorizer?.functionId ?? '')]);
    expect(routes).toEqual(
      expect.arrayContaining([
        ['POST /v1/webhooks/tracking/{carrier}', 'functions/tracking-webhook/handler.ts', undefined],
        ['GET /v1/shipments/{id}/tracking', 'functions/get-tracking/handler.ts', 'functions/authorizer/handler.ts'],
        ['GET /v1/tracking/{trackingNumber}', 'functions/get-tracking/handler.ts', 'functions/authorizer/handler.ts'],
      ]),
    );
    const sweep = wiring.rules.find((rule) => rule.scheduleExpression === 'rate(15 minutes)');
    expect(sweep?.targets.map((target) => [target.kind, entryOf(target.resourceId)])).toEqual([['lambda', 'functions/stalled-sweep/handler.ts']]);
  });

  it('maps every event source mapping, queue and rule', () => {
    expect(wiring.eventSourceMappings).toHaveLength(Object.keys(template.findResources('AWS::Lambda::EventSourceMapping')).length);
    expect(wiring.queues).toHaveLength(Object.keys(template.findResources('AWS::SQS::Queue')).length);
    expect(wiring.rules).toHaveLength(Object.keys(template.findResources('AWS::Events::Rule')).length);
    const relay = wiring.eventSourceMappings.find((mapping) => mapping.source.kind === 'dynamodb-stream');
    expect(relay).toMatchObject({ reportBatchItemFailures: true, batchSize: 10, filters: [{ eventName: ['INSERT'] }, { eventName: ['INSERT', 'MODIFY'] }] });
    expect(relay?.onFailureQueueId).toBeDefined();
  });
});
