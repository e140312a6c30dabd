/**
 * Rating: every service on the lane, for one shipment, on one quote date.
 *
 * For each service: the rate-card version in effect → eligibility → per-parcel lines (line-haul,
 * fuel, last mile, remote area, battery / sensitive goods, oversize) → shipment lines (insurance,
 * customs clearance) → duties and taxes under the destination's rule in effect → DDP fee.
 * Each line is computed in the currency its card prices it in, rounded once there, then converted
 * to the quote currency with one more rounding (the money rounding rule, half away from zero);
 * every total is the sum of the converted lines, so totals always equal the sum of the lines.
 */
import { type FxTable, convert, describeRate, fxTableOn, utcDay } from '../shared/fx';
import { FX_TABLES } from '../shared/fx-rates';
import type { GoodsCategory } from '../shared/goods';
import { type Currency, type Money, add, formatMoney, formatPercent, maxOf, multiply, sum, times, zero } from '../shared/money';
import { findRange } from '../shared/postal-ranges';
import { isBrazilState } from '../shared/postal-regions';
import { type BatteryType, BATTERY_TYPES } from '../shared/shipping-terms';
import { type ChargeableWeight, chargeableWeight, formatKg } from './chargeable-weight';
import { type CompiledCard, compileCard, fuelInEffect, zoneKey } from './compiled-card';
import { RATE_CARDS } from './data';
import { type CustomsItem, assessDuties } from './duties/calculate';
import { DUTY_RULES } from './duties/data';
import { domesticDuties } from './domestic';
import type { DutyRule } from './duties/types';
import { ineligibilityReasons, longestSideMm } from './eligibility';
import { type DomesticZone, type RateCard, cardInEffect, domesticZone, isDomesticCard } from './rate-card';
import type {
  DutiesAndTaxes,
  EligibleQuote,
  FeeLine,
  IneligibilityReason,
  IneligibleQuote,
  ParcelQuote,
  RatingOptions,
  RatingRequest,
  RatingResult,
  ShippingFeeCode,
} from './types';
import { assertValidRatingRequest, normaliseHsCode } from './validate';
import { priceByWeight } from './weight-breaks';

/** What is the same for every service: the request digested once. */
interface Context {
  readonly request: RatingRequest;
  readonly day: string;
  readonly fx: FxTable;
  readonly currency: Currency;
  readonly postalCode: number;
  /** The destination's postal region (state, ZIP area): domestic zones are written in it. */
  readonly region: string;
  readonly state: string | undefined;
  readonly customsItems: readonly CustomsItem[];
  readonly fobUsd: Money;
  readonly goodsValue: Money;
  readonly batteries: readonly BatteryType[];
  readonly categories: readonly GoodsCategory[];
  readonly totalWeightGrams: number;
  readonly dutyRules: readonly DutyRule[];
}

/** Appends how a native amount became the quote currency: "…= CNY 146.80; at 1 USD = 7.10 CNY". */
function withConversion(basis: string, native: Money, ctx: Context): string {
  const nativeText = formatMoney(native);
  const result = basis.endsWith(nativeText) ? basis : `${basis} = ${nativeText}`;
  return `${result}; converted at ${describeRate(native.currency, ctx.currency, ctx.fx)}`;
}

type MutableLine = { -readonly [K in keyof FeeLine]: FeeLine[K] };

function makeLine(ctx: Context, code: string, description: string, native: Money, basis: string, parcelIndex?: number): FeeLine {
  const converted = native.currency !== ctx.currency;
  const result: MutableLine = {
    code,
    description,
    amount: converted ? convert(native, ctx.currency, ctx.fx) : native,
    basis: converted ? withConversion(basis, native, ctx) : basis,
  };
  if (parcelIndex !== undefined) result.parcelIndex = parcelIndex;
  if (converted) result.original = native;
  return result;
}

function line(ctx: Context, code: ShippingFeeCode, description: string, native: Money, basis: string, parcelIndex?: number): FeeLine {
  return makeLine(ctx, code, description, native, basis, parcelIndex);
}

/** Freight as customs sees it: the transport lines of the quote, each converted from its own currency to USD. */
const FREIGHT_CODES: ReadonlySet<string> = new Set<ShippingFeeCode>([
  'LINE_HAUL',
  'FUEL_SURCHARGE',
  'LAST_MILE',
  'REMOTE_AREA',
  'BATTERY_SURCHARGE',
  'SENSITIVE_GOODS_SURCHARGE',
  'OVERSIZE',
]);

/** Where a domestic parcel goes from its warehouse: the zone, and the price table the carrier uses there. */
interface DomesticLeg {
  readonly warehouseCode: string;
  readonly zone: DomesticZone;
}

/** The freight of one parcel: line-haul, fuel and last mile from China, or the domestic delivery and its fuel. */
function freightLines(ctx: Context, compiled: CompiledCard, weight: ChargeableWeight, index: number, leg: DomesticLeg | undefined): FeeLine[] {
  const { card } = compiled;
  const lines: FeeLine[] = [];
  const chargeable = weight.chargeableGrams;
  const weightNote = weight.volumetricCounts && weight.volumetricGrams > weight.actualGrams ? ' (volumetric)' : '';
  const fuel = fuelInEffect(compiled, ctx.day);
  const fuelLine = (base: Money, of: string) => {
    if (!fuel || fuel.rate.num <= 0) return;
    const basis = `${formatPercent(fuel.rate)} × ${of} ${formatMoney(base)}`;
    lines.push(line(ctx, 'FUEL_SURCHARGE', `Fuel surcharge (from ${fuel.effectiveFrom})`, multiply(base, fuel.rate), basis, index));
  };

  if (leg) {
    // Domestic: the carrier's delivery from the warehouse is the whole freight; fuel is a share of it.
    const table = compiled.zoneTables.get(zoneKey(leg.warehouseCode, leg.zone.id)) ?? compiled.lastMile;
    const delivery = priceByWeight(table, chargeable);
    const description = `Domestic delivery (${card.carriers.lastMile}) from ${leg.warehouseCode}, ${leg.zone.id} zone${weightNote}`;
    lines.push(line(ctx, 'LAST_MILE', description, delivery.amount, delivery.basis, index));
    fuelLine(delivery.amount, 'delivery');
  } else if (compiled.lineHaul) {
    const lineHaul = priceByWeight(compiled.lineHaul, chargeable);
    lines.push(line(ctx, 'LINE_HAUL', `First mile and air line-haul (${card.carriers.lineHaul})${weightNote}`, lineHaul.amount, lineHaul.basis, index));
    fuelLine(lineHaul.amount, 'line-haul');
    const lastMile = priceByWeight(compiled.lastMile, chargeable);
    lines.push(line(ctx, 'LAST_MILE', `Last-mile delivery (${card.carriers.lastMile})${weightNote}`, lastMile.amount, lastMile.basis, index));
  }
  return lines;
}

function parcelLines(ctx: Context, compiled: CompiledCard, weight: ChargeableWeight, index: number, remote: boolean, leg?: DomesticLeg): FeeLine[] {
  const { card } = compiled;
  const parcel = ctx.request.parcels[index];
  const lines: FeeLine[] = freightLines(ctx, compiled, weight, index, leg);

  if (remote && card.remoteArea) {
    lines.push(
      line(
        ctx,
        'REMOTE_AREA',
        'Remote-area delivery surcharge',
        card.remoteArea.perParcel,
        `postal code ${ctx.request.destination.code} in a remote area: ${formatMoney(card.remoteArea.perParcel)} per parcel`,
        index,
      ),
    );
  }
  if (ctx.batteries.length > 0 && card.batterySurcharge) {
    lines.push(
      line(
        ctx,
        'BATTERY_SURCHARGE',
        'Lithium battery handling surcharge',
        card.batterySurcharge.perParcel,
        `${ctx.batteries.join(', ')}: ${formatMoney(card.batterySurcharge.perParcel)} per parcel`,
        index,
      ),
    );
  }
  const sensitive = ctx.categories.filter((c) => compiled.sensitiveCategories.has(c));
  if (sensitive.length > 0 && card.sensitiveGoodsSurcharge) {
    lines.push(
      line(
        ctx,
        'SENSITIVE_GOODS_SURCHARGE',
        'Sensitive goods surcharge',
        card.sensitiveGoodsSurcharge.perParcel,
        `${sensitive.join(', ')}: ${formatMoney(card.sensitiveGoodsSurcharge.perParcel)} per parcel`,
        index,
      ),
    );
  }
  const oversize = card.oversize;
  if (oversize && parcel) {
    const longest = longestSideMm(parcel);
    const tooLong = oversize.longestSideOverMm !== undefined && longest > oversize.longestSideOverMm;
    const tooHeavy = oversize.actualWeightOverGrams !== undefined && parcel.weightGrams > oversize.actualWeightOverGrams;
    if (tooLong || tooHeavy) {
      const why = tooLong
        ? `longest side ${longest} mm > ${oversize.longestSideOverMm ?? 0} mm`
        : `${formatKg(parcel.weightGrams)} > ${formatKg(oversize.actualWeightOverGrams ?? 0)}`;
      lines.push(
        line(ctx, 'OVERSIZE', 'Oversize / overweight piece surcharge', oversize.perParcel, `${why}: ${formatMoney(oversize.perParcel)} per parcel`, index),
      );
    }
  }
  return lines;
}

function totalOf(ctx: Context, lines: readonly FeeLine[]): Money {
  return sum(
    ctx.currency,
    lines.map((l) => l.amount),
  );
}

/** The freight lines' total in USD, from the amounts before any conversion: the base of insurance and duties. */
function freightInUsd(ctx: Context, parcels: readonly ParcelQuote[]): Money {
  let freightUsd = zero('USD');
  for (const parcel of parcels) {
    for (const l of parcel.lines) {
      if (FREIGHT_CODES.has(l.code)) freightUsd = add(freightUsd, convert(l.original ?? l.amount, 'USD', ctx.fx));
    }
  }
  return freightUsd;
}

/** Fees charged once per shipment: cargo insurance when bought, and customs clearance (cross-border only). */
function shipmentFees(ctx: Context, card: RateCard, compiled: CompiledCard): { shipmentLines: FeeLine[]; insuranceUsd: Money } {
  const shipmentLines: FeeLine[] = [];
  let insuranceUsd = zero('USD');
  if (ctx.request.insured) {
    const { insurance } = card;
    // The premium is figured in the minimum's currency (a domestic carrier's own, e.g. Estafeta's MXN 25).
    const declared = convert(ctx.fobUsd, insurance.minimum.currency, ctx.fx);
    const premium = maxOf(multiply(declared, compiled.insuranceRate), insurance.minimum);
    insuranceUsd = convert(premium, 'USD', ctx.fx);
    shipmentLines.push(
      line(
        ctx,
        'INSURANCE',
        'Cargo insurance',
        premium,
        `max(${formatPercent(compiled.insuranceRate)} × declared value ${formatMoney(declared)}, minimum ${formatMoney(insurance.minimum)})`,
      ),
    );
  }
  if (!isDomesticCard(card)) {
    shipmentLines.push(
      line(ctx, 'CUSTOMS_CLEARANCE', 'Customs clearance', card.customsClearance.perShipment, `${formatMoney(card.customsClearance.perShipment)} per shipment`),
    );
  }
  return { shipmentLines, insuranceUsd };
}

interface DutiesOutcome {
  readonly dutiesAndTaxes: DutiesAndTaxes;
  readonly ddpLines: readonly FeeLine[];
  /** An unverified duty rule (shown first) and the DDU estimate (shown last). */
  readonly ruleWarning?: string;
  readonly dduWarning?: string;
}

/** Duties, taxes and the DDP fee of a cross-border shipment, or why it cannot be quoted. */
function crossBorderDuties(
  ctx: Context,
  card: Exclude<RateCard, { lane: 'domestic' }>,
  compiled: CompiledCard,
  parcels: readonly ParcelQuote[],
  insuranceUsd: Money,
): DutiesOutcome | IneligibleQuote['reasons'] {
  const { request } = ctx;
  const freightUsd = freightInUsd(ctx, parcels);
  const assessment = assessDuties(ctx.dutyRules, {
    country: card.destination,
    day: ctx.day,
    seller: request.seller ?? {},
    recipient: request.recipient ?? 'individual',
    state: ctx.state,
    items: ctx.customsItems,
    fob: ctx.fobUsd,
    freight: freightUsd,
    insurance: insuranceUsd,
    totalWeightGrams: ctx.totalWeightGrams,
  });
  if (!assessment.ok) return [{ code: assessment.code, message: assessment.message }];

  const dutyLines = assessment.lines.map((d) => makeLine(ctx, d.code, d.description, d.amount, d.basis));
  const ddp = request.incoterm === 'DDP';
  const ddpLines: FeeLine[] = [];
  if (ddp && assessment.total.amount > 0 && compiled.ddpRate) {
    const fee = maxOf(multiply(assessment.total, compiled.ddpRate), card.ddpService.minimum);
    ddpLines.push(
      line(
        ctx,
        'DDP_SERVICE',
        'DDP service (duties and taxes prepaid for the seller)',
        fee,
        `max(${formatPercent(compiled.ddpRate)} × duties and taxes ${formatMoney(assessment.total)}, minimum ${formatMoney(card.ddpService.minimum)})`,
      ),
    );
  }
  const rule = assessment.rule;
  return {
    ...(rule.unverified ? { ruleWarning: `Duty rule ${rule.id} is an unverified assumption: ${rule.note}` } : {}),
    ...(ddp
      ? {}
      : {
          dduWarning:
            rule.collectedAtCheckout === true
              ? `DDU: the platform collects these duties and taxes from the buyer at checkout (${rule.name}); nothing is due on delivery.`
              : 'DDU: duties and taxes are an estimate; customs collects them from the buyer on delivery.',
        }),
    dutiesAndTaxes: {
      payer: ddp ? 'seller' : 'buyer',
      estimate: !ddp,
      collectedAtCheckout: rule.collectedAtCheckout === true,
      ruleId: rule.id,
      ruleName: rule.name,
      ruleEffectiveFrom: rule.effectiveFrom,
      sources: rule.sources,
      lines: dutyLines,
      total: totalOf(ctx, dutyLines),
      customsValue: { fob: ctx.fobUsd, freight: freightUsd, insurance: insuranceUsd, cif: assessment.cif },
      uncertainties: rule.uncertain,
    },
    ddpLines,
  };
}

/** A domestic card's zone for the shipment's warehouse and destination, or why it does not deliver there; undefined for a cross-border card. */
function domesticLeg(ctx: Context, card: RateCard): DomesticLeg | IneligibilityReason | undefined {
  if (!isDomesticCard(card)) return undefined;
  const warehouseCode = ctx.request.origin?.warehouseCode ?? '';
  const zone = domesticZone(card, warehouseCode, ctx.region);
  if (zone) return { warehouseCode, zone };
  const where = `${ctx.request.destination.code} (${ctx.request.destination.region.name})`;
  return { code: 'POSTAL_CODE_NOT_SERVED', message: `${card.carriers.lastMile} does not deliver from ${warehouseCode} to ${where} on this service` };
}

/** Every warning of a quote, the duty rule's first and the DDU estimate's last. */
function quoteWarnings(ctx: Context, card: RateCard, duties: DutiesOutcome): string[] {
  const warnings: string[] = duties.ruleWarning === undefined ? [] : [duties.ruleWarning];
  const lineHaulSandbox = !isDomesticCard(card) && card.lineHaul.provenance.sandbox;
  if (card.provenance.sandbox || lineHaulSandbox || card.lastMile.provenance.sandbox) {
    warnings.push(`Rate card ${card.serviceId} ${card.version} holds sandbox (invented) prices.`);
  }
  if (ctx.fx.sandbox) warnings.push(`FX table ${ctx.fx.id} is sandbox (illustrative rates).`);
  if (duties.dduWarning !== undefined) warnings.push(duties.dduWarning);
  return warnings;
}

function rateService(ctx: Context, card: RateCard): EligibleQuote | IneligibleQuote {
  const compiled = compileCard(card);
  const { request } = ctx;
  const ineligible = (reasons: IneligibleQuote['reasons']): IneligibleQuote => ({
    eligible: false,
    serviceId: card.serviceId,
    serviceName: card.name,
    serviceLevel: card.serviceLevel,
    reasons,
  });

  const weights = request.parcels.map((p) => chargeableWeight(p, card.chargeableWeight));
  const reasons = ineligibilityReasons(compiled, {
    parcels: request.parcels,
    weights,
    batteries: ctx.batteries,
    categories: ctx.categories,
    postalCode: ctx.postalCode,
  });
  const leg = domesticLeg(ctx, card);
  if (leg && 'code' in leg) reasons.push(leg);
  if (reasons.length > 0 || (leg && 'code' in leg)) return ineligible(reasons);

  const remote = findRange(compiled.remoteRanges, ctx.postalCode) !== undefined;
  const parcels: ParcelQuote[] = weights.map((weight, index) => {
    const lines = parcelLines(ctx, compiled, weight, index, remote, leg);
    return {
      index,
      actualWeightGrams: weight.actualGrams,
      volumetricWeightGrams: weight.volumetricGrams,
      chargeableWeightGrams: weight.chargeableGrams,
      lines,
      subtotal: totalOf(ctx, lines),
    };
  });
  const { shipmentLines, insuranceUsd } = shipmentFees(ctx, card, compiled);

  const duties = isDomesticCard(card)
    ? { dutiesAndTaxes: domesticDuties(card, leg?.warehouseCode ?? '', ctx.currency), ddpLines: [] }
    : crossBorderDuties(ctx, card, compiled, parcels, insuranceUsd);
  if (!('dutiesAndTaxes' in duties)) return ineligible(duties);
  const { dutiesAndTaxes } = duties;

  const lines = [...parcels.flatMap((p) => p.lines), ...shipmentLines, ...duties.ddpLines];
  const shippingTotal = totalOf(ctx, lines);
  const totalCharges = add(shippingTotal, dutiesAndTaxes.total);
  const sellerPays = dutiesAndTaxes.payer === 'buyer' ? shippingTotal : totalCharges;

  const warnings = quoteWarnings(ctx, card, duties);

  const extra = remote && card.remoteArea ? card.remoteArea.extraTransitDays : { min: 0, max: 0 };
  const transit = leg ? leg.zone.transitDays : isDomesticCard(card) ? { min: 0, max: 0 } : card.transitDays;
  const parcelTotal = weights.reduce((acc, w) => acc + w.chargeableGrams, 0);
  const quote: EligibleQuote = {
    eligible: true,
    serviceId: card.serviceId,
    serviceName: card.name,
    serviceLevel: card.serviceLevel,
    carriers: card.carriers,
    rateCard: { version: card.version, effectiveFrom: card.effectiveFrom, sandbox: card.provenance.sandbox },
    currency: ctx.currency,
    parcels,
    chargeableWeightGrams: parcelTotal,
    lines,
    shippingTotal,
    dutiesAndTaxes,
    goodsValue: ctx.goodsValue,
    totalCharges,
    landedCost: add(ctx.goodsValue, totalCharges),
    sellerPays,
    buyerPaysOnDelivery: dutiesAndTaxes.payer === 'buyer' && !dutiesAndTaxes.collectedAtCheckout ? dutiesAndTaxes.total : zero(ctx.currency),
    buyerPaidAtCheckout: dutiesAndTaxes.payer === 'buyer' && dutiesAndTaxes.collectedAtCheckout ? dutiesAndTaxes.total : zero(ctx.currency),
    transitDays: { min: transit.min + extra.min, max: transit.max + extra.max },
    warnings,
    refusedBatteries: card.refused.batteries,
  };
  return leg ? { ...quote, domestic: { warehouseCode: leg.warehouseCode, zone: leg.zone.id } } : quote;
}

function byQuoteOrder(a: EligibleQuote, b: EligibleQuote): number {
  return (
    a.totalCharges.amount - b.totalCharges.amount ||
    a.transitDays.max - b.transitDays.max ||
    a.transitDays.min - b.transitDays.min ||
    (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0)
  );
}

function buildContext(request: RatingRequest, options: RatingOptions): Context {
  const day = utcDay(options.at);
  const fx = fxTableOn(options.fxTables ?? FX_TABLES, day);
  const currency = request.quoteCurrency ?? 'USD';
  const { country } = request.destination;
  const postalCode = request.destination.number;
  const region = request.destination.region.code;
  const state = request.destination.state ?? (country === 'BR' && isBrazilState(region) ? region : undefined);

  const customsItems: CustomsItem[] = [];
  const goodsInQuote: Money[] = [];
  const batteries: BatteryType[] = [];
  const categories: GoodsCategory[] = [];
  for (const item of request.items) {
    const value = times(item.unitValue, item.quantity);
    customsItems.push({ value: convert(value, 'USD', fx), hsCode: normaliseHsCode(item.hsCode) ?? '', quantity: item.quantity });
    goodsInQuote.push(convert(value, currency, fx));
    if (item.battery !== 'none' && !batteries.includes(item.battery)) batteries.push(item.battery);
    if (item.category !== undefined && !categories.includes(item.category)) categories.push(item.category);
  }
  batteries.sort((a, b) => BATTERY_TYPES.indexOf(a) - BATTERY_TYPES.indexOf(b));
  return {
    request,
    day,
    fx,
    currency,
    postalCode,
    region,
    state,
    customsItems,
    fobUsd: sum(
      'USD',
      customsItems.map((i) => i.value),
    ),
    goodsValue: sum(currency, goodsInQuote),
    batteries,
    categories,
    totalWeightGrams: request.parcels.reduce((acc, p) => acc + p.weightGrams, 0),
    dutyRules: options.dutyRules ?? DUTY_RULES,
  };
}

/** Service ids on the shipment's lane (from China, or from its warehouse), in first-seen data order, with all their versions. */
function servicesOn(cards: readonly RateCard[], request: RatingRequest, only?: readonly string[]): Map<string, RateCard[]> {
  const services = new Map<string, RateCard[]>();
  const warehouse = request.origin?.warehouseCode;
  for (const card of cards) {
    if (card.destination !== request.destination.country) continue;
    // A domestic shipment is rated on its warehouse's domestic services only; a shipment from China never on them.
    if (isDomesticCard(card) ? warehouse === undefined || card.zones.byWarehouse[warehouse] === undefined : warehouse !== undefined) continue;
    if (only && !only.includes(card.serviceId)) continue;
    const versions = services.get(card.serviceId);
    if (versions) versions.push(card);
    else services.set(card.serviceId, [card]);
  }
  return services;
}

/**
 * Rates one shipment on every service of its lane, as of `options.at`.
 * Throws InvalidRatingRequestError for malformed input and FxRateUnavailableError when no FX
 * table covers the date; everything a service cannot do is an ineligible entry instead.
 */
export function rateShipment(request: RatingRequest, options: RatingOptions): RatingResult {
  assertValidRatingRequest(request);
  const ctx = buildContext(request, options);
  const quotes: EligibleQuote[] = [];
  const ineligible: IneligibleQuote[] = [];
  const services = servicesOn(options.rateCards ?? RATE_CARDS, request, options.serviceIds);
  for (const [serviceId, versions] of services) {
    const card = cardInEffect(versions, ctx.day);
    if (!card) {
      const latest = versions[versions.length - 1];
      ineligible.push({
        eligible: false,
        serviceId,
        serviceName: latest?.name ?? serviceId,
        serviceLevel: latest?.serviceLevel ?? 'standard',
        reasons: [{ code: 'NO_RATE_CARD_IN_EFFECT', message: `no version of ${serviceId} is in effect on ${ctx.day}` }],
      });
      continue;
    }
    const result = rateService(ctx, card);
    if (result.eligible) quotes.push(result);
    else ineligible.push(result);
  }
  quotes.sort(byQuoteOrder);
  ineligible.sort((a, b) => (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0));
  return {
    quotedOn: ctx.day,
    destination: request.destination.country,
    ...(request.origin ? { origin: { warehouseCode: request.origin.warehouseCode } } : {}),
    currency: ctx.currency,
    fx: { tableId: ctx.fx.id, effectiveFrom: ctx.fx.effectiveFrom, sandbox: ctx.fx.sandbox },
    quotes,
    ineligible,
  };
}
