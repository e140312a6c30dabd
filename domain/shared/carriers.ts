/**
 * The carrier vocabulary every context shares. A slug names a carrier in data, URLs
 * (`/v1/webhooks/tracking/{carrier}`), events and KPI keys.
 *
 * - Last-mile carriers: what routing can book (their profiles are routing's data) and what the
 *   carrier KPIs are kept for.
 * - The line-haul: Enlace's own consolidated flights from China to each destination, which hand
 *   parcels to a last-mile carrier; it is tracked, never booked.
 */
export const LAST_MILE_CARRIERS = [
  'estafeta',
  'dhl-express',
  'jt-express',
  '99minutos',
  'correios',
  'jadlog',
  'loggi',
  'total-express',
  'chilexpress',
  'blue-express',
  'starken',
  'servientrega',
  'coordinadora',
  'inter-rapidisimo',
  'olva',
  'serpost',
  'usps',
  'ups',
  'fedex',
] as const;
export type LastMileCarrier = (typeof LAST_MILE_CARRIERS)[number];

export const LINE_HAUL_CARRIER = 'enlace-linehaul';

/** Any carrier Enlace deals with. */
export type CarrierSlug = LastMileCarrier | typeof LINE_HAUL_CARRIER;
export const CARRIER_SLUGS: readonly CarrierSlug[] = [...LAST_MILE_CARRIERS, LINE_HAUL_CARRIER];

export function isLastMileCarrier(value: unknown): value is LastMileCarrier {
  return typeof value === 'string' && (LAST_MILE_CARRIERS as readonly string[]).includes(value);
}

export function isCarrierSlug(value: unknown): value is CarrierSlug {
  return isLastMileCarrier(value) || value === LINE_HAUL_CARRIER;
}
