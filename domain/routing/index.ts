/** Public surface of smart routing: carrier profiles, the routing decision, booking and labels. */
export {
  bookWithFallback,
  CarrierRejectedError,
  recordBooking,
  timeoutFromSleep,
  type BookingAttempt,
  type BookingConfirmation,
  type BookingOptions,
  type BookingOutcome,
  type BookingRequest,
  type BookingShipment,
  type BookingTarget,
  type BookShipment,
  type TimeoutResult,
  type WithTimeout,
} from './booking';
export {
  batteryWords,
  carrierRestrictions,
  categoryWords,
  coverageAt,
  trackingFormatFor,
  type CarrierCoverage,
  type CarrierLimits,
  type CarrierProfile,
  type CarrierRestriction,
  type CarrierRestrictionCode,
  type CarrierServiceOffer,
  type CarrierShipmentFacts,
  type CoverageStatus,
} from './carriers';
export { CARRIERS } from './data/carriers';
export { bookingShipmentFromOrder, orderLane, routingInputFromOrder } from './from-order';
export { code128Modules, LABEL_SIZE, renderLabelZpl, zplText, type LabelAddress, type LabelInput, type ShipFromAddress } from './label';
export { InvalidLaneError, laneOf, type Lane } from './lanes';
export { carrierOfService, DEFAULT_ROUTING_OPTIONS, describeRule, routeShipment, RoutingInputError, sellerPolicyIssues } from './route';
export { routeOrder } from './route-order';
export { sandboxBookShipment } from './sandbox-booking';
export {
  compareScored,
  DEFAULT_SPANS,
  InvalidSellerPolicyError,
  PROFILE_WEIGHTS,
  rankCandidates,
  resolveWeights,
  scoreCandidates,
  type ScoringInput,
} from './score';
export {
  approximateFormat,
  DHL_EXPRESS_10,
  FEDEX_EXPRESS_12,
  fedexCheckDigit,
  impbFormat,
  isValidDhlExpress,
  isValidFedex12,
  isValidImpb,
  isValidS10,
  isValidUps,
  s10CheckDigit,
  s10Format,
  seededCharacters,
  upsCheckDigit,
  upsFormat,
  uspsMod10,
  type TrackingFormat,
} from './tracking-numbers';
export * from './types';
