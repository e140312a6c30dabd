import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { CarrierSlug } from '../../shared/carriers';
import type { DestinationCountry } from '../../shared/shipping-terms';
import type { AggregatorSlug } from '../aggregators';
import type { SampleRenderer } from '../sandbox';
import type { TrackingStatus } from '../statuses';
import { UNRECOGNISED_SUB_STATUS, type TrackingLocation, type TrackingUpdate } from '../update';
import type { WebhookAuth } from '../webhook-auth';

/** A payload problem, located with a JSONPath-like path (`$.events[2].eventDateTime`). */
export interface PayloadProblem {
  readonly path: string;
  readonly message: string;
}

export type ParseResult = { ok: true; updates: TrackingUpdate[] } | { ok: false; problems: PayloadProblem[] };

/** What one carrier code means in Enlace's words. */
export interface CodeMapping {
  readonly status: TrackingStatus;
  readonly subStatus: string;
  /** The carrier's usual text for the code, for documentation and carriers that send only a code. */
  readonly description?: string;
}
export type CodeTable = Readonly<Record<string, CodeMapping>>;

/** How much of an adapter rests on the carrier's published documentation. */
export interface Provenance {
  readonly payload: 'documented' | 'partly-documented' | 'sandbox-approximation';
  readonly codes: 'documented' | 'partly-documented' | 'sandbox-approximation';
  readonly notes: string;
}

export { AGGREGATORS, type AggregatorSlug } from '../aggregators';

/**
 * A feed: one payload format Enlace reads. A carrier's own (its webhook push, or its tracking API's
 * answer when Enlace polls) is named by the carrier's slug; an aggregator's push by the aggregator's.
 */
export type FeedSlug = CarrierSlug | AggregatorSlug;

/** How a feed's webhooks reach Enlace: the route `POST /v1/webhooks/tracking/{feed}` and its authentication. */
export interface WebhookIntake {
  readonly auth: WebhookAuth;
  /** Where the scheme comes from, or why it is an approximation. */
  readonly provenance: string;
}

/**
 * A feed adapter: turns one feed's payload (a webhook body, or a tracking API's answer) into
 * canonical tracking updates, each naming the carrier that scanned the parcel.
 */
export interface CarrierAdapter {
  readonly slug: FeedSlug;
  readonly displayName: string;
  readonly market: DestinationCountry | 'cross-border' | 'multi';
  /** IANA zone of the local times the carrier sends; absent when it sends offsets or UTC. */
  readonly timeZone?: string;
  readonly provenance: Provenance;
  readonly codes: CodeTable;
  /** Absent for a feed Enlace only polls: it has no webhook route. */
  readonly webhook?: WebhookIntake;
  parse(payload: unknown): ParseResult;
  /** SANDBOX: writes a scripted journey in this feed's format (sandbox.ts). */
  readonly sample: SampleRenderer;
}
export type FeedAdapter = CarrierAdapter;

// ---------------------------------------------------------------------------------------------
// Payload validation

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const name = String(segment);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${text}.${name}` : `${text}[${JSON.stringify(name)}]`;
  }, '$');
}

export function problemsFrom(error: z.ZodError): PayloadProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Validates with the carrier's schema, then maps; every schema problem is listed at once. */
export function parseWith<T>(schema: z.ZodType<T>, payload: unknown, toUpdates: (data: T) => TrackingUpdate[]): ParseResult {
  const result = schema.safeParse(payload);
  if (!result.success) return { ok: false, problems: problemsFrom(result.error) };
  return { ok: true, updates: toUpdates(result.data) };
}

export const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Blank strings and null, as carriers send them for "no value", become undefined. */
export function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

// ---------------------------------------------------------------------------------------------
// Text that every hop can carry

/**
 * Characters no SQS queue accepts (its allowed set is #x9 | #xA | #xD | #x20–#xD7FF | #xE000–#xFFFD
 * | #x10000–#x10FFFF): C0 controls other than tab, LF and CR, the noncharacters U+FFFE and U+FFFF,
 * and lone surrogates (a JSON body can spell one as "\ud800"). A carrier's text travels on in
 * Enlace's events (EventBridge → SQS → notifications), so one such character would make every event
 * about the parcel undeliverable. Characters above U+FFFF (emoji) are valid and kept.
 */
const UNCARRIABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The carrier's text with every character a queue cannot carry replaced by U+FFFD (the replacement character). */
export function carriableText(text: string): string {
  return text.replace(UNCARRIABLE, '\uFFFD');
}

const carriableLocation = (where: TrackingLocation): TrackingLocation =>
  Object.fromEntries(Object.entries(where).map(([key, value]) => [key, typeof value === 'string' ? carriableText(value) : value]));

/** Every text field of an update made carriable (see carriableText); `raw` is left as received. */
export function carriableUpdate(update: TrackingUpdate): TrackingUpdate {
  return {
    ...update,
    trackingNumber: carriableText(update.trackingNumber),
    carrierEventId: carriableText(update.carrierEventId),
    subStatus: carriableText(update.subStatus),
    carrierCode: carriableText(update.carrierCode),
    carrierDescription: carriableText(update.carrierDescription),
    ...(update.location === undefined ? {} : { location: carriableLocation(update.location) }),
    ...(update.lastMileTrackingNumber === undefined ? {} : { lastMileTrackingNumber: carriableText(update.lastMileTrackingNumber) }),
  };
}

// ---------------------------------------------------------------------------------------------
// Carrier codes

/** Looks a code up; an unknown code keeps the status (see UNRECOGNISED_SUB_STATUS in update.ts). */
export function mapCode(table: CodeTable, code: string): CodeMapping & { recognised: boolean } {
  const mapping = table[code];
  return mapping === undefined ? { status: 'in-transit', subStatus: UNRECOGNISED_SUB_STATUS, recognised: false } : { ...mapping, recognised: true };
}

/** "Pieza Dañada " → "PIEZA DANADA": for carriers that only send text, matched without accents or case. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The event id for carriers that send none: a hash of (tracking number, code, UTC time), so the
 * same event re-sent is recognised as a duplicate. Two genuinely different events with the same
 * code in the same second would merge; no carrier here reports that finely.
 */
export function hashedEventId(trackingNumber: string, carrierCode: string, occurredAt: string): string {
  const digest = createHash('sha256').update(`${trackingNumber}\u001f${carrierCode}\u001f${occurredAt}`).digest('hex');
  return `h-${digest.slice(0, 32)}`;
}

/** Drops undefined fields; undefined when nothing is left. */
export function location(fields: { [K in keyof TrackingLocation]: string | null | undefined }): TrackingLocation | undefined {
  const entries = Object.entries(fields)
    .map(([key, value]) => [key, present(value)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

// ---------------------------------------------------------------------------------------------
// Time: carriers send local wall-clock times; Enlace stores UTC.

export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function validLocal(parts: LocalDateTime): LocalDateTime | undefined {
  const { year, month, day, hour, minute, second } = parts;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > daysInMonth ? undefined : parts;
}

/** "2025-11-03 10:22:41", "2025-11-03T10:22:41", "2025-11-03T10:22" (no offset: local time). */
export function parseIsoLocal(text: string): LocalDateTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?$/.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  return validLocal({ year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) });
}

/** "14/10/2025 08:02", "14/10/2025 08:02:11", "14/10/2025 08:02:11 p. m." (day first, 12- or 24-hour). */
export function parseDayFirstLocal(text: string): LocalDateTime | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\.?)?$/i.exec(text.trim());
  if (match === null) return undefined;
  const [, day, month, year, hourText, minute, second, meridiem] = match;
  let hour = Number(hourText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  return validLocal({ year: Number(year), month: Number(month), day: Number(day), hour, minute: Number(minute), second: Number(second ?? 0) });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws on a zone the runtime does not know, so a typo fails at module load, not per event. */
export function assertTimeZone(timeZone: string): string {
  formatterFor(timeZone);
  return timeZone;
}

/** UTC offset (local minus UTC, in ms) of `timeZone` at the instant `epochMs`, from the IANA data in ICU. */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(epochMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The UTC instant of a wall-clock time in an IANA zone, DST included (Chile, US). Like Temporal's
 * "compatible" disambiguation: a time that occurs twice (clocks set back) is the earlier one; a
 * time skipped when clocks spring forward is moved forward by the gap rather than rejected,
 * because a carrier's scanner clock is more likely off by the DST jump than the event fictional.
 */
export function zonedTimeToUtc(local: LocalDateTime, timeZone: string): string {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wall - offsetBefore).toISOString();
}

/** The wall-clock time in an IANA zone at a UTC instant (the inverse of zonedTimeToUtc; sandbox renderers use it). */
export function utcToZoned(iso: string, timeZone: string): LocalDateTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** "2025-11-19 04:17:42" (separator " " or "T"). */
export function formatIsoLocal(local: LocalDateTime, separator = ' '): string {
  return `${local.year}-${pad(local.month)}-${pad(local.day)}${separator}${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
}

/** "2025-11-05T20:00:00+08:00": an instant written with the offset of a zone at that instant. */
export function formatOffsetDateTime(iso: string, timeZone: string): string {
  const local = utcToZoned(iso, timeZone);
  const offsetMinutes = Math.round(
    (Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - Math.floor(Date.parse(iso) / 1000) * 1000) / 60_000,
  );
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${formatIsoLocal(local, 'T')}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2025-11-05T20:00:00+08:00", "…Z": an instant with its offset, to UTC. */
export function parseOffsetDateTime(text: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})$/.exec(text.trim());
  if (match === null || parseIsoLocal(match[1] ?? '') === undefined) return undefined;
  const epoch = Date.parse(text.trim());
  return Number.isNaN(epoch) ? undefined : new Date(epoch).toISOString();
}

/** "-05:00" → -300 minutes; undefined when malformed or beyond ±14:00. */
export function parseUtcOffset(text: string): number | undefined {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(text.trim());
  if (match === null) return undefined;
  const [, sign, hours, minutes] = match;
  const total = Number(hours) * 60 + Number(minutes);
  if (Number(minutes) > 59 || total > 14 * 60) return undefined;
  return sign === '-' ? -total : total;
}

/** A wall-clock time with a known offset (USPS sends both), to UTC. */
export function localWithOffsetToUtc(local: LocalDateTime, offsetMinutes: number): string {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return new Date(wall - offsetMinutes * 60_000).toISOString();
}

/** Zod check for a local date-time string in one of the given shapes. */
export function localDateTimeString(parser: (text: string) => LocalDateTime | undefined, example: string) {
  return z.string().refine((text) => parser(text) !== undefined, { message: `must be a local date-time such as "${example}"` });
}

/** For values a schema has already checked: a failure here is a programming error. */
export function mustParse<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`unreachable: ${what} passed validation but did not parse`);
  return value;
}
