/** Public surface of inbound: advance shipping notices, the compliance gate, the China → warehouse journey, landed cost and receiving. */
export { checkCompliance, type ComplianceProblem } from './compliance';
export { enlaceForwarderPayloadSchema, FORWARDERS, isForwarder, parseForwarderPayload, type Forwarder, type ForwarderUpdate } from './forwarders';
export {
  bookInbound,
  cancelInbound,
  InboundTransitionError,
  type BookingResult,
  type CustomsHold,
  type Discrepancy,
  type HistoryEntry,
  type InboundLine,
  type InboundShipment,
} from './inbound';
export { cartonLabels, expectedUnits, inboundInputSchema, MAX_CARTONS, type CartonLine, type InboundInput } from './inbound-input';
export { calculateLandedCost, LandedCostError, type AllocationBasis, type Charge, type LandedCost, type LandedCostLine, type LandedLine } from './landed-cost';
export {
  INBOUND_MODES,
  INBOUND_STAGE,
  INBOUND_STATUSES,
  isOpen,
  mayMove,
  STALL_THRESHOLD_HOURS,
  stallDueAt,
  TRANSITIONS,
  type InboundMode,
  type InboundStatus,
} from './lifecycle';
export { applyMilestone, InvalidMilestoneError, milestoneSchema, WAREHOUSE_MILESTONES, type Milestone, type MilestoneOutcome } from './milestones';
export {
  discrepanciesOf,
  InvalidReceiptError,
  lotIdFor,
  receiptSchema,
  recordReceipt,
  resolveDiscrepancy,
  type Receipt,
  type ReceiptOutcome,
  type ReceivedSku,
} from './receiving';
export { checkAirWaybill, checkBillOfLading, checkContainerNumber, checkCustomsEntry, checkLocode } from './references';
export { inboundBySku } from './stock-view';
