import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { formatOffsetDateTime, hashedEventId, location, mapCode, parseOffsetDateTime, parseWith, present, type CarrierAdapter, type CodeTable } from './common';

/**
 * FedEx (United States): express last mile.
 *
 * Polled: Track API `POST /track/v1/trackingnumbers` with `{ includeDetailedScans: true,
 * trackingInfo: [{ trackingNumberInfo: { trackingNumber } }] }`, up to 30 numbers a request
 * ([official] https://developer.fedex.com/api/en-qa/catalog/track/docs.html "Track the status of up to
 * 30 … tracking numbers"), 1,400 transactions per 10 s per project and a daily organisation quota
 * ([official] https://developer.fedex.com/api/en-us/guides/ratelimits.html). Answer:
 * `output.completeTrackResults[]{ trackingNumber, trackResults[]{ trackingNumberInfo,
 * latestStatusDetail, scanEvents[]{ date (with offset), eventType, eventDescription, derivedStatusCode,
 * exceptionCode, exceptionDescription, scanLocation{ city, stateOrProvinceCode, postalCode,
 * countryCode } }, error? } }` (FedEx's sample as reproduced in karrio
 * `modules/connectors/fedex/schemas/tracking_response.json`, [integrator]).
 *
 * Pushed (only with a US account and Advanced Integrated Visibility): AIV webhooks signed with
 * `fdx-signature` = base64 HMAC-SHA256 of the payload under the security token Enlace sets
 * ([official] developer.fedex.com, AIV validation process). The AIV payload shape was NOT FOUND:
 * SANDBOX APPROXIMATION, one `trackResults` item. FedEx warns pushes arrive out of order; the
 * timeline orders by scan time anyway.
 *
 * No event id: hashed from (number, eventType, time), so the same scan from the poll and the push
 * is one event on the timeline.
 *
 * Codes: as listed in karrio `modules/connectors/fedex/karrio/providers/fedex/units.py`, which cites
 * https://developer.fedex.com/api/en-us/guides/api-reference.html#trackingstatuscodes (not read
 * here; karrio marks some meanings as guesses). The mapping to Enlace's statuses is ours.
 */
export const FEDEX_CODES: CodeTable = {
  OC: { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Order created' },
  PU: { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'Picked up' },
  OF: { status: 'in-transit-destination', subStatus: 'at-origin-facility', description: 'At origin facility' },
  AR: { status: 'in-transit-destination', subStatus: 'arrived-at-facility', description: 'Arrived at location' },
  DP: { status: 'in-transit-destination', subStatus: 'departed-facility', description: 'Departed' },
  IT: { status: 'in-transit-destination', subStatus: 'in-transit', description: 'In transit' },
  AF: { status: 'in-transit-destination', subStatus: 'at-local-facility', description: 'At local facility' },
  FD: { status: 'in-transit-destination', subStatus: 'at-destination-facility', description: 'At destination' },
  AA: { status: 'in-transit-destination', subStatus: 'at-airport', description: 'At airport' },
  PL: { status: 'in-transit-destination', subStatus: 'plane-landed', description: 'Plane landed' },
  PF: { status: 'in-transit-destination', subStatus: 'in-flight', description: 'Plane in flight' },
  CD: { status: 'customs-held', subStatus: 'clearance-delay', description: 'Clearance delay' },
  OD: { status: 'out-for-delivery', subStatus: 'out-for-delivery', description: 'On FedEx vehicle for delivery' },
  ED: { status: 'out-for-delivery', subStatus: 'enroute-to-delivery', description: 'Enroute to delivery' },
  DL: { status: 'delivered', subStatus: 'delivered', description: 'Delivered' },
  DE: { status: 'delivery-attempt-failed', subStatus: 'attempt-failed', description: 'Delivery exception' },
  SE: { status: 'exception', subStatus: 'shipment-exception', description: 'Shipment exception' },
  HL: { status: 'available-for-pickup', subStatus: 'held-at-location', description: 'Hold at location' },
  HP: { status: 'available-for-pickup', subStatus: 'ready-for-pickup', description: 'Ready for recipient pickup' },
  CA: { status: 'exception', subStatus: 'shipment-cancelled', description: 'Shipment cancelled' },
};

const scanEventSchema = z.looseObject({
  date: z.string().refine((text) => parseOffsetDateTime(text) !== undefined, 'must be a date-time with its offset, such as "2025-11-19T08:05:00-05:00"'),
  eventType: z.string().trim().min(1, 'must not be empty'),
  eventDescription: z.string().nullish(),
  derivedStatusCode: z.string().nullish(),
  exceptionCode: z.string().nullish(),
  exceptionDescription: z.string().nullish(),
  scanLocation: z
    .looseObject({ city: z.string().nullish(), stateOrProvinceCode: z.string().nullish(), postalCode: z.string().nullish(), countryCode: z.string().nullish() })
    .nullish(),
});

const FEDEX_NUMBER = /^\d{12,22}$/;

const trackResultSchema = z.looseObject({
  trackingNumberInfo: z.looseObject({ trackingNumber: z.string().regex(FEDEX_NUMBER, 'must be a FedEx tracking number (12 to 22 digits)') }),
  scanEvents: z.array(scanEventSchema).optional(),
  // A number FedEx does not know yet (booked, not scanned): no events, not a problem.
  error: z.looseObject({ code: z.string().optional(), message: z.string().optional() }).nullish(),
});

const answerSchema = z.object({
  transactionId: z.string().optional(),
  output: z.object({ completeTrackResults: z.array(z.looseObject({ trackingNumber: z.string().optional(), trackResults: z.array(trackResultSchema) })) }),
});

/** The Track API's answer to a poll, or (SANDBOX APPROXIMATION) one AIV push: a bare track result. */
export const fedexPayloadSchema = z.union([answerSchema, trackResultSchema]);
export type FedexPayload = z.infer<typeof fedexPayloadSchema>;
type TrackAnswer = z.infer<typeof answerSchema>;
type TrackResult = z.infer<typeof trackResultSchema>;
const isAnswer = (payload: FedexPayload): payload is TrackAnswer => 'output' in payload && 'completeTrackResults' in Object(payload.output);
type ScanEvent = z.infer<typeof scanEventSchema>;

function toUpdate(trackingNumber: string, scan: ScanEvent): TrackingUpdate {
  const code = scan.eventType.trim().toUpperCase();
  const mapping = mapCode(FEDEX_CODES, code);
  const exception = present(scan.exceptionCode);
  const occurredAt = parseOffsetDateTime(scan.date)!;
  const where = location({
    city: scan.scanLocation?.city,
    region: scan.scanLocation?.stateOrProvinceCode,
    postalCode: scan.scanLocation?.postalCode,
    country: present(scan.scanLocation?.countryCode) ?? 'US',
  });
  const text = present(scan.eventDescription) ?? mapping.description ?? code;
  const detail = present(scan.exceptionDescription);
  return {
    carrier: 'fedex',
    trackingNumber,
    carrierEventId: hashedEventId(trackingNumber, code, occurredAt),
    occurredAt,
    status: mapping.status,
    subStatus: mapping.subStatus,
    recognised: mapping.recognised,
    ...(where === undefined ? {} : { location: where }),
    carrierCode: exception === undefined ? code : `${code}/${exception}`,
    carrierDescription: detail === undefined ? text : `${text}: ${detail}`,
    raw: scan,
  };
}

const resultUpdates = (result: TrackResult): TrackingUpdate[] =>
  (result.scanEvents ?? []).map((scan) => toUpdate(result.trackingNumberInfo.trackingNumber, scan));

function toUpdates(payload: FedexPayload): TrackingUpdate[] {
  return isAnswer(payload) ? payload.output.completeTrackResults.flatMap((complete) => complete.trackResults.flatMap(resultUpdates)) : resultUpdates(payload);
}

const SAMPLE: Readonly<Record<SampleStep, { eventType: string; eventDescription: string }>> = {
  accepted: { eventType: 'AR', eventDescription: 'Arrived at FedEx location' },
  'in-transit': { eventType: 'DP', eventDescription: 'Departed FedEx location' },
  'out-for-delivery': { eventType: 'OD', eventDescription: 'On FedEx vehicle for delivery' },
  delivered: { eventType: 'DL', eventDescription: 'Delivered' },
};

/** A Track API answer (most recent scan first, as FedEx lists them). A number with no events answers "not found". */
function sample(parcels: readonly SampleParcel[]): unknown {
  return {
    transactionId: 'sandbox',
    output: {
      completeTrackResults: parcels.map((parcel) => ({
        trackingNumber: parcel.trackingNumber,
        trackResults: [
          parcel.events.length === 0
            ? {
                trackingNumberInfo: { trackingNumber: parcel.trackingNumber },
                error: { code: 'TRACKING.TRACKINGNUMBER.NOTFOUND', message: 'Tracking number cannot be found.' },
              }
            : {
                trackingNumberInfo: { trackingNumber: parcel.trackingNumber, carrierCode: 'FDXE' },
                scanEvents: [...parcel.events].reverse().map((event) => ({
                  date: formatOffsetDateTime(event.at, 'America/New_York'),
                  ...SAMPLE[event.step],
                  derivedStatusCode: SAMPLE[event.step].eventType,
                  scanLocation: { city: event.city.toUpperCase(), stateOrProvinceCode: 'NY', countryCode: 'US' },
                })),
              },
        ],
      })),
    },
  };
}

export const fedex: CarrierAdapter = {
  slug: 'fedex',
  displayName: 'FedEx',
  market: 'US',
  provenance: {
    payload: 'partly-documented',
    codes: 'partly-documented',
    notes:
      'Track API request limits official; answer shape from FedEx samples via karrio; AIV push shape approximated as one track result; codes as karrio lists them.',
  },
  codes: FEDEX_CODES,
  webhook: {
    auth: { scheme: 'body-hmac-base64', header: 'fdx-signature' },
    provenance: 'FedEx AIV validation process (developer.fedex.com): base64 HMAC-SHA256 of the payload under the security token Enlace sets.',
  },
  parse: (payload) => parseWith(fedexPayloadSchema, payload, toUpdates),
  sample,
};
