/** What every domestic card shares (domestic.ts, domestic-us.ts): the research it cites, its version, how a card is written. */
import type { DomesticRateCard, DomesticZone, PriceTable, Provenance, WeightBreak } from '../rate-card';
import { sandbox, sourced } from './common';

export const FACTS = 'notes/fulfilment-facts.md (research 2026-12-05)';

/** Domestic cards' first version. */
export const DOMESTIC_VERSION = { version: '2026.11', effectiveFrom: '2026-11-01' } as const;

const NO_LINE_HAUL = 'none: ships from an Enlace warehouse in the country';
const SANDBOX_PRICES = sandbox(
  "SANDBOX APPROXIMATION: invented levels in the shape of the carrier's public tables (a flat price per weight band, then per kg).",
);
export const SANDBOX_ZONES = sandbox(
  'SANDBOX APPROXIMATION: zones and business-day transit invented from the carriers’ advertised services (FACTS §1 proposals); no zone table was found.',
);
export const NO_FUEL = (why: string): DomesticRateCard['fuelSurcharge'] => ({ schedule: [], provenance: sourced(FACTS, why) });
export const STANDALONE_REFUSED = sandbox(
  'Policy: Enlace does not sell fully regulated dangerous goods, so loose lithium batteries are refused on every service (as cross-border).',
);

export function table(currency: 'MXN' | 'BRL' | 'USD', breaks: readonly WeightBreak[], provenance: Provenance = SANDBOX_PRICES): PriceTable {
  return { currency, breaks, provenance };
}

export const zone = (id: string, regions: readonly string[] | '*', min: number, max: number, lastMile?: PriceTable): DomesticZone =>
  lastMile === undefined ? { id, regions, transitDays: { min, max } } : { id, regions, transitDays: { min, max }, lastMile };

export function card(fields: Omit<DomesticRateCard, 'lane' | 'version' | 'effectiveFrom' | 'carriers'> & { readonly carrier: string }): DomesticRateCard {
  const { carrier, ...rest } = fields;
  return { lane: 'domestic', ...DOMESTIC_VERSION, carriers: { lineHaul: NO_LINE_HAUL, lastMile: carrier }, ...rest };
}
