import * as z from 'zod';
import { sampleEventId, type SampleParcel, type SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { ENLACE_HMAC } from '../webhook-auth';
import {
  assertTimeZone,
  formatIsoLocal,
  localDateTimeString,
  location,
  mapCode,
  mustParse,
  nonEmpty,
  parseIsoLocal,
  parseWith,
  present,
  utcToZoned,
  zonedTimeToUtc,
  type CarrierAdapter,
  type CodeTable,
} from './common';

/**
 * Olva Courier (Peru): last mile after release by SUNAT.
 *
 * SANDBOX APPROXIMATION. Field names follow the snake_case Spanish of Olva's tracking answers
 * (`fecha_creacion`, `estado_tracking`, `nombre_sede`, `obs`) with, for the webhook, a numeric
 * `id_rastreo` per event and a short `codigo_estado`; the codes below were agreed for the sandbox.
 * "Motivado" is Peruvian courier usage for a delivery visit that failed for a stated reason (the
 * reason is in `obs`). shared/reference/domain-facts.md has nothing on Olva.
 *
 * Times: Lima wall-clock time (America/Lima, UTC-5, no DST). Events carry `id_rastreo`.
 */
export const OLVA_CODES: CodeTable = {
  REG: { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Registrado' },
  REC: { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'Recibido en almacén' },
  TRA: { status: 'in-transit-destination', subStatus: 'in-transit', description: 'En tránsito' },
  ALM: { status: 'in-transit-destination', subStatus: 'arrived-at-destination-facility', description: 'En almacén de destino' },
  RUT: { status: 'out-for-delivery', subStatus: 'out-for-delivery', description: 'En ruta de entrega' },
  ENT: { status: 'delivered', subStatus: 'delivered', description: 'Entregado' },
  MOT: { status: 'delivery-attempt-failed', subStatus: 'attempt-failed', description: 'Motivado' },
  AGE: { status: 'available-for-pickup', subStatus: 'held-at-agency', description: 'Disponible en agencia' },
  DEV: { status: 'returning-to-sender', subStatus: 'returning-to-sender', description: 'En devolución' },
  DVR: { status: 'returned', subStatus: 'returned-to-sender', description: 'Devuelto al remitente' },
  EXT: { status: 'lost', subStatus: 'lost-in-network', description: 'Extraviado' },
  DAN: { status: 'damaged', subStatus: 'damaged', description: 'Dañado' },
  ANU: { status: 'exception', subStatus: 'shipment-cancelled', description: 'Anulado' },
};

const TIME_ZONE = assertTimeZone('America/Lima');

const eventSchema = z.looseObject({
  id_rastreo: z.union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)], { error: 'must be the numeric event id' }).transform(String),
  fecha_creacion: localDateTimeString(parseIsoLocal, '2025-12-01 09:15:43'),
  codigo_estado: nonEmpty.max(8),
  estado_tracking: nonEmpty,
  nombre_sede: z.string().nullish(),
  obs: z.string().nullish(),
});

export const olvaPayloadSchema = z.object({
  // Both forms are sandbox approximations: "25-1187345" (emission-number) after Olva's public tracking,
  // and "OLV" + 9 digits, what routing's sandbox booking issues (domain/routing/data/carriers-pe.ts).
  tracking: z.string().regex(/^(\d{2}-\d{5,10}|OLV\d{9})$/, 'must be an Olva tracking number such as "25-1187345" (emission-number) or "OLV745688298"'),
  detalle: z.array(eventSchema).min(1, 'send at least one event'),
});
export type OlvaPayload = z.infer<typeof olvaPayloadSchema>;

function toUpdates(payload: OlvaPayload): TrackingUpdate[] {
  return payload.detalle.map((event) => {
    const mapping = mapCode(OLVA_CODES, event.codigo_estado.trim().toUpperCase());
    const note = present(event.obs);
    const where = location({ facility: event.nombre_sede, country: 'PE' });
    return {
      carrier: 'olva',
      trackingNumber: payload.tracking,
      carrierEventId: event.id_rastreo,
      occurredAt: zonedTimeToUtc(mustParse(parseIsoLocal(event.fecha_creacion), 'fecha_creacion'), TIME_ZONE),
      status: mapping.status,
      subStatus: mapping.subStatus,
      recognised: mapping.recognised,
      ...(where === undefined ? {} : { location: where }),
      carrierCode: event.codigo_estado,
      carrierDescription: note === undefined ? event.estado_tracking : `${event.estado_tracking}: ${note}`,
      raw: event,
    };
  });
}

const SAMPLE: Readonly<Record<SampleStep, string>> = { accepted: 'REC', 'in-transit': 'TRA', 'out-for-delivery': 'RUT', delivered: 'ENT' };

function sample(parcels: readonly SampleParcel[]): unknown {
  const [parcel] = parcels;
  if (parcel === undefined) throw new Error('an Olva webhook carries one tracking number');
  return {
    tracking: parcel.trackingNumber,
    detalle: parcel.events.map((event) => ({
      id_rastreo: String(parseInt(sampleEventId(parcel.trackingNumber, event).slice(0, 10), 16)),
      fecha_creacion: formatIsoLocal(utcToZoned(event.at, TIME_ZONE)),
      codigo_estado: SAMPLE[event.step],
      estado_tracking: OLVA_CODES[SAMPLE[event.step]]?.description ?? SAMPLE[event.step],
      nombre_sede: event.city,
    })),
  };
}

export const olva: CarrierAdapter = {
  slug: 'olva',
  displayName: 'Olva Courier',
  market: 'PE',
  timeZone: TIME_ZONE,
  provenance: {
    payload: 'sandbox-approximation',
    codes: 'sandbox-approximation',
    notes: "Field names after Olva's tracking answers; event ids and state codes agreed for the sandbox.",
  },
  codes: OLVA_CODES,
  parse: (payload) => parseWith(olvaPayloadSchema, payload, toUpdates),
  sample,
  webhook: { auth: ENLACE_HMAC, provenance: 'Enlace signature agreed for the sandbox; Olva does not document a push authentication of its own.' },
};
