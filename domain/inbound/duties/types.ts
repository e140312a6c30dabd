import type { Currency } from '../../shared/money';
import type { DestinationCountry } from '../../shared/shipping-terms';

/**
 * Duties and taxes of a destination's GENERAL import regime (a container or an air-freight
 * consignment entered by a customs broker: Mexico's pedimento, Brazil's DI/DUIMP, a US formal
 * entry), as dated data with sources. Not the courier regimes of rating/duties: those apply to
 * parcels. Figures the research could not source are marked `sandbox` and stay visible on every
 * landed-cost line that uses them.
 */
export interface Provenance {
  readonly source: string | null;
  /** First day (YYYY-MM-DD) the figure applies. */
  readonly effectiveFrom: string;
  /** Last day it applies, when it has an end (a temporary decree, a fiscal year). */
  readonly effectiveTo?: string;
  readonly uncertain: boolean;
  readonly sandbox: boolean;
  readonly note?: string;
}

/** A percentage for the goods whose HS code starts with `hsPrefix` ('' = any other goods). */
export interface HsRate extends Provenance {
  readonly hsPrefix: string;
  readonly percent: string;
  readonly label: string;
}

/** A fixed amount in the regime's currency, per declaration. */
export interface FixedFee extends Provenance {
  readonly amount: string;
}

export interface PercentFee extends Provenance {
  readonly percent: string;
}

export interface BoundedPercentFee extends PercentFee {
  /** Minimum and maximum per declaration, in the regime's currency. */
  readonly minimum: string;
  readonly maximum: string;
}

export interface RegimeInfo extends Provenance {
  readonly country: DestinationCountry;
  readonly name: string;
  /** Duties are assessed and paid in this currency (FX at the customs date). */
  readonly currency: Currency;
}

/** Picks the rate in effect on `day` for an HS code: the longest matching prefix among those in effect. */
export function rateFor<T extends { readonly hsPrefix: string } & Provenance>(rates: readonly T[], hsCode: string, day: string): T | undefined {
  let best: T | undefined;
  for (const rate of rates) {
    if (!inEffect(rate, day) || !hsCode.startsWith(rate.hsPrefix)) continue;
    if (
      best === undefined ||
      rate.hsPrefix.length > best.hsPrefix.length ||
      (rate.hsPrefix.length === best.hsPrefix.length && rate.effectiveFrom > best.effectiveFrom)
    ) {
      best = rate;
    }
  }
  return best;
}

export function inEffect(figure: Provenance, day: string): boolean {
  return figure.effectiveFrom <= day && (figure.effectiveTo === undefined || day <= figure.effectiveTo);
}

/** The figure of a dated series in effect on `day` (the latest that started). */
export function figureOn<T extends Provenance>(series: readonly T[], day: string): T | undefined {
  return series.filter((figure) => inEffect(figure, day)).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}
