import * as z from 'zod';
import type { LastMileCarrier } from '../../shared/carriers';
import { AFTERSHIP_SLUGS } from '../aggregators';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import {
  formatOffsetDateTime,
  hashedEventId,
  location,
  mapCode,
  parseOffsetDateTime,
  parseWith,
  present,
  type CarrierAdapter,
  type CodeTable,
  type PayloadProblem,
} from './common';

/**
 * AfterShip (aggregator): follows Total Express for Enlace (17TRACK does not list it).
 *
 * Push [official] https://www.aftership.com/docs/tracking/2025-01/webhook/webhook-specifications :
 * `{ event: "tracking_update", event_id, is_tracking_first_tag, ts, msg: <Tracking> }` where the
 * tracking has `tracking_number`, `slug`, `tag`, `subtag`, `subtag_message` and `checkpoints[]{
 * checkpoint_time, message, slug, tag, subtag, location, city, state, country_region }`. Signed with
 * `aftership-hmac-sha256` = base64 HMAC-SHA256 of the raw body under the webhook secret
 * ([official] https://www.aftership.com/docs/tracking/webhook/webhook-signature). `event_id` names
 * the delivery, not a checkpoint, so checkpoints are hashed.
 *
 * Tags: Pending, InfoReceived, InTransit, OutForDelivery, AttemptFail, Delivered, AvailableForPickup,
 * Exception, Expired (statuses.ts keeps their correspondence). Pending and Expired keep the parcel's
 * status. Total Express needs `tracking_account_number` when the tracking is created (AfterShip's
 * courier list, `AfterShip/aftership-apps-woocommerce` assets/js/couriers.json, 2024-08-12).
 */

const CARRIER_BY_SLUG: ReadonlyMap<string, LastMileCarrier> = new Map(
  Object.entries(AFTERSHIP_SLUGS).map(([carrier, slug]) => [slug, carrier as LastMileCarrier]),
);

export const AFTERSHIP_CODES: CodeTable = {
  InfoReceived: { status: 'label-created', subStatus: 'last-mile-label-created' },
  InTransit: { status: 'in-transit-destination', subStatus: 'in-transit' },
  OutForDelivery: { status: 'out-for-delivery', subStatus: 'out-for-delivery' },
  AttemptFail: { status: 'delivery-attempt-failed', subStatus: 'attempt-failed' },
  Delivered: { status: 'delivered', subStatus: 'delivered' },
  AvailableForPickup: { status: 'available-for-pickup', subStatus: 'held-at-pickup-point' },
  Exception: { status: 'exception', subStatus: 'carrier-exception' },
  // Subtags that say more than their tag (AfterShip's subtag list; the correspondence is ours).
  InTransit_002: { status: 'in-transit-destination', subStatus: 'accepted-by-carrier' },
  Exception_004: { status: 'customs-held', subStatus: 'held' },
  Exception_005: { status: 'returning-to-sender', subStatus: 'returning-to-sender' },
  Exception_006: { status: 'returned', subStatus: 'returned-to-sender' },
};

const checkpointSchema = z.looseObject({
  checkpoint_time: z
    .string()
    .refine((text) => parseOffsetDateTime(text) !== undefined, 'must be a date-time with its offset, such as "2025-11-20T09:14:00-03:00"'),
  message: z.string().nullish(),
  slug: z.string().nullish(),
  tag: z.string().trim().min(1, 'must not be empty'),
  subtag: z.string().nullish(),
  location: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
});

export const aftershipPayloadSchema = z.object({
  event: z.string().trim().min(1, 'must name the webhook event, such as "tracking_update"'),
  event_id: z.string().optional(),
  ts: z.number().optional(),
  msg: z.looseObject({
    tracking_number: z.string().regex(/^[A-Za-z0-9-]{5,50}$/, 'must be a tracking number of 5 to 50 letters and digits'),
    slug: z.string().trim().min(1, 'must name the courier'),
    tag: z.string().nullish(),
    checkpoints: z.array(checkpointSchema).optional(),
  }),
});
export type AftershipPayload = z.infer<typeof aftershipPayloadSchema>;
type Checkpoint = z.infer<typeof checkpointSchema>;

function toUpdate(carrier: LastMileCarrier, trackingNumber: string, checkpoint: Checkpoint): TrackingUpdate {
  const subtag = present(checkpoint.subtag);
  const byTag = mapCode(AFTERSHIP_CODES, checkpoint.tag);
  const mapping = subtag !== undefined && AFTERSHIP_CODES[subtag] !== undefined ? mapCode(AFTERSHIP_CODES, subtag) : byTag;
  const occurredAt = parseOffsetDateTime(checkpoint.checkpoint_time)!;
  const code = subtag ?? checkpoint.tag;
  const description = present(checkpoint.message) ?? code;
  const where = location({ city: present(checkpoint.city) ?? checkpoint.location, region: checkpoint.state, country: 'BR' });
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
    raw: checkpoint,
  };
}

function parse(payload: unknown) {
  const problems: PayloadProblem[] = [];
  const result = parseWith(aftershipPayloadSchema, payload, (data) => {
    const carrier = CARRIER_BY_SLUG.get(data.msg.slug);
    if (carrier === undefined) {
      problems.push({
        path: '$.msg.slug',
        message: `AfterShip courier "${data.msg.slug}" is not one Enlace follows through AfterShip; known: ${[...CARRIER_BY_SLUG.keys()].join(', ')}`,
      });
      return [];
    }
    return (data.msg.checkpoints ?? []).map((checkpoint) => toUpdate(carrier, data.msg.tracking_number, checkpoint));
  });
  return problems.length > 0 ? { ok: false as const, problems } : result;
}

const SAMPLE: Readonly<Record<SampleStep, { tag: string; subtag: string; message: string }>> = {
  accepted: { tag: 'InTransit', subtag: 'InTransit_002', message: 'Coletado pela transportadora' },
  'in-transit': { tag: 'InTransit', subtag: 'InTransit_001', message: 'Em trânsito' },
  'out-for-delivery': { tag: 'OutForDelivery', subtag: 'OutForDelivery_001', message: 'Saiu para entrega' },
  delivered: { tag: 'Delivered', subtag: 'Delivered_001', message: 'Entregue' },
};

function sample(parcels: readonly SampleParcel[]): unknown {
  const [parcel] = parcels;
  if (parcel === undefined) throw new Error('an AfterShip webhook carries one tracking');
  const slug = AFTERSHIP_SLUGS[parcel.carrier as LastMileCarrier];
  if (slug === undefined) throw new Error(`Enlace does not follow ${parcel.carrier} through AfterShip`);
  const checkpoints = parcel.events.map((event) => ({
    checkpoint_time: formatOffsetDateTime(event.at, 'America/Sao_Paulo'),
    message: SAMPLE[event.step].message,
    slug,
    tag: SAMPLE[event.step].tag,
    subtag: SAMPLE[event.step].subtag,
    city: event.city,
  }));
  const last = checkpoints.at(-1);
  return {
    event: 'tracking_update',
    event_id: `sandbox-${parcel.trackingNumber}-${parcel.events.length}`,
    is_tracking_first_tag: true,
    ts: Math.floor(Date.parse(parcel.events.at(-1)?.at ?? '2026-01-01T00:00:00Z') / 1000),
    msg: { tracking_number: parcel.trackingNumber, slug, tag: last?.tag ?? 'Pending', subtag: last?.subtag, checkpoints },
  };
}

export const aftership: CarrierAdapter = {
  slug: 'aftership',
  displayName: 'AfterShip (aggregator)',
  market: 'multi',
  provenance: {
    payload: 'documented',
    codes: 'documented',
    notes: 'Webhook specification and signature from aftership.com docs (2025-01); the correspondence of tags to Enlace statuses is ours.',
  },
  codes: AFTERSHIP_CODES,
  webhook: {
    auth: { scheme: 'body-hmac-base64', header: 'aftership-hmac-sha256' },
    provenance: 'https://www.aftership.com/docs/tracking/webhook/webhook-signature',
  },
  parse,
  sample,
};
