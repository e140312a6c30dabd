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
 * Estafeta (Mexico): last mile after the line-haul's broker has cleared the parcel in Mexico City.
 *
 * SANDBOX APPROXIMATION. The field names follow the history items of Estafeta's tracking service
 * (`waybill` of 22 characters, 10-digit `trackingCode`, `eventDateTime`, `eventDescriptionSPA`,
 * `eventPlaceAcronym`, `eventPlaceName`, `exceptionCode`…); the event codes below are the ones
 * agreed for the integration sandbox, named after the movements Estafeta's public tracking page
 * shows (documentada, llegada/salida de CEDI, en proceso de entrega, visita sin éxito, Ocurre,
 * devolución). Replace with the code list from the Estafeta contract when it arrives.
 *
 * Times: local "hora del centro", America/Mexico_City, which has had no daylight saving time since
 * October 2022 (UTC-6 all year); the IANA data applies the old rule to older dates.
 * Events carry `eventId`.
 */
export const ESTAFETA_CODES: CodeTable = {
  DOC: { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Envío documentado' },
  REC: { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'Recibido en CEDI de origen' },
  LLCEDI: { status: 'in-transit-destination', subStatus: 'arrived-at-facility', description: 'Llegada a CEDI' },
  SALCEDI: { status: 'in-transit-destination', subStatus: 'departed-facility', description: 'Salida de CEDI' },
  ENRUTA: { status: 'out-for-delivery', subStatus: 'out-for-delivery', description: 'En proceso de entrega' },
  ENT: { status: 'delivered', subStatus: 'delivered', description: 'Entregado' },
  OCURRE: { status: 'available-for-pickup', subStatus: 'held-at-office', description: 'En espera en oficina Ocurre para ser recogido' },
  VSE: { status: 'delivery-attempt-failed', subStatus: 'attempt-failed', description: 'Visita sin éxito' },
  DEVREM: { status: 'returning-to-sender', subStatus: 'returning-to-sender', description: 'En devolución al remitente' },
  DEV: { status: 'returned', subStatus: 'returned-to-sender', description: 'Devuelto al remitente' },
  SINIES: { status: 'lost', subStatus: 'lost-in-network', description: 'Siniestro: envío extraviado' },
  DANADO: { status: 'damaged', subStatus: 'damaged', description: 'Envío dañado' },
  INCID: { status: 'exception', subStatus: 'operational-incident', description: 'Incidencia operativa' },
};

/** `exceptionCode` on a failed visit refines the sub-status. */
export const ESTAFETA_VISIT_EXCEPTIONS: Readonly<Record<string, string>> = {
  DC: 'recipient-absent', // Domicilio cerrado
  DI: 'address-incorrect', // Dirección incorrecta
  RE: 'refused', // Rechazado por el destinatario
  ZNA: 'area-not-served', // Zona sin acceso
};

const TIME_ZONE = assertTimeZone('America/Mexico_City');

const eventSchema = z.looseObject({
  eventId: nonEmpty.max(64),
  eventCode: nonEmpty.max(16),
  eventDateTime: localDateTimeString(parseIsoLocal, '2025-11-14 10:22:41'),
  eventDescriptionSPA: nonEmpty,
  eventPlaceAcronym: z.string().optional(),
  eventPlaceName: z.string().optional(),
  exceptionCode: z.string().nullish(),
  exceptionCodeDescriptionSPA: z.string().nullish(),
});

export const estafetaPayloadSchema = z.object({
  waybill: z.string().regex(/^[0-9A-Z]{22}$/, 'must be the 22-character Estafeta waybill'),
  trackingCode: z
    .string()
    .regex(/^\d{10}$/, 'must be the 10-digit Estafeta tracking code')
    .optional(),
  history: z.array(eventSchema).min(1, 'send at least one event'),
});
export type EstafetaPayload = z.infer<typeof estafetaPayloadSchema>;

function toUpdates(payload: EstafetaPayload): TrackingUpdate[] {
  return payload.history.map((event) => {
    const mapping = mapCode(ESTAFETA_CODES, event.eventCode);
    const exception = present(event.exceptionCode);
    const subStatus = event.eventCode === 'VSE' && exception !== undefined ? (ESTAFETA_VISIT_EXCEPTIONS[exception] ?? mapping.subStatus) : mapping.subStatus;
    const exceptionText = present(event.exceptionCodeDescriptionSPA);
    const where = location({ facility: present(event.eventPlaceName) ?? event.eventPlaceAcronym, country: 'MX' });
    return {
      carrier: 'estafeta',
      trackingNumber: payload.waybill,
      carrierEventId: event.eventId,
      occurredAt: zonedTimeToUtc(mustParse(parseIsoLocal(event.eventDateTime), 'eventDateTime'), TIME_ZONE),
      status: mapping.status,
      subStatus,
      recognised: mapping.recognised,
      ...(where === undefined ? {} : { location: where }),
      carrierCode: exception === undefined ? event.eventCode : `${event.eventCode}/${exception}`,
      carrierDescription: exceptionText === undefined ? event.eventDescriptionSPA : `${event.eventDescriptionSPA}: ${exceptionText}`,
      raw: event,
    };
  });
}

const SAMPLE: Readonly<Record<SampleStep, string>> = { accepted: 'REC', 'in-transit': 'LLCEDI', 'out-for-delivery': 'ENRUTA', delivered: 'ENT' };

/** Estafeta's 22-character waybill is required; the sandbox pads the booked number to it. */
function sample(parcels: readonly SampleParcel[]): unknown {
  const [parcel] = parcels;
  if (parcel === undefined) throw new Error('an Estafeta webhook carries one waybill');
  return {
    waybill: parcel.trackingNumber,
    history: parcel.events.map((event) => ({
      eventId: sampleEventId(parcel.trackingNumber, event),
      eventCode: SAMPLE[event.step],
      eventDateTime: formatIsoLocal(utcToZoned(event.at, TIME_ZONE)),
      eventDescriptionSPA: ESTAFETA_CODES[SAMPLE[event.step]]?.description ?? SAMPLE[event.step],
      eventPlaceName: event.city,
    })),
  };
}

export const estafeta: CarrierAdapter = {
  slug: 'estafeta',
  displayName: 'Estafeta',
  market: 'MX',
  timeZone: TIME_ZONE,
  provenance: {
    payload: 'sandbox-approximation',
    codes: 'sandbox-approximation',
    notes: 'Field names after Estafeta tracking history items; event codes agreed for the sandbox.',
  },
  codes: ESTAFETA_CODES,
  parse: (payload) => parseWith(estafetaPayloadSchema, payload, toUpdates),
  sample,
  webhook: { auth: ENLACE_HMAC, provenance: 'Enlace signature agreed for the sandbox; Estafeta does not document a push authentication of its own.' },
};
