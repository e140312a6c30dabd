import { ENTRY_METADATA_KEY } from '../infra/constructs/enlace-function';
import type { CfnResource, CfnTemplate } from './template';

/**
 * The part of the synthesized template the local cloud runs: everything is read from the
 * CloudFormation the CDK app deploys, so local and cloud cannot drift.
 */
export interface Wiring {
  readonly apiDestinations: readonly ApiDestinationSpec[];
  readonly tables: readonly TableSpec[];
  readonly buckets: readonly BucketSpec[];
  readonly secrets: readonly SecretSpec[];
  readonly buses: readonly { readonly logicalId: string; readonly name: string }[];
  readonly functions: readonly FunctionSpec[];
  readonly routes: readonly RouteSpec[];
  readonly queues: readonly QueueSpec[];
  readonly eventSourceMappings: readonly EventSourceMappingSpec[];
  readonly rules: readonly RuleSpec[];
}

export interface TableSpec {
  readonly logicalId: string;
  readonly properties: Record<string, unknown>;
}

/** A Secrets Manager secret: a fixed SecretString, or how Secrets Manager should generate it. */
export interface SecretSpec {
  readonly logicalId: string;
  readonly name?: string;
  readonly secretString?: string;
  readonly generateSecretString?: {
    readonly secretStringTemplate?: string;
    readonly generateStringKey?: string;
    readonly passwordLength?: number;
  };
}

/** An S3 bucket; `name` when the template fixes its BucketName. */
export interface BucketSpec {
  readonly logicalId: string;
  readonly name?: string;
}

export interface FunctionSpec {
  readonly logicalId: string;
  /** Source file of the handler, relative to the repository root. */
  readonly entry: string;
  readonly handler: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  /** Values may still be CloudFormation intrinsics; see `resolveEnvironment`. */
  readonly environment: Record<string, unknown>;
}

/** An EventBridge API destination and the auth header its connection adds. */
export interface ApiDestinationSpec {
  readonly logicalId: string;
  /** May still be a CloudFormation intrinsic. */
  readonly endpoint: unknown;
  readonly httpMethod: string;
  readonly invocationRateLimitPerSecond?: number;
  readonly authHeader?: { readonly name: string; readonly value: unknown };
}

export interface RouteSpec {
  readonly method: string;
  readonly path: string;
  readonly functionId: string;
  readonly authorizer?: { readonly functionId: string; readonly identitySource: readonly string[]; readonly ttlSeconds: number };
}

export interface QueueSpec {
  readonly logicalId: string;
  readonly visibilityTimeoutSeconds: number;
  readonly redrive?: { readonly deadLetterQueueId: string; readonly maxReceiveCount: number };
}

export interface EventSourceMappingSpec {
  readonly logicalId: string;
  readonly functionId: string;
  readonly source: { readonly kind: 'sqs'; readonly queueId: string } | { readonly kind: 'dynamodb-stream'; readonly tableId: string };
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  readonly filters: readonly Record<string, unknown>[];
  readonly reportBatchItemFailures: boolean;
  readonly maximumRetryAttempts: number;
  readonly onFailureQueueId?: string;
}

export interface RuleTargetSpec {
  readonly id: string;
  readonly kind: 'sqs' | 'lambda' | 'api-destination' | 'event-bus';
  /** Logical id of the queue, function, API destination or bus. */
  readonly resourceId: string;
  readonly deadLetterQueueId?: string;
  readonly maximumRetryAttempts?: number;
  readonly inputPath?: string;
}

export interface RuleSpec {
  readonly logicalId: string;
  readonly busName?: string;
  readonly eventPattern?: Record<string, unknown>;
  readonly scheduleExpression?: string;
  readonly enabled: boolean;
  readonly targets: readonly RuleTargetSpec[];
}

type Json = Record<string, unknown>;

const ofType = (template: CfnTemplate, type: string): [string, CfnResource][] =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

const props = (resource: CfnResource): Json => resource.Properties ?? {};

/** `{Ref: X}` or `{"Fn::GetAtt": [X, attr]}` → X; anything else → undefined. */
export function referencedId(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object') {
    const object = value as Json;
    if (typeof object.Ref === 'string') {
      return object.Ref;
    }
    const getAtt = object['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') {
      return getAtt[0];
    }
  }
  return undefined;
}

/** Every logical id referenced anywhere inside a value (used for Fn::Join'ed ARNs). */
function referencedIds(value: unknown): string[] {
  const direct = referencedId(value);
  if (direct !== undefined) {
    return [direct];
  }
  if (Array.isArray(value)) {
    return value.flatMap(referencedIds);
  }
  if (value !== null && typeof value === 'object') {
    return Object.values(value as Json).flatMap(referencedIds);
  }
  return [];
}

export function readWiring(template: CfnTemplate): Wiring {
  const functions = ofType(template, 'AWS::Lambda::Function').map(([logicalId, resource]): FunctionSpec => {
    const entry = resource.Metadata?.[ENTRY_METADATA_KEY];
    if (typeof entry !== 'string') {
      throw new Error(`function ${logicalId} has no ${ENTRY_METADATA_KEY} metadata; create it with EnlaceFunction`);
    }
    const properties = props(resource);
    const handler = (typeof properties.Handler === 'string' ? properties.Handler : 'index.handler').split('.').pop() ?? 'handler';
    return {
      logicalId,
      entry,
      handler,
      timeoutSeconds: Number(properties.Timeout ?? 3),
      memoryMb: Number(properties.MemorySize ?? 128),
      environment: ((properties.Environment as Json | undefined)?.Variables as Json | undefined) ?? {},
    };
  });
  const functionIds = new Set(functions.map((fn) => fn.logicalId));
  const functionIn = (value: unknown): string | undefined => referencedIds(value).find((id) => functionIds.has(id));

  return {
    apiDestinations: ofType(template, 'AWS::Events::ApiDestination').map(([logicalId, resource]) => readApiDestination(template, logicalId, props(resource))),
    tables: ofType(template, 'AWS::DynamoDB::Table').map(([logicalId, resource]) => ({ logicalId, properties: props(resource) })),
    buckets: ofType(template, 'AWS::S3::Bucket').map(([logicalId, resource]) => {
      const name = props(resource).BucketName;
      return { logicalId, ...(typeof name === 'string' ? { name } : {}) };
    }),
    secrets: ofType(template, 'AWS::SecretsManager::Secret').map(([logicalId, resource]) => readSecret(logicalId, props(resource))),
    buses: ofType(template, 'AWS::Events::EventBus').map(([logicalId, resource]) => ({ logicalId, name: String(props(resource).Name) })),
    functions,
    routes: readRoutes(template, functionIn),
    queues: ofType(template, 'AWS::SQS::Queue').map(([logicalId, resource]) => readQueue(logicalId, props(resource))),
    eventSourceMappings: ofType(template, 'AWS::Lambda::EventSourceMapping').map(([logicalId, resource]) =>
      readEventSourceMapping(template, logicalId, props(resource), functionIn),
    ),
    rules: ofType(template, 'AWS::Events::Rule').map(([logicalId, resource]) => readRule(template, logicalId, props(resource), functionIn)),
  };
}

function readSecret(logicalId: string, properties: Json): SecretSpec {
  const generate = properties.GenerateSecretString as Json | undefined;
  return {
    logicalId,
    ...(typeof properties.Name === 'string' ? { name: properties.Name } : {}),
    ...(typeof properties.SecretString === 'string' ? { secretString: properties.SecretString } : {}),
    ...(generate === undefined
      ? {}
      : {
          generateSecretString: {
            ...(typeof generate.SecretStringTemplate === 'string' ? { secretStringTemplate: generate.SecretStringTemplate } : {}),
            ...(typeof generate.GenerateStringKey === 'string' ? { generateStringKey: generate.GenerateStringKey } : {}),
            ...(generate.PasswordLength === undefined ? {} : { passwordLength: Number(generate.PasswordLength) }),
          },
        }),
  };
}

function readRoutes(template: CfnTemplate, functionIn: (value: unknown) => string | undefined): RouteSpec[] {
  return ofType(template, 'AWS::ApiGatewayV2::Route').map(([logicalId, resource]) => {
    const properties = props(resource);
    const [method = '', path = ''] = String(properties.RouteKey).split(' ');
    const integrationId = referencedIds(properties.Target)[0];
    const integration = integrationId === undefined ? undefined : template.Resources[integrationId];
    const functionId = integration === undefined ? undefined : functionIn(props(integration).IntegrationUri);
    if (functionId === undefined) {
      throw new Error(`route ${logicalId} (${String(properties.RouteKey)}) has no Lambda integration`);
    }
    const authorizerId = referencedId(properties.AuthorizerId);
    const authorizer = authorizerId === undefined ? undefined : template.Resources[authorizerId];
    const authorizerFunctionId = authorizer === undefined ? undefined : functionIn(props(authorizer).AuthorizerUri);
    return {
      method,
      path,
      functionId,
      ...(authorizer === undefined || authorizerFunctionId === undefined
        ? {}
        : {
            authorizer: {
              functionId: authorizerFunctionId,
              identitySource: (props(authorizer).IdentitySource as string[] | undefined) ?? [],
              ttlSeconds: Number(props(authorizer).AuthorizerResultTtlInSeconds ?? 0),
            },
          }),
    };
  });
}

function readApiDestination(template: CfnTemplate, logicalId: string, properties: Json): ApiDestinationSpec {
  const connectionId = referencedId(properties.ConnectionArn);
  const auth = (connectionId === undefined ? undefined : props(template.Resources[connectionId] ?? { Type: '' }).AuthParameters) as Json | undefined;
  const apiKey = auth?.ApiKeyAuthParameters as { ApiKeyName: string; ApiKeyValue: unknown } | undefined;
  const basic = auth?.BasicAuthParameters as { Username: unknown; Password: unknown } | undefined;
  const authHeader =
    apiKey !== undefined
      ? { name: apiKey.ApiKeyName, value: apiKey.ApiKeyValue }
      : basic !== undefined
        ? { name: 'Authorization', value: { 'enlace:basic': [basic.Username, basic.Password] } }
        : undefined;
  return {
    logicalId,
    endpoint: properties.InvocationEndpoint,
    httpMethod: typeof properties.HttpMethod === 'string' ? properties.HttpMethod : 'POST',
    ...(properties.InvocationRateLimitPerSecond === undefined ? {} : { invocationRateLimitPerSecond: Number(properties.InvocationRateLimitPerSecond) }),
    ...(authHeader === undefined ? {} : { authHeader }),
  };
}

function readQueue(logicalId: string, properties: Json): QueueSpec {
  const redrive = properties.RedrivePolicy as Json | undefined;
  const deadLetterQueueId = referencedId(redrive?.deadLetterTargetArn);
  return {
    logicalId,
    visibilityTimeoutSeconds: Number(properties.VisibilityTimeout ?? 30),
    ...(deadLetterQueueId === undefined ? {} : { redrive: { deadLetterQueueId, maxReceiveCount: Number(redrive?.maxReceiveCount ?? 1) } }),
  };
}

function readEventSourceMapping(
  template: CfnTemplate,
  logicalId: string,
  properties: Json,
  functionIn: (value: unknown) => string | undefined,
): EventSourceMappingSpec {
  const functionId = functionIn(properties.FunctionName);
  const sourceId = referencedId(properties.EventSourceArn);
  const sourceType = sourceId === undefined ? undefined : template.Resources[sourceId]?.Type;
  if (functionId === undefined || sourceId === undefined) {
    throw new Error(`event source mapping ${logicalId} is not wired to a function and a source`);
  }
  const source =
    sourceType === 'AWS::SQS::Queue'
      ? ({ kind: 'sqs', queueId: sourceId } as const)
      : sourceType === 'AWS::DynamoDB::Table'
        ? ({ kind: 'dynamodb-stream', tableId: sourceId } as const)
        : undefined;
  if (source === undefined) {
    throw new Error(`event source mapping ${logicalId}: sources of type ${sourceType} are not supported locally`);
  }
  const filters = ((properties.FilterCriteria as Json | undefined)?.Filters as { Pattern: string }[] | undefined) ?? [];
  const onFailureQueueId = referencedId(((properties.DestinationConfig as Json | undefined)?.OnFailure as Json | undefined)?.Destination);
  return {
    logicalId,
    functionId,
    source,
    batchSize: Number(properties.BatchSize ?? (source.kind === 'sqs' ? 10 : 100)),
    maximumBatchingWindowSeconds: Number(properties.MaximumBatchingWindowInSeconds ?? 0),
    filters: filters.map((filter) => JSON.parse(filter.Pattern) as Json),
    reportBatchItemFailures: ((properties.FunctionResponseTypes as string[] | undefined) ?? []).includes('ReportBatchItemFailures'),
    maximumRetryAttempts: Number(properties.MaximumRetryAttempts ?? -1),
    ...(onFailureQueueId === undefined ? {} : { onFailureQueueId }),
  };
}

function readRule(template: CfnTemplate, logicalId: string, properties: Json, functionIn: (value: unknown) => string | undefined): RuleSpec {
  const busId = referencedId(properties.EventBusName);
  const busResourceName = busId === undefined ? undefined : props(template.Resources[busId] ?? { Type: '' }).Name;
  const busName = busId === undefined ? (properties.EventBusName as string | undefined) : typeof busResourceName === 'string' ? busResourceName : busId;
  const targets = ((properties.Targets as Json[] | undefined) ?? []).map((target): RuleTargetSpec => {
    const resourceId = referencedId(target.Arn) ?? functionIn(target.Arn) ?? '';
    const type = template.Resources[resourceId]?.Type;
    const kind =
      type === 'AWS::SQS::Queue'
        ? 'sqs'
        : type === 'AWS::Lambda::Function'
          ? 'lambda'
          : type === 'AWS::Events::ApiDestination'
            ? 'api-destination'
            : type === 'AWS::Events::EventBus'
              ? 'event-bus'
              : undefined;
    if (kind === undefined) {
      throw new Error(`rule ${logicalId}: target ${String(target.Id)} (${type ?? 'unknown'}) is not supported locally`);
    }
    const deadLetterQueueId = referencedId((target.DeadLetterConfig as Json | undefined)?.Arn);
    const retry = target.RetryPolicy as Json | undefined;
    return {
      id: String(target.Id),
      kind,
      resourceId,
      ...(deadLetterQueueId === undefined ? {} : { deadLetterQueueId }),
      ...(retry?.MaximumRetryAttempts === undefined ? {} : { maximumRetryAttempts: Number(retry.MaximumRetryAttempts) }),
      ...(typeof target.InputPath === 'string' ? { inputPath: target.InputPath } : {}),
    };
  });
  return {
    logicalId,
    ...(busName === undefined ? {} : { busName }),
    ...(properties.EventPattern === undefined ? {} : { eventPattern: properties.EventPattern as Json }),
    ...(typeof properties.ScheduleExpression === 'string' ? { scheduleExpression: properties.ScheduleExpression } : {}),
    enabled: properties.State !== 'DISABLED',
    targets,
  };
}
