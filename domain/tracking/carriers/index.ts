import type { CarrierSlug } from '../../shared/carriers';
import type { DestinationCountry } from '../../shared/shipping-terms';
import { chilexpress } from './chilexpress';
import type { CarrierAdapter, ParseResult } from './common';
import { correios } from './correios';
import { enlaceLinehaul } from './enlace-linehaul';
import { estafeta } from './estafeta';
import { olva } from './olva';
import { servientrega } from './servientrega';
import { usps } from './usps';

export type { CarrierAdapter, CodeMapping, CodeTable, ParseResult, PayloadProblem, Provenance } from './common';

/** Every carrier adapter, by the slug of its webhook route (`POST /v1/webhooks/tracking/{carrier}`). */
export const CARRIER_ADAPTERS: Readonly<Partial<Record<CarrierSlug, CarrierAdapter>>> = {
  estafeta,
  correios,
  chilexpress,
  servientrega,
  olva,
  usps,
  'enlace-linehaul': enlaceLinehaul,
};

/** The adapter for a slug, or undefined for a carrier Enlace does not integrate. */
export function carrierAdapter(slug: string): CarrierAdapter | undefined {
  return Object.hasOwn(CARRIER_ADAPTERS, slug) ? CARRIER_ADAPTERS[slug as CarrierSlug] : undefined;
}

/** Carriers whose webhooks Enlace understands. */
export const TRACKED_CARRIERS: readonly CarrierSlug[] = Object.keys(CARRIER_ADAPTERS) as CarrierSlug[];

export function isTrackedCarrier(value: string): value is CarrierSlug {
  return carrierAdapter(value) !== undefined;
}

/** Parses a webhook body for a carrier named in the URL; an unknown slug is a problem at the root. */
export function parseCarrierPayload(slug: string, payload: unknown): ParseResult {
  const adapter = carrierAdapter(slug);
  if (adapter === undefined) {
    return { ok: false, problems: [{ path: '$', message: `unknown carrier "${slug}"; known: ${Object.keys(CARRIER_ADAPTERS).join(', ')}` }] };
  }
  return adapter.parse(payload);
}

/** The last-mile carriers serving a destination market. */
export function lastMileCarriersFor(country: DestinationCountry): CarrierAdapter[] {
  return Object.values(CARRIER_ADAPTERS).filter((adapter): adapter is CarrierAdapter => adapter?.market === country);
}
