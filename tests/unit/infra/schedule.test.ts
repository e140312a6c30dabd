import { InvalidScheduleError, nextCronFire, rateIntervalMs } from '../../../local/schedule';

describe('schedule expressions', () => {
  it.each([
    ['rate(1 minute)', 60_000],
    ['rate(5 minutes)', 300_000],
    ['rate(1 hour)', 3_600_000],
    ['rate(2 days)', 172_800_000],
  ])('%s fires every %d ms', (expression, interval) => {
    expect(rateIntervalMs(expression)).toBe(interval);
  });

  it.each(['rate(1 minutes)', 'rate(5 minute)', 'rate(0 minutes)'])('rejects %s as AWS does (unit must agree with the value)', (expression) => {
    expect(() => rateIntervalMs(expression)).toThrow(InvalidScheduleError);
  });

  it('is undefined for cron expressions', () => {
    expect(rateIntervalMs('cron(0 12 * * ? *)')).toBeUndefined();
  });

  it.each([
    ['cron(0 12 * * ? *)', '2026-11-22T10:30:00Z', '2026-11-22T12:00:00.000Z'],
    ['cron(0 12 * * ? *)', '2026-11-22T12:00:00Z', '2026-11-23T12:00:00.000Z'],
    ['cron(15 10 ? * FRI 2026)', '2026-11-22T00:00:00Z', '2026-11-27T10:15:00.000Z'],
    ['cron(0/15 * * * ? *)', '2026-11-22T10:07:00Z', '2026-11-22T10:15:00.000Z'],
    ['cron(0 8 1 * ? *)', '2026-11-22T00:00:00Z', '2026-12-01T08:00:00.000Z'],
    ['cron(0 18 ? * MON-FRI *)', '2026-11-21T19:00:00Z', '2026-11-23T18:00:00.000Z'],
  ])('%s after %s fires at %s (UTC)', (expression, after, next) => {
    expect(nextCronFire(expression, new Date(after)).toISOString()).toBe(next);
  });

  it('rejects a cron expression without six fields', () => {
    expect(() => nextCronFire('cron(0 12 * * ?)', new Date())).toThrow(InvalidScheduleError);
  });
});
