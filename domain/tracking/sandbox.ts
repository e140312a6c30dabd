import { createHash } from 'node:crypto';
import type { CarrierSlug } from '../shared/carriers';
import type { TrackingStatus } from './statuses';

/**
 * SANDBOX APPROXIMATION: a scripted last-mile journey, the same for every carrier, that each feed
 * adapter can write in its own format (`FeedAdapter.sample`). The sandbox poll adapter answers the
 * poller from it, and `npm run demo` posts it through each carrier's own webhook or aggregator, so
 * a parcel is followed to the door locally whatever source its carrier uses. Not carrier data.
 */

/** The steps of a last-mile journey a sample can hold. */
export const SAMPLE_STEPS = ['accepted', 'in-transit', 'out-for-delivery', 'delivered'] as const;
export type SampleStep = (typeof SAMPLE_STEPS)[number];

/** What each step must become once a feed's sample is parsed back (the conformance test checks every feed). */
export const SAMPLE_STEP_STATUS: Readonly<Record<SampleStep, TrackingStatus>> = {
  accepted: 'in-transit-destination',
  'in-transit': 'in-transit-destination',
  'out-for-delivery': 'out-for-delivery',
  delivered: 'delivered',
};

export interface SampleEvent {
  readonly step: SampleStep;
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly city: string;
}

/** One parcel's events, for a sample in a feed's format. */
export interface SampleParcel {
  readonly carrier: CarrierSlug;
  readonly trackingNumber: string;
  readonly events: readonly SampleEvent[];
}

/** Renders parcels in a feed's format: a webhook body, or a tracking API's answer for a poll feed. */
export type SampleRenderer = (parcels: readonly SampleParcel[]) => unknown;

/** Hours from booking to the hand-over to the last-mile carrier in the script (the line-haul's share). */
export const SANDBOX_HANDOVER_AFTER_HOURS = 84;

/** The script's steps, in hours after the hand-over. */
export const SANDBOX_LAST_MILE_SCRIPT: readonly { readonly step: SampleStep; readonly afterHours: number }[] = [
  { step: 'accepted', afterHours: 2 },
  { step: 'in-transit', afterHours: 9 },
  { step: 'out-for-delivery', afterHours: 22 },
  { step: 'delivered', afterHours: 27 },
];

const HOUR_MS = 3_600_000;

/** The scripted journey of a parcel booked at `bookedAt`, as far as it has happened at `asOf` (everything when absent). */
export function scriptedLastMile(bookedAt: string, city: string, asOf?: string): SampleEvent[] {
  const handover = Date.parse(bookedAt) + SANDBOX_HANDOVER_AFTER_HOURS * HOUR_MS;
  const limit = asOf === undefined ? Number.POSITIVE_INFINITY : Date.parse(asOf);
  return SANDBOX_LAST_MILE_SCRIPT.map(({ step, afterHours }) => ({ step, at: new Date(handover + afterHours * HOUR_MS).toISOString(), city })).filter(
    (event) => Date.parse(event.at) <= limit,
  );
}

/** A stable id for a sample event (the same event rendered twice keeps its id, as a carrier's would): 12 hex digits. */
export function sampleEventId(trackingNumber: string, event: Pick<SampleEvent, 'step' | 'at'>): string {
  return createHash('sha256').update(`${trackingNumber}|${event.step}|${event.at}`).digest('hex').slice(0, 12);
}
