/** Pieces shared by several countries' rules. */
import type { DocumentLanguage, DocumentLanguageRule } from './types';

/**
 * Words that mark a radio transmitter (Wi-Fi, Bluetooth, cellular), in English, Spanish and
 * Portuguese, for the telecom approvals (ANATEL, FCC) that apply to radio devices only.
 */
export const RADIO_KEYWORDS: readonly string[] = [
  'bluetooth',
  'wi-fi',
  'wifi',
  'wlan',
  'wireless',
  '4g',
  '5g',
  'lte',
  'gsm',
  'cellular',
  'smartphone',
  'mobile phone',
  'cell phone',
  'walkie-talkie',
  'router',
  'sem fio',
  'celular',
  'inalambrico',
  'inalambricos',
  'inalambrica',
  'inalambricas',
];

/**
 * The language printed beside English. No source in the reference requires a translation; customs
 * officers and last-mile carriers read their own language, so Enlace prints one where it is not English.
 */
export function localLanguage(language: DocumentLanguage | null): DocumentLanguageRule {
  return {
    language,
    source: null,
    effectiveFrom: null,
    uncertain: true,
    note:
      language === null
        ? 'English only: the destination works in English.'
        : 'Enlace practice, not a sourced requirement: descriptions are printed in the destination language beside English.',
  };
}
