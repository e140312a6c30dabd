/**
 * EventBridge schedule expressions: `rate(5 minutes)` and `cron(min hour day-of-month month day-of-week year)`
 * (UTC; `?` in day-of-month or day-of-week; `*`, lists, ranges and `/` steps).
 */
export class InvalidScheduleError extends Error {
  override readonly name = 'InvalidScheduleError';
}

const UNIT_MS: Record<string, number> = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };

/** Milliseconds between firings of a rate expression, or undefined for a cron expression. */
export function rateIntervalMs(expression: string): number | undefined {
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (rate === null) {
    return undefined;
  }
  const value = Number(rate[1]);
  const unit = rate[2]!;
  // AWS wants the singular unit for 1 and the plural for anything else.
  if (value < 1 || (value === 1) !== !unit.endsWith('s')) {
    throw new InvalidScheduleError(`invalid rate expression: ${expression} (use "1 minute" or "N minutes")`);
  }
  return value * UNIT_MS[unit]!;
}

type Field = (value: number) => boolean;

function field(spec: string, min: number, max: number, names: readonly string[] = []): Field {
  if (spec === '*' || spec === '?') {
    return () => true;
  }
  const allowed = new Set<number>();
  for (const part of spec.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    const parse = (text: string) => {
      const named = names.indexOf(text.toUpperCase());
      return named >= 0 ? named + min : Number(text);
    };
    const [from, to] =
      range === '*' ? [min, max] : range.includes('-') ? range.split('-').map(parse) : [parse(range), stepText === undefined ? parse(range) : max];
    if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to) || !Number.isInteger(step) || step < 1) {
      throw new InvalidScheduleError(`invalid cron field "${spec}"`);
    }
    for (let value = from; value <= to; value += step) {
      allowed.add(value);
    }
  }
  return (value) => allowed.has(value);
}

/** The first time strictly after `after` at which a cron expression fires. */
export function nextCronFire(expression: string, after: Date): Date {
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  const parts = cron?.[1]?.trim().split(/\s+/) ?? [];
  if (parts.length !== 6) {
    throw new InvalidScheduleError(`invalid cron expression: ${expression} (six fields: minutes hours day-of-month month day-of-week year)`);
  }
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = parts as [string, string, string, string, string, string];
  const matches = {
    minute: field(minutes, 0, 59),
    hour: field(hours, 0, 23),
    dayOfMonth: field(dayOfMonth, 1, 31),
    month: field(month, 1, 12, ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']),
    dayOfWeek: field(dayOfWeek, 1, 7, ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']),
    year: field(year, 1970, 2199),
  };
  const candidate = new Date(Math.floor(after.getTime() / 60_000) * 60_000 + 60_000);
  // Scan minute by minute, skipping whole days that cannot match; bounded to five years.
  const limit = candidate.getTime() + 5 * 366 * 86_400_000;
  while (candidate.getTime() < limit) {
    const dayMatches =
      matches.year(candidate.getUTCFullYear()) &&
      matches.month(candidate.getUTCMonth() + 1) &&
      matches.dayOfMonth(candidate.getUTCDate()) &&
      matches.dayOfWeek(candidate.getUTCDay() + 1);
    if (!dayMatches) {
      candidate.setUTCHours(24, 0, 0, 0);
      continue;
    }
    if (matches.hour(candidate.getUTCHours()) && matches.minute(candidate.getUTCMinutes())) {
      return candidate;
    }
    candidate.setTime(candidate.getTime() + 60_000);
  }
  throw new InvalidScheduleError(`cron expression never fires: ${expression}`);
}
