import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { ENLACE_HMAC } from '../webhook-auth';
import {
  assertTimeZone,
  hashedEventId,
  localDateTimeString,
  location,
  mapCode,
  mustParse,
  nonEmpty,
  normaliseText,
  parseDayFirstLocal,
  parseWith,
  present,
  utcToZoned,
  zonedTimeToUtc,
  type CarrierAdapter,
  type CodeTable,
} from './common';

/**
 * Servientrega (Colombia): last mile after release by DIAN.
 *
 * SANDBOX APPROXIMATION. Servientrega's tracking web service ("ConsultarGuia") answers in XML; the
 * sandbox posts its JSON rendering, keeping the Spanish abbreviations of the XML: `NumGui` (the
 * guía), `EstAct` (current state) and `Mov.InformacionMov` (movements) with `IdProc` (process id),
 * `NomMov` (movement name), `FecMov` (date), `OriMov` (city where the movement was recorded), `DesMov` (city it heads to) and,
 * on a delivery problem ("novedad"), `IdConc`/`NomConc` (the reason). As with any XML-to-JSON
 * bridge, a single movement may arrive as an object instead of an array; both are accepted.
 * The `IdProc` numbers below were agreed for the sandbox; replace them with Servientrega's list.
 * shared/reference/domain-facts.md has nothing on Servientrega ("[U] … nothing found").
 *
 * Times: `FecMov` is Bogotá wall-clock time (America/Bogota, UTC-5, no DST), day first, 24-hour or
 * with "a. m."/"p. m." as Spanish-locale servers print it. Movements carry no id: the id is a hash
 * of (guía, IdProc[/IdConc], UTC time).
 */
export const SERVIENTREGA_CODES: CodeTable = {
  '1': { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Guía generada' },
  '2': { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'Ingreso al centro logístico' },
  '3': { status: 'in-transit-destination', subStatus: 'in-transit', description: 'En transporte nacional' },
  '4': { status: 'in-transit-destination', subStatus: 'arrived-at-destination-facility', description: 'En centro logístico destino' },
  '5': { status: 'out-for-delivery', subStatus: 'out-for-delivery', description: 'En zona de reparto' },
  '6': { status: 'delivered', subStatus: 'delivered', description: 'Entrega verificada' },
  '7': { status: 'delivery-attempt-failed', subStatus: 'attempt-failed', description: 'Novedad en la entrega' },
  '8': { status: 'available-for-pickup', subStatus: 'held-at-office', description: 'Disponible para reclamar en oficina' },
  '9': { status: 'returning-to-sender', subStatus: 'returning-to-sender', description: 'En proceso de devolución' },
  '10': { status: 'returned', subStatus: 'returned-to-sender', description: 'Devuelto al remitente' },
  '11': { status: 'lost', subStatus: 'lost-in-network', description: 'Siniestro' },
  '12': { status: 'damaged', subStatus: 'damaged', description: 'Envío averiado' },
  '13': { status: 'exception', subStatus: 'held-by-authority', description: 'Retenido por autoridad' },
};

/** `NomConc` on a "novedad" refines the sub-status (matched on normalised text). */
export const SERVIENTREGA_DELIVERY_PROBLEMS: Readonly<Record<string, string>> = {
  'DESTINATARIO AUSENTE': 'recipient-absent',
  'DIRECCION ERRADA': 'address-incorrect',
  'DIRECCION INCOMPLETA': 'address-incomplete',
  REHUSADO: 'refused',
  'DESTINATARIO DESCONOCIDO': 'recipient-unknown',
  'ZONA DE DIFICIL ACCESO': 'area-not-served',
};

const TIME_ZONE = assertTimeZone('America/Bogota');

const movementSchema = z.looseObject({
  IdProc: z.union([z.string().regex(/^\d{1,4}$/), z.number().int().nonnegative()], { error: 'must be the numeric process id' }).transform(String),
  NomMov: nonEmpty,
  FecMov: localDateTimeString(parseDayFirstLocal, '14/10/2025 08:02:11'),
  OriMov: z.string().nullish(),
  DesMov: z.string().nullish(),
  IdConc: z.union([z.string(), z.number()]).nullish(),
  NomConc: z.string().nullish(),
});

export const servientregaPayloadSchema = z.object({
  NumGui: z.union([z.string().regex(/^\d{9,12}$/), z.number().int().positive()], { error: 'must be the guía number (9 to 12 digits)' }).transform(String),
  EstAct: z.string().optional(),
  Mov: z.object({
    InformacionMov: z.union([movementSchema, z.array(movementSchema).min(1, 'send at least one movement')]),
  }),
});
export type ServientregaPayload = z.infer<typeof servientregaPayloadSchema>;
type Movement = z.infer<typeof movementSchema>;

function toUpdate(guia: string, movement: Movement): TrackingUpdate {
  const mapping = mapCode(SERVIENTREGA_CODES, movement.IdProc);
  const reason = present(movement.NomConc);
  const subStatus =
    movement.IdProc === '7' && reason !== undefined ? (SERVIENTREGA_DELIVERY_PROBLEMS[normaliseText(reason)] ?? mapping.subStatus) : mapping.subStatus;
  const reasonId = movement.IdConc === null || movement.IdConc === undefined ? undefined : present(String(movement.IdConc));
  const carrierCode = reasonId === undefined ? movement.IdProc : `${movement.IdProc}/${reasonId}`;
  const occurredAt = zonedTimeToUtc(mustParse(parseDayFirstLocal(movement.FecMov), 'FecMov'), TIME_ZONE);
  // OriMov is where the movement was recorded; DesMov is where the parcel is heading.
  const where = location({ city: movement.OriMov, country: 'CO' });
  return {
    carrier: 'servientrega',
    trackingNumber: guia,
    carrierEventId: hashedEventId(guia, carrierCode, occurredAt),
    occurredAt,
    status: mapping.status,
    subStatus,
    recognised: mapping.recognised,
    ...(where === undefined ? {} : { location: where }),
    carrierCode,
    carrierDescription: reason === undefined ? movement.NomMov : `${movement.NomMov}: ${reason}`,
    raw: movement,
  };
}

const SAMPLE: Readonly<Record<SampleStep, string>> = { accepted: '2', 'in-transit': '3', 'out-for-delivery': '5', delivered: '6' };

function sample(parcels: readonly SampleParcel[]): unknown {
  const [parcel] = parcels;
  if (parcel === undefined) throw new Error('a Servientrega webhook carries one guía');
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    NumGui: parcel.trackingNumber,
    Mov: {
      InformacionMov: parcel.events.map((event) => {
        const t = utcToZoned(event.at, TIME_ZONE);
        return {
          IdProc: SAMPLE[event.step],
          NomMov: SERVIENTREGA_CODES[SAMPLE[event.step]]?.description ?? SAMPLE[event.step],
          FecMov: `${pad(t.day)}/${pad(t.month)}/${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`,
          OriMov: event.city,
        };
      }),
    },
  };
}

export const servientrega: CarrierAdapter = {
  slug: 'servientrega',
  displayName: 'Servientrega',
  market: 'CO',
  timeZone: TIME_ZONE,
  provenance: {
    payload: 'sandbox-approximation',
    codes: 'sandbox-approximation',
    notes: 'JSON rendering of the ConsultarGuia XML answer; IdProc numbers agreed for the sandbox.',
  },
  codes: SERVIENTREGA_CODES,
  sample,
  webhook: { auth: ENLACE_HMAC, provenance: 'Enlace signature agreed for the sandbox; Servientrega does not document a push authentication of its own.' },
  parse: (payload) =>
    parseWith(servientregaPayloadSchema, payload, (data) => {
      const movements = Array.isArray(data.Mov.InformacionMov) ? data.Mov.InformacionMov : [data.Mov.InformacionMov];
      return movements.map((movement) => toUpdate(data.NumGui, movement));
    }),
};
