import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EnlaceFunction, type EnlaceFunctionProps } from './enlace-function';

export interface EventConsumerProps extends EnlaceFunctionProps {
  readonly bus: events.IEventBus;
  /** Which events reach this consumer (EventBridge pattern). */
  readonly eventPattern: events.EventPattern;
  readonly batchSize?: number;
  /** Deliveries before a message is parked in the DLQ. */
  readonly maxReceiveCount?: number;
  readonly alarmTopic: sns.ITopic;
}

/**
 * The one way handlers consume events: bus rule → SQS queue (with a DLQ) → Lambda with partial
 * batch responses. Each step retries on its own; a message that keeps failing is parked in the
 * DLQ, where an alarm fires, and nothing is lost.
 */
export class EventConsumer extends Construct {
  readonly fn: EnlaceFunction;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: EventConsumerProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.seconds(30);
    this.fn = new EnlaceFunction(this, 'Function', { ...props, timeout });

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.deadLetterQueue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    this.queue = new sqs.Queue(this, 'Queue', {
      // AWS recommends at least six times the function timeout for queues feeding Lambda.
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });

    this.rule = new events.Rule(this, 'Rule', {
      eventBus: props.bus,
      eventPattern: props.eventPattern,
      description: `${props.functionName}: ${props.description}`,
    });
    this.rule.addTarget(new targets.SqsQueue(this.queue, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 185, maxEventAge: Duration.hours(24) }));

    this.fn.addEventSource(new SqsEventSource(this.queue, { batchSize: props.batchSize ?? 10, reportBatchItemFailures: true }));
    this.fn.errorsAlarm.addAlarmAction(new cwActions.SnsAction(props.alarmTopic));
    new cloudwatch.Alarm(this, 'DeadLetterQueueNotEmpty', {
      alarmDescription: `${props.functionName}: messages are parked in the DLQ; inspect and redrive them`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new cwActions.SnsAction(props.alarmTopic));
    // The one way the rule could lose an event: the queue refused it and so did the DLQ (a message
    // SQS cannot carry, a policy mistake). Never silent: this alarm fires on the first one.
    new cloudwatch.Alarm(this, 'EventsNotDeadLettered', {
      alarmDescription: `${props.functionName}: the rule could deliver an event neither to its queue nor to its DLQ; it is lost unless replayed from the bus archive`,
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Events',
        metricName: 'InvocationsFailedToBeSentToDlq',
        dimensionsMap: { RuleName: this.rule.ruleName, EventBusName: props.bus.eventBusName },
        statistic: 'Sum',
        period: Duration.minutes(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new cwActions.SnsAction(props.alarmTopic));
  }
}
