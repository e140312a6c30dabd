import fc from 'fast-check';
import { attemptSchedule, DEFAULT_RETRY_POLICY, MAX_SQS_DELAY_SECONDS, nextRetry } from '../../../../domain/notifications/retry-policy';

const start = new Date('2026-11-22T12:00:00.000Z');
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('notification retry policy', () => {
  it('retries a receiver that never answers for 24 hours: 30 s, doubling, capped, the last attempt when the window closes', () => {
    const schedule = attemptSchedule(DEFAULT_RETRY_POLICY);
    expect(schedule.slice(0, 5)).toEqual([0, 30, 90, 210, 450]);
    expect(schedule).toHaveLength(13);
    expect(schedule[schedule.length - 1]).toBe(24 * 60 * 60);
    const gaps = schedule.slice(1).map((at, index) => at - schedule[index]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_SQS_DELAY_SECONDS);
  });

  it('dead-letters once the window has passed, not before', () => {
    expect(nextRetry({ attempt: 13, firstAttemptAt: start, now: after(86_400), policy: DEFAULT_RETRY_POLICY, jitter: 0.5 })).toEqual({
      kind: 'dead-letter',
      elapsedSeconds: 86_400,
    });
    expect(nextRetry({ attempt: 12, firstAttemptAt: start, now: after(86_399), policy: DEFAULT_RETRY_POLICY, jitter: 0.5 })).toEqual({
      kind: 'retry',
      delaySeconds: 1,
    });
  });

  it('spreads retries by ±20 % jitter', () => {
    const delay = (jitter: number) => nextRetry({ attempt: 4, firstAttemptAt: start, now: start, policy: DEFAULT_RETRY_POLICY, jitter });
    expect(delay(0)).toEqual({ kind: 'retry', delaySeconds: 192 });
    expect(delay(0.5)).toEqual({ kind: 'retry', delaySeconds: 240 });
    expect(delay(0.999999)).toEqual({ kind: 'retry', delaySeconds: 288 });
  });

  it('shrinks to seconds for tests when the stack is given a short window', () => {
    expect(attemptSchedule({ ...DEFAULT_RETRY_POLICY, windowSeconds: 8, baseDelaySeconds: 1 })).toEqual([0, 1, 3, 7, 8]);
  });

  it('never waits less than a second, longer than SQS allows, or past the window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 86_399 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, elapsed, jitter) => {
          const decision = nextRetry({ attempt, firstAttemptAt: start, now: after(elapsed), policy: DEFAULT_RETRY_POLICY, jitter });
          expect(decision.kind).toBe('retry');
          if (decision.kind === 'retry') {
            expect(decision.delaySeconds).toBeGreaterThanOrEqual(1);
            expect(decision.delaySeconds).toBeLessThanOrEqual(MAX_SQS_DELAY_SECONDS);
            expect(elapsed + decision.delaySeconds).toBeLessThanOrEqual(86_400);
          }
        },
      ),
    );
  });
});
