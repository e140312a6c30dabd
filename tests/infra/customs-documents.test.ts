import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app';
import { matchesEventPattern } from '../../local/eventbridge/event-pattern';
import { LOCAL_REGION, localBucketName, resolveIntrinsic, type LocalResources } from '../../local/resources';
import type { CfnTemplate } from '../../local/template';
import { readWiring } from '../../local/wiring';

const template = Template.fromStack(buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), { validate: false }).stack);
const wiring = readWiring(template.toJSON() as CfnTemplate);
const functionNamed = (name: string) => wiring.functions.find((fn) => fn.entry === `functions/${name}/handler.ts`)!;
const bucketId = Object.keys(template.findResources('AWS::S3::Bucket'))[0]!;

function policyStatementsOf(functionId: string): { Action: string | string[]; Resource: unknown }[] {
  const roleId = (template.toJSON() as CfnTemplate).Resources[functionId]?.Properties?.Role as { 'Fn::GetAtt': [string, string] };
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
    Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
  }[];
  return policies
    .filter((policy) => policy.Properties.Roles.some((role) => role.Ref === roleId['Fn::GetAtt'][0]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

const s3Actions = (functionId: string) =>
  policyStatementsOf(functionId).flatMap((statement) => [statement.Action].flat().filter((action) => action.startsWith('s3:')));

describe('customs documents in the stack', () => {
  it('keeps the documents in one private, encrypted, TLS-only bucket that outlives the stack', () => {
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('feeds customs-documents with shipment.routed only, through a queue with a DLQ', () => {
    const consumer = functionNamed('customs-documents');
    const mapping = wiring.eventSourceMappings.find((candidate) => candidate.functionId === consumer.logicalId);
    expect(mapping).toMatchObject({ source: { kind: 'sqs' }, reportBatchItemFailures: true });
    const queueId = mapping!.source.kind === 'sqs' ? mapping!.source.queueId : '';
    expect(wiring.queues.find((queue) => queue.logicalId === queueId)?.redrive).toBeDefined();
    const rule = wiring.rules.find((candidate) => candidate.targets.some((target) => target.resourceId === queueId))!;
    const event = (source: string, detailType: string) => ({
      version: '0',
      id: '1',
      'detail-type': detailType,
      source,
      account: '0',
      time: '2026-11-22T00:00:00Z',
      region: LOCAL_REGION,
      resources: [],
      detail: {},
    });
    expect(matchesEventPattern(rule.eventPattern!, event('enlace.routing', 'shipment.routed'))).toBe(true);
    expect(matchesEventPattern(rule.eventPattern!, event('enlace.routing', 'order.unroutable'))).toBe(false);
    expect(matchesEventPattern(rule.eventPattern!, event('enlace.customs', 'shipment.routed'))).toBe(false);
  });

  it('gives each function the bucket name and only the object access it needs', () => {
    for (const name of ['customs-documents', 'correct-order', 'order-documents']) {
      expect(functionNamed(name).environment.DOCUMENTS_BUCKET).toEqual({ Ref: bucketId });
    }
    expect(s3Actions(functionNamed('customs-documents').logicalId)).toEqual(['s3:PutObject']);
    expect(s3Actions(functionNamed('correct-order').logicalId)).toEqual(['s3:PutObject']);
    // The reader copies a packed file to its own key on its first link (PutObject), and HEADs that key
    // first, which answers 404 for a missing key only with ListBucket on the bucket (403 without).
    expect(s3Actions(functionNamed('order-documents').logicalId)).toEqual(['s3:GetObject', 's3:PutObject', 's3:ListBucket']);
    const readerS3 = policyStatementsOf(functionNamed('order-documents').logicalId).filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('s3:')),
    );
    expect(readerS3.map((statement) => statement.Resource)).toEqual([
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/orders/*']] },
      { 'Fn::GetAtt': [bucketId, 'Arn'] },
    ]);
  });

  it('serves PATCH /v1/orders/{id} and both document routes behind the authorizer', () => {
    const routes = wiring.routes.map((route) => [
      `${route.method} ${route.path}`,
      wiring.functions.find((fn) => fn.logicalId === route.functionId)?.entry,
      route.authorizer !== undefined,
    ]);
    expect(routes).toEqual(
      expect.arrayContaining([
        ['PATCH /v1/orders/{id}', 'functions/correct-order/handler.ts', true],
        ['GET /v1/orders/{id}/documents', 'functions/order-documents/handler.ts', true],
        ['GET /v1/orders/{id}/documents/{type}', 'functions/order-documents/handler.ts', true],
      ]),
    );
  });
});

describe('the local cloud and the bucket', () => {
  const resources: LocalResources = {
    tables: new Map(),
    queues: new Map(),
    buses: new Map(),
    functions: new Map(),
    buckets: new Map([[bucketId, localBucketName(bucketId)]]),
  };

  it('reads the bucket from the template and resolves Ref and Fn::GetAtt Arn to it', () => {
    expect(wiring.buckets).toEqual([{ logicalId: bucketId }]);
    const name = localBucketName(bucketId);
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]{2,62}$/);
    expect(resolveIntrinsic({ Ref: bucketId }, resources)).toBe(name);
    expect(resolveIntrinsic({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/orders/*']] }, resources)).toBe(`arn:aws:s3:::${name}/orders/*`);
  });

  it('makes a valid bucket name of any logical id', () => {
    expect(localBucketName('CustomsDocumentsBucket_9F1E2D3C')).toBe('enlace-customsdocumentsbucket-9f1e2d3c');
    expect(localBucketName(`Very${'Long'.repeat(30)}`).length).toBeLessThanOrEqual(63);
  });
});
