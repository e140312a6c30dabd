import type { InboundShipment } from '../../domain/inbound';
import type { PendingEvent } from '../../events/pending';
import type { GetInbound, SaveInboundChange } from './store/inbound-store';
import type { StockChange } from './store/stock-store';

/** What a decision does to an inbound shipment: its new state, what it publishes and the stock it moves. */
export interface InboundDecision {
  readonly shipment: InboundShipment;
  readonly events: readonly PendingEvent[];
  readonly stock?: readonly StockChange[];
}

export type InboundStepResult =
  | { readonly kind: 'changed'; readonly shipment: InboundShipment }
  | { readonly kind: 'unchanged'; readonly shipment: InboundShipment }
  | { readonly kind: 'missing' };

export class InboundBusyError extends Error {
  override readonly name = 'InboundBusyError';
}

/** Enough for a dock's worth of writers at once: ten receipts on one shipment each win within ten rounds. */
export const MAX_INBOUND_ATTEMPTS = 12;

/**
 * Read → decide → write, conditional on the version read, re-read and decided again when another
 * writer got there first (a forwarder milestone and a warehouse receipt at once; ten cartons'
 * receipts posted together). Each lost round waits a jittered, growing delay so the writers spread
 * out. The decision is pure (domain) and returns 'unchanged' for a redelivered milestone or receipt.
 */
export function buildInboundStep(deps: {
  readonly getInbound: GetInbound;
  readonly saveInboundChange: SaveInboundChange;
  readonly sleep?: (ms: number) => Promise<void>;
}) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (inboundShipmentId: string, decide: (current: InboundShipment) => InboundDecision | 'unchanged'): Promise<InboundStepResult> => {
    for (let attempt = 1; attempt <= MAX_INBOUND_ATTEMPTS; attempt += 1) {
      if (attempt > 1) await sleep(Math.random() * Math.min(500, 10 * 2 ** attempt));
      const current = await deps.getInbound(inboundShipmentId);
      if (current === undefined) return { kind: 'missing' };
      const decision = decide(current);
      if (decision === 'unchanged') return { kind: 'unchanged', shipment: current };
      const saved = await deps.saveInboundChange({
        shipment: decision.shipment,
        expectedVersion: current.version,
        events: decision.events,
        ...(decision.stock === undefined ? {} : { stock: decision.stock }),
      });
      if (saved === 'saved') return { kind: 'changed', shipment: decision.shipment };
    }
    throw new InboundBusyError(`inbound shipment ${inboundShipmentId} kept changing under ${MAX_INBOUND_ATTEMPTS} attempts; retry`);
  };
}
