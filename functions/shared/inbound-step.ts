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

const MAX_ATTEMPTS = 5;

/**
 * Read → decide → write, conditional on the version read, re-read and decided again when another
 * writer got there first (a forwarder milestone and a warehouse receipt at once). The decision is
 * pure (domain) and returns 'unchanged' for a redelivered milestone or receipt.
 */
export function buildInboundStep(deps: { readonly getInbound: GetInbound; readonly saveInboundChange: SaveInboundChange }) {
  return async (inboundShipmentId: string, decide: (current: InboundShipment) => InboundDecision | 'unchanged'): Promise<InboundStepResult> => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
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
    throw new InboundBusyError(`inbound shipment ${inboundShipmentId} kept changing under ${MAX_ATTEMPTS} attempts; retry`);
  };
}
