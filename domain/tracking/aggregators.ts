import type { LastMileCarrier } from '../shared/carriers';

/**
 * Aggregators: services that follow many carriers for Enlace and push what they see (sources.ts),
 * and their names for the carriers Enlace follows through them. Plain data, apart from the feeds'
 * adapters, so routing's bundle (which asks sources.ts whether a carrier can be followed) stays small.
 */
export const AGGREGATORS = ['17track', 'aftership'] as const;
export type AggregatorSlug = (typeof AGGREGATORS)[number];

/** 17TRACK's carrier keys (apicarrier.all.json, copy of 2025-12-06 in Duy247/HLLogistic carriers/apicarrier.all.json). */
export const SEVENTEEN_TRACK_CARRIER_KEYS: Readonly<Partial<Record<LastMileCarrier, number>>> = {
  'jt-express': 100388,
  'blue-express': 100250,
  starken: 100246,
  coordinadora: 100493,
  'inter-rapidisimo': 100491,
  serpost: 16061,
};

/** AfterShip courier slugs (AfterShip/aftership-apps-woocommerce assets/js/couriers.json, 2024-08-12). */
export const AFTERSHIP_SLUGS: Readonly<Partial<Record<LastMileCarrier, string>>> = { 'total-express': 'total-express' };
