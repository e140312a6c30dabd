/** Customs rules of every destination, as data. See types.ts for what each field means. */
import type { DestinationCountry } from '../../shared/shipping-terms';
import { BR_CUSTOMS } from './br';
import { CL_CUSTOMS } from './cl';
import { CO_CUSTOMS } from './co';
import { MX_CUSTOMS } from './mx';
import { PE_CUSTOMS } from './pe';
import type { CountryCustomsRules } from './types';
import { US_CUSTOMS } from './us';

export const CUSTOMS_RULES: Readonly<Record<DestinationCountry, CountryCustomsRules>> = {
  BR: BR_CUSTOMS,
  MX: MX_CUSTOMS,
  CL: CL_CUSTOMS,
  CO: CO_CUSTOMS,
  PE: PE_CUSTOMS,
  US: US_CUSTOMS,
};

export function customsRulesFor(country: DestinationCountry): CountryCustomsRules {
  return CUSTOMS_RULES[country];
}

export { BATTERY_KEYWORDS, BATTERY_RULES, type BatteryRule, type LithiumBatteryType } from './batteries';
export { FILLER_WORDS, VAGUE_DESCRIPTION_RULE, VAGUE_WORDS } from './descriptions';
export { HS_CATEGORY_CHAPTERS, HS_CHAPTERS, HS_CODE_PATTERN, type HsCategoryRule } from './hs-chapters';
export { CN22_LIMIT, SDR_RATE } from './postal-forms';
export { CATEGORY_TERMS, GLOSSARY_PROVENANCE, MODIFIER_TERMS, NOUN_TERMS, type Agreement, type ModifierForms } from './translations';
export * from './types';
