/** Public surface of the notifications context. */
export { INVENTORY_EVENT_TYPES, isNotifiable, NOTIFIABLE_EVENT_TYPES, ORDER_EVENT_TYPES } from './event-types';
export { subjectOf, type NotificationSubject } from './subject';
export {
  InvalidCursorError,
  SubscriptionChangedError,
  SubscriptionLimitError,
  type DeadLetter,
  type DeleteDeadLetter,
  type DeleteSubscription,
  type DeliveryJob,
  type EnqueueDeliveries,
  type FindSubscription,
  type GetDeadLetter,
  type GetSubscription,
  type ListDeadLetters,
  type ListSubscriptions,
  type NextSequence,
  type SequenceSubject,
  type SaveDeadLetter,
  type SaveSubscription,
} from './ports';
export {
  challengeAnswered,
  deliveryIdFor,
  NOTIFICATION_FORMAT_VERSION,
  toPublicNotification,
  VERIFICATION_TYPE,
  verificationRequest,
  type InternalEvent,
  type PublicNotification,
  type VerificationRequest,
} from './public-notification';
export { attemptSchedule, DEFAULT_RETRY_POLICY, nextRetry, type RetryPolicy } from './retry-policy';
export {
  createSubscription,
  MAX_SUBSCRIPTIONS_PER_SELLER,
  needsDestinationCountry,
  recordVerification,
  rotateSecret,
  SECRET_OVERLAP_SECONDS,
  SecretNotOpenError,
  secretHint,
  signingSecrets,
  subscriptionInputSchema,
  wantsEvent,
  type SigningSecret,
  type Subscription,
  type SubscriptionTarget,
  type NetworkPolicy,
  type TargetPolicy,
} from './subscription';
export { addressProblem, formatIp, hostnameProblem, isLoopback, parseIp, type AddressBytes } from './network-addresses';
