import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import {
  formatOffsetDateTime,
  hashedEventId,
  location,
  normaliseText,
  parseOffsetDateTime,
  parseWith,
  present,
  type CarrierAdapter,
  type CodeMapping,
  type CodeTable,
} from './common';

/**
 * DHL Express (every market): door-to-door express; Enlace books it for the last mile.
 *
 * Push: "Shipment Tracking – Unified – Push" (v1.2.5), subscription by tracking id or by customer
 * account, [official] https://developer.dhl.com/api-reference/shipment-tracking-unified-push .
 * Enlace subscribes its account once, with `hook{ uri, authentication{ type: ApiKeyAuthentication,
 * header, token } }` (official Bruno collection, developer.dhl.com, 2025-07): DHL sends the header and
 * token Enlace chose, no signature. The 101 guide warns the pushed structure differs between DHL
 * business units.
 *
 * Payload: the Unified tracking shape, `shipments[]{ id, service, status, events[]{ timestamp,
 * location.address{ addressLocality, countryCode }, statusCode, status, description } }` with
 * `statusCode` one of pre-transit, transit, delivered, failure, unknown (karrio
 * `modules/connectors/dhl_universal/schemas/tracking.json`, [integrator]; the push event names
 * Transit, Delivered, Pre-Transit, Failure, Unknown match).
 *
 * Codes: DHL Express's checkpoint list was NOT FOUND. SANDBOX APPROXIMATION: `statusCode` is the
 * authoritative bucket; within "transit", a description saying the parcel is with the delivery
 * courier is out-for-delivery, one saying customs is import customs; within "failure", an attempt or
 * a return is recognised by its words. Timestamps must carry an offset (DHL's examples do).
 */
const BY_STATUS_CODE: Readonly<Record<string, CodeMapping>> = {
  'pre-transit': { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Shipment information received' },
  transit: { status: 'in-transit-destination', subStatus: 'in-transit', description: 'In transit' },
  delivered: { status: 'delivered', subStatus: 'delivered', description: 'Delivered' },
  failure: { status: 'exception', subStatus: 'carrier-exception', description: 'Failure' },
};

/** Words in a description that refine a bucket (normalised, see normaliseText). */
const REFINEMENTS: readonly { readonly bucket: string; readonly words: RegExp; readonly mapping: CodeMapping }[] = [
  { bucket: 'transit', words: /WITH DELIVERY COURIER|OUT FOR DELIVERY/, mapping: { status: 'out-for-delivery', subStatus: 'out-for-delivery' } },
  { bucket: 'transit', words: /CUSTOMS/, mapping: { status: 'import-customs', subStatus: 'clearance-in-progress' } },
  { bucket: 'failure', words: /ATTEMPT|NOT AVAILABLE|CLOSED ON ARRIVAL/, mapping: { status: 'delivery-attempt-failed', subStatus: 'attempt-failed' } },
  { bucket: 'failure', words: /RETURN/, mapping: { status: 'returning-to-sender', subStatus: 'returning-to-sender' } },
];

export const DHL_EXPRESS_CODES: CodeTable = {
  ...BY_STATUS_CODE,
  ...Object.fromEntries(REFINEMENTS.map((refinement) => [`${refinement.bucket}/${refinement.words.source}`, refinement.mapping])),
};

const eventSchema = z.looseObject({
  timestamp: z.string().refine((text) => parseOffsetDateTime(text) !== undefined, 'must be a date-time with its offset, such as "2025-11-19T07:42:00-06:00"'),
  statusCode: z.string().trim().min(1, 'must not be empty'),
  status: z.string().nullish(),
  description: z.string().nullish(),
  location: z.looseObject({ address: z.looseObject({ addressLocality: z.string().nullish(), countryCode: z.string().nullish() }).nullish() }).nullish(),
});

export const dhlExpressPayloadSchema = z.object({
  shipments: z
    .array(
      z.looseObject({
        id: z.string().regex(/^[0-9A-Z]{8,40}$/, 'must be a DHL shipment id such as the 10-digit waybill'),
        service: z.string().optional(),
        events: z.array(eventSchema),
      }),
    )
    .min(1, 'send at least one shipment'),
});
export type DhlExpressPayload = z.infer<typeof dhlExpressPayloadSchema>;
type DhlEvent = z.infer<typeof eventSchema>;

function mappingOf(event: DhlEvent): CodeMapping | undefined {
  const bucket = event.statusCode.trim().toLowerCase();
  const words = normaliseText(`${event.status ?? ''} ${event.description ?? ''}`);
  return REFINEMENTS.find((refinement) => refinement.bucket === bucket && refinement.words.test(words))?.mapping ?? BY_STATUS_CODE[bucket];
}

function toUpdate(id: string, event: DhlEvent): TrackingUpdate {
  const mapping = mappingOf(event);
  const occurredAt = parseOffsetDateTime(event.timestamp)!;
  const description = present(event.description) ?? present(event.status) ?? event.statusCode;
  const where = location({ city: event.location?.address?.addressLocality, country: event.location?.address?.countryCode });
  return {
    carrier: 'dhl-express',
    trackingNumber: id,
    carrierEventId: hashedEventId(id, `${event.statusCode}:${normaliseText(description)}`, occurredAt),
    occurredAt,
    status: mapping?.status ?? 'in-transit',
    subStatus: mapping?.subStatus ?? 'unrecognised-carrier-code',
    recognised: mapping !== undefined,
    ...(where === undefined ? {} : { location: where }),
    carrierCode: event.statusCode,
    carrierDescription: description,
    raw: event,
  };
}

const SAMPLE: Readonly<Record<SampleStep, { statusCode: string; description: string }>> = {
  accepted: { statusCode: 'transit', description: 'Arrived at DHL Delivery Facility' },
  'in-transit': { statusCode: 'transit', description: 'Processed at DHL Delivery Facility' },
  'out-for-delivery': { statusCode: 'transit', description: 'With delivery courier' },
  delivered: { statusCode: 'delivered', description: 'Delivered' },
};

function sample(parcels: readonly SampleParcel[]): unknown {
  return {
    shipments: parcels.map((parcel) => ({
      id: parcel.trackingNumber,
      service: 'express',
      events: [...parcel.events].reverse().map((event) => ({
        timestamp: formatOffsetDateTime(event.at, 'America/Mexico_City'),
        location: { address: { addressLocality: event.city } },
        ...SAMPLE[event.step],
      })),
    })),
  };
}

export const dhlExpress: CarrierAdapter = {
  slug: 'dhl-express',
  displayName: 'DHL Express',
  market: 'multi',
  provenance: {
    payload: 'partly-documented',
    codes: 'sandbox-approximation',
    notes:
      'Unified Push subscription and authentication from developer.dhl.com; event shape from the Unified tracking schema (karrio); checkpoint codes not found, statusCode buckets refined by words.',
  },
  codes: DHL_EXPRESS_CODES,
  webhook: {
    auth: { scheme: 'static-credential', header: 'enlace-webhook-token', prefix: '' },
    provenance: 'Unified Push hook.authentication (ApiKeyAuthentication): DHL sends the header and token Enlace registered; the secret is that token.',
  },
  parse: (payload) =>
    parseWith(dhlExpressPayloadSchema, payload, (data) => data.shipments.flatMap((shipment) => shipment.events.map((event) => toUpdate(shipment.id, event)))),
  sample,
};
