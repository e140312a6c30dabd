import { SUBSCRIBERS_RESOURCE } from '../../functions/shared/bus/event-publisher';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EVENT_CATALOG } from '../../events/catalog';
import { SUBSCRIPTION_ROUTES } from '../../functions/subscriptions/route-keys';
import { buildApp } from '../../infra/app';
import { matchesEventPattern } from '../../local/eventbridge/event-pattern';
import type { CfnTemplate } from '../../local/template';
import { readKmsKeys } from '../../local/kms-wiring';
import { readWiring } from '../../local/wiring';
import { expectEvery } from '../setup/assertions';

const synth = (context: Record<string, unknown> = {}) =>
  Template.fromStack(buildApp(new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } }), { validate: false }).stack);

const template = synth();
const wiring = readWiring(template.toJSON() as CfnTemplate);
const entryOf = (functionId: string) => wiring.functions.find((fn) => fn.logicalId === functionId)?.entry;
const functionNamed = (name: string) => wiring.functions.find((fn) => fn.entry === `functions/${name}/handler.ts`)!;

function busEvent(source: string, detailType: string, detail: Record<string, unknown>, resources: string[] = [SUBSCRIBERS_RESOURCE]) {
  return {
    version: '0',
    id: '1',
    'detail-type': detailType,
    source,
    account: '000000000000',
    time: '2026-11-22T12:00:00Z',
    region: 'us-east-1',
    resources,
    detail,
  };
}

describe('seller notifications in the stack', () => {
  const fanoutRules = wiring.rules.filter((rule) =>
    rule.targets.some((target) => target.kind === 'sqs' && /^NotificationsFanoutQueue/.test(target.resourceId)),
  );

  it('forwards through ONE shared rule on the enlace bus, whatever the number of subscriptions', () => {
    expect(fanoutRules).toHaveLength(1);
    expect(fanoutRules[0]).toMatchObject({ busName: 'enlace', enabled: true });
  });

  it("matches every catalog event of every context whose seller has subscriptions, and nothing without a seller (so a seller's echo cannot loop)", () => {
    const pattern = fanoutRules[0]!.eventPattern!;
    for (const contract of EVENT_CATALOG) {
      const event = busEvent(contract.source, contract.type, { metadata: { sellerId: 'seller-a', type: contract.type }, data: {} });
      expect({ type: contract.type, matched: matchesEventPattern(pattern, event) }).toEqual({ type: contract.type, matched: true });
    }
    expect(matchesEventPattern(pattern, busEvent('enlace.tracking', 'shipment.delivered', { metadata: { sellerId: 'seller-a' } }))).toBe(true);
    expect(matchesEventPattern(pattern, busEvent('enlace.notifications', 'order.rated', { sellerId: 'seller-a', sequence: 1 }))).toBe(false);
    expect(matchesEventPattern(pattern, busEvent('aws.events', 'Scheduled Event', {}))).toBe(false);
    // A seller without subscriptions: the publisher leaves its events unmarked, and they never reach the fan-out.
    expect(matchesEventPattern(pattern, busEvent('enlace.tracking', 'shipment.delivered', { metadata: { sellerId: 'seller-a' } }, []))).toBe(false);
  });

  it('serves every /v1/subscriptions route from the subscriptions function, behind the authorizer', () => {
    const routes = wiring.routes.filter((route) => route.path.startsWith('/v1/subscriptions'));
    expect(routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(SUBSCRIPTION_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
    for (const route of routes) {
      expect(entryOf(route.functionId)).toBe('functions/subscriptions/handler.ts');
      expect(entryOf(route.authorizer?.functionId ?? '')).toBe('functions/authorizer/handler.ts');
    }
  });

  it('feeds the delivery function from its own queue with partial batch failures, a DLQ and an alarm', () => {
    const delivery = functionNamed('notification-delivery');
    const mapping = wiring.eventSourceMappings.find((candidate) => candidate.functionId === delivery.logicalId);
    expect(mapping).toMatchObject({
      reportBatchItemFailures: true,
      batchSize: 10,
      source: { kind: 'sqs', queueId: expect.stringMatching(/^NotificationsDeliveryQueue/) },
    });
    const queue = wiring.queues.find((candidate) => mapping?.source.kind === 'sqs' && candidate.logicalId === mapping.source.queueId);
    expect(queue?.redrive).toMatchObject({ deadLetterQueueId: expect.stringMatching(/^NotificationsDeliveryDeadLetterQueue/), maxReceiveCount: 26 });
    expect(queue?.visibilityTimeoutSeconds).toBe(180);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue!.redrive!.deadLetterQueueId, 'QueueName'] } }],
    });
  });

  it('retries for 24 h from 30 s by default, and takes a shorter policy from CDK context', () => {
    expect(functionNamed('notification-delivery').environment).toMatchObject({
      NOTIFICATION_RETRY_WINDOW_SECONDS: '86400',
      NOTIFICATION_BACKOFF_BASE_SECONDS: '30',
    });
    const short = readWiring(synth({ notificationRetryWindowSeconds: '8', notificationBackoffBaseSeconds: 1 }).toJSON() as CfnTemplate);
    expect(short.functions.find((fn) => fn.entry === 'functions/notification-delivery/handler.ts')!.environment).toMatchObject({
      NOTIFICATION_RETRY_WINDOW_SECONDS: '8',
      NOTIFICATION_BACKOFF_BASE_SECONDS: '1',
    });
    expect(() => synth({ notificationRetryWindowSeconds: 'a day' })).toThrow(/notificationRetryWindowSeconds/);
  });

  it("lets only the delivery and subscriptions functions put events on sellers' buses", () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] }; Roles: { Ref: string }[] };
    }[];
    const anyBus = policies.filter((policy) =>
      policy.Properties.PolicyDocument.Statement.some(
        (statement) => statement.Action === 'events:PutEvents' && JSON.stringify(statement.Resource).includes(':events:*:*:event-bus/*'),
      ),
    );
    const roles = anyBus.flatMap((policy) => policy.Properties.Roles.map((role) => role.Ref));
    expect(roles).toHaveLength(2);
    expectEvery(roles, (role) => /^Notifications(Delivery|Subscriptions)ServiceRole/.test(role));
  });

  it("grants PutEvents only on other accounts' buses, and denies every bus of Enlace's own account (its default bus included)", () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: { Effect: string; Action: unknown; Resource: unknown; Condition?: unknown }[] } } }).Properties
          .PolicyDocument.Statement,
    );
    const busGrants = statements.filter((statement) => statement.Action === 'events:PutEvents' && JSON.stringify(statement.Resource).includes(':event-bus/*'));
    const allows = busGrants.filter((statement) => statement.Effect === 'Allow');
    const denies = busGrants.filter((statement) => statement.Effect === 'Deny');
    expect(allows).toHaveLength(2);
    expect(denies).toHaveLength(2);
    for (const allow of allows) {
      expect(allow.Condition).toEqual({ StringNotEquals: { 'aws:ResourceAccount': { Ref: 'AWS::AccountId' } } });
    }
    for (const deny of denies) {
      expect(JSON.stringify(deny.Resource)).toContain('{"Ref":"AWS::AccountId"},":event-bus/*"');
    }
  });
});

describe('signing secrets at rest (KMS envelope encryption)', () => {
  const keys = readKmsKeys(template.toJSON() as CfnTemplate);
  const names = (ids: ReadonlySet<string> | undefined) => [...(ids ?? [])].map(entryOf).sort();

  it('has one key, rotated yearly, whose own policy denies opening and sealing to every other principal', () => {
    expect(keys).toHaveLength(1);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const policy = JSON.stringify(Object.values(template.findResources('AWS::KMS::Key'))[0]);
    expect(policy).toContain('"Effect":"Deny"');
    expect(policy).toContain('ArnNotEquals');
  });

  it('lets only the delivery path open secrets (the delivery function, and the subscriptions function for the handshake), and only the subscriptions function seal them', () => {
    expect(names(keys[0]!.allowed.get('kms:Decrypt'))).toEqual(['functions/notification-delivery/handler.ts', 'functions/subscriptions/handler.ts']);
    expect(names(keys[0]!.allowed.get('kms:GenerateDataKey'))).toEqual(['functions/subscriptions/handler.ts']);
    expect(names(keys[0]!.allowed.get('kms:Encrypt'))).toEqual([]);
  });
});
