import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { ENLACE_HMAC } from '../webhook-auth';
import {
  formatOffsetDateTime,
  hashedEventId,
  localWithOffsetToUtc,
  location,
  mapCode,
  nonEmpty,
  parseIsoLocal,
  parseOffsetDateTime,
  parseUtcOffset,
  parseWith,
  present,
  type CarrierAdapter,
  type CodeTable,
} from './common';

/**
 * USPS (United States): last mile after the line-haul's broker has entered the parcel with CBP, so
 * USPS only reports domestic events (no USPS customs codes are needed here).
 *
 * Payload: one `TrackingDetail` of the USPS Tracking API v3 (developers.usps.com, "trackingv3r2"),
 * as USPS's tracking subscriptions push it: `trackingNumber`, `mailClass` and `trackingEvents[]`
 * with `eventType` (text), `eventCode`, `eventTimestamp` (local), `GMTTimestamp`, `GMTOffset`,
 * `eventCity`, `eventState`, `eventZIP`, `eventCountry`. The envelope of the push is an
 * approximation; the event fields are the API's.
 *
 * Codes: USPS's two-character event codes. The meanings below are the ones USPS publishes in its
 * tracking event code tables (Pub. 199 / Web Tools) as reproduced by open-source integrations; a
 * few (17, 59, DG) appear there with conflicting meanings and are left out (they arrive flagged).
 *
 * Times: USPS stamps local time at the scanning facility (any of the US zones) and gives the UTC
 * instant (`GMTTimestamp`) or the offset (`GMTOffset`); one of them is required. No event id: the
 * id is a hash of (tracking number, code, UTC time).
 */
export const USPS_CODES: CodeTable = {
  MA: { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Pre-Shipment Info Sent to USPS, USPS Awaiting Item' },
  GX: { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Shipping Label Created, USPS Awaiting Item' },
  TM: { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'Shipment Received, Package Acceptance Pending' },
  OA: { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'Accepted at USPS Origin Facility' },
  '03': { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'USPS in possession of item' },
  '80': { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'Picked Up by Shipping Partner' },
  '81': { status: 'in-transit-destination', subStatus: 'arrived-at-facility', description: 'Arrived Shipping Partner Facility' },
  '82': { status: 'in-transit-destination', subStatus: 'departed-facility', description: 'Departed Shipping Partner Facility' },
  '10': { status: 'in-transit-destination', subStatus: 'arrived-at-facility', description: 'Arrived at USPS Regional Facility' },
  L1: { status: 'in-transit-destination', subStatus: 'departed-facility', description: 'Departed USPS Regional Facility' },
  T1: { status: 'in-transit-destination', subStatus: 'in-transit', description: 'In Transit to Next Facility' },
  '07': { status: 'in-transit-destination', subStatus: 'arrived-at-post-office', description: 'Arrived at Post Office' },
  PC: { status: 'in-transit-destination', subStatus: 'sorting-complete', description: 'Sorting Complete' },
  OF: { status: 'out-for-delivery', subStatus: 'out-for-delivery', description: 'Out for Delivery' },
  '01': { status: 'delivered', subStatus: 'delivered', description: 'Delivered' },
  '02': { status: 'delivery-attempt-failed', subStatus: 'notice-left', description: 'Notice Left (No Authorized Recipient Available)' },
  '52': { status: 'delivery-attempt-failed', subStatus: 'receptacle-full', description: 'Notice Left (Receptacle Full/Item Oversized)' },
  '53': { status: 'delivery-attempt-failed', subStatus: 'receptacle-blocked', description: 'Notice Left (Receptacle Blocked)' },
  '55': { status: 'delivery-attempt-failed', subStatus: 'no-secure-location', description: 'No Secure Location Available' },
  '56': { status: 'delivery-attempt-failed', subStatus: 'recipient-absent', description: 'No Authorized Recipient Available' },
  '57': { status: 'delivery-attempt-failed', subStatus: 'no-access', description: 'Delivery Attempted - No Access to Delivery Location' },
  '04': { status: 'delivery-attempt-failed', subStatus: 'refused', description: 'Refused' },
  '05': { status: 'delivery-attempt-failed', subStatus: 'address-incorrect', description: 'Undeliverable as Addressed' },
  '16': { status: 'available-for-pickup', subStatus: 'held-at-post-office', description: 'Available for Pickup' },
  '09': { status: 'returning-to-sender', subStatus: 'returning-to-sender', description: 'Return to Sender' },
  '21': { status: 'returning-to-sender', subStatus: 'no-such-number', description: 'No Such Number' },
  '22': { status: 'returning-to-sender', subStatus: 'address-insufficient', description: 'Insufficient Address' },
  '23': { status: 'returning-to-sender', subStatus: 'recipient-moved', description: 'Moved, Left no Address' },
  '25': { status: 'returning-to-sender', subStatus: 'recipient-unknown', description: 'Addressee Unknown' },
  '26': { status: 'returning-to-sender', subStatus: 'vacant', description: 'Vacant' },
  '27': { status: 'returning-to-sender', subStatus: 'not-collected', description: 'Unclaimed' },
  '29': { status: 'returning-to-sender', subStatus: 'not-collected', description: 'Return to Sender - Not Picked Up' },
};

const eventSchema = z
  .looseObject({
    eventType: nonEmpty,
    eventCode: z.string().regex(/^[A-Z0-9]{2}$/, 'must be a two-character USPS event code such as "OF"'),
    eventTimestamp: z.string().refine((text) => parseIsoLocal(text) !== undefined || parseOffsetDateTime(text) !== undefined, {
      message: 'must be a date-time such as "2025-11-20T14:02:00"',
    }),
    GMTTimestamp: z
      .string()
      .refine((text) => parseOffsetDateTime(text) !== undefined, 'must be a UTC date-time such as "2025-11-20T19:02:00Z"')
      .nullish(),
    GMTOffset: z
      .string()
      .refine((text) => parseUtcOffset(text) !== undefined, 'must be a UTC offset such as "-05:00"')
      .nullish(),
    eventCity: z.string().nullish(),
    eventState: z.string().nullish(),
    eventZIP: z.string().nullish(),
    eventCountry: z.string().nullish(),
    firm: z.string().nullish(),
  })
  .superRefine((event, context) => {
    if (occurredAt(event) === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['GMTTimestamp'],
        message: 'a local eventTimestamp needs GMTTimestamp or GMTOffset to be placed in time',
      });
    }
  });

export const uspsPayloadSchema = z.object({
  trackingNumber: z.string().regex(/^(\d{20,34}|[A-Z]{2}\d{9}US)$/, 'must be a USPS tracking number (20 to 34 digits, or an S10 code ending in US)'),
  mailClass: z.string().optional(),
  trackingEvents: z.array(eventSchema).min(1, 'send at least one event'),
});
export type UspsPayload = z.infer<typeof uspsPayloadSchema>;
type UspsEvent = z.infer<typeof eventSchema>;

/** GMTTimestamp first; else an eventTimestamp with its own offset; else local time plus GMTOffset. */
function occurredAt(event: { eventTimestamp: string; GMTTimestamp?: string | null; GMTOffset?: string | null }): string | undefined {
  const gmt = present(event.GMTTimestamp);
  if (gmt !== undefined) return parseOffsetDateTime(gmt);
  const withOffset = parseOffsetDateTime(event.eventTimestamp);
  if (withOffset !== undefined) return withOffset;
  const local = parseIsoLocal(event.eventTimestamp);
  const offset = parseUtcOffset(event.GMTOffset ?? '');
  return local === undefined || offset === undefined ? undefined : localWithOffsetToUtc(local, offset);
}

function toUpdate(trackingNumber: string, event: UspsEvent): TrackingUpdate {
  const mapping = mapCode(USPS_CODES, event.eventCode);
  const at = occurredAt(event);
  if (at === undefined) throw new Error('unreachable: the schema checked that every USPS event can be placed in time');
  const where = location({
    facility: event.firm,
    city: event.eventCity,
    region: event.eventState,
    postalCode: event.eventZIP,
    country: present(event.eventCountry) ?? 'US',
  });
  return {
    carrier: 'usps',
    trackingNumber,
    carrierEventId: hashedEventId(trackingNumber, event.eventCode, at),
    occurredAt: at,
    status: mapping.status,
    subStatus: mapping.subStatus,
    recognised: mapping.recognised,
    ...(where === undefined ? {} : { location: where }),
    carrierCode: event.eventCode,
    carrierDescription: event.eventType,
    raw: event,
  };
}

const SAMPLE: Readonly<Record<SampleStep, string>> = { accepted: 'OA', 'in-transit': 'T1', 'out-for-delivery': 'OF', delivered: '01' };

function sample(parcels: readonly SampleParcel[]): unknown {
  const [parcel] = parcels;
  if (parcel === undefined) throw new Error('a USPS webhook carries one tracking number');
  return {
    trackingNumber: parcel.trackingNumber,
    mailClass: 'Ground Advantage',
    trackingEvents: [...parcel.events].reverse().map((event) => ({
      eventType: USPS_CODES[SAMPLE[event.step]]?.description ?? SAMPLE[event.step],
      eventCode: SAMPLE[event.step],
      eventTimestamp: formatOffsetDateTime(event.at, 'America/New_York').slice(0, 19),
      GMTTimestamp: event.at.replace('.000Z', 'Z'),
      eventCity: event.city.toUpperCase(),
      eventState: 'NY',
      eventCountry: 'US',
    })),
  };
}

export const usps: CarrierAdapter = {
  slug: 'usps',
  displayName: 'USPS',
  market: 'US',
  provenance: {
    payload: 'partly-documented',
    codes: 'partly-documented',
    notes: 'Event fields of the Tracking API v3; push envelope approximated; event codes from USPS tables as reproduced by open-source clients.',
  },
  codes: USPS_CODES,
  sample,
  webhook: { auth: ENLACE_HMAC, provenance: 'Enlace signature agreed for the sandbox; USPS does not document a push authentication of its own.' },
  parse: (payload) => parseWith(uspsPayloadSchema, payload, (data) => data.trackingEvents.map((event) => toUpdate(data.trackingNumber, event))),
};
