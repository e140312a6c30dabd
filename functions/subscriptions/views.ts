import type { DeadLetter, Subscription } from '../../domain/notifications';

/** The public representation of a subscription (API v1). */
export function subscriptionView(subscription: Subscription) {
  const self = `/v1/subscriptions/${subscription.subscriptionId}`;
  return {
    subscriptionId: subscription.subscriptionId,
    sellerId: subscription.sellerId,
    status: subscription.status,
    ...(subscription.target.kind === 'https' ? { endpoint: subscription.target.url } : { eventBusArn: subscription.target.arn }),
    eventTypes: subscription.eventTypes,
    filter: subscription.filter,
    ...(subscription.description === undefined ? {} : { description: subscription.description }),
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
    ...(subscription.lastVerification === undefined ? {} : { lastVerification: subscription.lastVerification }),
    signingSecrets: subscription.secrets.map((secret) => ({
      hint: secret.hint,
      createdAt: secret.createdAt,
      ...(secret.expiresAt === undefined ? {} : { expiresAt: secret.expiresAt }),
    })),
    links: {
      self,
      verify: `${self}/verify`,
      rotateSecret: `${self}/rotate-secret`,
      deadLetters: `${self}/dead-letters`,
      replay: `${self}/replay`,
    },
  };
}

export function deadLetterView(deadLetter: DeadLetter) {
  return {
    deliveryId: deadLetter.deliveryId,
    eventId: deadLetter.payload.eventId,
    type: deadLetter.payload.type,
    orderId: deadLetter.payload.orderId,
    firstAttemptAt: deadLetter.firstAttemptAt,
    deadAt: deadLetter.deadAt,
    attempts: deadLetter.attempts,
    lastError: deadLetter.lastError,
    payload: deadLetter.payload,
  };
}
