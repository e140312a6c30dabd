import { convert, describeRate, fxTableOn, type FxTable } from '../shared/fx';
import {
  add,
  allocate,
  fromMajor,
  inclusiveToExclusive,
  maxOf,
  money,
  multiply,
  percentRatio,
  ratio,
  sum,
  zero,
  type Currency,
  type Money,
} from '../shared/money';
import type { DestinationCountry } from '../shared/shipping-terms';
import { BR_AFRMM, BR_COFINS, BR_COFINS_ADDITIONAL, BR_ICMS_SP, BR_II, BR_IPI, BR_PIS, BR_REGIME, BR_SISCOMEX } from './duties/br';
import { MX_DTA, MX_IGI, MX_IVA, MX_PREVALIDATION, MX_REGIME } from './duties/mx';
import { figureOn, rateFor, type HsRate, type Provenance, type RegimeInfo } from './duties/types';
import { US_HMF, US_MFN, US_MPF, US_REGIME, US_SECTION_301, US_SURCHARGE } from './duties/us';
import type { InboundMode } from './lifecycle';

/**
 * Landed cost per unit of an inbound shipment: each SKU's price (FOB), its share of the line-haul
 * freight and insurance, and the duties, taxes and fees of the destination's general import regime,
 * in the regime's currency at the FX of the customs day. Freight and insurance are shared by volume
 * for sea freight and by chargeable weight (IATA 6,000 cm³/kg) for air, and the choice is recorded;
 * fees charged once per declaration are shared by customs value. Every amount is rounded once.
 */

export type AllocationBasis = 'volume' | 'chargeable-weight';

export interface LandedCostLine {
  readonly sku: string;
  readonly quantity: number;
  /** Price per unit as declared (FOB), in the shipment's currency. */
  readonly unitValue: Money;
  readonly hsCode: string;
  /** Units' volume, cm³, and weight, grams, for the line (all its units). */
  readonly volumeCm3: number;
  readonly weightGrams: number;
}

export interface LandedCostInput {
  readonly country: DestinationCountry;
  readonly mode: InboundMode;
  readonly lines: readonly LandedCostLine[];
  readonly freight: Money;
  readonly insurance?: Money;
  /** The customs date (YYYY-MM-DD): rates and FX in effect that day. */
  readonly customsDay: string;
  readonly fxTables: readonly FxTable[];
}

export interface Charge {
  readonly code: string;
  readonly label: string;
  readonly amount: Money;
  readonly basis: string;
  readonly kind: 'duty' | 'tax' | 'fee';
  /** A tax a registered importer can credit against its own (IVA, ICMS, PIS/COFINS): paid in cash, recoverable later. */
  readonly recoverable: boolean;
  readonly source: string | null;
  readonly sandbox: boolean;
  readonly uncertain: boolean;
}

export interface LandedLine {
  readonly sku: string;
  readonly quantity: number;
  readonly fob: Money;
  readonly freight: Money;
  readonly insurance: Money;
  readonly customsValue: Money;
  readonly charges: readonly Charge[];
  readonly total: Money;
  readonly landedUnitCost: Money;
}

export interface LandedCost {
  readonly country: DestinationCountry;
  readonly regime: string;
  readonly currency: Currency;
  readonly customsDay: string;
  readonly fx: { readonly table: string; readonly rate: string; readonly sandbox: boolean };
  readonly allocationBasis: AllocationBasis;
  readonly lines: readonly LandedLine[];
  readonly total: Money;
  /** True when any figure used is a sandbox figure (never for real money). */
  readonly sandbox: boolean;
  /** The uncertain and sandbox figures used, in words, once each. */
  readonly notes: readonly string[];
}

export class LandedCostError extends Error {
  override readonly name = 'LandedCostError';
}

const REGIMES: Partial<Record<DestinationCountry, RegimeInfo>> = { MX: MX_REGIME, BR: BR_REGIME, US: US_REGIME };

interface Working {
  readonly line: LandedCostLine;
  readonly fob: Money;
  readonly freight: Money;
  readonly insurance: Money;
  customsValue: Money;
  readonly charges: Charge[];
}

interface Context {
  readonly input: LandedCostInput;
  readonly currency: Currency;
  readonly notes: Set<string>;
  sandbox: boolean;
}

function charge(
  context: Context,
  code: string,
  label: string,
  amount: Money,
  basis: string,
  kind: Charge['kind'],
  figure: Provenance,
  recoverable = false,
): Charge {
  if (figure.sandbox || figure.uncertain) {
    context.notes.add(`${label}: ${figure.note ?? (figure.sandbox ? 'sandbox figure' : 'uncertain')}`);
  }
  if (figure.sandbox) context.sandbox = true;
  return { code, label, amount, basis, kind, recoverable, source: figure.source, sandbox: figure.sandbox, uncertain: figure.uncertain };
}

function requireRate(rates: readonly HsRate[], hsCode: string, day: string, what: string): HsRate {
  const rate = rateFor(rates, hsCode, day);
  if (rate === undefined) throw new LandedCostError(`no ${what} rate for HS ${hsCode} on ${day}`);
  return rate;
}

function requireFigure<T extends Provenance>(series: readonly T[], day: string, what: string): T {
  const figure = figureOn(series, day);
  if (figure === undefined) throw new LandedCostError(`no ${what} in effect on ${day}`);
  return figure;
}

const pct = (percent: string) => percentRatio(percent);

/** Shares a declaration-level amount across lines by their customs value. */
function byCustomsValue(total: Money, lines: readonly Working[]): Money[] {
  const weights = lines.map((line) => Math.max(0, line.customsValue.amount));
  return weights.every((weight) => weight === 0)
    ? allocate(
        total,
        lines.map(() => 1),
      )
    : allocate(total, weights);
}

function mexico(context: Context, lines: Working[]): void {
  const day = context.input.customsDay;
  for (const line of lines) line.customsValue = add(add(line.fob, line.freight), line.insurance);
  const dtaLines = lines.map((line) => multiply(line.customsValue, pct(MX_DTA.percent)));
  const dtaTotal = sum(context.currency, dtaLines);
  const dtaMinimum = fromMajor(MX_DTA.minimum, 'MXN');
  const dta = dtaTotal.amount >= dtaMinimum.amount ? dtaLines : byCustomsValue(maxOf(dtaTotal, dtaMinimum), lines);
  const prevalidation = byCustomsValue(fromMajor(MX_PREVALIDATION.amount, 'MXN'), lines);
  lines.forEach((line, index) => {
    const igiRate = requireRate(MX_IGI, line.line.hsCode, day, 'IGI');
    const igi = multiply(line.customsValue, pct(igiRate.percent));
    const dtaLine = dta[index]!;
    const iva = multiply(add(add(line.customsValue, igi), dtaLine), pct(MX_IVA.percent));
    line.charges.push(
      charge(context, 'IGI', igiRate.label, igi, `${igiRate.percent}% × customs value`, 'duty', igiRate),
      charge(
        context,
        'DTA',
        'Derecho de trámite aduanero',
        dtaLine,
        `${MX_DTA.percent}% × customs value (minimum MXN ${MX_DTA.minimum} per pedimento)`,
        'fee',
        MX_DTA,
      ),
      charge(
        context,
        'PRV',
        'Prevalidación del pedimento',
        prevalidation[index]!,
        `MXN ${MX_PREVALIDATION.amount} per pedimento, shared by customs value`,
        'fee',
        MX_PREVALIDATION,
      ),
      charge(context, 'IVA', 'IVA on import', iva, `${MX_IVA.percent}% × (customs value + IGI + DTA)`, 'tax', MX_IVA, true),
    );
  });
}

function siscomexFee(additions: number): Money {
  let total = fromMajor(BR_SISCOMEX.amount, 'BRL');
  for (let addition = 1; addition <= additions; addition += 1) {
    const band = BR_SISCOMEX.perAddition.find((candidate) => addition <= candidate.upTo)!;
    total = add(total, fromMajor(band.amount, 'BRL'));
  }
  return total;
}

function brazil(context: Context, lines: Working[]): void {
  const day = context.input.customsDay;
  for (const line of lines) line.customsValue = add(add(line.fob, line.freight), line.insurance);
  const additions = new Set(lines.map((line) => line.line.hsCode.slice(0, 8))).size;
  const siscomex = byCustomsValue(siscomexFee(additions), lines);
  const sea = context.input.mode === 'sea-fcl' || context.input.mode === 'sea-lcl';
  lines.forEach((line, index) => {
    const { hsCode } = line.line;
    const iiRate = requireRate(BR_II, hsCode, day, 'II');
    const ipiRate = requireRate(BR_IPI, hsCode, day, 'IPI');
    const ii = multiply(line.customsValue, pct(iiRate.percent));
    const ipi = multiply(add(line.customsValue, ii), pct(ipiRate.percent));
    const pis = multiply(line.customsValue, pct(BR_PIS.percent));
    const additional = rateFor(BR_COFINS_ADDITIONAL, hsCode, day);
    const cofinsPercent = additional === undefined ? BR_COFINS.percent : String(Number(BR_COFINS.percent) + Number(additional.percent));
    const cofins = multiply(line.customsValue, pct(cofinsPercent));
    const afrmm = sea ? multiply(line.freight, pct(BR_AFRMM.percent)) : zero('BRL');
    const base = sum('BRL', [line.customsValue, ii, ipi, pis, cofins, siscomex[index]!, afrmm]);
    const icms = multiply(base, inclusiveToExclusive(pct(BR_ICMS_SP.percent)));
    line.charges.push(
      charge(context, 'II', iiRate.label, ii, `${iiRate.percent}% × customs value`, 'duty', iiRate),
      charge(context, 'IPI', ipiRate.label, ipi, `${ipiRate.percent}% × (customs value + II)`, 'tax', ipiRate, true),
      charge(context, 'PIS', 'PIS-Importação', pis, `${BR_PIS.percent}% × customs value`, 'tax', BR_PIS, true),
      charge(context, 'COFINS', 'COFINS-Importação', cofins, `${cofinsPercent}% × customs value`, 'tax', additional ?? BR_COFINS, true),
      charge(
        context,
        'SISCOMEX',
        'Taxa Siscomex',
        siscomex[index]!,
        `BRL ${BR_SISCOMEX.amount} per declaration + ${additions} adição fee(s), shared by customs value`,
        'fee',
        BR_SISCOMEX,
      ),
      ...(sea ? [charge(context, 'AFRMM', 'AFRMM (merchant marine fund)', afrmm, `${BR_AFRMM.percent}% × ocean freight`, 'fee', BR_AFRMM)] : []),
      charge(
        context,
        'ICMS',
        'ICMS on import (São Paulo)',
        icms,
        `${BR_ICMS_SP.percent}% "por dentro" of (customs value + II + IPI + PIS + COFINS + Siscomex${sea ? ' + AFRMM' : ''})`,
        'tax',
        BR_ICMS_SP,
        true,
      ),
    );
  });
}

function unitedStates(context: Context, lines: Working[]): void {
  const day = context.input.customsDay;
  // The entered value excludes international freight and insurance.
  for (const line of lines) line.customsValue = line.fob;
  const mpfFee = requireFigure(US_MPF, day, 'merchandise processing fee');
  const mpfRaw = sum(
    'USD',
    lines.map((line) => multiply(line.customsValue, pct(mpfFee.percent))),
  );
  const mpfTotal = money(Math.min(Math.max(mpfRaw.amount, fromMajor(mpfFee.minimum, 'USD').amount), fromMajor(mpfFee.maximum, 'USD').amount), 'USD');
  const mpf = byCustomsValue(mpfTotal, lines);
  const sea = context.input.mode === 'sea-fcl' || context.input.mode === 'sea-lcl';
  lines.forEach((line, index) => {
    const { hsCode } = line.line;
    const mfn = requireRate(US_MFN, hsCode, day, 'MFN duty');
    const s301 = requireRate(US_SECTION_301, hsCode, day, 'Section 301');
    const surcharge = requireRate(US_SURCHARGE, hsCode, day, 'surcharge');
    line.charges.push(
      charge(context, 'DUTY_MFN', mfn.label, multiply(line.customsValue, pct(mfn.percent)), `${mfn.percent}% × entered value`, 'duty', mfn),
      charge(context, 'DUTY_301', s301.label, multiply(line.customsValue, pct(s301.percent)), `${s301.percent}% × entered value`, 'duty', s301),
      charge(
        context,
        'SURCHARGE',
        surcharge.label,
        multiply(line.customsValue, pct(surcharge.percent)),
        `${surcharge.percent}% × entered value`,
        'duty',
        surcharge,
      ),
      charge(
        context,
        'MPF',
        'Merchandise processing fee',
        mpf[index]!,
        `${mpfFee.percent}% × entered value, USD ${mpfFee.minimum}–${mpfFee.maximum} per entry, shared by value`,
        'fee',
        mpfFee,
      ),
      ...(sea
        ? [
            charge(
              context,
              'HMF',
              'Harbor maintenance fee',
              multiply(line.customsValue, pct(US_HMF.percent)),
              `${US_HMF.percent}% × entered value (ocean)`,
              'fee',
              US_HMF,
            ),
          ]
        : []),
    );
  });
}

/** IATA chargeable weight: the larger of the actual weight and the volume at 6,000 cm³ per kg. */
function chargeableGrams(line: LandedCostLine): number {
  return Math.max(line.weightGrams, Math.ceil(line.volumeCm3 / 6));
}

export function calculateLandedCost(input: LandedCostInput): LandedCost {
  const regime = REGIMES[input.country];
  if (regime === undefined) throw new LandedCostError(`Enlace has no warehouse regime for ${input.country}`);
  if (input.lines.length === 0) throw new LandedCostError('a shipment with no lines has no landed cost');
  const fx = fxTableOn(input.fxTables, input.customsDay);
  const currency = regime.currency;
  const context: Context = { input, currency, notes: new Set(), sandbox: fx.sandbox };
  if (fx.sandbox) context.notes.add(`FX ${fx.id}: ${fx.note}`);
  const allocationBasis: AllocationBasis = input.mode === 'sea-fcl' || input.mode === 'sea-lcl' ? 'volume' : 'chargeable-weight';
  const weights = input.lines.map((line) => (allocationBasis === 'volume' ? line.volumeCm3 : chargeableGrams(line)));
  const freight = allocate(convert(input.freight, currency, fx), weights);
  const insurance = allocate(convert(input.insurance ?? zero(input.freight.currency), currency, fx), weights);
  const working: Working[] = input.lines.map((line, index) => {
    const fob = convert(multiply(line.unitValue, ratio(line.quantity, 1)), currency, fx);
    return { line, fob, freight: freight[index]!, insurance: insurance[index]!, customsValue: fob, charges: [] };
  });
  if (input.country === 'MX') mexico(context, working);
  else if (input.country === 'BR') brazil(context, working);
  else unitedStates(context, working);
  const lines: LandedLine[] = working.map((line) => {
    const total = sum(currency, [line.fob, line.freight, line.insurance, ...line.charges.map((entry) => entry.amount)]);
    return {
      sku: line.line.sku,
      quantity: line.line.quantity,
      fob: line.fob,
      freight: line.freight,
      insurance: line.insurance,
      customsValue: line.customsValue,
      charges: line.charges,
      total,
      landedUnitCost: multiply(total, ratio(1, line.line.quantity)),
    };
  });
  const first = input.lines[0]!.unitValue.currency;
  return {
    country: input.country,
    regime: regime.name,
    currency,
    customsDay: input.customsDay,
    fx: { table: fx.id, rate: first === currency ? `1 ${currency} = 1 ${currency}` : describeRate(first, currency, fx), sandbox: fx.sandbox },
    allocationBasis,
    lines,
    total: sum(
      currency,
      lines.map((line) => line.total),
    ),
    sandbox: context.sandbox,
    notes: [...context.notes],
  };
}
