import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { FX_TABLES } from '../../domain/shared/fx-rates';
import { newId } from '../shared/ids';
import { buildInboundStep } from '../shared/inbound-step';
import { logger } from '../shared/observability';
import { buildDocumentClient, requiredEnv } from '../shared/store/dynamo-client';
import { buildGetInbound, buildSaveInboundChange } from '../shared/store/inbound-store';
import { buildInboundMilestones } from './inbound-milestones';

const documents = buildDocumentClient(new DynamoDBClient({}));
const tableName = requiredEnv('TABLE_NAME');
const apply = buildInboundMilestones({
  inboundStep: buildInboundStep({ getInbound: buildGetInbound(documents, tableName), saveInboundChange: buildSaveInboundChange(documents, tableName) }),
  fxTables: FX_TABLES,
  newEventId: () => newId('evt'),
});
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const log = logger.createChild({ persistentKeys: { messageId: record.messageId } });
  try {
    await apply(record, log);
  } catch (error) {
    log.error('forwarder milestone not applied; the message will be retried, then parked in the DLQ', {
      error: error as Error,
      receiveCount: record.attributes.ApproximateReceiveCount,
    });
    throw error;
  }
}

/** SQS (verified forwarder webhooks) → inbound milestones applied. */
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }),
).use(injectLambdaContext(logger, { resetKeys: true }));
