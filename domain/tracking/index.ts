/** Public surface of the tracking context. */
export { AFTERSHIP_SLUGS, AGGREGATORS, SEVENTEEN_TRACK_CARRIER_KEYS, type AggregatorSlug } from './aggregators';
export {
  feedAdapter,
  FEED_ADAPTERS,
  isWebhookFeed,
  parseFeedPayload,
  WEBHOOK_FEEDS,
  type FeedAdapter,
  type FeedSlug,
  type ParseResult,
  type PayloadProblem,
} from './carriers';
export { kpiMarksFrom, kpiOutcome, promisedMaxDays, type KpiMark } from './kpi-facts';
export { hasBookedShipment, orderStatusWithTracking, type GetOrderTracking, type OrderTracking } from './order-progress';
export type {
  SubscribeTracking,
  TrackingSubscription,
  PollCarrier,
  PolledParcel,
  PollRequest,
  FindShipmentForUpdate,
  FindShipmentsByTrackingNumber,
  FindStallCandidates,
  GetShipmentTracking,
  KeepUnmatched,
  KnownShipment,
  ShipmentMatch,
  StallCandidate,
  StoredTracking,
  TrackingAlias,
} from './ports';
export { DEFAULT_POLL_POLICY, firstPollAt, nextPoll, pollIntervalHours, type PollDecision, type PollPolicy, type PollState } from './poll-schedule';
export { sandboxPollCarrier, sandboxSubscribeTracking } from './sandbox-poll';
export { STALL_ENTRY_KEPT_IF_HOURS_AHEAD, stallCheckAt, stallDueAt, stallThresholdsForLane } from './stall-schedule';
export { DEFAULT_STALL_POLICY, stallDecision, type StallDecision, type StallPolicy } from './stalls';
export { STATUS_DEFINITIONS, TRACKING_LEGS, TRACKING_STATUSES, type TrackingStatus } from './statuses';
export { applyUpdates, emptyTrackingState, type CurrentStatus, type ShipmentTrackingState, type TimelineEvent, type TrackingFact } from './timeline';
export {
  SAMPLE_STEP_STATUS,
  SAMPLE_STEPS,
  sampleEventId,
  SANDBOX_HANDOVER_AFTER_HOURS,
  scriptedLastMile,
  type SampleEvent,
  type SampleParcel,
  type SampleStep,
} from './sandbox';
export {
  CARRIER_TRACKING,
  hasTrackingSource,
  polledCarriers,
  sourceKindOf,
  sourcesOf,
  trackingOf,
  type CarrierTracking,
  type PollLimits,
  type SourceProvenance,
  type TrackingSource,
} from './sources';
export { TRACKING_SOURCE_KINDS, type TrackingSourceKind, type TrackingUpdate } from './update';
export { describeWebhookAuth, verifyWebhook, webhookAuthHeaders, type WebhookAuth, type WebhookCheck } from './webhook-auth';
export { CARRIER_SIGNATURE_HEADER, parseWebhookSecrets } from './webhook-secrets';
