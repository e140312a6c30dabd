/**
 * HS code shape and the chapters each goods category is expected to fall in.
 *
 * The chapter numbers and titles are the WCO's Harmonized System; which chapters a marketplace
 * category can plausibly use is Enlace's own table, so a mismatch is a warning ("check the code"),
 * never a refusal.
 */
import type { RuleProvenance } from './types';

const WCO_HS_2022 = 'http://www.wcoomd.org/en/topics/nomenclature/instrument-and-tools/hs-nomenclature-2022-edition.aspx';

/** A declared HS code once dots, spaces and dashes are removed: 6 to 10 digits (6 international + national digits). */
export const HS_CODE_PATTERN = /^\d{6,10}$/;

export const HS_CHAPTERS: RuleProvenance & { readonly reserved: readonly string[]; readonly national: readonly string[]; readonly last: number } = {
  last: 97,
  /** Chapter 77 is reserved for future use in the HS. */
  reserved: ['77'],
  /** Chapters 98 and 99 are left to national use (special provisions), not goods classification. */
  national: ['98', '99'],
  source: WCO_HS_2022,
  effectiveFrom: '2022-01-01',
  uncertain: false,
  note: 'HS 2022 has chapters 01–97; 77 is reserved; 98–99 are national special provisions (e.g. Colombia 9807 for postal traffic).',
};

export interface HsCategoryRule extends RuleProvenance {
  readonly category: string;
  /** Two-digit HS chapters the category's goods are normally classified in. */
  readonly chapters: readonly string[];
}

const HEURISTIC = {
  source: WCO_HS_2022,
  effectiveFrom: '2022-01-01',
  uncertain: true,
  note: 'Chapter titles from HS 2022; the category-to-chapter mapping is Enlace’s heuristic, so a mismatch only warns.',
} as const;

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
}

/**
 * Category → expected chapters. Categories that describe handling rather than goods (general,
 * liquid, powder, magnetic) are not listed and not checked.
 */
export const HS_CATEGORY_CHAPTERS: readonly HsCategoryRule[] = [
  // 84 machinery and computers, 85 electrical equipment, 90 optical/photo/measuring instruments.
  { category: 'electronics', chapters: ['84', '85', '90'], ...HEURISTIC },
  // 61 knitted apparel, 62 woven apparel, 63 other made-up textiles, 65 headgear.
  { category: 'apparel', chapters: ['61', '62', '63', '65'], ...HEURISTIC },
  // 64 footwear.
  { category: 'footwear', chapters: ['64'], ...HEURISTIC },
  // Phone cases (39), bags and wallets (42), scarves and hats (61–65), umbrellas (66), hair pieces (67),
  // imitation jewellery (71), small metal goods (73, 83), chargers and cables (85), glasses (90), watches (91), combs (96).
  {
    category: 'accessories',
    chapters: ['39', '40', '42', '43', '61', '62', '63', '65', '66', '67', '71', '73', '76', '83', '85', '90', '91', '96'],
    ...HEURISTIC,
  },
  // 95 toys, games and sports requisites.
  { category: 'toys', chapters: ['95'], ...HEURISTIC },
  // Plastics, wood, textiles, ceramics, glass, metal ware, tools, appliances, furniture and lamps, brooms.
  { category: 'home', chapters: ['39', '44', '46', '48', '57', '63', '69', '70', '73', '76', '82', '83', '84', '85', '94', '96'], ...HEURISTIC },
  // 71 precious metals, stones and imitation jewellery; 91 watches.
  { category: 'jewelry', chapters: ['71', '91'], ...HEURISTIC },
  // 33 essential oils, perfumery and cosmetics; 34 soap; 96 brushes and powder puffs.
  { category: 'cosmetics', chapters: ['33', '34', '96'], ...HEURISTIC },
  // Sections I–IV: animal, vegetable and prepared foodstuffs, beverages (chapters 01–24).
  { category: 'food', chapters: range(1, 24), ...HEURISTIC },
];
