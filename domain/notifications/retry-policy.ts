/**
 * How long and how often Enlace retries a delivery the receiver did not accept. Exponential
 * backoff from `baseDelaySeconds`, doubling per attempt, capped by `maxDelaySeconds` (SQS cannot
 * hide a message for longer than 12 hours), and never past the end of the retry window: the last
 * retry lands when the window closes, so a receiver gets the full window to come back. A delivery
 * still failing once the window has passed goes to the seller's dead-letter list.
 */
export interface RetryPolicy {
  /** Retry for this long after the first attempt (24 hours in production). */
  readonly windowSeconds: number;
  readonly baseDelaySeconds: number;
  readonly maxDelaySeconds: number;
}

/** SQS's maximum visibility timeout is 43,200 s counted from the receive; leave room for the function's own run. */
export const MAX_SQS_DELAY_SECONDS = 43_200 - 300;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  windowSeconds: 24 * 60 * 60,
  baseDelaySeconds: 30,
  maxDelaySeconds: MAX_SQS_DELAY_SECONDS,
};

export type RetryDecision = { readonly kind: 'retry'; readonly delaySeconds: number } | { readonly kind: 'dead-letter'; readonly elapsedSeconds: number };

/**
 * After failed attempt number `attempt` (1-based), made at `now`, of a delivery first tried at
 * `firstAttemptAt`: wait `delaySeconds` and retry, or give up. `jitter` in [0, 1) spreads retries
 * of many deliveries that failed together (±20 %); pass 0.5 for none.
 */
export function nextRetry(input: { attempt: number; firstAttemptAt: Date; now: Date; policy: RetryPolicy; jitter: number }): RetryDecision {
  const { attempt, firstAttemptAt, now, policy, jitter } = input;
  const elapsedSeconds = Math.max(0, (now.getTime() - firstAttemptAt.getTime()) / 1000);
  if (elapsedSeconds >= policy.windowSeconds) {
    return { kind: 'dead-letter', elapsedSeconds };
  }
  const exponential = policy.baseDelaySeconds * 2 ** Math.max(0, attempt - 1);
  const jittered = exponential * (0.8 + 0.4 * Math.min(Math.max(jitter, 0), 1));
  const untilWindowCloses = Math.ceil(policy.windowSeconds - elapsedSeconds);
  const delaySeconds = Math.max(1, Math.round(Math.min(jittered, policy.maxDelaySeconds, untilWindowCloses)));
  return { kind: 'retry', delaySeconds };
}

/**
 * The attempts a receiver that never answers gets, as offsets in seconds from the first one
 * (no jitter, instant failures). Documents the policy and sizes the queue's redrive limit.
 */
export function attemptSchedule(policy: RetryPolicy): number[] {
  const offsets = [0];
  for (let attempt = 1; ; attempt += 1) {
    const at = offsets[offsets.length - 1]!;
    const decision = nextRetry({ attempt, firstAttemptAt: new Date(0), now: new Date(at * 1000), policy, jitter: 0.5 });
    if (decision.kind === 'dead-letter') {
      return offsets;
    }
    offsets.push(at + decision.delaySeconds);
  }
}
