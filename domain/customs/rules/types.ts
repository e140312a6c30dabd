/**
 * Shapes of the customs rules data. Every rule says where it comes from (`source`), from when it
 * applies (`effectiveFrom`) and whether the reference confirms it (`uncertain` + `note`), so a
 * reader can tell a sourced fact from Enlace's own assumption without opening another file.
 */
import type { CertificateAgency } from '../../shared/certificates';
import type { DestinationCountry } from '../../shared/shipping-terms';
import type { TaxIdKind, TaxIdRequirement } from '../../shared/tax-ids';

/** The reference file the sourced facts were gathered in (URLs in it are quoted on each rule). */
export const REFERENCE = 'shared/reference/domain-facts.md';

export interface RuleProvenance {
  /** URL of the source; null only when nothing confirms the rule (then `uncertain` is true and `note` says why). */
  readonly source: string | null;
  /**
   * First UTC day (YYYY-MM-DD) the rule applies. When the reference gives no start date for the
   * regulation itself, this is the date of the source that confirms it (the note says so); null
   * when not even that is known. A rule whose date is later than the check's `at` is not applied.
   */
  readonly effectiveFrom: string | null;
  /** True when the reference does not confirm the rule (or only through an old or undated source). */
  readonly uncertain: boolean;
  readonly note?: string;
  /** True for figures invented for the sandbox: never rely on them for real shipments. */
  readonly sandbox?: boolean;
}

export type ProblemSeverity = 'error' | 'warning';

/** A per-consignment limit of the import regime a parcel service clears under. */
export interface RegimeLimitRule extends RuleProvenance {
  readonly id: string;
  /** The regime's name as the destination calls it. */
  readonly regime: string;
  /**
   * declared-value-usd: the order's declared goods value, in US cents (converted by the caller's FX);
   * gross-weight-grams: all parcels together; units-per-item: the quantity of any one item.
   */
  readonly measure: 'declared-value-usd' | 'gross-weight-grams' | 'units-per-item';
  /** Inclusive maximum, in the measure's unit (US cents, grams, units). */
  readonly max: number;
  readonly severity: ProblemSeverity;
  /** What the seller can do instead, as the end of a sentence. */
  readonly advice: string;
  /** Only when the recipient is identified by one of these tax-id kinds (e.g. a Peruvian DNI). */
  readonly recipientTaxIdKinds?: readonly TaxIdKind[];
}

/**
 * Which items a rule applies to. An item matches when its HS code starts with one of `hsPrefixes`,
 * or when both hold: its category is one of `categories` (if given) and its description contains
 * one of `keywords` (if given; whole words, accents and case ignored). A matcher gives at least
 * `categories` or `keywords`.
 */
export interface GoodsMatcher {
  readonly categories?: readonly string[];
  readonly hsPrefixes?: readonly string[];
  readonly keywords?: readonly string[];
}

export interface CertificateRule extends RuleProvenance {
  readonly id: string;
  readonly agency: CertificateAgency;
  /** The document needed, as a noun phrase ("an INMETRO conformity certificate and registration"). */
  readonly certificate: string;
  /** Why, in one clause a seller understands. */
  readonly reason: string;
  readonly appliesTo: GoodsMatcher;
  /** error: the parcel is held without it; warning: it may be asked for (or the rule is unconfirmed). */
  readonly severity: ProblemSeverity;
}

/** Goods that may not be sent at all on this lane, whatever the paperwork. */
export interface ProhibitionRule extends RuleProvenance {
  readonly id: string;
  readonly authority: string;
  readonly reason: string;
  readonly appliesTo: GoodsMatcher;
}

export type DocumentLanguage = 'es' | 'pt';

export interface DocumentLanguageRule extends RuleProvenance {
  /** Language printed beside English on the documents; null: English only. */
  readonly language: DocumentLanguage | null;
}

/** Everything customs-related Enlace knows about one destination. */
export interface CountryCustomsRules {
  readonly country: DestinationCountry;
  /** Recipient tax id: reused from tax-ids.ts, which holds the sourced requirement. */
  readonly taxId: Readonly<TaxIdRequirement>;
  readonly documentLanguage: DocumentLanguageRule;
  readonly regimeLimits: readonly RegimeLimitRule[];
  readonly certificates: readonly CertificateRule[];
  readonly prohibitions: readonly ProhibitionRule[];
}

/** US cents from whole dollars, so limits read as in their source. */
export function usd(dollars: number): number {
  return Math.round(dollars * 100);
}
