import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { applyMilestone, isForwarder, parseForwarderPayload } from '../../domain/inbound';
import type { FxTable } from '../../domain/shared/fx';
import { forwarderMessageSchema } from '../../events/forwarder-message';
import { journeyEvents } from '../shared/inbound-events';
import type { buildInboundStep } from '../shared/inbound-step';

export interface InboundMilestonesDeps {
  readonly inboundStep: ReturnType<typeof buildInboundStep>;
  readonly fxTables: readonly FxTable[];
  readonly newEventId: () => string;
  readonly now?: () => Date;
}

export class UnreadableForwarderMessageError extends Error {
  override readonly name = 'UnreadableForwarderMessageError';
}

/**
 * One queued forwarder webhook → its milestones applied, in order, to the shipment it names. Any
 * failure throws, so SQS retries the record alone (partial batch response) and parks it in the DLQ
 * after its retries: an unreadable body or an unknown shipment at once every time, a milestone that
 * arrived before the one it follows until that one has been applied.
 */
export function buildInboundMilestones(deps: InboundMilestonesDeps) {
  const now = deps.now ?? (() => new Date());
  return async (record: SQSRecord, log: Logger): Promise<void> => {
    const message = forwarderMessageSchema.safeParse(JSON.parse(record.body) as unknown);
    if (!message.success || !isForwarder(message.data.forwarder))
      throw new UnreadableForwarderMessageError(`queued message ${record.messageId} is not a forwarder webhook`);
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(message.data.bodyBase64, 'base64').toString('utf8'));
    } catch {
      throw new UnreadableForwarderMessageError(`forwarder webhook ${message.data.receiptId} is not JSON`);
    }
    const update = parseForwarderPayload(message.data.forwarder, payload);
    if (!update.ok)
      throw new UnreadableForwarderMessageError(
        `forwarder webhook ${message.data.receiptId}: ${update.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
      );
    const forwarder = message.data.forwarder;
    for (const milestone of update.milestones) {
      const result = await deps.inboundStep(update.inboundShipmentId, (current) => {
        if (current.forwarder !== forwarder) throw new UnreadableForwarderMessageError(`${forwarder} does not carry ${current.inboundShipmentId}`);
        const outcome = applyMilestone(current, milestone, { by: forwarder, fxTables: deps.fxTables });
        if (outcome.kind === 'duplicate') return 'unchanged';
        return { shipment: outcome.shipment, events: journeyEvents(current, outcome.shipment, { newEventId: deps.newEventId, at: now().toISOString() }) };
      });
      if (result.kind === 'missing')
        throw new UnreadableForwarderMessageError(`no inbound shipment ${update.inboundShipmentId} (webhook ${message.data.receiptId})`);
      log.info(result.kind === 'changed' ? 'inbound milestone applied' : 'inbound milestone already applied', {
        inboundShipmentId: update.inboundShipmentId,
        milestone: milestone.type,
        milestoneId: milestone.milestoneId,
        status: result.shipment.status,
      });
    }
  };
}
