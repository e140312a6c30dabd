import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { ENLACE_HMAC } from '../webhook-auth';
import {
  assertTimeZone,
  formatIsoLocal,
  hashedEventId,
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
  type CodeMapping,
  type CodeTable,
} from './common';

/**
 * Correios (Brazil): the postal channel for São Paulo and the rest of Brazil. Correios also
 * receives the parcel before import customs and reports the Receita Federal inspection and the
 * payment of duties ("Aguardando pagamento") itself.
 *
 * Payload: the shape of the SRO tracking API (api.correios.com.br, "srorastro/v1/objetos"):
 * `objetos[]` with `codObjeto` and `eventos[]` of `codigo` + `tipo` + `dtHrCriado` + `descricao` +
 * `unidade`. Correios does not push webhooks; Enlace's poller (or an aggregator) posts the API's
 * answer as is, several objects at a time. Field names follow the public API; details such as
 * `unidade.tipo = "País"` for units abroad are from observed answers, not a specification.
 *
 * Times: `dtHrCriado` is Brasília wall-clock time without an offset (America/Sao_Paulo; Brazil has
 * had no daylight saving time since 2019, but the IANA data handles older dates too). Events
 * carry no id: the id is a hash of (object code, "CODIGO TIPO", UTC time).
 *
 * Codes: an event is identified by `codigo` (family) and `tipo` (detail). The families BDE, BDI and
 * BDR share one `tipo` table (delivery outcomes). Code list reconstructed from public tracking
 * pages and open-source SRO clients — a SANDBOX APPROXIMATION: BDE/BDI/BDR 01, OEC 01, PO 01, RO 01,
 * DO 01, LDI 01 and PAR 16 are widely documented; the other PAR numbers and most delivery-failure
 * `tipo` numbers are uncertain and must be checked against the "Tabela de eventos SRO" from the
 * Correios contract before production. Unknown pairs arrive flagged (update.ts).
 */
const DELIVERY_OUTCOMES: Readonly<Record<string, CodeMapping>> = {
  '01': { status: 'delivered', subStatus: 'delivered', description: 'Objeto entregue ao destinatário' },
  '04': { status: 'delivery-attempt-failed', subStatus: 'refused', description: 'A entrega não pode ser efetuada - Cliente recusou-se a receber' },
  '06': { status: 'delivery-attempt-failed', subStatus: 'recipient-unknown', description: 'Destinatário desconhecido no endereço' },
  '07': { status: 'delivery-attempt-failed', subStatus: 'recipient-moved', description: 'Destinatário mudou-se' },
  '09': { status: 'lost', subStatus: 'lost-in-network', description: 'Objeto extraviado' },
  '19': { status: 'delivery-attempt-failed', subStatus: 'address-incorrect', description: 'Endereço incorreto' },
  '20': { status: 'delivery-attempt-failed', subStatus: 'recipient-absent', description: 'A entrega não pode ser efetuada - Carteiro não atendido' },
  '23': { status: 'returned', subStatus: 'returned-to-sender', description: 'Objeto devolvido ao remetente' },
  '26': { status: 'returning-to-sender', subStatus: 'not-collected', description: 'Destinatário não retirou objeto na Unidade dos Correios' },
  '28': { status: 'damaged', subStatus: 'damaged', description: 'Objeto e/ou conteúdo avariado' },
  '50': { status: 'lost', subStatus: 'stolen', description: 'Objeto roubado' },
};

export const CORREIOS_CODES: CodeTable = {
  'PO 01': { status: 'picked-up', subStatus: 'posted', description: 'Objeto postado' },
  'PO 09': { status: 'picked-up', subStatus: 'posted', description: 'Objeto postado após o horário limite da unidade' },
  'RO 01': { status: 'in-transit-destination', subStatus: 'in-transit', description: 'Objeto em trânsito - por favor aguarde' },
  'DO 01': { status: 'in-transit-destination', subStatus: 'in-transit', description: 'Objeto em trânsito - por favor aguarde' },
  'PAR 16': { status: 'arrived-destination-country', subStatus: 'received-by-destination-post', description: 'Objeto recebido pelos Correios do Brasil' },
  'PAR 21': { status: 'import-customs', subStatus: 'submitted', description: 'Encaminhado para fiscalização aduaneira' },
  'PAR 17': { status: 'duties-due', subStatus: 'awaiting-payment', description: 'Aguardando pagamento' },
  'PAR 31': { status: 'import-customs', subStatus: 'duties-paid', description: 'Pagamento confirmado' },
  'PAR 10': { status: 'import-customs', subStatus: 'released', description: 'Fiscalização aduaneira finalizada' },
  'PAR 18': { status: 'customs-held', subStatus: 'held-inspection', description: 'Objeto retido pela fiscalização aduaneira' },
  'PAR 26': { status: 'returning-to-sender', subStatus: 'rejected-by-customs', description: 'Devolução determinada pela autoridade aduaneira' },
  'OEC 01': { status: 'out-for-delivery', subStatus: 'out-for-delivery', description: 'Objeto saiu para entrega ao destinatário' },
  'LDI 01': { status: 'available-for-pickup', subStatus: 'held-at-post-office', description: 'Objeto aguardando retirada no endereço indicado' },
  'FC 01': { status: 'returning-to-sender', subStatus: 'sender-requested', description: 'Objeto será devolvido por solicitação do remetente' },
  'BLQ 01': { status: 'exception', subStatus: 'blocked', description: 'Objeto bloqueado' },
  ...Object.fromEntries(['BDE', 'BDI', 'BDR'].flatMap((family) => Object.entries(DELIVERY_OUTCOMES).map(([tipo, mapping]) => [`${family} ${tipo}`, mapping]))),
};

const TIME_ZONE = assertTimeZone('America/Sao_Paulo');

const unitSchema = z.looseObject({
  codSro: z.string().optional(),
  tipo: z.string().optional(),
  nome: z.string().optional(),
  endereco: z.looseObject({ cidade: z.string().optional(), uf: z.string().optional(), cep: z.string().optional() }).optional(),
});

const eventSchema = z.looseObject({
  codigo: z.string().regex(/^[A-Z]{2,4}$/, 'must be an SRO event family such as "BDE"'),
  tipo: z.string().regex(/^\d{1,2}$/, 'must be an SRO event type such as "01"'),
  dtHrCriado: localDateTimeString(parseIsoLocal, '2025-11-12T14:26:31'),
  descricao: nonEmpty,
  detalhe: z.string().optional(),
  unidade: unitSchema.optional(),
  unidadeDestino: unitSchema.optional(),
});

export const correiosPayloadSchema = z.object({
  objetos: z
    .array(
      z.object({
        codObjeto: z.string().regex(/^[A-Z]{2}\d{9}[A-Z]{2}$/, 'must be a UPU S10 object code such as "NX482157365BR"'),
        mensagem: z.string().optional(),
        // Absent when Correios does not know the object yet ("SRO-020: Objeto não encontrado").
        eventos: z.array(eventSchema).optional(),
      }),
    )
    .min(1, 'send at least one object'),
});
export type CorreiosPayload = z.infer<typeof correiosPayloadSchema>;
type CorreiosEvent = z.infer<typeof eventSchema>;

/** A unit without a Brazilian state is abroad (Correios names the country, e.g. "CHINA"). */
function isAbroad(event: CorreiosEvent): boolean {
  return event.unidade !== undefined && present(event.unidade.endereco?.uf) === undefined;
}

function toUpdate(trackingNumber: string, event: CorreiosEvent): TrackingUpdate {
  const carrierCode = `${event.codigo} ${event.tipo.padStart(2, '0')}`;
  const mapping = mapCode(CORREIOS_CODES, carrierCode);
  // Transit scans abroad (origin post, airline) are the international leg, not the Brazilian network.
  const status = mapping.status === 'in-transit-destination' && isAbroad(event) ? 'in-transit-international' : mapping.status;
  const occurredAt = zonedTimeToUtc(mustParse(parseIsoLocal(event.dtHrCriado), 'dtHrCriado'), TIME_ZONE);
  const abroad = isAbroad(event);
  const where = location({
    facility: event.unidade?.nome ?? event.unidade?.tipo,
    city: event.unidade?.endereco?.cidade,
    region: event.unidade?.endereco?.uf,
    postalCode: event.unidade?.endereco?.cep,
    country: abroad ? undefined : 'BR',
  });
  return {
    carrier: 'correios',
    trackingNumber,
    carrierEventId: hashedEventId(trackingNumber, carrierCode, occurredAt),
    occurredAt,
    status,
    subStatus: mapping.subStatus,
    recognised: mapping.recognised,
    ...(where === undefined ? {} : { location: where }),
    carrierCode,
    carrierDescription: event.descricao,
    raw: event,
  };
}

const SAMPLE: Readonly<Record<SampleStep, [codigo: string, tipo: string]>> = {
  accepted: ['RO', '01'],
  'in-transit': ['DO', '01'],
  'out-for-delivery': ['OEC', '01'],
  delivered: ['BDE', '01'],
};

function sample(parcels: readonly SampleParcel[]): unknown {
  return {
    objetos: parcels.map((parcel) => ({
      codObjeto: parcel.trackingNumber,
      eventos: [...parcel.events].reverse().map((event) => {
        const [codigo, tipo] = SAMPLE[event.step];
        return {
          codigo,
          tipo,
          dtHrCriado: formatIsoLocal(utcToZoned(event.at, TIME_ZONE), 'T'),
          descricao: CORREIOS_CODES[`${codigo} ${tipo}`]?.description ?? codigo,
          unidade: { tipo: 'Unidade de Tratamento', endereco: { cidade: event.city, uf: 'SP' } },
        };
      }),
    })),
  };
}

export const correios: CarrierAdapter = {
  slug: 'correios',
  displayName: 'Correios',
  market: 'BR',
  timeZone: TIME_ZONE,
  provenance: {
    payload: 'partly-documented',
    codes: 'partly-documented',
    notes: 'SRO API shape (srorastro/v1); delivery and customs code numbers beyond the common ones are a sandbox approximation.',
  },
  codes: CORREIOS_CODES,
  sample,
  webhook: { auth: ENLACE_HMAC, provenance: 'Enlace signature agreed for the sandbox; Correios does not document a push authentication of its own.' },
  parse: (payload) =>
    parseWith(correiosPayloadSchema, payload, (data) =>
      data.objetos.flatMap((objeto) => (objeto.eventos ?? []).map((event) => toUpdate(objeto.codObjeto, event))),
    ),
};
