import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { ENLACE_HMAC } from '../webhook-auth';
import {
  assertTimeZone,
  formatIsoLocal,
  hashedEventId,
  mapCode,
  mustParse,
  nonEmpty,
  normaliseText,
  parseIsoLocal,
  parseWith,
  utcToZoned,
  zonedTimeToUtc,
  type CarrierAdapter,
  type CodeTable,
  type LocalDateTime,
} from './common';

/**
 * Chilexpress (Chile): last mile after release by Chilean customs.
 *
 * SANDBOX APPROXIMATION, after the answer of Chilexpress's tracking API as integrators describe it:
 * a `{ data, statusCode, statusDescription }` envelope, `data.transportOrderData` for the order
 * (transport order number) and `data.trackingEvents[]` with only `eventDate`, `eventHour` and a
 * text `description`: no event code, no id, no place. So the mapping is on the text, compared
 * without accents, case or extra spaces; the carrier code kept on the update is that normalised
 * text. The texts below are the ones Chilexpress's public tracking shows, as best known; new texts
 * arrive flagged as unrecognised (update.ts). shared/reference/domain-facts.md lists nothing for
 * Chilexpress ("[U] Chilexpress: nothing found").
 *
 * Times: Santiago wall-clock time (America/Santiago): UTC-3 in the southern summer and UTC-4 in
 * winter; the switch dates move by decree, so they come from the IANA data, never a fixed offset.
 * (Magallanes keeps UTC-3 all year; Chilexpress is assumed to stamp Santiago time everywhere.)
 */
export const CHILEXPRESS_CODES: CodeTable = {
  'ORDEN DE TRANSPORTE EMITIDA': { status: 'label-created', subStatus: 'last-mile-label-created' },
  'RECIBIDO EN CENTRO DE DISTRIBUCION': { status: 'in-transit-destination', subStatus: 'accepted-by-carrier' },
  'EN TRANSITO': { status: 'in-transit-destination', subStatus: 'in-transit' },
  'EN PLANTA DE DESTINO': { status: 'in-transit-destination', subStatus: 'arrived-at-destination-facility' },
  'EN REPARTO': { status: 'out-for-delivery', subStatus: 'out-for-delivery' },
  ENTREGADO: { status: 'delivered', subStatus: 'delivered' },
  'DISPONIBLE PARA RETIRO EN SUCURSAL': { status: 'available-for-pickup', subStatus: 'held-at-branch' },
  'NO ENTREGADO - DESTINATARIO AUSENTE': { status: 'delivery-attempt-failed', subStatus: 'recipient-absent' },
  'NO ENTREGADO - DIRECCION INCORRECTA': { status: 'delivery-attempt-failed', subStatus: 'address-incorrect' },
  'NO ENTREGADO - RECHAZADO POR DESTINATARIO': { status: 'delivery-attempt-failed', subStatus: 'refused' },
  'EN DEVOLUCION A REMITENTE': { status: 'returning-to-sender', subStatus: 'returning-to-sender' },
  'DEVUELTO A REMITENTE': { status: 'returned', subStatus: 'returned-to-sender' },
  SINIESTRADO: { status: 'lost', subStatus: 'lost-in-network' },
  'PIEZA DANADA': { status: 'damaged', subStatus: 'damaged' },
  'RETENIDO POR INCIDENCIA': { status: 'exception', subStatus: 'operational-incident' },
};

const TIME_ZONE = assertTimeZone('America/Santiago');

/** "09:12", "09:12:33", "0912" or "091233". */
function parseHour(text: string): { hour: number; minute: number; second: number } | undefined {
  const match = /^(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  return hour > 23 || minute > 59 || second > 59 ? undefined : { hour, minute, second };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseEventTime(date: string, hour: string): LocalDateTime | undefined {
  const time = parseHour(hour);
  if (time === undefined || !DATE.test(date.trim())) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return parseIsoLocal(`${date.trim()} ${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`);
}

const eventSchema = z
  .looseObject({
    eventDate: z.string().regex(DATE, 'must be a date such as "2025-01-14"'),
    eventHour: z.string().refine((text) => parseHour(text) !== undefined, 'must be a time such as "09:12:33" or "091233"'),
    description: nonEmpty,
  })
  // Only the calendar check is left here (2025-02-30); malformed fields are reported on their own.
  .refine(
    (event) => !DATE.test(event.eventDate) || parseHour(event.eventHour) === undefined || parseEventTime(event.eventDate, event.eventHour) !== undefined,
    {
      message: 'eventDate is not a calendar date',
      path: ['eventDate'],
    },
  );

export const chilexpressPayloadSchema = z.object({
  data: z.object({
    transportOrderData: z.looseObject({
      transportOrderNumber: z
        .union([z.number().int().positive(), z.string().regex(/^\d{8,15}$/)], { error: 'must be the transport order number (digits)' })
        .transform(String),
      reference: z.string().optional(),
    }),
    trackingEvents: z.array(eventSchema).min(1, 'send at least one event'),
  }),
  statusCode: z.number().optional(),
  statusDescription: z.string().optional(),
});
export type ChilexpressPayload = z.infer<typeof chilexpressPayloadSchema>;

function toUpdates(payload: ChilexpressPayload): TrackingUpdate[] {
  const trackingNumber = payload.data.transportOrderData.transportOrderNumber;
  return payload.data.trackingEvents.map((event) => {
    const carrierCode = normaliseText(event.description);
    const mapping = mapCode(CHILEXPRESS_CODES, carrierCode);
    const occurredAt = zonedTimeToUtc(mustParse(parseEventTime(event.eventDate, event.eventHour), 'eventDate/eventHour'), TIME_ZONE);
    return {
      carrier: 'chilexpress',
      trackingNumber,
      carrierEventId: hashedEventId(trackingNumber, carrierCode, occurredAt),
      occurredAt,
      status: mapping.status,
      subStatus: mapping.subStatus,
      recognised: mapping.recognised,
      location: { country: 'CL' },
      carrierCode,
      carrierDescription: event.description,
      raw: event,
    };
  });
}

const SAMPLE: Readonly<Record<SampleStep, string>> = {
  accepted: 'Recibido en centro de distribución',
  'in-transit': 'En tránsito',
  'out-for-delivery': 'En reparto',
  delivered: 'Entregado',
};

function sample(parcels: readonly SampleParcel[]): unknown {
  const [parcel] = parcels;
  if (parcel === undefined) throw new Error('a Chilexpress webhook carries one transport order');
  return {
    data: {
      transportOrderData: { transportOrderNumber: parcel.trackingNumber },
      trackingEvents: parcel.events.map((event) => {
        const [date = '', hour = ''] = formatIsoLocal(utcToZoned(event.at, TIME_ZONE)).split(' ');
        return { eventDate: date, eventHour: hour, description: SAMPLE[event.step] };
      }),
    },
    statusCode: 0,
  };
}

export const chilexpress: CarrierAdapter = {
  slug: 'chilexpress',
  displayName: 'Chilexpress',
  market: 'CL',
  timeZone: TIME_ZONE,
  provenance: {
    payload: 'sandbox-approximation',
    codes: 'sandbox-approximation',
    notes: 'Tracking answer shape as integrators describe it; status texts from public tracking pages; mapping on normalised text.',
  },
  codes: CHILEXPRESS_CODES,
  parse: (payload) => parseWith(chilexpressPayloadSchema, payload, toUpdates),
  sample,
  webhook: { auth: ENLACE_HMAC, provenance: 'Enlace signature agreed for the sandbox; Chilexpress does not document a push authentication of its own.' },
};
