/**
 * Landed-cost rules as data. A rule is one customs/tax treatment of a parcel from China into one
 * country, effective-dated and cited; it is a list of components (a duty or a tax), each a rate
 * applied to a base. All money in rules is USD, the currency every threshold is written in.
 */
import type { DecimalString } from '../../shared/fx';
import type { Money } from '../../shared/money';
import type { DestinationCountry } from '../../shared/shipping-terms';

export interface SourceRef {
  readonly url: string;
  /** Publication date as the source shows it, or "undated". */
  readonly published: string;
  readonly says: string;
}

/** FOB: goods only (transaction value). CIF: goods + freight + insurance. */
export type ValueBasis = 'FOB' | 'CIF';

/** Who receives the parcel, as customs sees it: a person (Brazil: a CPF) or a company (a CNPJ). */
export type RecipientKind = 'individual' | 'company';

/** CIF+duties: CIF plus every 'duty' component computed before this one. */
export type TaxBase = ValueBasis | 'CIF+duties';

export type TaxRate =
  | { readonly kind: 'percent'; readonly percent: DecimalString }
  /** Brazil's ICMS: one rate per destination state (UF), with a default. */
  | { readonly kind: 'by-state'; readonly defaultPercent: DecimalString; readonly byState: Readonly<Record<string, DecimalString>> }
  /** US duties: a rate per HS chapter (first two digits), applied item by item on FOB. */
  | { readonly kind: 'by-hs-chapter'; readonly defaultPercent: DecimalString; readonly byChapter: Readonly<Record<string, DecimalString>> }
  /** Brazil's II: the band is chosen by the base value; amount = base × percent − deduct. */
  | {
      readonly kind: 'banded';
      readonly bands: readonly { readonly upTo?: Money; readonly percent: DecimalString; readonly deduct: Money }[];
    };

export interface TaxComponent {
  /** Stable code, e.g. "BR.II", "BR.ICMS", "MX.GLOBAL". */
  readonly code: string;
  readonly kind: 'duty' | 'tax';
  readonly description: string;
  readonly rate: TaxRate;
  readonly base: TaxBase;
  /** "Por dentro": the tax is part of its own base, so amount = base × t / (1 − t). */
  readonly inclusive?: boolean;
  /** De minimis: the component is zero when the value on `basis` is at or below `value`. */
  readonly exemptUpTo?: { readonly value: Money; readonly basis: ValueBasis };
}

export interface DutyRule {
  readonly id: string;
  readonly country: DestinationCountry;
  readonly name: string;
  /** First UTC day (YYYY-MM-DD) the rule applies; until effectiveTo (inclusive) when given. */
  readonly effectiveFrom: string;
  readonly effectiveTo?: string;
  /**
   * When the rule is chosen among the country's rules in effect (first match in data order):
   * seller flags must equal these (an absent flag counts as false), and the value on `basis`
   * must not exceed `maxValue`.
   */
  readonly appliesWhen?: {
    readonly seller?: { readonly remessaConforme?: boolean; readonly chileVatRegistered?: boolean };
    readonly maxValue?: { readonly value: Money; readonly basis: ValueBasis };
    /** Only for this kind of recipient (an individual buyer, or a company); any when absent. */
    readonly recipient?: RecipientKind;
  };
  /**
   * The selling platform collects these duties and taxes from the buyer at checkout and remits them
   * (Brazil's Remessa Conforme, Chile's SII-registered platforms): nothing is due on delivery.
   */
  readonly collectedAtCheckout?: boolean;
  /** Limits of the simplified regime; a parcel beyond them cannot be shipped on it (formal import instead). */
  readonly limits?: {
    readonly maxValue?: { readonly value: Money; readonly basis: ValueBasis };
    readonly maxTotalWeightGrams?: number;
    readonly maxUnitsPerItem?: number;
  };
  readonly components: readonly TaxComponent[];
  readonly sources: readonly SourceRef[];
  readonly note: string;
  /** What is not confirmed, kept visible in every quote that uses the rule. */
  readonly uncertain: readonly string[];
  /** True when the rule itself is an assumption (no source covers its period); quotes carry a warning. */
  readonly unverified?: boolean;
}
