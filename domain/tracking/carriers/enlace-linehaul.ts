import * as z from 'zod';
import type { TrackingUpdate } from '../update';
import { ENLACE_HMAC } from '../webhook-auth';
import { location, mapCode, mustParse, nonEmpty, parseOffsetDateTime, parseWith, present, type CarrierAdapter, type CodeTable } from './common';

/**
 * The cross-border line-haul: Enlace's air line from the Chinese hubs to each destination, run by
 * consolidators that report milestones per master air waybill (MAWB), for every parcel in it.
 *
 * Payload: Enlace's own contract (version 1), the one line-haul partners are asked to implement, so
 * it is "documented" here by definition. One POST carries a batch of milestones; each milestone
 * lists the parcels it concerns (a whole bag or MAWB, or a single parcel for customs outcomes).
 * Times must carry their UTC offset: a milestone at Guangzhou is +08:00, one at Guarulhos -03:00.
 *
 * Two hand-over codes, because the destination decides where import customs happens:
 * - HANDED_TO_POSTAL_OPERATOR: postal channel (Correios, Correos de México, Serpost…): the
 *   destination post receives the parcel BEFORE customs and reports the clearance itself.
 * - HANDED_TO_LAST_MILE: courier channel: the line-haul's broker cleared the parcel and a courier
 *   (Estafeta, Chilexpress, USPS…) takes it AFTER release.
 */
export const LINEHAUL_CODES: CodeTable = {
  LABEL_CREATED: { status: 'label-created', subStatus: 'label-created', description: 'Parcel manifested, label issued' },
  PICKED_UP_FROM_SELLER: { status: 'picked-up', subStatus: 'picked-up-from-seller', description: 'Collected from the seller' },
  RECEIVED_AT_ORIGIN_HUB: { status: 'in-transit', subStatus: 'received-at-origin-hub', description: 'Received and weighed at the origin hub' },
  DEPARTED_ORIGIN_HUB: { status: 'in-transit', subStatus: 'departed-origin-hub', description: 'Left the origin hub for the export warehouse' },
  EXPORT_CUSTOMS_SUBMITTED: { status: 'export-customs', subStatus: 'declaration-submitted', description: 'Export declaration submitted to China Customs' },
  EXPORT_CUSTOMS_CLEARED: { status: 'export-customs', subStatus: 'cleared', description: 'Export customs cleared' },
  EXPORT_CUSTOMS_HELD: { status: 'exception', subStatus: 'export-customs-held', description: 'Held by China Customs at export' },
  HANDED_TO_AIRLINE: { status: 'in-transit-international', subStatus: 'handed-to-airline', description: 'Tendered to the airline' },
  DEPARTED_ORIGIN_AIRPORT: { status: 'in-transit-international', subStatus: 'departed-origin-airport', description: 'Flight departed the origin airport' },
  ARRIVED_TRANSIT_AIRPORT: { status: 'in-transit-international', subStatus: 'at-transit-airport', description: 'Arrived at the transit airport' },
  ARRIVED_DESTINATION_AIRPORT: {
    status: 'arrived-destination-country',
    subStatus: 'arrived-destination-airport',
    description: 'Arrived at the destination airport',
  },
  HANDED_TO_POSTAL_OPERATOR: {
    status: 'arrived-destination-country',
    subStatus: 'handed-to-destination-post',
    description: 'Handed to the destination postal operator for clearance and delivery',
  },
  HANDED_TO_CUSTOMS: { status: 'import-customs', subStatus: 'submitted', description: 'Presented to import customs' },
  IMPORT_CUSTOMS_HELD: { status: 'customs-held', subStatus: 'held', description: 'Held by import customs' },
  DUTIES_DUE: { status: 'duties-due', subStatus: 'duties-due', description: 'Import duties and taxes to be paid' },
  DUTIES_PAID: { status: 'import-customs', subStatus: 'duties-paid', description: 'Import duties and taxes paid' },
  IMPORT_CUSTOMS_RELEASED: { status: 'import-customs', subStatus: 'released', description: 'Released by import customs' },
  IMPORT_CUSTOMS_REJECTED: { status: 'returning-to-sender', subStatus: 'rejected-by-customs', description: 'Refused entry; to be re-exported' },
  HANDED_TO_LAST_MILE: { status: 'in-transit-destination', subStatus: 'handed-to-last-mile', description: 'Handed to the last-mile carrier after release' },
  LOST_IN_LINE_HAUL: { status: 'lost', subStatus: 'lost-in-line-haul', description: 'Declared lost in the line-haul' },
  DAMAGED_IN_LINE_HAUL: { status: 'damaged', subStatus: 'damaged-in-line-haul', description: 'Damaged in the line-haul' },
};

/** Why customs holds a parcel; refines the `customs-held` sub-status (`held-inspection`…). */
export const CUSTOMS_HOLD_REASONS = ['inspection', 'documents-required', 'valuation', 'prohibited-goods', 'license-required'] as const;

/** IATA master air waybill: 3-digit airline prefix, 7-digit serial and a check digit = serial mod 7. */
export function isValidMasterAirWaybill(value: string): boolean {
  const match = /^(\d{3})-?(\d{7})(\d)$/.exec(value);
  return match !== null && Number(match[2]) % 7 === Number(match[3]);
}

const milestoneSchema = z.looseObject({
  milestoneId: nonEmpty.max(64),
  code: nonEmpty.max(64),
  occurredAt: z.string().refine((text) => parseOffsetDateTime(text) !== undefined, {
    message: 'must be an ISO 8601 date-time with its UTC offset, such as "2025-11-06T01:35:00+08:00"',
  }),
  masterAirWaybill: z.string().refine(isValidMasterAirWaybill, 'must be an air waybill such as "784-12345675" (check digit = serial mod 7)').optional(),
  flightNumber: z
    .string()
    .regex(/^[A-Z0-9]{2}\d{1,4}[A-Z]?$/, 'must be a flight number such as "QR8871"')
    .optional(),
  holdReason: z.enum(CUSTOMS_HOLD_REASONS).optional(),
  location: z
    .object({
      airport: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be an IATA airport code such as "GRU"')
        .optional(),
      facility: z.string().optional(),
      city: z.string().optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
        .optional(),
    })
    .optional(),
  remark: z.string().max(500).optional(),
  parcels: z
    .array(
      z.object({
        trackingNumber: z.string().regex(/^[A-Z0-9-]{6,40}$/, 'must be 6 to 40 capital letters, digits or "-"'),
        lastMileTrackingNumber: z.string().optional(),
      }),
    )
    .min(1, 'a milestone concerns at least one parcel'),
});

export const linehaulPayloadSchema = z.object({
  schemaVersion: z.literal(1, { error: 'only version 1 of the line-haul contract is supported' }),
  milestones: z.array(milestoneSchema).min(1, 'send at least one milestone'),
});
export type LinehaulPayload = z.infer<typeof linehaulPayloadSchema>;

function toUpdates(payload: LinehaulPayload): TrackingUpdate[] {
  return payload.milestones.flatMap((milestone) => {
    const mapping = mapCode(LINEHAUL_CODES, milestone.code);
    const subStatus = milestone.code === 'IMPORT_CUSTOMS_HELD' && milestone.holdReason !== undefined ? `held-${milestone.holdReason}` : mapping.subStatus;
    const occurredAt = mustParse(parseOffsetDateTime(milestone.occurredAt), 'occurredAt');
    const where = location({
      airport: milestone.location?.airport,
      facility: milestone.location?.facility,
      city: milestone.location?.city,
      country: milestone.location?.country,
    });
    return milestone.parcels.map((parcel): TrackingUpdate => ({
      carrier: 'enlace-linehaul',
      trackingNumber: parcel.trackingNumber,
      // A milestone is one event per parcel it lists.
      carrierEventId: `${milestone.milestoneId}:${parcel.trackingNumber}`,
      occurredAt,
      status: mapping.status,
      subStatus,
      recognised: mapping.recognised,
      ...(where === undefined ? {} : { location: where }),
      carrierCode: milestone.code,
      carrierDescription: present(milestone.remark) ?? mapping.description ?? milestone.code,
      raw: milestone,
      ...(present(parcel.lastMileTrackingNumber) === undefined ? {} : { lastMileTrackingNumber: present(parcel.lastMileTrackingNumber) }),
    }));
  });
}

export const enlaceLinehaul: CarrierAdapter = {
  slug: 'enlace-linehaul',
  displayName: 'Enlace line-haul (China → destination airports)',
  market: 'cross-border',
  provenance: {
    payload: 'documented',
    codes: 'documented',
    notes: "Enlace's own line-haul milestone contract, version 1 (this file is its specification).",
  },
  codes: LINEHAUL_CODES,
  webhook: { auth: ENLACE_HMAC, provenance: "Enlace's own contract: line-haul partners sign with the Enlace signature." },
  parse: (payload) => parseWith(linehaulPayloadSchema, payload, toUpdates),
  sample: () => {
    throw new Error('the line-haul is not a last-mile feed: send its milestones (tests/fixtures/tracking/enlace-linehaul)');
  },
};
