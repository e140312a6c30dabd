import { challengeAnswered, signingSecrets, VERIFICATION_TYPE, verificationRequest, type Subscription } from '../../domain/notifications';
import { signatureHeader } from '../../domain/shared/signature';
import type { SendMessage } from '../shared/notifications/sender';

/** Port: the handshake with a subscription's target; `reason` says what went wrong. */
export type VerifyTarget = (subscription: Subscription) => Promise<{ ok: boolean; reason?: string }>;

/** The endpoint has this long to echo the challenge. */
export const VERIFICATION_TIMEOUT_MS = 5_000;

/**
 * Proves the target is the seller's before anything is delivered to it: an endpoint gets a signed
 * `enlace.verification` POST and must answer 2xx with the challenge within 5 s (so Enlace cannot
 * be pointed at someone else's URL); a bus gets the same message through PutEvents, which succeeds
 * only once the seller's bus policy lets Enlace put events on it.
 */
export function buildVerifyTarget(deps: {
  send: SendMessage;
  newChallenge: () => string;
  /** Opens sealed signing secrets (the handshake is signed like every delivery); as they are when already open. */
  openSecrets?: (subscription: Subscription) => Promise<Subscription>;
  now?: () => Date;
  timeoutMs?: number;
}): VerifyTarget {
  const {
    send,
    newChallenge,
    openSecrets = (subscription: Subscription) => Promise.resolve(subscription),
    now = () => new Date(),
    timeoutMs = VERIFICATION_TIMEOUT_MS,
  } = deps;
  return async (stored) => {
    const subscription = stored.secrets.some((secret) => secret.secret === undefined) ? await openSecrets(stored) : stored;
    const challenge = newChallenge();
    const at = now();
    const body = JSON.stringify(verificationRequest(subscription, challenge, at));
    const result = await send(
      {
        target: subscription.target,
        body,
        eventType: VERIFICATION_TYPE,
        deliveryId: `vrf_${challenge}`,
        signature: signatureHeader(signingSecrets(subscription, at), Math.floor(at.getTime() / 1000), body),
      },
      { timeoutMs },
    );
    if (!result.ok) {
      return { ok: false, reason: result.error };
    }
    if (subscription.target.kind === 'https' && !challengeAnswered(result.responseBody, challenge)) {
      return { ok: false, reason: 'the endpoint answered 2xx but did not echo the challenge (answer with the challenge, or {"challenge": "<challenge>"})' };
    }
    return { ok: true };
  };
}
