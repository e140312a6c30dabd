/**
 * How customs rules recognise goods: descriptions normalized and searched for whole-word phrases, HS
 * codes compacted and printed, and rule matchers (HS prefixes, categories, keywords) applied to an
 * order item or a catalogue product alike.
 */
import { FILLER_WORDS, type GoodsMatcher, VAGUE_WORDS } from './rules';

// ---------------------------------------------------------------------------------------------
// Text

/** Lower case, accents and apostrophes removed, anything else that is not a letter or digit as one space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Normalized keyword phrases, padded with spaces; the phrases come from the rules data, a small fixed set. */
const PHRASES = new Map<string, string>();

function paddedPhrase(phrase: string): string {
  let padded = PHRASES.get(phrase);
  if (padded === undefined) {
    const normalized = normalizeText(phrase);
    padded = normalized === '' ? '' : ` ${normalized} `;
    PHRASES.set(phrase, padded);
  }
  return padded;
}

/** Where `phrase` first occurs as whole words in normalized `text` (as an index into " text "), or -1. */
export function phraseIndex(normalizedText: string, phrase: string): number {
  const needle = paddedPhrase(phrase);
  return needle === '' ? -1 : ` ${normalizedText} `.indexOf(needle);
}

/** Whether normalized `text` contains `phrase` as whole words. */
export function containsPhrase(normalizedText: string, phrase: string): boolean {
  return phraseIndex(normalizedText, phrase) >= 0;
}

/** The HS code without dots, spaces or dashes. */
export function compactHsCode(hsCode: string): string {
  return hsCode.replace(/[.\s-]/g, '');
}

/** "8518.30" for "851830", "8517.62.00" for "85176200": the usual printed form. */
export function formatHsCode(hsCode: string): string {
  const digits = compactHsCode(hsCode);
  if (!/^\d+$/.test(digits) || digits.length < 6) return hsCode;
  const groups = [digits.slice(0, 4), digits.slice(4, 6)];
  for (let i = 6; i < digits.length; i += 2) groups.push(digits.slice(i, i + 2));
  return groups.join('.');
}

// ---------------------------------------------------------------------------------------------
// Goods matching

const VAGUE = new Set(VAGUE_WORDS);
const FILLER = new Set(FILLER_WORDS);

/** True when the description names nothing specific: only vague and filler words, numbers or codes. */
export function isVagueDescription(description: string): boolean {
  const words = normalizeText(description)
    .split(' ')
    .filter((word) => word !== '' && !FILLER.has(word) && !/^\d+$/.test(word));
  const meaningful = words.filter((word) => !VAGUE.has(word));
  // Nothing left, or only short tokens such as model codes ("x2", "ab").
  return meaningful.every((word) => word.length < 3 || /\d/.test(word));
}

/** What a goods rule looks at: an order item, or a product of the catalogue. */
export interface GoodsFacts {
  readonly hsCode: string;
  readonly category?: string;
}

/** Whether a rule's matcher applies to goods with this HS code, category and (normalized) description. */
export function matchesGoods(matcher: GoodsMatcher, item: GoodsFacts, normalizedDescription: string): boolean {
  const hs = compactHsCode(item.hsCode);
  if (matcher.hsPrefixes?.some((prefix) => hs.startsWith(prefix))) return true;
  if (matcher.categories === undefined && matcher.keywords === undefined) return false;
  const category = item.category?.trim().toLowerCase();
  const categoryOk = matcher.categories === undefined || (category !== undefined && matcher.categories.includes(category));
  const keywordOk = matcher.keywords === undefined || matcher.keywords.some((keyword) => containsPhrase(normalizedDescription, keyword));
  return categoryOk && keywordOk;
}
