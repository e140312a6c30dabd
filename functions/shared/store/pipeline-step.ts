import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OrderStatus } from '../../../domain/order';
import type { KpiIncrement } from '../../../domain/performance';
import { type PendingEvent } from '../../../events/pending';
import { keys } from './keys';
import { kpiIncrementUpdate } from './kpi-store';
import { outboxItem } from './outbox';

/** One step of the pipeline as it is written: the order's new status, what the step produced, its event. */
export interface PipelineStep {
  readonly orderId: string;
  /** The step runs only from these statuses; anything else means it already ran (a duplicate delivery). */
  readonly fromStatuses: readonly OrderStatus[];
  readonly toStatus: OrderStatus;
  /** Items the step produced (quotes, a routing decision…), stored beside the order. */
  readonly items: readonly Record<string, unknown>[];
  /** KPI counters the step adds to (atomic ADDs in the same transaction). */
  readonly kpiIncrements?: readonly KpiIncrement[];
  readonly event: PendingEvent;
  readonly at: string;
}

/** Port: records a step atomically; `false` when the order had already moved past it. */
export type RecordPipelineStep = (step: PipelineStep) => Promise<boolean>;

/**
 * Adapter: one transaction moves the order's status (conditionally), writes the step's items and
 * puts its event in the outbox. A redelivered message finds the status already moved and changes
 * nothing, so consumers are idempotent without a separate table of processed messages.
 */
export function buildRecordPipelineStep(documents: DynamoDBDocumentClient, tableName: string): RecordPipelineStep {
  return async (step) => {
    const statusValues = Object.fromEntries(step.fromStatuses.map((status, index) => [`:from${index}`, status]));
    try {
      await documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: keys.order(step.orderId),
                UpdateExpression: 'SET #status = :to, updatedAt = :at',
                ConditionExpression: `attribute_exists(pk) AND #status IN (${Object.keys(statusValues).join(', ')})`,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':to': step.toStatus, ':at': step.at, ...statusValues },
              },
            },
            ...step.items.map((item) => ({ Put: { TableName: tableName, Item: item } })),
            ...(step.kpiIncrements ?? []).map((increment) => ({ Update: kpiIncrementUpdate(tableName, increment, step.at) })),
            { Put: { TableName: tableName, Item: outboxItem(step.event, step.at) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed' || error instanceof ConditionalCheckFailedException) {
        return false;
      }
      throw error;
    }
  };
}
