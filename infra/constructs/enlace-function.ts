import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { type Construct } from 'constructs';
import { join } from 'node:path';
import { BUNDLING, handlerEntry, LAMBDA_NODE_OPTIONS, lazyModuleCommand, lazyModulesOf } from './bundling';

/** CloudFormation metadata the local cloud reads to find the handler source of each function. */
export const ENTRY_METADATA_KEY = 'enlace:entry';

export interface EnlaceFunctionProps {
  /** Folder under functions/ holding handler.ts. */
  readonly functionName: string;
  readonly description: string;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  readonly environment?: Record<string, string>;
  /** Concurrency reserved (and capped): 1 for a scheduled job that must never overlap itself. */
  readonly reservedConcurrentExecutions?: number;
  /** Files from node_modules (`package/path`) copied beside the bundled handler, for a function that serves them. */
  readonly copyFiles?: readonly string[];
}

const REPO_ROOT = join(__dirname, '..', '..');

/**
 * esbuild bundles code; after it, files a handler reads at run time are copied into the asset, and
 * the packages it loads lazily are bundled into their own files beside it (bundling.ts, LAZY_MODULES).
 */
const afterBundlingHooks = (files: readonly string[], lazyModules: readonly string[]) => ({
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (inputDir: string, outputDir: string) => [
    ...files.map((file) => `cp "${join(inputDir, 'node_modules', file)}" "${outputDir}/"`),
    ...lazyModules.map((packageName) => lazyModuleCommand(join(inputDir, 'node_modules', '.bin', 'esbuild'), packageName, outputDir)),
  ],
});

/**
 * A Lambda function as Enlace runs them all: Node.js 22 on arm64, bundled and minified by esbuild,
 * structured logs with a retention, X-Ray tracing, and an alarm on errors.
 */
export class EnlaceFunction extends NodejsFunction {
  readonly errorsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EnlaceFunctionProps) {
    const entry = handlerEntry(props.functionName);
    const lazyModules = lazyModulesOf(props.functionName);
    const copyFiles = props.copyFiles ?? [];
    super(scope, id, {
      entry: join(REPO_ROOT, entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      ...(props.reservedConcurrentExecutions === undefined ? {} : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup: new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH }),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.functionName,
        POWERTOOLS_METRICS_NAMESPACE: 'Enlace',
        // Every invocation's INFO lines were a fifth of an order's CloudWatch bill (docs/cost.md): warnings and
        // errors only on the hot path; set INFO on one function while investigating it.
        POWERTOOLS_LOG_LEVEL: 'WARN',
        ...(LAMBDA_NODE_OPTIONS === '' ? {} : { NODE_OPTIONS: LAMBDA_NODE_OPTIONS }),
        ...props.environment,
      },
      bundling: {
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourceMap,
        target: BUNDLING.target,
        format: OutputFormat.CJS,
        mainFields: [...BUNDLING.mainFields],
        externalModules: [...BUNDLING.externalModules, ...lazyModules],
        ...(copyFiles.length + lazyModules.length === 0 ? {} : { commandHooks: afterBundlingHooks(copyFiles, lazyModules) }),
      },
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
    });
    (this.node.defaultChild as lambda.CfnFunction).addMetadata(ENTRY_METADATA_KEY, entry);
    this.errorsAlarm = new cloudwatch.Alarm(this, 'Errors', {
      alarmDescription: `${props.functionName} threw errors`,
      metric: this.metricErrors({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /** Table name in the environment and read/write access, in one call. */
  bindTable(table: dynamodb.ITable, access: 'read' | 'readWrite' = 'readWrite'): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    if (access === 'read') {
      table.grantReadData(this);
    } else {
      table.grantReadWriteData(this);
    }
    return this;
  }

  bindBus(bus: events.IEventBus): this {
    this.addEnvironment('EVENT_BUS_NAME', bus.eventBusName);
    bus.grantPutEventsTo(this);
    return this;
  }
}
