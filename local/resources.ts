import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { BucketSpec, QueueSpec, TableSpec } from './wiring';

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface LocalQueue {
  readonly logicalId: string;
  readonly name: string;
  readonly url: string;
  readonly arn: string;
}

/** What the template's logical ids stand for on this machine. */
export interface LocalResources {
  readonly tables: ReadonlyMap<string, { name: string; streamArn?: string }>;
  readonly queues: ReadonlyMap<string, LocalQueue>;
  readonly buses: ReadonlyMap<string, string>;
  readonly functions: ReadonlyMap<string, string>;
  /** S3 buckets in fauxqs, by logical id → bucket name. */
  readonly buckets?: ReadonlyMap<string, string>;
  /** Secrets in the local Secrets Manager, by logical id → ARN (what `Ref` gives for a secret). */
  readonly secrets?: ReadonlyMap<string, string>;
  /** KMS keys in the local KMS, by logical id → ARN. */
  readonly kmsKeys?: ReadonlyMap<string, string>;
}

type Json = Record<string, unknown>;

/**
 * Evaluates the CloudFormation intrinsics that appear in function environments and targets
 * (Ref, Fn::GetAtt, Fn::Join, Fn::Select, Fn::Split, Fn::Sub with plain names) against local resources.
 */
export function resolveIntrinsic(value: unknown, resources: LocalResources): unknown {
  if (Array.isArray(value)) {
    return value.map((element) => resolveIntrinsic(element, resources));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const object = value as Json;
  if (typeof object.Ref === 'string') {
    return resolveRef(object.Ref, resources);
  }
  if (Array.isArray(object['Fn::GetAtt'])) {
    const [id, attribute] = object['Fn::GetAtt'] as [string, string];
    return resolveGetAtt(id, attribute, resources);
  }
  if (Array.isArray(object['Fn::Join'])) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => String(resolveIntrinsic(part, resources))).join(separator);
  }
  if (Array.isArray(object['Fn::Select'])) {
    const [index, list] = object['Fn::Select'] as [number | string, unknown];
    return (resolveIntrinsic(list, resources) as unknown[])[Number(index)];
  }
  if (Array.isArray(object['Fn::Split'])) {
    const [separator, source] = object['Fn::Split'] as [string, unknown];
    return String(resolveIntrinsic(source, resources)).split(separator);
  }
  if (typeof object['Fn::Sub'] === 'string') {
    return object['Fn::Sub'].replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const [id, attribute] = name.split('.');
      return String(attribute === undefined ? resolveRef(id!, resources) : resolveGetAtt(id!, attribute, resources));
    });
  }
  return Object.fromEntries(Object.entries(object).map(([key, entry]) => [key, resolveIntrinsic(entry, resources)]));
}

function resolveRef(id: string, resources: LocalResources): string {
  const pseudo: Record<string, string> = {
    'AWS::Region': LOCAL_REGION,
    'AWS::AccountId': LOCAL_ACCOUNT,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::StackName': 'Enlace',
  };
  const found =
    pseudo[id] ??
    resources.tables.get(id)?.name ??
    resources.queues.get(id)?.url ??
    resources.buses.get(id) ??
    resources.functions.get(id) ??
    resources.buckets?.get(id) ??
    resources.secrets?.get(id) ??
    resources.kmsKeys?.get(id);
  if (found === undefined) {
    throw new Error(`the local cloud cannot resolve {Ref: ${id}}`);
  }
  return found;
}

function resolveGetAtt(id: string, attribute: string, resources: LocalResources): string {
  const queue = resources.queues.get(id);
  if (queue !== undefined) {
    const attributes: Record<string, string> = { Arn: queue.arn, QueueName: queue.name, QueueUrl: queue.url };
    if (attributes[attribute] !== undefined) {
      return attributes[attribute];
    }
  }
  const table = resources.tables.get(id);
  if (table !== undefined) {
    if (attribute === 'Arn') {
      return `arn:aws:dynamodb:${LOCAL_REGION}:${LOCAL_ACCOUNT}:table/${table.name}`;
    }
    if (attribute === 'StreamArn' && table.streamArn !== undefined) {
      return table.streamArn;
    }
  }
  const bus = resources.buses.get(id);
  if (bus !== undefined && attribute === 'Arn') {
    return `arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT}:event-bus/${bus}`;
  }
  const key = resources.kmsKeys?.get(id);
  if (key !== undefined && attribute === 'Arn') {
    return key;
  }
  const fn = resources.functions.get(id);
  if (fn !== undefined && attribute === 'Arn') {
    return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${fn}`;
  }
  const bucket = resources.buckets?.get(id);
  if (bucket !== undefined) {
    const attributes: Record<string, string> = {
      Arn: `arn:aws:s3:::${bucket}`,
      DomainName: `${bucket}.s3.amazonaws.com`,
      RegionalDomainName: `${bucket}.s3.${LOCAL_REGION}.amazonaws.com`,
    };
    if (attributes[attribute] !== undefined) {
      return attributes[attribute];
    }
  }
  throw new Error(`the local cloud cannot resolve {Fn::GetAtt: [${id}, ${attribute}]}`);
}

/** The CreateTable call equivalent to a template's AWS::DynamoDB::Table (billing aside). */
export function createTableInput(tableName: string, properties: Json): CreateTableCommandInput {
  const stream = properties.StreamSpecification as { StreamViewType: string } | undefined;
  const indexes = (properties.GlobalSecondaryIndexes as Json[] | undefined) ?? [];
  return {
    TableName: tableName,
    AttributeDefinitions: properties.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    KeySchema: properties.KeySchema as CreateTableCommandInput['KeySchema'],
    BillingMode: 'PAY_PER_REQUEST',
    ...(indexes.length === 0
      ? {}
      : {
          GlobalSecondaryIndexes: indexes.map((index) => ({
            IndexName: index.IndexName as string,
            KeySchema: index.KeySchema as NonNullable<CreateTableCommandInput['KeySchema']>,
            Projection: index.Projection as { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE' },
          })),
        }),
    ...(stream === undefined ? {} : { StreamSpecification: { StreamEnabled: true, StreamViewType: stream.StreamViewType as 'NEW_IMAGE' } }),
  };
}

export async function provisionTable(client: DynamoDBClient, tableName: string, spec: TableSpec): Promise<{ name: string; streamArn?: string }> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName, spec.properties)));
  } catch (error) {
    // A persistent database (-dbPath) keeps the table between runs.
    if (!(error instanceof ResourceInUseException)) {
      throw error;
    }
  }
  const ttl = spec.properties.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
  if (ttl?.Enabled === true) {
    await client
      .send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true } }))
      .catch(() => undefined); // already enabled on a persistent table
  }
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  return { name: tableName, ...(Table?.LatestStreamArn === undefined ? {} : { streamArn: Table.LatestStreamArn }) };
}

/** Creates the template's queues in fauxqs, dead-letter queues first so redrive policies can name them. */
export async function provisionQueues(client: SQSClient, specs: readonly QueueSpec[], nameOf: (logicalId: string) => string): Promise<Map<string, LocalQueue>> {
  const queues = new Map<string, LocalQueue>();
  const ordered = [...specs].sort((a, b) => Number(a.redrive !== undefined) - Number(b.redrive !== undefined));
  for (const spec of ordered) {
    const name = nameOf(spec.logicalId);
    const deadLetter = spec.redrive === undefined ? undefined : queues.get(spec.redrive.deadLetterQueueId);
    const { QueueUrl } = await client.send(
      new CreateQueueCommand({
        QueueName: name,
        Attributes: {
          VisibilityTimeout: String(spec.visibilityTimeoutSeconds),
          ...(deadLetter === undefined || spec.redrive === undefined
            ? {}
            : { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetter.arn, maxReceiveCount: spec.redrive.maxReceiveCount }) }),
        },
      }),
    );
    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    queues.set(spec.logicalId, { logicalId: spec.logicalId, name, url: QueueUrl!, arn: Attributes?.QueueArn ?? '' });
  }
  return queues;
}

/** A valid S3 bucket name for a logical id: lower case, letters, digits and hyphens, at most 63 characters. */
export function localBucketName(logicalId: string): string {
  return `enlace-${logicalId.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`.slice(0, 63).replace(/-+$/, '');
}

/** Creates the template's buckets in fauxqs (CreateBucket is idempotent there). */
export async function provisionBuckets(client: S3Client, specs: readonly BucketSpec[]): Promise<Map<string, string>> {
  const buckets = new Map<string, string>();
  for (const spec of specs) {
    const name = spec.name ?? localBucketName(spec.logicalId);
    await client.send(new CreateBucketCommand({ Bucket: name }));
    buckets.set(spec.logicalId, name);
  }
  return buckets;
}
