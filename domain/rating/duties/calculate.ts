/**
 * The landed-cost calculator: picks the country's rule in effect on the quote day for this seller
 * and value, checks the regime's limits, and computes each component in USD minor units, each
 * rounded once by the money rounding rule (half away from zero to the cent).
 */
import { type Money, type Ratio, add, formatMoney, formatPercent, inclusiveToExclusive, multiply, percentRatio, subtract, sum, zero } from '../../shared/money';
import type { DestinationCountry } from '../../shared/shipping-terms';
import type { SellerFlags } from '../types';
import type { DutyRule, RecipientKind, TaxComponent, TaxRate, ValueBasis } from './types';

export interface CustomsItem {
  readonly value: Money; // USD, quantity × unit value
  readonly hsCode: string; // digits only
  readonly quantity: number;
}

export interface CustomsDeclaration {
  readonly country: DestinationCountry;
  /** Quote day, YYYY-MM-DD. */
  readonly day: string;
  readonly seller: SellerFlags;
  /** Who receives the parcel (an individual when not known: cross-border parcels are sold to consumers). */
  readonly recipient?: RecipientKind;
  /** Destination state (Brazil: UF for ICMS). */
  readonly state?: string;
  readonly items: readonly CustomsItem[];
  /** All USD. */
  readonly fob: Money;
  readonly freight: Money;
  readonly insurance: Money;
  readonly totalWeightGrams: number;
}

export interface DutyLine {
  readonly code: string;
  readonly kind: 'duty' | 'tax';
  readonly description: string;
  readonly amount: Money; // USD
  readonly basis: string;
}

export type DutyAssessment =
  | {
      readonly ok: true;
      readonly rule: DutyRule;
      readonly lines: readonly DutyLine[];
      readonly total: Money;
      readonly fob: Money;
      readonly cif: Money;
    }
  | { readonly ok: false; readonly code: 'NO_DUTY_RULE' | 'CUSTOMS_REGIME_LIMIT'; readonly message: string };

export class InvalidDutyRuleError extends Error {
  override readonly name = 'InvalidDutyRuleError';
}

function valueOn(basis: ValueBasis, declaration: CustomsDeclaration, cif: Money): Money {
  return basis === 'FOB' ? declaration.fob : cif;
}

function inEffect(rule: DutyRule, day: string): boolean {
  return rule.effectiveFrom <= day && (rule.effectiveTo === undefined || day <= rule.effectiveTo);
}

function sellerMatches(rule: DutyRule, seller: SellerFlags): boolean {
  const wanted = rule.appliesWhen?.seller;
  if (!wanted) return true;
  if (wanted.remessaConforme !== undefined && wanted.remessaConforme !== (seller.remessaConforme ?? false)) return false;
  if (wanted.chileVatRegistered !== undefined && wanted.chileVatRegistered !== (seller.chileVatRegistered ?? false)) return false;
  return true;
}

/** The first rule (in data order) of the country in effect on the day whose conditions hold. */
export function selectDutyRule(rules: readonly DutyRule[], declaration: CustomsDeclaration, cif: Money): DutyRule | undefined {
  for (const rule of rules) {
    if (rule.country !== declaration.country || !inEffect(rule, declaration.day)) continue;
    if (!sellerMatches(rule, declaration.seller)) continue;
    const recipient = rule.appliesWhen?.recipient;
    if (recipient !== undefined && recipient !== (declaration.recipient ?? 'individual')) continue;
    const cap = rule.appliesWhen?.maxValue;
    if (cap && valueOn(cap.basis, declaration, cif).amount > cap.value.amount) continue;
    return rule;
  }
  return undefined;
}

function limitViolation(rule: DutyRule, declaration: CustomsDeclaration, cif: Money, maxUnits: number): string | undefined {
  const limits = rule.limits;
  if (!limits) return undefined;
  if (limits.maxValue) {
    const value = valueOn(limits.maxValue.basis, declaration, cif);
    if (value.amount > limits.maxValue.value.amount) {
      return `${limits.maxValue.basis} value ${formatMoney(value)} exceeds the ${formatMoney(limits.maxValue.value)} limit of ${rule.name}`;
    }
  }
  if (limits.maxTotalWeightGrams !== undefined && declaration.totalWeightGrams > limits.maxTotalWeightGrams) {
    return `total weight ${declaration.totalWeightGrams} g exceeds the ${limits.maxTotalWeightGrams} g limit of ${rule.name}`;
  }
  if (limits.maxUnitsPerItem !== undefined && maxUnits > limits.maxUnitsPerItem) {
    return `${maxUnits} units of one item exceed the ${limits.maxUnitsPerItem}-unit limit of ${rule.name}`;
  }
  return undefined;
}

function chapterOf(hsCode: string): string {
  return hsCode.slice(0, 2);
}

/** Rate and its label for a single-rate component (everything but by-hs-chapter). */
function singleRate(
  rate: Exclude<TaxRate, { kind: 'by-hs-chapter' }>,
  base: Money,
  state: string | undefined,
): { percent: string; deduct?: Money; label: string } {
  switch (rate.kind) {
    case 'percent':
      return { percent: rate.percent, label: '' };
    case 'by-state': {
      const own = state === undefined ? undefined : rate.byState[state];
      if (own !== undefined || state !== undefined) return { percent: own ?? rate.defaultPercent, label: ` (${state ?? ''})` };
      return { percent: rate.defaultPercent, label: ' (state unknown: default rate)' };
    }
    case 'banded': {
      for (const band of rate.bands) {
        if (band.upTo === undefined || base.amount <= band.upTo.amount) {
          const label = band.upTo === undefined ? ' (top band)' : ` (band up to ${formatMoney(band.upTo)})`;
          return { percent: band.percent, deduct: band.deduct, label };
        }
      }
      throw new InvalidDutyRuleError('banded rate has no band for the value; the last band must be open-ended');
    }
  }
}

function computeComponent(component: TaxComponent, base: Money, declaration: CustomsDeclaration): { amount: Money; basis: string } {
  const rate = component.rate;
  if (rate.kind === 'by-hs-chapter') {
    if (component.base !== 'FOB' || component.inclusive) throw new InvalidDutyRuleError(`${component.code}: HS-chapter rates apply to FOB only`);
    // Grouped by rate, one rounding per group, as an entry rounds per tariff line.
    const groups = new Map<string, { value: Money; chapters: Set<string> }>();
    for (const item of declaration.items) {
      const chapter = chapterOf(item.hsCode);
      const percent = rate.byChapter[chapter] ?? rate.defaultPercent;
      const group = groups.get(percent) ?? { value: zero('USD'), chapters: new Set<string>() };
      group.value = add(group.value, item.value);
      group.chapters.add(chapter);
      groups.set(percent, group);
    }
    const parts: string[] = [];
    let amount = zero('USD');
    for (const [percent, group] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const r = percentRatio(percent);
      const part = multiply(group.value, r);
      amount = add(amount, part);
      parts.push(`${formatPercent(r)} × ${formatMoney(group.value)} (HS ch. ${[...group.chapters].sort().join(', ')})`);
    }
    return { amount, basis: parts.join(' + ') };
  }
  const chosen = singleRate(rate, base, declaration.state);
  const r: Ratio = percentRatio(chosen.percent);
  if (component.inclusive) {
    const factor = inclusiveToExclusive(r);
    return {
      amount: multiply(base, factor),
      basis: `${formatPercent(r)}${chosen.label} "por dentro": ${formatMoney(base)} × ${factor.num}/${factor.den}`,
    };
  }
  const gross = multiply(base, r);
  if (chosen.deduct && chosen.deduct.amount > 0) {
    const net = subtract(gross, chosen.deduct);
    return {
      amount: net.amount > 0 ? net : zero('USD'),
      basis: `${formatPercent(r)} × ${formatMoney(base)} − ${formatMoney(chosen.deduct)}${chosen.label}`,
    };
  }
  return { amount: gross, basis: `${formatPercent(r)} × ${formatMoney(base)}${chosen.label}` };
}

/** Duties and taxes of a declaration under the rule in effect, or why the parcel cannot use the regime. */
export function assessDuties(rules: readonly DutyRule[], declaration: CustomsDeclaration): DutyAssessment {
  const cif = sum('USD', [declaration.fob, declaration.freight, declaration.insurance]);
  const rule = selectDutyRule(rules, declaration, cif);
  if (!rule) {
    return { ok: false, code: 'NO_DUTY_RULE', message: `no ${declaration.country} duty rule in effect on ${declaration.day} for this seller and value` };
  }
  const maxUnits = declaration.items.reduce((max, item) => Math.max(max, item.quantity), 0);
  const violation = limitViolation(rule, declaration, cif, maxUnits);
  if (violation) return { ok: false, code: 'CUSTOMS_REGIME_LIMIT', message: violation };

  const lines: DutyLine[] = [];
  let duties = zero('USD');
  for (const component of rule.components) {
    const base = component.base === 'FOB' ? declaration.fob : component.base === 'CIF' ? cif : add(cif, duties);
    const exempt = component.exemptUpTo;
    if (exempt && valueOn(exempt.basis, declaration, cif).amount <= exempt.value.amount) {
      lines.push({
        code: component.code,
        kind: component.kind,
        description: component.description,
        amount: zero('USD'),
        basis: `exempt: ${exempt.basis} ${formatMoney(valueOn(exempt.basis, declaration, cif))} ≤ ${formatMoney(exempt.value)}`,
      });
      continue;
    }
    const { amount, basis } = computeComponent(component, base, declaration);
    if (component.kind === 'duty') duties = add(duties, amount);
    lines.push({ code: component.code, kind: component.kind, description: component.description, amount, basis });
  }
  return {
    ok: true,
    rule,
    lines,
    total: sum(
      'USD',
      lines.map((l) => l.amount),
    ),
    fob: declaration.fob,
    cif,
  };
}
