import * as z from 'zod';
import type { SampleParcel, SampleStep } from '../sandbox';
import type { TrackingUpdate } from '../update';
import { hashedEventId, location, mapCode, normaliseText, parseOffsetDateTime, parseWith, present, type CarrierAdapter, type CodeTable } from './common';

/**
 * Loggi (Brazil): last mile in the large cities.
 *
 * Push [official] https://docs.api.loggi.com/reference/webhook : set up by Loggi's sales team with
 * Enlace's HTTPS endpoint; Loggi sends `Authorization: Basic base64(user:pass)` with credentials
 * Enlace supplies (no signature, no timestamp) and expects 200/201. Payload [official, same page]:
 * `packages[]` of `{ loggiKey, trackingCode, status{ code, highLevelStatus, description,
 * actionRequired, updatedTime }, location{ city, state }, promisedDate, requestTime, trackingHistory[] }`,
 * `updatedTime` in UTC with "Z".
 *
 * Codes: only `code "5"` = "Entregue" appears in the documentation; the full list was NOT FOUND.
 * SANDBOX APPROXIMATION: the mapping reads `highLevelStatus` (Portuguese, compared without accents or
 * case, as for Chilexpress), keeps `code` as the carrier code; texts other than "Entregue" are our
 * guesses of Loggi's wording and arrive flagged if Loggi words them otherwise.
 * Tracking code: the documentation's example is `SH1007503594LG`; the format is not documented.
 */
export const LOGGI_CODES: CodeTable = {
  'PEDIDO CRIADO': { status: 'label-created', subStatus: 'last-mile-label-created' },
  COLETADO: { status: 'in-transit-destination', subStatus: 'accepted-by-carrier' },
  'EM TRANSITO': { status: 'in-transit-destination', subStatus: 'in-transit' },
  'SAIU PARA ENTREGA': { status: 'out-for-delivery', subStatus: 'out-for-delivery' },
  ENTREGUE: { status: 'delivered', subStatus: 'delivered' },
  'NAO ENTREGUE': { status: 'delivery-attempt-failed', subStatus: 'attempt-failed' },
  'AGUARDANDO RETIRADA': { status: 'available-for-pickup', subStatus: 'held-at-pickup-point' },
  'EM DEVOLUCAO': { status: 'returning-to-sender', subStatus: 'returning-to-sender' },
  DEVOLVIDO: { status: 'returned', subStatus: 'returned-to-sender' },
  EXTRAVIADO: { status: 'lost', subStatus: 'lost-in-network' },
  AVARIADO: { status: 'damaged', subStatus: 'damaged' },
};

/** Loggi sends microseconds ("…18.941518Z"); parseOffsetDateTime takes up to milliseconds, so the extra digits are dropped. */
const loggiTime = (text: string): string | undefined => parseOffsetDateTime(text.trim().replace(/(\.\d{3})\d+/, '$1'));

const isoWithOffset = z.string().refine((text) => loggiTime(text) !== undefined, 'must be a date-time with its offset, such as "2021-05-05T10:40:18.941518Z"');

const statusSchema = z.looseObject({
  code: z.union([z.string(), z.number()]).transform(String),
  highLevelStatus: z.string().trim().min(1, 'must not be empty'),
  description: z.string().nullish(),
  actionRequired: z.unknown().optional(),
  updatedTime: isoWithOffset,
});
const locationSchema = z.looseObject({ city: z.string().nullish(), state: z.string().nullish() }).nullish();

const packageSchema = z.looseObject({
  loggiKey: z.string().optional(),
  trackingCode: z.string().regex(/^[A-Z0-9]{8,20}$/, 'must be a Loggi tracking code such as "SH1007503594LG"'),
  status: statusSchema,
  location: locationSchema,
  trackingHistory: z.array(z.looseObject({ status: statusSchema, location: locationSchema })).optional(),
});

export const loggiPayloadSchema = z.object({ packages: z.array(packageSchema).min(1, 'send at least one package') });
export type LoggiPayload = z.infer<typeof loggiPayloadSchema>;
type LoggiStatus = z.infer<typeof statusSchema>;

function utc(text: string): string {
  const parsed = loggiTime(text);
  if (parsed === undefined) throw new Error(`unreachable: "${text}" passed validation`);
  return parsed;
}

function toUpdate(trackingCode: string, status: LoggiStatus, where: z.infer<typeof locationSchema>): TrackingUpdate {
  const text = normaliseText(status.highLevelStatus);
  const mapping = mapCode(LOGGI_CODES, text);
  const occurredAt = utc(status.updatedTime);
  const place = location({ city: where?.city, region: where?.state, country: 'BR' });
  const description = present(status.description);
  return {
    carrier: 'loggi',
    trackingNumber: trackingCode,
    // The current status is usually the last history entry too: the same (code, text, time) hashes alike.
    carrierEventId: hashedEventId(trackingCode, `${status.code}:${text}`, occurredAt),
    occurredAt,
    status: mapping.status,
    subStatus: mapping.subStatus,
    recognised: mapping.recognised,
    ...(place === undefined ? {} : { location: place }),
    carrierCode: status.code,
    carrierDescription: description === undefined ? status.highLevelStatus : `${status.highLevelStatus}: ${description}`,
    raw: status,
  };
}

function toUpdates(payload: LoggiPayload): TrackingUpdate[] {
  return payload.packages.flatMap((pkg) => [
    ...(pkg.trackingHistory ?? []).map((entry) => toUpdate(pkg.trackingCode, entry.status, entry.location ?? pkg.location)),
    toUpdate(pkg.trackingCode, pkg.status, pkg.location),
  ]);
}

const SAMPLE: Readonly<Record<SampleStep, { code: string; text: string }>> = {
  accepted: { code: '2', text: 'Coletado' },
  'in-transit': { code: '3', text: 'Em trânsito' },
  'out-for-delivery': { code: '4', text: 'Saiu para entrega' },
  delivered: { code: '5', text: 'Entregue' },
};

function sample(parcels: readonly SampleParcel[]): unknown {
  return {
    packages: parcels.map((parcel) => {
      const history = parcel.events.map((event) => ({
        status: {
          code: SAMPLE[event.step].code,
          highLevelStatus: SAMPLE[event.step].text,
          description: 'sandbox',
          actionRequired: null,
          updatedTime: event.at,
        },
        location: { city: event.city, state: 'SP' },
      }));
      const last = history.at(-1);
      if (last === undefined) throw new Error('a Loggi sample needs at least one event');
      return {
        loggiKey: `sandbox-${parcel.trackingNumber}`,
        trackingCode: parcel.trackingNumber,
        status: last.status,
        location: last.location,
        trackingHistory: history,
      };
    }),
  };
}

export const loggi: CarrierAdapter = {
  slug: 'loggi',
  displayName: 'Loggi',
  market: 'BR',
  provenance: {
    payload: 'documented',
    codes: 'sandbox-approximation',
    notes:
      'Webhook payload and Basic authentication from docs.api.loggi.com; only "Entregue" (code 5) is documented, other texts are guesses mapped on highLevelStatus.',
  },
  codes: LOGGI_CODES,
  webhook: {
    auth: { scheme: 'static-credential', header: 'authorization', prefix: 'Basic ' },
    provenance: 'https://docs.api.loggi.com/reference/webhook: Loggi sends the Basic credentials Enlace gave it; the secret is base64(user:pass).',
  },
  parse: (payload) => parseWith(loggiPayloadSchema, payload, toUpdates),
  sample,
};
