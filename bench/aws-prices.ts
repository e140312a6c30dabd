/**
 * List prices `npm run cost` (bench/cost) and the tracking cost figures use: AWS us-east-1 (N.
 * Virginia), on-demand, no free tier, no volume tiers beyond the first. Each carries where it comes
 * from, when it was read (`checked`) and since when AWS charges it (`effective`, where known).
 */
export interface Price {
  readonly usd: number;
  readonly per: string;
  readonly source: string;
  readonly checked: string;
  readonly effective?: string;
}

export const AWS_US_EAST_1 = {
  httpApiRequest: {
    usd: 1.0 / 1_000_000,
    per: 'HTTP API request (first 300 million a month)',
    source: 'https://aws.amazon.com/api-gateway/pricing/ (as quoted by awsforengineers.com and apigatewaycost.com, 2025–2026)',
    checked: '2026-12-05',
  },
  lambdaRequest: {
    usd: 0.2 / 1_000_000,
    per: 'Lambda invocation',
    source: 'https://aws.amazon.com/lambda/pricing/',
    checked: '2026-12-05',
  },
  lambdaFunctionUrlRequest: {
    usd: 0,
    per: 'Lambda function URL request (no charge beyond the invocation and its duration)',
    source: 'https://aws.amazon.com/lambda/pricing/ (function URLs are included in request and duration pricing)',
    checked: '2026-12-05',
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    per: 'Lambda GB-second, arm64 (first 7.5 billion a month)',
    source: 'https://aws.amazon.com/lambda/pricing/ (arm64 tier as quoted by cloudchipr.com, 2024)',
    checked: '2026-12-05',
  },
  sqsRequest: {
    usd: 0.4 / 1_000_000,
    per: 'SQS standard request, per 64 KB chunk (first 100 billion a month)',
    source: 'https://aws.amazon.com/sqs/pricing/ (as quoted by cloudburn.io, March 2026)',
    checked: '2026-12-05',
  },
  dynamoWriteRequestUnit: {
    usd: 0.625 / 1_000_000,
    per: 'DynamoDB on-demand write request unit (1 KB; a transaction counts double)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/ (after the November 2024 cut, as quoted by airbyte.com, 2025)',
    checked: '2026-12-05',
  },
  dynamoReadRequestUnit: {
    usd: 0.125 / 1_000_000,
    per: 'DynamoDB on-demand read request unit (4 KB strongly consistent, or two eventually consistent)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/ (same)',
    checked: '2026-12-05',
    effective: '2024-11-01',
  },
  dynamoStreamReadByLambda: {
    usd: 0,
    per: 'DynamoDB Streams GetRecords made by a Lambda trigger (free; other readers pay $0.02 per 100,000 stream read request units)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/ ("GetRecords API calls invoked by AWS Lambda as part of DynamoDB triggers are free")',
    checked: '2026-12-05',
  },
  eventBridgeCustomEvent: {
    usd: 1.0 / 1_000_000,
    per: 'EventBridge custom event published (PutEvents entry, per 64 KB chunk); rule deliveries to SQS or Lambda add nothing',
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    checked: '2026-12-05',
  },
  s3PutRequest: {
    usd: 0.005 / 1_000,
    per: 'S3 Standard PUT, COPY, POST or LIST request',
    source: 'https://aws.amazon.com/s3/pricing/',
    checked: '2026-12-05',
  },
  s3GetRequest: {
    usd: 0.0004 / 1_000,
    per: 'S3 Standard GET, SELECT or HEAD request',
    source: 'https://aws.amazon.com/s3/pricing/',
    checked: '2026-12-05',
  },
  secretsManagerApiCall: {
    usd: 0.05 / 10_000,
    per: 'Secrets Manager API call (the $0.40 per secret a month is a fixed cost)',
    source: 'https://aws.amazon.com/secrets-manager/pricing/',
    checked: '2026-12-05',
  },
  kmsRequest: {
    usd: 0.03 / 10_000,
    per: 'KMS symmetric request (the $1 per key a month is a fixed cost)',
    source: 'https://aws.amazon.com/kms/pricing/',
    checked: '2026-12-05',
  },
  logIngestedGb: {
    usd: 0.5,
    per: 'CloudWatch Logs ingested, standard class, per GB (Lambda logs are "vended": $0.50 for the first 10 TB)',
    source: 'https://aws.amazon.com/cloudwatch/pricing/ (Logs, Standard: collect)',
    checked: '2026-12-05',
    effective: '2025-05-01',
  },
} as const satisfies Record<string, Price>;

/**
 * What an aggregator charges to follow a number, where found. 17TRACK: one quota per registered
 * (number, carrier), nothing more while it tracks ([official] help.17track.net "Quota Deduction
 * Standards and Rules"); the price of a quota, CNY 0.0099–0.0299 by annual plan, comes from a
 * [scaffold] catalogue (api-evangelist/17track finops.yml): a hint, verify on 17track.net/en/api.
 * AfterShip's price per tracking was not researched. FedEx's Track API has no per-request fee we
 * found; Jadlog's is a matter of contract.
 */
export const AGGREGATOR_FEES = {
  '17track': {
    quotasPerParcel: 1,
    cnyPerQuota: { from: 0.0099, to: 0.0299 },
    source: 'help.17track.net quota rules [official]; api-evangelist/17track finops.yml [scaffold]',
  },
  aftership: { quotasPerParcel: 1, cnyPerQuota: undefined, source: 'not researched' },
} as const;

/**
 * Durations the Lambda figures assume (512 MB functions): ESTIMATES, not measurements of AWS. The
 * handlers' own CPU time is far below these (bench/tracking.bench.ts: ~0.1 ms per update in memory);
 * the rest is the round trips to DynamoDB, SQS and, for the poller, the carrier's API.
 */
export const ASSUMED_DURATIONS_SECONDS = {
  webhook: 0.05,
  ingestionBatch: 0.15,
  pollerPerCarrierRequest: 0.5,
  registrationRecord: 0.05,
} as const;
export const FUNCTION_MEMORY_GB = 0.5;
