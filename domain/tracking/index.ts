/** Public surface of the tracking context. */
export { isTrackedCarrier, parseCarrierPayload, TRACKED_CARRIERS } from './carriers';
export { kpiMarksFrom, kpiOutcome, promisedMaxDays, type KpiMark } from './kpi-facts';
export { hasBookedShipment, orderStatusWithTracking, type GetOrderTracking, type OrderTracking } from './order-progress';
export type {
  FindShipmentForUpdate,
  FindShipmentsByTrackingNumber,
  FindStallCandidates,
  GetShipmentTracking,
  KeepUnmatched,
  ShipmentMatch,
  StallCandidate,
  StoredTracking,
  TrackingAlias,
} from './ports';
export { stallDueAt, stallThresholdsForLane } from './stall-schedule';
export { DEFAULT_STALL_POLICY, stallDecision, type StallDecision, type StallPolicy } from './stalls';
export { STATUS_DEFINITIONS, TRACKING_LEGS, TRACKING_STATUSES } from './statuses';
export { applyUpdates, emptyTrackingState, type CurrentStatus, type ShipmentTrackingState, type TimelineEvent, type TrackingFact } from './timeline';
export type { TrackingUpdate } from './update';
export { CARRIER_SIGNATURE_HEADER, parseWebhookSecrets } from './webhook-secrets';
