import * as z from 'zod';
import type { LastMileCarrier } from '../../shared/carriers';
import { SEVENTEEN_TRACK_CARRIER_KEYS } from '../aggregators';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { hashedEventId, location, mapCode, parseOffsetDateTime, parseWith, present, type CarrierAdapter, type CodeTable, type PayloadProblem } from './common';

/**
 * 17TRACK (aggregator): follows a carrier for Enlace and pushes what it sees. Used for the carriers
 * with no public tracking API or push (sources.ts says which).
 *
 * API: `POST https://api.17track.net/track/v2.2/{register,gettrackinfo,stoptrack,…}`, header
 * `17token`, up to 40 numbers a request and 3 requests a second per key ([scaffold]
 * https://raw.githubusercontent.com/api-evangelist/17track/refs/heads/main/rate-limits/rate-limits.yml,
 * consistent with integrator code). Each registered (number, carrier) costs one quota; tracking
 * after that costs nothing more ([official] https://help.17track.net/hc/en-us/articles/37575160271001-Quota-Deduction-Standards-and-Rules).
 *
 * Push: `{ event: "TRACKING_UPDATED" | "TRACKING_STOPPED", data: { number, carrier, tag,
 * track_info: { latest_status, latest_event, tracking: { providers[]{ provider{ key, name, country },
 * events[]{ time_iso, time_utc, description, location, stage, sub_status, address } } } } } }`
 * ([integrator] the pcbway receiver model https://api-partner.pcbway.com/Help/Api/POST-api-WebHook-Track17Notify
 * and parsers; /work/notes/tracking-sources.md §2.1). Signed with header `sign` = hex SHA-256 of
 * `rawBody + "/" + apiKey` (webhook-auth.ts). Events carry no id: hashed.
 *
 * Providers: 17TRACK may list several carriers for one number (first mile and last mile). Only the
 * events of the carrier Enlace registered the number with are read: Enlace's own line-haul reports
 * the first mile.
 *
 * Statuses: 17TRACK's main statuses and sub-statuses (NotFound … Exception_Cancel) as integrators
 * enumerate them; the mapping is ours (§2.1 "Proposed mapping"). Expired and NotFound keep the
 * parcel's status (unmapped, so they arrive flagged).
 */

const CARRIER_BY_KEY: ReadonlyMap<number, LastMileCarrier> = new Map(
  Object.entries(SEVENTEEN_TRACK_CARRIER_KEYS).map(([carrier, key]) => [key, carrier as LastMileCarrier]),
);

export const SEVENTEEN_TRACK_CODES: CodeTable = {
  InfoReceived: { status: 'label-created', subStatus: 'last-mile-label-created' },
  InTransit_PickedUp: { status: 'in-transit-destination', subStatus: 'accepted-by-carrier' },
  InTransit_Other: { status: 'in-transit-destination', subStatus: 'in-transit' },
  InTransit_Departure: { status: 'in-transit-destination', subStatus: 'departed-facility' },
  InTransit_Arrival: { status: 'in-transit-destination', subStatus: 'arrived-at-facility' },
  InTransit_CustomsProcessing: { status: 'import-customs', subStatus: 'clearance-in-progress' },
  InTransit_CustomsReleased: { status: 'import-customs', subStatus: 'released' },
  InTransit_CustomsRequiringInformation: { status: 'customs-held', subStatus: 'documents-required' },
  AvailableForPickup_Other: { status: 'available-for-pickup', subStatus: 'held-at-pickup-point' },
  OutForDelivery_Other: { status: 'out-for-delivery', subStatus: 'out-for-delivery' },
  DeliveryFailure_Other: { status: 'delivery-attempt-failed', subStatus: 'attempt-failed' },
  DeliveryFailure_NoBody: { status: 'delivery-attempt-failed', subStatus: 'recipient-absent' },
  DeliveryFailure_Security: { status: 'delivery-attempt-failed', subStatus: 'security' },
  DeliveryFailure_Rejected: { status: 'delivery-attempt-failed', subStatus: 'refused' },
  DeliveryFailure_InvalidAddress: { status: 'delivery-attempt-failed', subStatus: 'address-incorrect' },
  Delivered_Other: { status: 'delivered', subStatus: 'delivered' },
  Exception_Other: { status: 'exception', subStatus: 'carrier-exception' },
  Exception_Returning: { status: 'returning-to-sender', subStatus: 'returning-to-sender' },
  Exception_Returned: { status: 'returned', subStatus: 'returned-to-sender' },
  Exception_NoBody: { status: 'exception', subStatus: 'recipient-absent' },
  Exception_Security: { status: 'customs-held', subStatus: 'held-security' },
  Exception_Damage: { status: 'damaged', subStatus: 'damaged' },
  Exception_Rejected: { status: 'exception', subStatus: 'refused' },
  Exception_Delayed: { status: 'exception', subStatus: 'delayed' },
  Exception_Lost: { status: 'lost', subStatus: 'lost-in-network' },
  Exception_Destroyed: { status: 'lost', subStatus: 'destroyed' },
  Exception_Cancel: { status: 'exception', subStatus: 'shipment-cancelled' },
};

const timeText = z.string().refine((text) => parseOffsetDateTime(text) !== undefined, 'must be a date-time with its offset, such as "2025-11-20T15:14:00Z"');

const eventSchema = z.looseObject({
  time_iso: timeText.nullish(),
  time_utc: timeText.nullish(),
  description: z.string().nullish(),
  location: z.string().nullish(),
  stage: z.string().nullish(),
  sub_status: z.string().nullish(),
  address: z.looseObject({ country: z.string().nullish(), city: z.string().nullish(), state: z.string().nullish() }).nullish(),
});

const providerSchema = z.looseObject({
  provider: z.looseObject({ key: z.number().int(), name: z.string().nullish(), country: z.string().nullish() }),
  events: z.array(
    eventSchema.refine((event) => present(event.time_utc) !== undefined || present(event.time_iso) !== undefined, 'an event needs time_utc or time_iso'),
  ),
});

export const seventeenTrackPayloadSchema = z.object({
  event: z.string().trim().min(1, 'must name the push event, such as "TRACKING_UPDATED"'),
  data: z.looseObject({
    number: z.string().regex(/^[A-Za-z0-9]{5,50}$/, 'must be a tracking number of 5 to 50 letters and digits'),
    carrier: z.number().int(),
    tag: z.string().nullish(),
    track_info: z.looseObject({ tracking: z.looseObject({ providers: z.array(providerSchema) }).nullish() }).nullish(),
  }),
});
export type SeventeenTrackPayload = z.infer<typeof seventeenTrackPayloadSchema>;
type Event = z.infer<typeof eventSchema>;

function toUpdate(carrier: LastMileCarrier, trackingNumber: string, event: Event): TrackingUpdate {
  const code = present(event.sub_status) ?? present(event.stage) ?? 'Unknown';
  const mapping = mapCode(SEVENTEEN_TRACK_CODES, code);
  const occurredAt = parseOffsetDateTime((present(event.time_utc) ?? present(event.time_iso))!)!;
  const description = present(event.description) ?? code;
  const where = location({ city: present(event.address?.city) ?? event.location, region: event.address?.state, country: event.address?.country });
  return {
    carrier,
    trackingNumber,
    carrierEventId: hashedEventId(trackingNumber, `${code}|${description}`, occurredAt),
    occurredAt,
    status: mapping.status,
    subStatus: mapping.subStatus,
    recognised: mapping.recognised,
    ...(where === undefined ? {} : { location: where }),
    carrierCode: code,
    carrierDescription: description,
    raw: event,
  };
}

function parse(payload: unknown) {
  const problems: PayloadProblem[] = [];
  const result = parseWith(seventeenTrackPayloadSchema, payload, (data) => {
    const carrier = CARRIER_BY_KEY.get(data.data.carrier);
    if (carrier === undefined) {
      const known = [...CARRIER_BY_KEY.entries()].map(([key, slug]) => `${key} (${slug})`).join(', ');
      problems.push({ path: '$.data.carrier', message: `17TRACK carrier ${data.data.carrier} is not one Enlace follows through 17TRACK; known: ${known}` });
      return [];
    }
    const providers = data.data.track_info?.tracking?.providers ?? [];
    return providers
      .filter((entry) => entry.provider.key === data.data.carrier)
      .flatMap((entry) => entry.events.map((event) => toUpdate(carrier, data.data.number, event)));
  });
  return problems.length > 0 ? { ok: false as const, problems } : result;
}

const SAMPLE: Readonly<Record<SampleStep, { stage: string; sub_status: string; description: string }>> = {
  accepted: { stage: 'PickedUp', sub_status: 'InTransit_PickedUp', description: 'Envío recibido por el transportista' },
  'in-transit': { stage: 'Arrival', sub_status: 'InTransit_Arrival', description: 'En centro de distribución' },
  'out-for-delivery': { stage: 'OutForDelivery', sub_status: 'OutForDelivery_Other', description: 'En ruta de entrega' },
  delivered: { stage: 'Delivered', sub_status: 'Delivered_Other', description: 'Entregado' },
};

/** One TRACKING_UPDATED push for the first parcel (17TRACK pushes one number at a time), most recent event first. */
function sample(parcels: readonly SampleParcel[]): unknown {
  const [parcel] = parcels;
  if (parcel === undefined) throw new Error('a 17TRACK push carries one number');
  const key = SEVENTEEN_TRACK_CARRIER_KEYS[parcel.carrier as LastMileCarrier];
  if (key === undefined) throw new Error(`Enlace does not follow ${parcel.carrier} through 17TRACK`);
  const events = [...parcel.events].reverse().map((event) => ({
    time_iso: event.at,
    time_utc: event.at,
    description: SAMPLE[event.step].description,
    location: event.city,
    stage: SAMPLE[event.step].stage,
    sub_status: SAMPLE[event.step].sub_status,
    address: { city: event.city },
  }));
  const latest = events[0];
  return {
    event: 'TRACKING_UPDATED',
    data: {
      number: parcel.trackingNumber,
      carrier: key,
      param: null,
      tag: null,
      track_info: {
        latest_status: latest === undefined ? { status: 'NotFound' } : { status: latest.sub_status.split('_')[0], sub_status: latest.sub_status },
        latest_event: latest ?? null,
        tracking: { providers: [{ provider: { key, name: parcel.carrier }, events }] },
      },
    },
  };
}

export const seventeenTrack: CarrierAdapter = {
  slug: '17track',
  displayName: '17TRACK (aggregator)',
  market: 'multi',
  provenance: {
    payload: 'partly-documented',
    codes: 'partly-documented',
    notes:
      'Push shape from a public receiver model and integrator parsers; sub-statuses as integrators enumerate them; signature corroborated by four implementations, no official page.',
  },
  codes: SEVENTEEN_TRACK_CODES,
  webhook: {
    auth: { scheme: 'sha256-body-slash-key', header: 'sign' },
    provenance:
      'sign = hex SHA-256(raw body + "/" + API key): four independent public implementations agree; no official page found (tracking-sources.md §2.1).',
  },
  parse,
  sample,
};
