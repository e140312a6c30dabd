/**
 * Booking a routed shipment with a carrier, through a port: `BookShipment` is whatever talks to
 * the carrier (a real API client in functions/, the sandbox adapter in sandbox-booking.ts, a fake
 * in tests). `bookWithFallback` is pure orchestration over it: each carrier in ranking order is
 * tried up to 1 + `retries` times, each attempt bounded by an injected timeout; a permanent
 * refusal (CarrierRejectedError) or a malformed tracking number moves on at once; when a carrier
 * is exhausted the next best is tried. Every attempt is recorded.
 *
 * Idempotency: an attempt's `idempotencyKey` and `trackingSeed` are the same for every retry with
 * one carrier (order id + service id), so a carrier that booked but answered too late returns the
 * same shipment on the retry instead of a second one. A late answer after moving to the next
 * carrier can still leave a booking behind at the first one: the caller should void bookings the
 * attempts list marks as timed out once the final carrier is known.
 */
import type { LastMileCarrier } from '../shared/carriers';
import type { Money } from '../shared/money';
import type { ServiceLevel } from '../shared/shipping-terms';
import { type CarrierProfile, type RoutingParcel, trackingFormatFor } from './carriers';
import { CARRIERS } from './data/carriers';
import type { LabelAddress, ShipFromAddress } from './label';
import type { BookingSummary, RoutingDecision } from './types';

/** The carrier and service to book (a RankedCandidate fits). */
export interface BookingTarget {
  readonly carrier: LastMileCarrier;
  readonly carrierName: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly serviceLevel: ServiceLevel;
}

/** What is booked, whoever carries it. */
export interface BookingShipment {
  readonly orderId: string;
  readonly sellerId: string;
  readonly parcels: readonly RoutingParcel[];
  readonly shipTo: LabelAddress;
  /** The sender; a domestic parcel's is its warehouse, with the street address. */
  readonly shipFrom?: ShipFromAddress;
  readonly declaredValueUsd?: Money;
}

export interface BookingRequest extends BookingTarget, BookingShipment {
  /** Seed for a sandbox tracking number; the same for every retry with one carrier. */
  readonly trackingSeed: string;
  /** Sent to carriers that support idempotent creation; the same for every retry with one carrier. */
  readonly idempotencyKey: string;
  /** 1-based attempt with this carrier. */
  readonly attempt: number;
}

export interface BookingConfirmation {
  readonly trackingNumber: string;
  /** ZPL II, one 4 × 6 in label per parcel. */
  readonly labelZpl: string;
  readonly labelFormat: 'ZPL';
  /** Issued by a sandbox adapter, not by the carrier. */
  readonly sandbox: boolean;
}

/** The port: books one shipment with one carrier. Rejects with CarrierRejectedError for a permanent refusal. */
export type BookShipment = (request: BookingRequest) => Promise<BookingConfirmation>;

/** The carrier refused the shipment for good (bad address, service closed): retrying will not help. */
export class CarrierRejectedError extends Error {
  override readonly name = 'CarrierRejectedError';
}

export type TimeoutResult<T> = { readonly timedOut: false; readonly value: T } | { readonly timedOut: true };

/** Bounds a promise by `timeoutMs`; injected so tests need no real timers. */
export type WithTimeout = <T>(work: Promise<T>, timeoutMs: number) => Promise<TimeoutResult<T>>;

/** A WithTimeout racing the work against an injected sleep (functions/ passes a setTimeout-based one). */
export function timeoutFromSleep(sleep: (ms: number) => Promise<void>): WithTimeout {
  return async <T>(work: Promise<T>, timeoutMs: number): Promise<TimeoutResult<T>> => {
    // A rejection after the timeout has won must not surface as an unhandled rejection.
    work.catch(() => undefined);
    return Promise.race([
      work.then((value): TimeoutResult<T> => ({ timedOut: false, value })),
      sleep(timeoutMs).then((): TimeoutResult<T> => ({ timedOut: true })),
    ]);
  };
}

export interface BookingAttempt {
  readonly carrier: LastMileCarrier;
  readonly serviceId: string;
  readonly attempt: number;
  readonly outcome: 'booked' | 'failed' | 'timeout';
  readonly error?: string;
  /** For a failure: whether another attempt with the same carrier could succeed. */
  readonly retryable?: boolean;
}

export type BookingOutcome =
  | { readonly status: 'booked'; readonly target: BookingTarget; readonly confirmation: BookingConfirmation; readonly attempts: readonly BookingAttempt[] }
  | { readonly status: 'failed-all'; readonly attempts: readonly BookingAttempt[] };

export interface BookingOptions {
  /** Extra attempts per carrier after the first (2 → up to 3 attempts). */
  readonly retries: number;
  readonly timeoutMs: number;
  readonly withTimeout: WithTimeout;
  /** Waits between retries with one carrier; no wait when absent. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Delay before retry n (1-based); 200 ms × 2^(n−1) by default. */
  readonly backoffMs?: (retry: number) => number;
  /** Try at most this many carriers of the ranking; all of them by default. */
  readonly maxCarriers?: number;
  /** Profiles whose tracking formats check what carriers return; the bundled ones by default. */
  readonly carriers?: readonly CarrierProfile[];
}

const messageOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Books with the best carrier that accepts, falling back down the ranking; records every attempt. */
export async function bookWithFallback(
  ranked: readonly BookingTarget[],
  shipment: BookingShipment,
  book: BookShipment,
  options: BookingOptions,
): Promise<BookingOutcome> {
  if (!(Number.isInteger(options.retries) && options.retries >= 0)) throw new RangeError('retries must be a whole number ≥ 0');
  const attempts: BookingAttempt[] = [];
  const carriers = options.carriers ?? CARRIERS;
  const backoff = options.backoffMs ?? ((retry: number) => 200 * 2 ** (retry - 1));
  for (const target of ranked.slice(0, options.maxCarriers ?? ranked.length)) {
    const profile = carriers.find((c) => c.slug === target.carrier);
    const format = profile ? trackingFormatFor(profile, target.serviceId) : undefined;
    const key = `${shipment.orderId}/${target.serviceId}`;
    for (let attempt = 1; attempt <= options.retries + 1; attempt++) {
      if (attempt > 1 && options.sleep) await options.sleep(backoff(attempt - 1));
      const record = { carrier: target.carrier, serviceId: target.serviceId, attempt };
      const request: BookingRequest = { ...shipment, ...target, trackingSeed: key, idempotencyKey: key, attempt };
      let result: TimeoutResult<BookingConfirmation>;
      try {
        // Through a resolved promise, so an adapter that throws synchronously is handled the same way.
        result = await options.withTimeout(
          Promise.resolve().then(() => book(request)),
          options.timeoutMs,
        );
      } catch (error) {
        const retryable = !(error instanceof CarrierRejectedError);
        attempts.push({ ...record, outcome: 'failed', error: messageOf(error), retryable });
        if (!retryable) break;
        continue;
      }
      if (result.timedOut) {
        attempts.push({ ...record, outcome: 'timeout', error: `no answer within ${options.timeoutMs} ms` });
        continue;
      }
      const { trackingNumber } = result.value;
      if (format && !format.isValid(trackingNumber)) {
        attempts.push({
          ...record,
          outcome: 'failed',
          error: `returned tracking number "${trackingNumber}", which is not a valid ${format.name}`,
          retryable: false,
        });
        break;
      }
      attempts.push({ ...record, outcome: 'booked' });
      return { status: 'booked', target, confirmation: result.value, attempts };
    }
  }
  return { status: 'failed-all', attempts };
}

// ------------------------------------------------------------------ recording it on the decision

function attemptWords(a: BookingAttempt): string {
  return a.outcome === 'timeout' ? 'no answer in time' : a.outcome === 'failed' ? `failed (${a.error ?? 'unknown error'})` : 'booked';
}

function carrierHistory(name: string, attempts: readonly BookingAttempt[]): string {
  return `${name}: ${attempts.map((a) => `attempt ${a.attempt} ${attemptWords(a)}`).join(', ')}`;
}

/** The decision with what booking did, in its data and in its explanation. */
export function recordBooking(decision: RoutingDecision, outcome: BookingOutcome): RoutingDecision {
  const names = new Map(decision.candidates.flatMap((c) => (c.carrier ? [[c.carrier, c.carrierName] as const] : [])));
  const nameOf = (slug: LastMileCarrier): string => names.get(slug) ?? slug;
  const failedCarriers = [...new Set(outcome.attempts.filter((a) => a.outcome !== 'booked').map((a) => a.carrier))];
  const failures = failedCarriers.map((slug) =>
    carrierHistory(
      nameOf(slug),
      outcome.attempts.filter((a) => a.carrier === slug && a.outcome !== 'booked'),
    ),
  );
  const lines: string[] = [];
  let booking: BookingSummary;
  if (outcome.status === 'booked') {
    const { target, confirmation } = outcome;
    const sandbox = confirmation.sandbox ? ' (sandbox)' : '';
    const switched = decision.chosen !== undefined && decision.chosen.carrier !== target.carrier;
    if (switched) {
      lines.push(
        `${failures.join('; ')}. So we booked with ${target.carrierName}, the next best carrier: tracking number ${confirmation.trackingNumber}${sandbox}.`,
      );
    } else if (failures.length > 0) {
      lines.push(`Booked with ${target.carrierName} after a retry (${failures.join('; ')}): tracking number ${confirmation.trackingNumber}${sandbox}.`);
    } else {
      lines.push(`Booked with ${target.carrierName}: tracking number ${confirmation.trackingNumber}${sandbox}.`);
    }
    booking = {
      status: 'booked',
      carrier: target.carrier,
      serviceId: target.serviceId,
      trackingNumber: confirmation.trackingNumber,
      attempts: outcome.attempts,
    };
  } else {
    lines.push(
      failures.length > 0
        ? `No carrier could book the shipment (${failures.join('; ')}); it is waiting to be booked again.`
        : 'No carrier was available to book the shipment.',
    );
    booking = { status: 'failed-all', attempts: outcome.attempts };
  }
  return { ...decision, booking, explanation: [...decision.explanation, ...lines] };
}
