import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { hashedEventId, location, parseWith, present, type CarrierAdapter, type CodeMapping, type CodeTable } from './common';

/**
 * UPS (United States): last mile after the line-haul's broker has entered the parcel with CBP.
 *
 * Push: Track Alert API v2 (UPS-API/api-documentation `UPSTrackAlert.yaml`, commit e6f36df4):
 * Enlace subscribes numbers with `POST /api/track/v2/subscription/{type}/package` (≤ 100 numbers a
 * request, subscriptions last 14 days, 1Z and 1R numbers only) and UPS posts one activity per request.
 * Payload [official example, same file]: `trackingNumber`, `localActivityDate` "YYYYMMDD",
 * `localActivityTime` "HHmmss", `gmtActivityDate`, `gmtActivityTime` (UTC), `activityLocation{ city,
 * stateProvince, postalCode, country }`, `activityStatus{ type, code, description, descriptionCode }`,
 * `scheduledDeliveryDate`, and on delivery `actualDeliveryDate/Time`, `receivedBy`. No event id: hashed.
 *
 * Codes [official, Track Alert FAQ]: status types M/MV manifest, X exception, I in progress,
 * U update (usually a new scheduled date), D delivery information. Activity codes: only OT (out for
 * delivery) and FS (delivered) appear in the official examples; the full appendix
 * (https://developer.ups.com/api/reference/tracking/appendix) was NOT FOUND in what we could read.
 * The mapping is by type, refined by the two known codes; anything else arrives with the type's status.
 *
 * Authentication: v1 subscriptions took `destination{ url, credentialType, credential }` and UPS sent
 * that credential; v2 fetches an OAuth token from a URL Enlace provides (client_secret_basic).
 * Built here: the v1 form, `Authorization: Bearer <credential>`. The v2 token endpoint is NOT BUILT.
 */
const BY_TYPE: Readonly<Record<string, CodeMapping>> = {
  M: { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Manifest' },
  MV: { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Manifest voided or changed' },
  I: { status: 'in-transit-destination', subStatus: 'in-transit', description: 'In progress' },
  X: { status: 'exception', subStatus: 'carrier-exception', description: 'Exception' },
  U: { status: 'in-transit-destination', subStatus: 'delivery-date-updated', description: 'Update (new scheduled delivery date)' },
  D: { status: 'in-transit-destination', subStatus: 'delivery-information', description: 'Delivery information' },
};

/** Activity codes known from UPS's own examples; they win over the type. */
const BY_CODE: Readonly<Record<string, CodeMapping>> = {
  OT: { status: 'out-for-delivery', subStatus: 'out-for-delivery', description: 'Out for Delivery' },
  FS: { status: 'delivered', subStatus: 'delivered', description: 'Delivered' },
};

/** For documentation and the registry: every mapping this adapter knows, as `type` or `type/code`. */
export const UPS_CODES: CodeTable = { ...BY_TYPE, ...Object.fromEntries(Object.entries(BY_CODE).map(([code, mapping]) => [`*/${code}`, mapping])) };

const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
const HHMMSS = /^(\d{2})(\d{2})(\d{2})$/;

function gmt(date: string, time: string): string | undefined {
  const d = YYYYMMDD.exec(date.trim());
  const t = HHMMSS.exec(time.trim());
  if (d === null || t === null) return undefined;
  const epoch = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3]));
  const back = new Date(epoch);
  // Reject 2024-02-30 and 25:61:00 rather than rolling them over.
  if (back.getUTCDate() !== Number(d[3]) || back.getUTCHours() !== Number(t[1]) || back.getUTCMinutes() !== Number(t[2])) return undefined;
  return back.toISOString();
}

export const upsPayloadSchema = z
  .looseObject({
    trackingNumber: z.string().regex(/^1[ZR][0-9A-Z]{16}$/, 'must be a UPS 1Z or 1R number (18 characters)'),
    localActivityDate: z.string().optional(),
    localActivityTime: z.string().optional(),
    gmtActivityDate: z.string().regex(YYYYMMDD, 'must be a date such as "20240423"'),
    gmtActivityTime: z.string().regex(HHMMSS, 'must be a time such as "131519"'),
    activityLocation: z
      .looseObject({ city: z.string().nullish(), stateProvince: z.string().nullish(), postalCode: z.string().nullish(), country: z.string().nullish() })
      .nullish(),
    activityStatus: z.looseObject({
      type: z.string().regex(/^[A-Z]{1,2}$/, 'must be a status type such as "I" or "D"'),
      code: z.string().trim().min(1, 'must not be empty'),
      description: z.string().nullish(),
      descriptionCode: z.string().nullish(),
    }),
    scheduledDeliveryDate: z.string().nullish(),
    receivedBy: z.string().nullish(),
  })
  .refine((payload) => gmt(payload.gmtActivityDate, payload.gmtActivityTime) !== undefined, {
    message: 'gmtActivityDate and gmtActivityTime are not a real UTC instant',
    path: ['gmtActivityDate'],
  });
export type UpsPayload = z.infer<typeof upsPayloadSchema>;

function toUpdates(payload: UpsPayload): TrackingUpdate[] {
  const { type, code } = payload.activityStatus;
  const mapping = BY_CODE[code] ?? BY_TYPE[type];
  const occurredAt = gmt(payload.gmtActivityDate, payload.gmtActivityTime)!;
  const carrierCode = `${type}/${code}`;
  const where = location({
    city: payload.activityLocation?.city,
    region: payload.activityLocation?.stateProvince,
    postalCode: payload.activityLocation?.postalCode,
    country: present(payload.activityLocation?.country) ?? 'US',
  });
  return [
    {
      carrier: 'ups',
      trackingNumber: payload.trackingNumber,
      carrierEventId: hashedEventId(payload.trackingNumber, carrierCode, occurredAt),
      occurredAt,
      status: mapping?.status ?? 'in-transit',
      subStatus: mapping?.subStatus ?? 'unrecognised-carrier-code',
      recognised: mapping !== undefined,
      ...(where === undefined ? {} : { location: where }),
      carrierCode,
      carrierDescription: present(payload.activityStatus.description) ?? mapping?.description ?? carrierCode,
      raw: payload,
    },
  ];
}

const SAMPLE: Readonly<Record<SampleStep, { type: string; code: string; description: string }>> = {
  accepted: { type: 'I', code: 'AR', description: 'Arrived at Facility' },
  'in-transit': { type: 'I', code: 'DP', description: 'Departed from Facility' },
  'out-for-delivery': { type: 'I', code: 'OT', description: 'Out for Delivery' },
  delivered: { type: 'D', code: 'FS', description: 'Delivered' },
};

/** Track Alert posts one activity per request: the sample is the last event (the demo posts one per event). */
function sample(parcels: readonly SampleParcel[]): unknown {
  const [parcel] = parcels;
  const event = parcel?.events.at(-1);
  if (parcel === undefined || event === undefined) throw new Error('a UPS Track Alert carries one activity');
  const [date = '', time = ''] = event.at.replace(/[-:]/g, '').split('T');
  return {
    trackingNumber: parcel.trackingNumber,
    gmtActivityDate: date,
    gmtActivityTime: time.slice(0, 6),
    activityLocation: { city: event.city, stateProvince: 'NY', country: 'US' },
    activityStatus: { ...SAMPLE[event.step], descriptionCode: '000' },
  };
}

export const ups: CarrierAdapter = {
  slug: 'ups',
  displayName: 'UPS',
  market: 'US',
  provenance: {
    payload: 'documented',
    codes: 'partly-documented',
    notes: 'Track Alert v2 payload from UPS-API/api-documentation; status types documented, activity codes only OT and FS.',
  },
  codes: UPS_CODES,
  webhook: {
    auth: { scheme: 'static-credential', header: 'authorization', prefix: 'Bearer ' },
    provenance: 'UPSTrackAlert.yaml v1 (destination.credentialType/credential); the v2 OAuth token URL is not built.',
  },
  parse: (payload) => parseWith(upsPayloadSchema, payload, toUpdates),
  sample,
};
