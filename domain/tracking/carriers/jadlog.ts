import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import {
  assertTimeZone,
  formatIsoLocal,
  hashedEventId,
  location,
  mapCode,
  normaliseText,
  parseDayFirstLocal,
  parseIsoLocal,
  parseWith,
  present,
  utcToZoned,
  zonedTimeToUtc,
  type CarrierAdapter,
  type CodeTable,
} from './common';

/**
 * Jadlog (Brazil): road network, nationwide.
 *
 * Polled only: no push was found. Tracking API `POST https://www.jadlog.com.br/embarcador/api/tracking/consultar`
 * with `Authorization: Bearer <token>` and `{ consulta: [{ shipmentId }] }` (several entries a request)
 * [integrator, many implementations: /work/notes/tracking-sources.md §3.6]. The official manual
 * ("API Integração JADLOG v2.1", June 2023) exists only as a copy whose tracking section could not be
 * read. Answer: `consulta[]{ shipmentId | cte, tracking{ codigo, shipmentId, status, eventos[]{ data,
 * status, unidade } }, previsaoEntrega, erro{ id, descricao } }`; `data` in Brasília local time,
 * "2023-03-22 15:12:06" (some answers "22/03/2023 15:12"). No event id: hashed.
 *
 * Codes are texts: EMISSAO, ENTRADA, TRANSFERENCIA, EM ROTA, ENTREGUE [integrator mappings]; LogAPI
 * confirms "em rota" is Jadlog's out-for-delivery (https://ajuda.logapi.com.br/intergrando-logapi/padrao-de-retorno).
 * Others exist and arrive flagged. Rate limit and batch size: NOT FOUND (sources.ts sets sandbox limits).
 */
export const JADLOG_CODES: CodeTable = {
  EMISSAO: { status: 'label-created', subStatus: 'last-mile-label-created', description: 'Emissão' },
  ENTRADA: { status: 'in-transit-destination', subStatus: 'accepted-by-carrier', description: 'Entrada' },
  TRANSFERENCIA: { status: 'in-transit-destination', subStatus: 'in-transit', description: 'Transferência' },
  'EM ROTA': { status: 'out-for-delivery', subStatus: 'out-for-delivery', description: 'Em rota' },
  ENTREGUE: { status: 'delivered', subStatus: 'delivered', description: 'Entregue' },
};

const TIME_ZONE = assertTimeZone('America/Sao_Paulo');

const parseJadlogTime = (text: string) => parseIsoLocal(text) ?? parseDayFirstLocal(text);

const eventSchema = z.looseObject({
  data: z.string().refine((text) => parseJadlogTime(text) !== undefined, 'must be a local date-time such as "2025-11-19 08:11:00"'),
  status: z.string().trim().min(1, 'must not be empty'),
  unidade: z.string().nullish(),
});

const JADLOG_NUMBER = /^\d{8,14}$/;

const entrySchema = z.looseObject({
  shipmentId: z.union([z.string(), z.number()]).transform(String).optional(),
  cte: z.union([z.string(), z.number()]).transform(String).optional(),
  tracking: z
    .looseObject({
      codigo: z.union([z.string(), z.number()]).transform(String).optional(),
      shipmentId: z.union([z.string(), z.number()]).transform(String).optional(),
      status: z.string().nullish(),
      eventos: z.array(eventSchema).optional(),
    })
    .nullish(),
  // A number Jadlog does not know yet: no tracking, not a problem.
  erro: z.looseObject({ id: z.union([z.string(), z.number()]).optional(), descricao: z.string().optional() }).nullish(),
});

export const jadlogPayloadSchema = z.object({
  consulta: z.array(entrySchema.refine((entry) => numberOf(entry) !== undefined, { message: 'must name the shipment (shipmentId of 8 to 14 digits)' })),
});
export type JadlogPayload = z.infer<typeof jadlogPayloadSchema>;
type Entry = z.infer<typeof entrySchema>;

function numberOf(entry: Entry): string | undefined {
  const candidate = present(entry.shipmentId) ?? present(entry.tracking?.shipmentId) ?? present(entry.cte);
  return candidate !== undefined && JADLOG_NUMBER.test(candidate) ? candidate : undefined;
}

function toUpdates(payload: JadlogPayload): TrackingUpdate[] {
  return payload.consulta.flatMap((entry) => {
    const trackingNumber = numberOf(entry)!;
    return (entry.tracking?.eventos ?? []).map((event): TrackingUpdate => {
      const code = normaliseText(event.status);
      const mapping = mapCode(JADLOG_CODES, code);
      const occurredAt = zonedTimeToUtc(parseJadlogTime(event.data)!, TIME_ZONE);
      const where = location({ facility: event.unidade, country: 'BR' });
      return {
        carrier: 'jadlog',
        trackingNumber,
        carrierEventId: hashedEventId(trackingNumber, code, occurredAt),
        occurredAt,
        status: mapping.status,
        subStatus: mapping.subStatus,
        recognised: mapping.recognised,
        ...(where === undefined ? {} : { location: where }),
        carrierCode: code,
        carrierDescription: event.status,
        raw: event,
      };
    });
  });
}

const SAMPLE: Readonly<Record<SampleStep, string>> = {
  accepted: 'ENTRADA',
  'in-transit': 'TRANSFERENCIA',
  'out-for-delivery': 'EM ROTA',
  delivered: 'ENTREGUE',
};

function sample(parcels: readonly SampleParcel[]): unknown {
  return {
    consulta: parcels.map((parcel) =>
      parcel.events.length === 0
        ? { shipmentId: parcel.trackingNumber, erro: { id: -1, descricao: 'Nenhum registro encontrado (sandbox)' } }
        : {
            shipmentId: parcel.trackingNumber,
            tracking: {
              shipmentId: parcel.trackingNumber,
              status: SAMPLE[parcel.events.at(-1)!.step],
              eventos: parcel.events.map((event) => ({
                data: formatIsoLocal(utcToZoned(event.at, TIME_ZONE)),
                status: SAMPLE[event.step],
                unidade: `FL ${event.city.toUpperCase()}`,
              })),
            },
          },
    ),
  };
}

export const jadlog: CarrierAdapter = {
  slug: 'jadlog',
  displayName: 'Jadlog',
  market: 'BR',
  timeZone: TIME_ZONE,
  provenance: {
    payload: 'partly-documented',
    codes: 'partly-documented',
    notes: 'Tracking API request and answer as many integrators call it (official manual unreadable); five status texts known, the rest arrive flagged.',
  },
  codes: JADLOG_CODES,
  parse: (payload) => parseWith(jadlogPayloadSchema, payload, toUpdates),
  sample,
};
