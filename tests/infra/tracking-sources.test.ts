import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildApp, cdkJsonContext } from '../../infra/app';
import type { CfnTemplate } from '../../local/template';
import { readWiring } from '../../local/wiring';

process.env.CDK_DEFAULT_ACCOUNT ??= '123456789012';
process.env.CDK_DEFAULT_REGION ??= 'us-east-1';
const { stack } = buildApp(new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } }), { validate: false });
const template = Template.fromStack(stack);
const wiring = readWiring(template.toJSON() as CfnTemplate);
const entryOf = (id: string) => wiring.functions.find((fn) => fn.logicalId === id)?.entry;

describe('tracking sources in the stack', () => {
  it('polls on a 15-minute schedule, one run at a time, with no retry of a failed run', () => {
    const rules = wiring.rules.filter((rule) => rule.targets.some((target) => entryOf(target.resourceId) === 'functions/tracking-poller/handler.ts'));
    expect(rules.map((rule) => rule.scheduleExpression)).toEqual(['rate(15 minutes)']);
    template.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 1,
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'tracking-poller', TRACKING_QUEUE_URL: Match.anyValue() }) },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 900 } })],
    });
  });

  it('finds due parcels in a sparse index of its own (gsi4, projected whole: only POLL items carry its keys)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({
          IndexName: 'gsi4',
          KeySchema: [
            { AttributeName: 'gsi4pk', KeyType: 'HASH' },
            { AttributeName: 'gsi4sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }),
      ]),
    });
  });

  it('registers numbers from the table stream: bookings and aliases, and updates kept unmatched; failures parked with an alarm', () => {
    const registration = wiring.eventSourceMappings.find((mapping) => entryOf(mapping.functionId) === 'functions/tracking-registration/handler.ts');
    expect(registration).toMatchObject({
      source: { kind: 'dynamodb-stream' },
      reportBatchItemFailures: true,
      filters: [
        { eventName: ['INSERT'], dynamodb: { NewImage: { gsi2pk: { S: [{ prefix: 'TRACKING#' }] } } } },
        { eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { pk: { S: [{ prefix: 'UNMATCHED#' }] } } } },
      ],
    });
    expect(registration?.onFailureQueueId).toBeDefined();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmDescription: Match.stringLikeRegexp('tracking-registration could not handle') });
  });

  it('gives every pushing feed a webhook secret slot, aggregators included, and none to a polled-only carrier', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ SecretStringTemplate: Match.stringLikeRegexp('"17track":\\[\\].*"aftership":\\[\\]') }),
    });
    const [secret] = Object.values(
      template.findResources('AWS::SecretsManager::Secret', { Properties: { GenerateSecretString: { GenerateStringKey: 'enlace-linehaul' } } }),
    ) as {
      Properties: { GenerateSecretString: { SecretStringTemplate: string } };
    }[];
    expect(Object.keys(JSON.parse(secret!.Properties.GenerateSecretString.SecretStringTemplate) as object)).not.toContain('jadlog');
  });
});
