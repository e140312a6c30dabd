/** Public surface of smart routing: carrier profiles, the routing decision, booking and labels. */
export { routeShipment, carrierOfService, describeRule, sellerPolicyIssues, RoutingInputError, DEFAULT_ROUTING_OPTIONS } from './route';
export { PROFILE_WEIGHTS, DEFAULT_SPANS, resolveWeights, scoreCandidates, rankCandidates, compareScored, InvalidSellerPolicyError, type ScoringInput } from './score';
export {
  coverageAt,
  carrierRestrictions,
  trackingFormatFor,
  batteryWords,
  categoryWords,
  type CarrierProfile,
  type CarrierServiceOffer,
  type CarrierCoverage,
  type CarrierLimits,
  type CarrierRestriction,
  type CarrierRestrictionCode,
  type CarrierShipmentFacts,
  type CoverageStatus,
} from './carriers';
export { CARRIERS } from './data/carriers';
export { laneOf, InvalidLaneError, type Lane } from './lanes';
export {
  s10CheckDigit,
  isValidS10,
  s10Format,
  uspsMod10,
  isValidImpb,
  impbFormat,
  upsCheckDigit,
  isValidUps,
  upsFormat,
  fedexCheckDigit,
  isValidFedex12,
  FEDEX_EXPRESS_12,
  isValidDhlExpress,
  DHL_EXPRESS_10,
  approximateFormat,
  seededCharacters,
  type TrackingFormat,
} from './tracking-numbers';
export {
  bookWithFallback,
  recordBooking,
  timeoutFromSleep,
  CarrierRejectedError,
  type BookShipment,
  type BookingRequest,
  type BookingConfirmation,
  type BookingTarget,
  type BookingShipment,
  type BookingAttempt,
  type BookingOutcome,
  type BookingOptions,
  type WithTimeout,
  type TimeoutResult,
} from './booking';
export { sandboxBookShipment } from './sandbox-booking';
export { renderLabelZpl, zplText, code128Modules, LABEL_SIZE, type LabelInput, type LabelAddress } from './label';
export { routingInputFromOrder, bookingShipmentFromOrder } from './from-order';
export * from './types';
