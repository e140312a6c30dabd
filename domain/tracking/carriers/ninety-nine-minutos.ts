import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { ENLACE_HMAC } from '../webhook-auth';
import {
  formatIsoLocal,
  hashedEventId,
  localDateTimeString,
  localWithOffsetToUtc,
  mapCode,
  mustParse,
  parseIsoLocal,
  parseWith,
  present,
  utcToZoned,
  type CarrierAdapter,
  type CodeTable,
} from './common';

/**
 * 99minutos (Mexico): same-day and next-day last mile in the large metro areas.
 *
 * Push: 99minutos posts to the URL configured with `POST https://delivery.99minutos.com/api/v3/webhooks`
 * (at most two configurations), [official] https://developers.99minutos.com/reference/post-api-v3-webhooks .
 * Payload [official example, same page]: `StatusName` (current, camelCase), `TrackingId` (99minutos'
 * id), `InternalKey` (ours), `Events[]` in ascending order `{ StatusCode, StatusName, Data{ comment,
 * evidence[] }, CreatedAt }`, `CreatedAt` in UTC as "YYYY-MM-DD HH:mm:ss". No event id: hashed.
 *
 * Codes: the official example plus the catalogue in [scaffold]
 * https://raw.githubusercontent.com/api-evangelist/99-minutos/refs/heads/main/asyncapi/99-minutos-webhooks.yml
 * (names only; the mapping to Enlace's statuses is ours, /work/notes/tracking-sources.md §3.5).
 *
 * Authentication of the push: NOT FOUND in 99minutos' documentation. SANDBOX APPROXIMATION: Enlace's
 * own signature (Enlace-Carrier-Signature) until 99minutos confirms what it can send.
 * Tracking-number format: not documented (the official example is 10 digits); any 6–40 letters and digits.
 */
export const NINETY_NINE_MINUTOS_CODES: CodeTable = {
  '1001': { status: 'label-created', subStatus: 'last-mile-label-created', description: 'draft' },
  '1002': { status: 'label-created', subStatus: 'last-mile-label-created', description: 'confirmed' },
  '2002': { status: 'label-created', subStatus: 'pickup-scheduled', description: 'onRoadToPickup' },
  '2003': { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'collected' },
  '2101': { status: 'exception', subStatus: 'pickup-failed', description: 'unsuccessfulPickup' },
  '3001': { status: 'in-transit-destination', subStatus: 'arrived-at-facility', description: 'stored' },
  '3002': { status: 'in-transit-destination', subStatus: 'in-transit', description: 'onContainer' },
  '3003': { status: 'in-transit-destination', subStatus: 'loaded-on-vehicle', description: 'chargedToVehicle' },
  '3004': { status: 'in-transit-destination', subStatus: 'in-transit', description: 'onLinehaul' },
  '4001': { status: 'out-for-delivery', subStatus: 'out-for-delivery', description: 'onRoadToDelivery' },
  '4002': { status: 'delivered', subStatus: 'delivered', description: 'delivered' },
  '4101': { status: 'delivery-attempt-failed', subStatus: 'attempt-failed', description: 'unsuccessfulDelivery' },
  '5001': { status: 'returning-to-sender', subStatus: 'returning-to-sender', description: 'onRoadToReturn' },
  '5002': { status: 'returned', subStatus: 'returned-to-sender', description: 'returned' },
  '5101': { status: 'exception', subStatus: 'return-failed', description: 'unsuccessfulReturn' },
  '7101': { status: 'exception', subStatus: 'address-in-correction', description: 'inCorrection' },
  // The correction is over: the parcel moves on (progress of the same rank as before the correction).
  '7102': { status: 'in-transit-destination', subStatus: 'address-corrected', description: 'corrected' },
  '8001': { status: 'lost', subStatus: 'stolen', description: 'stolen' },
  '8003': { status: 'exception', subStatus: 'shipment-cancelled', description: 'cancelled' },
  '8004': { status: 'damaged', subStatus: 'damaged', description: 'damaged' },
};

const eventSchema = z.looseObject({
  StatusCode: z.union([z.string().regex(/^\d{4}$/), z.number().int()], { error: 'must be a four-digit status code such as "4001"' }).transform(String),
  StatusName: z.string().optional(),
  Data: z.looseObject({ comment: z.string().nullish(), evidence: z.array(z.unknown()).optional() }).nullish(),
  CreatedAt: localDateTimeString(parseIsoLocal, '2025-11-19 15:02:10'),
});

export const ninetyNineMinutosPayloadSchema = z.object({
  StatusName: z.string().optional(),
  TrackingId: z
    .union([z.string().regex(/^[0-9A-Za-z-]{6,40}$/), z.number().int().positive()], { error: 'must be the 99minutos tracking id (6 to 40 letters or digits)' })
    .transform(String),
  InternalKey: z.string().nullish(),
  Events: z.array(eventSchema).min(1, 'send at least one event'),
});
export type NinetyNineMinutosPayload = z.infer<typeof ninetyNineMinutosPayloadSchema>;

function toUpdates(payload: NinetyNineMinutosPayload): TrackingUpdate[] {
  const trackingNumber = payload.TrackingId;
  return payload.Events.map((event) => {
    const mapping = mapCode(NINETY_NINE_MINUTOS_CODES, event.StatusCode);
    // CreatedAt is UTC without an offset.
    const occurredAt = localWithOffsetToUtc(mustParse(parseIsoLocal(event.CreatedAt), 'CreatedAt'), 0);
    const name = present(event.StatusName) ?? mapping.description ?? event.StatusCode;
    const comment = present(event.Data?.comment);
    return {
      carrier: '99minutos',
      trackingNumber,
      carrierEventId: hashedEventId(trackingNumber, event.StatusCode, occurredAt),
      occurredAt,
      status: mapping.status,
      subStatus: mapping.subStatus,
      recognised: mapping.recognised,
      location: { country: 'MX' },
      carrierCode: event.StatusCode,
      carrierDescription: comment === undefined ? name : `${name}: ${comment}`,
      raw: event,
    };
  });
}

const SAMPLE_CODES: Readonly<Record<SampleStep, string>> = { accepted: '2003', 'in-transit': '3001', 'out-for-delivery': '4001', delivered: '4002' };

function sample(parcels: readonly SampleParcel[]): unknown {
  const [parcel] = parcels;
  if (parcel === undefined) throw new Error('a 99minutos webhook carries one parcel');
  const events = parcel.events.map((event) => ({
    StatusCode: SAMPLE_CODES[event.step],
    StatusName: NINETY_NINE_MINUTOS_CODES[SAMPLE_CODES[event.step]]?.description,
    Data: { comment: `${event.city} (sandbox)`, evidence: [] },
    CreatedAt: formatIsoLocal(utcToZoned(event.at, 'UTC')),
  }));
  return { StatusName: events.at(-1)?.StatusName, TrackingId: parcel.trackingNumber, InternalKey: null, Events: events };
}

export const ninetyNineMinutos: CarrierAdapter = {
  slug: '99minutos',
  displayName: '99minutos',
  market: 'MX',
  provenance: {
    payload: 'documented',
    codes: 'partly-documented',
    notes: 'Webhook payload from the official v3 example; status codes from the example and a scaffold catalogue; push authentication not documented.',
  },
  codes: NINETY_NINE_MINUTOS_CODES,
  webhook: { auth: ENLACE_HMAC, provenance: 'SANDBOX APPROXIMATION: 99minutos does not document how its push authenticates; Enlace signature until it does.' },
  parse: (payload) => parseWith(ninetyNineMinutosPayloadSchema, payload, toUpdates),
  sample,
};
