/**
 * Lanes: where carrier performance is measured and compared. A lane is China → one region of a
 * destination, because a carrier that is good in São Paulo can be poor in Manaus. The region is
 * the coarsest postal prefix that still separates carrier networks:
 * - BR: the state (UF), from the CEP (Correios ranges, as in rating)
 * - MX: the state, from the first two digits of the código postal (reference §5)
 * - CO and PE: the department, the first two digits (reference §5; Peru's follow the ubigeo order)
 * - CL: the first two digits of the 7-digit code; US: the ZIP national area (first digit)
 *
 * A domestic order (shipped from a destination warehouse) has a domestic lane, named after the
 * warehouse's country: `MX-MX-CMX` is Mexico → Mexico City, never to be mixed with `CN-MX-CMX`.
 */
import type { PostalCode } from '../shared/postal-codes';
import type { DestinationCountry } from '../shared/shipping-terms';

export interface Lane {
  /** "CN-BR-SP" (or "BR-BR-SP" from the São Paulo warehouse): the key KPI counters are stored under. */
  readonly id: string;
  /** "CN→BR-SP": how explanations write it. */
  readonly label: string;
  /** "CN", or the destination country itself for a domestic lane. */
  readonly origin: 'CN' | DestinationCountry;
  readonly country: DestinationCountry;
  readonly region: string;
  /** "São Paulo", "Chiapas"; the region code when no name is known. */
  readonly regionName: string;
}

export class InvalidLaneError extends Error {
  override readonly name = 'InvalidLaneError';
}

/** The lane of a destination: from China (or, for a domestic order, from the warehouse's country) to the postal code's region. */
export function laneOf(destination: PostalCode, origin?: { readonly country: DestinationCountry }): Lane {
  const { country, region } = destination;
  const from = origin?.country ?? 'CN';
  return {
    id: `${from}-${country}-${region.code}`,
    label: `${from}→${country}-${region.code}`,
    origin: from,
    country,
    region: region.code,
    regionName: region.name,
  };
}
