/**
 * Customs checks of an order before its paperwork is produced. Every problem is reported at once,
 * each with a machine-readable code, the path of the field to change and a sentence telling the
 * seller what to change, so an order can be fixed in one go.
 *
 * Pure: the time, the FX conversion and the certificates on file are passed in.
 */
import type { Order, OrderItem } from '../order';
import { type CertificateAgency } from '../shared/certificates';
import { formatMoney, type Money } from '../shared/money';
import type { BatteryType, DestinationCountry } from '../shared/shipping-terms';
import { type TaxIdKind, validateRecipientTaxId } from '../shared/tax-ids';
import { compactHsCode, containsPhrase, formatHsCode, isVagueDescription, matchesGoods, normalizeText } from './goods-matching';
import {
  BATTERY_KEYWORDS,
  BATTERY_RULES,
  type BatteryRule,
  type CertificateRule,
  type CountryCustomsRules,
  customsRulesFor,
  HS_CATEGORY_CHAPTERS,
  HS_CHAPTERS,
  HS_CODE_PATTERN,
  type ProblemSeverity,
  type RegimeLimitRule,
  type RuleProvenance,
} from './rules';

export type CustomsProblemCode =
  | 'RECIPIENT_TAX_ID_MISSING'
  | 'RECIPIENT_TAX_ID_INVALID'
  /** Accepted, but it could not be fully verified (RFC check digit, cédula, passport, generic RFC). */
  | 'RECIPIENT_TAX_ID_UNVERIFIED'
  | 'HS_CODE_MALFORMED'
  /** Chapters 98–99 are national special provisions, not a classification of the goods. */
  | 'HS_CODE_NATIONAL_CHAPTER'
  | 'HS_CODE_CATEGORY_MISMATCH'
  | 'DESCRIPTION_TOO_VAGUE'
  | 'DECLARED_VALUE_NOT_POSITIVE'
  | 'DECLARED_VALUE_CURRENCY_MISMATCH'
  | 'DECLARED_TOTAL_MISMATCH'
  | 'QUANTITY_NOT_POSITIVE'
  | 'PARCELS_MISSING'
  | 'PARCEL_CONTENTS_MISMATCH'
  | 'PARCEL_WEIGHT_BELOW_CONTENTS'
  | 'CERTIFICATE_REQUIRED'
  | 'GOODS_PROHIBITED'
  | 'BATTERY_NOT_ACCEPTED_BY_SERVICE'
  | 'BATTERY_POSSIBLY_UNDECLARED'
  | 'VALUE_OVER_REGIME_LIMIT'
  | 'WEIGHT_OVER_REGIME_LIMIT'
  | 'UNITS_OVER_REGIME_LIMIT'
  | 'TRACKING_NUMBER_INVALID';

export interface CustomsProblem {
  readonly code: CustomsProblemCode;
  /** The field to change, e.g. "items[1].description", "shipTo.taxId.value", "declaredValue". */
  readonly path: string;
  /** One or two sentences for the seller: what is wrong and what to change. */
  readonly message: string;
  /** error: the documents would not clear; warning: worth a look, does not block. */
  readonly severity: ProblemSeverity;
  /** The data rule behind the problem, when one is. */
  readonly ruleId?: string;
}

/** The service the order was booked on, as routing chose it. */
export interface CustomsShipment {
  readonly serviceId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  /** Battery types the booked service can fly. */
  readonly acceptsBatteries: readonly BatteryType[];
}

/** A certificate the seller has on file; without `skus` it covers every item it applies to. */
export interface CertificateOnFile {
  readonly agency: CertificateAgency;
  readonly reference: string;
  readonly skus?: readonly string[];
}

export interface CustomsCheckContext {
  /** When the check runs: rules not yet in effect at this time are not applied. */
  readonly at: Date;
  /** Converts an amount to US cents (for the regimes' limits in USD); must handle the order's currency. */
  readonly toUsd: (value: Money) => number;
  readonly certificates?: readonly CertificateOnFile[];
}

/** What a parcel holding lithium batteries must declare, per order item. */
export interface BatteryDeclaration {
  readonly itemIndex: number;
  readonly sku: string;
  readonly quantity: number;
  readonly batteryType: BatteryRule['batteryType'];
  readonly unNumber: BatteryRule['unNumber'];
  readonly properShippingName: string;
  readonly packingInstruction: BatteryRule['packingInstruction'];
  readonly section: BatteryRule['section'];
  readonly cargoAircraftOnly: boolean;
  readonly limits: string;
  readonly statement: string;
  readonly source: string | null;
}

export interface CustomsCheckResult {
  /** True when no problem is an error. */
  readonly passed: boolean;
  readonly problems: CustomsProblem[];
  readonly batteryDeclarations: BatteryDeclaration[];
}

export const COUNTRY_NAMES: Readonly<Record<DestinationCountry, string>> = {
  BR: 'Brazil',
  MX: 'Mexico',
  CL: 'Chile',
  CO: 'Colombia',
  PE: 'Peru',
  US: 'the United States',
};

function inEffect(rule: RuleProvenance, day: string): boolean {
  return rule.effectiveFrom === null || rule.effectiveFrom <= day;
}

function dayOf(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('context.at is not a valid date');
  return at.toISOString().slice(0, 10);
}

/** "US$3,000" for whole dollars, "US$3,000.01" otherwise. */
function usdText(cents: number): string {
  const text = formatMoney({ amount: cents, currency: 'USD' }).slice(4);
  return `US$${text.endsWith('.00') ? text.slice(0, -3) : text}`;
}

function kg(grams: number): string {
  return `${(grams / 1000).toFixed(grams % 1000 === 0 ? 0 : 1)} kg`;
}

function itemLabel(item: OrderItem, index: number): string {
  return `Item ${index + 1} (SKU ${item.sku})`;
}

function list(values: readonly string[], conjunction = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${conjunction} ${values[values.length - 1] ?? ''}`;
}

function certificateOnFile(rule: CertificateRule, item: OrderItem, certificates: readonly CertificateOnFile[]): boolean {
  return certificates.some((certificate) => certificate.agency === rule.agency && (certificate.skus === undefined || certificate.skus.includes(item.sku)));
}

// ---------------------------------------------------------------------------------------------
// Batteries

/** The lithium-battery declarations an order needs, one per item holding batteries. */
export function declareBatteries(order: Pick<Order, 'items'>): BatteryDeclaration[] {
  const declarations: BatteryDeclaration[] = [];
  order.items.forEach((item, itemIndex) => {
    if (item.batteryType === 'none') return;
    const rule = BATTERY_RULES[item.batteryType];
    declarations.push({
      itemIndex,
      sku: item.sku,
      quantity: item.quantity,
      batteryType: rule.batteryType,
      unNumber: rule.unNumber,
      properShippingName: rule.properShippingName,
      packingInstruction: rule.packingInstruction,
      section: rule.section,
      cargoAircraftOnly: rule.cargoAircraftOnly,
      limits: rule.limits,
      statement: rule.statement,
      source: rule.source,
    });
  });
  return declarations;
}

// ---------------------------------------------------------------------------------------------
// The checks

type Report = (problem: CustomsProblem) => void;

const TAX_ID_NAMES: Readonly<Record<DestinationCountry, string>> = {
  BR: 'CPF or CNPJ',
  MX: 'RFC or CURP',
  CL: 'RUT',
  CO: 'NIT or cédula',
  PE: 'DNI or RUC',
  US: 'tax id',
};

/** Checks the recipient's tax id; returns its kind when it is a valid one (for kind-specific limits). */
function checkTaxId(order: Order, rules: CountryCustomsRules, report: Report): TaxIdKind | undefined {
  const country = order.shipTo.country;
  const requirement = rules.taxId;
  const taxId = order.shipTo.taxId;
  const names = TAX_ID_NAMES[country];
  const where = COUNTRY_NAMES[country];
  if (taxId === undefined || taxId.value.trim() === '') {
    if (requirement.required === true) {
      report({
        code: 'RECIPIENT_TAX_ID_MISSING',
        path: 'shipTo.taxId',
        severity: 'error',
        message: `Add the recipient's ${names}: ${where} requires the recipient's tax id on every international parcel.`,
      });
    } else if (requirement.required === null) {
      report({
        code: 'RECIPIENT_TAX_ID_MISSING',
        path: 'shipTo.taxId',
        severity: 'warning',
        message: `Add the recipient's ${names} if the buyer can give it: couriers in ${where} often ask for it, although we could not confirm that it is mandatory.`,
      });
    }
    return undefined;
  }
  if (country === 'US') return undefined;
  if (taxId.type === 'PASSPORT') {
    report({
      code: 'RECIPIENT_TAX_ID_UNVERIFIED',
      path: 'shipTo.taxId.type',
      severity: 'warning',
      message:
        country === 'BR'
          ? 'A passport number cannot be checked; if the buyer has a CPF or CNPJ, use it instead, because those are verified before the parcel leaves.'
          : `A passport is not among the ids accepted for recipients in ${where} (${names}); ask the buyer for one of those, or customs may hold the parcel.`,
    });
    return undefined;
  }
  const result = validateRecipientTaxId(country, taxId.value, taxId.type);
  if (!result.valid) {
    report({
      code: 'RECIPIENT_TAX_ID_INVALID',
      path: result.code === 'TAX_ID_KIND_NOT_ACCEPTED' ? 'shipTo.taxId.type' : 'shipTo.taxId.value',
      severity: 'error',
      message: `The recipient's tax id "${taxId.value}" is not valid for ${where}. ${result.message} Correct it to a valid ${names}.`,
    });
    return undefined;
  }
  for (const warning of result.warnings) {
    report({ code: 'RECIPIENT_TAX_ID_UNVERIFIED', path: 'shipTo.taxId.value', severity: 'warning', message: warning });
  }
  return result.kind;
}

const CATEGORY_CHAPTERS = new Map(HS_CATEGORY_CHAPTERS.map((rule) => [rule.category, rule]));

function checkHsCode(item: OrderItem, index: number, day: string, report: Report): void {
  const path = `items[${index}].hsCode`;
  const hs = compactHsCode(item.hsCode);
  if (!HS_CODE_PATTERN.test(hs)) {
    report({
      code: 'HS_CODE_MALFORMED',
      path,
      severity: 'error',
      message: `${itemLabel(item, index)} has HS code "${item.hsCode}", which is not 6 to 10 digits. Enter the item's tariff code, e.g. "8518.30".`,
    });
    return;
  }
  const chapter = hs.slice(0, 2);
  const chapterNumber = Number(chapter);
  if (HS_CHAPTERS.national.includes(chapter)) {
    report({
      code: 'HS_CODE_NATIONAL_CHAPTER',
      path,
      severity: 'warning',
      message: `${itemLabel(item, index)} has HS code ${formatHsCode(hs)}, in chapter ${chapter}, which countries reserve for special national provisions. Declare the goods' own HS code (chapters 01 to 97) instead.`,
    });
    return;
  }
  if (chapterNumber < 1 || chapterNumber > HS_CHAPTERS.last || HS_CHAPTERS.reserved.includes(chapter)) {
    report({
      code: 'HS_CODE_MALFORMED',
      path,
      severity: 'error',
      message: `${itemLabel(item, index)} has HS code ${formatHsCode(hs)}, but HS chapter ${chapter} does not exist. Check the item's tariff code.`,
    });
    return;
  }
  const category = item.category?.trim().toLowerCase();
  const expected = category === undefined ? undefined : CATEGORY_CHAPTERS.get(category);
  if (expected !== undefined && inEffect(expected, day) && !expected.chapters.includes(chapter)) {
    const chapters = expected.chapters.length > 6 ? `${expected.chapters.slice(0, 6).join(', ')}…` : list(expected.chapters);
    report({
      code: 'HS_CODE_CATEGORY_MISMATCH',
      path,
      severity: 'warning',
      message: `${itemLabel(item, index)} is in category "${category}", whose HS codes are normally in chapter ${chapters}, but ${formatHsCode(hs)} is in chapter ${chapter}. Check the HS code or the category.`,
    });
  }
}

function checkItem(
  order: Order,
  item: OrderItem,
  index: number,
  shipment: CustomsShipment,
  rules: CountryCustomsRules,
  day: string,
  certificates: readonly CertificateOnFile[],
  report: Report,
): void {
  const label = itemLabel(item, index);
  const where = COUNTRY_NAMES[order.shipTo.country];
  const description = normalizeText(item.description);

  if (isVagueDescription(item.description)) {
    report({
      code: 'DESCRIPTION_TOO_VAGUE',
      path: `items[${index}].description`,
      severity: 'error',
      message: `${label} is described as "${item.description}", which customs rejects as too vague. Say what the item is, what it is made of and what it is for, e.g. "Men's cotton T-shirt, short sleeve".`,
    });
  }

  checkHsCode(item, index, day, report);

  if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) {
    report({
      code: 'QUANTITY_NOT_POSITIVE',
      path: `items[${index}].quantity`,
      severity: 'error',
      message: `${label} has quantity ${item.quantity}; enter the whole number of units in the parcel.`,
    });
  }
  if (item.unitDeclaredValue.currency !== order.currency) {
    report({
      code: 'DECLARED_VALUE_CURRENCY_MISMATCH',
      path: `items[${index}].unitDeclaredValue`,
      severity: 'error',
      message: `${label} is valued in ${item.unitDeclaredValue.currency} but the order is in ${order.currency}; declare every item in the order's currency.`,
    });
  } else if (item.unitDeclaredValue.amount <= 0) {
    report({
      code: 'DECLARED_VALUE_NOT_POSITIVE',
      path: `items[${index}].unitDeclaredValue`,
      severity: 'error',
      message: `${label} is declared at ${formatMoney(item.unitDeclaredValue)}; customs needs the price the buyer paid per unit, so enter a value above zero (even for promotional or free items, their real value).`,
    });
  }

  if (item.batteryType !== 'none') {
    const rule = BATTERY_RULES[item.batteryType];
    if (!shipment.acceptsBatteries.includes(item.batteryType)) {
      const chemistry = item.batteryType.startsWith('lithium-ion') ? 'lithium-ion' : 'lithium-metal';
      const declared = `${rule.unNumber}, ${rule.packingInstruction}`;
      const service = `${shipment.carrier} service ${shipment.serviceId}`;
      report({
        code: 'BATTERY_NOT_ACCEPTED_BY_SERVICE',
        path: `items[${index}].batteryType`,
        severity: 'error',
        ruleId: rule.unNumber,
        message: rule.cargoAircraftOnly
          ? `${label} is a standalone ${chemistry} battery (${declared}), which may fly only on cargo aircraft, and ${service} cannot carry it. Book a service that accepts standalone batteries, or remove the item.`
          : `${label} has ${chemistry} batteries ${item.batteryType.endsWith('in-equipment') ? 'contained in the equipment' : 'packed with the equipment'} (${declared}), which ${service} cannot carry. Book a service that accepts them, or remove the item.`,
      });
    }
  } else {
    const keyword = BATTERY_KEYWORDS.find((word) => containsPhrase(description, word));
    if (keyword !== undefined) {
      report({
        code: 'BATTERY_POSSIBLY_UNDECLARED',
        path: `items[${index}].batteryType`,
        severity: 'warning',
        message: `${label} mentions "${keyword}" but declares no battery. If it is or contains a lithium battery, set its batteryType (a power bank is "lithium-ion-standalone") so it is declared and flown legally.`,
      });
    }
  }

  for (const rule of rules.certificates) {
    if (!inEffect(rule, day) || !matchesGoods(rule.appliesTo, item, description)) continue;
    if (certificateOnFile(rule, item, certificates)) continue;
    report({
      code: 'CERTIFICATE_REQUIRED',
      path: `items[${index}]`,
      severity: rule.severity,
      ruleId: rule.id,
      message: `${label} needs ${rule.certificate} to enter ${where}: ${rule.reason}. Add the certificate to your documents on file, or remove the item.`,
    });
  }
  for (const rule of rules.prohibitions) {
    if (!inEffect(rule, day) || !matchesGoods(rule.appliesTo, item, description)) continue;
    report({
      code: 'GOODS_PROHIBITED',
      path: `items[${index}]`,
      severity: 'error',
      ruleId: rule.id,
      message: `${label} cannot be sent to ${where}: ${rule.reason}. Remove it from the order.`,
    });
  }
}

function checkDeclaredTotal(order: Order, report: Report): void {
  if (order.declaredValue.currency !== order.currency) {
    report({
      code: 'DECLARED_TOTAL_MISMATCH',
      path: 'declaredValue',
      severity: 'error',
      message: `The order's declared value is in ${order.declaredValue.currency} but the order is in ${order.currency}; declare the total in the order's currency.`,
    });
    return;
  }
  const items = order.items.filter((item) => item.unitDeclaredValue.currency === order.currency);
  if (items.length !== order.items.length) return; // Reported per item already.
  const total = items.reduce((sum, item) => sum + item.unitDeclaredValue.amount * item.quantity, 0);
  if (total !== order.declaredValue.amount) {
    report({
      code: 'DECLARED_TOTAL_MISMATCH',
      path: 'declaredValue',
      severity: 'error',
      message: `The order's declared value is ${formatMoney(order.declaredValue)} but its items add up to ${formatMoney({ amount: total, currency: order.currency })}; the invoice total must equal the items, so correct the item values or the total.`,
    });
  }
}

function checkParcels(order: Order, report: Report): void {
  if (order.parcels.length === 0) {
    report({ code: 'PARCELS_MISSING', path: 'parcels', severity: 'error', message: 'The order has no parcels; add the parcels the items are packed in.' });
    return;
  }
  const bySku = new Map(order.items.map((item, index) => [item.sku, { item, index }]));
  const packed = new Map<string, number>();
  order.parcels.forEach((parcel, parcelIndex) => {
    let netGrams = 0;
    parcel.items.forEach((content, contentIndex) => {
      const entry = bySku.get(content.sku);
      if (entry === undefined) {
        report({
          code: 'PARCEL_CONTENTS_MISMATCH',
          path: `parcels[${parcelIndex}].items[${contentIndex}].sku`,
          severity: 'error',
          message: `Parcel ${parcel.parcelNumber} lists SKU ${content.sku}, which is not among the order's items; remove it from the parcel or add the item to the order.`,
        });
        return;
      }
      packed.set(content.sku, (packed.get(content.sku) ?? 0) + content.quantity);
      netGrams += entry.item.unitWeightGrams * content.quantity;
    });
    if (parcel.weightGrams < netGrams) {
      report({
        code: 'PARCEL_WEIGHT_BELOW_CONTENTS',
        path: `parcels[${parcelIndex}].weightGrams`,
        severity: 'warning',
        message: `Parcel ${parcel.parcelNumber} weighs ${parcel.weightGrams} g but its items alone weigh ${netGrams} g; correct the parcel's gross weight or the items' unit weights.`,
      });
    }
  });
  order.items.forEach((item, index) => {
    const inParcels = packed.get(item.sku) ?? 0;
    if (inParcels !== item.quantity) {
      report({
        code: 'PARCEL_CONTENTS_MISMATCH',
        path: `items[${index}].quantity`,
        severity: 'error',
        message: `${itemLabel(item, index)} has ${item.quantity} unit(s) ordered but ${inParcels} packed in the parcels; the packing list must match the invoice, so correct the quantities.`,
      });
    }
  });
}

function checkRegimeLimit(order: Order, rule: RegimeLimitRule, usdCents: number, rules: CountryCustomsRules, report: Report): void {
  const where = COUNTRY_NAMES[rules.country];
  switch (rule.measure) {
    case 'declared-value-usd':
      if (usdCents > rule.max) {
        const converted = order.declaredValue.currency === 'USD' ? '' : ` (about ${usdText(usdCents)})`;
        report({
          code: 'VALUE_OVER_REGIME_LIMIT',
          path: 'declaredValue',
          severity: rule.severity,
          ruleId: rule.id,
          message: `The declared value, ${formatMoney(order.declaredValue)}${converted}, is over the ${usdText(rule.max)} limit of ${where}'s ${rule.regime}; ${rule.advice}.`,
        });
      }
      return;
    case 'gross-weight-grams': {
      const grams = order.parcels.reduce((sum, parcel) => sum + parcel.weightGrams, 0);
      if (grams > rule.max) {
        report({
          code: 'WEIGHT_OVER_REGIME_LIMIT',
          path: 'parcels',
          severity: rule.severity,
          ruleId: rule.id,
          message: `The parcels weigh ${kg(grams)} in total, over the ${kg(rule.max)} limit of ${where}'s ${rule.regime}; ${rule.advice}.`,
        });
      }
      return;
    }
    case 'units-per-item':
      order.items.forEach((item, index) => {
        if (item.quantity > rule.max) {
          report({
            code: 'UNITS_OVER_REGIME_LIMIT',
            path: `items[${index}].quantity`,
            severity: rule.severity,
            ruleId: rule.id,
            message: `${itemLabel(item, index)} ships ${item.quantity} units, over the ${rule.max} units of one item that ${where}'s ${rule.regime} allows; ${rule.advice}.`,
          });
        }
      });
      return;
  }
}

/** Characters a Code 128 (code set B) barcode can carry: printable ASCII. */
const TRACKING_NUMBER = /^[\x20-\x7e]{1,48}$/;

function checkShipment(shipment: CustomsShipment, report: Report): void {
  const tracking = shipment.trackingNumber;
  if (tracking.trim() === '' || !TRACKING_NUMBER.test(tracking)) {
    report({
      code: 'TRACKING_NUMBER_INVALID',
      path: 'shipment.trackingNumber',
      severity: 'error',
      message:
        tracking.trim() === ''
          ? 'The shipment has no tracking number; the documents print it as a barcode, so book the shipment with the carrier first.'
          : `The tracking number "${tracking}" has characters or a length a Code 128 barcode cannot carry; use the carrier's tracking number exactly as issued (at most 48 letters, digits and punctuation).`,
    });
  }
}

/**
 * Checks an order for customs before its documents are produced: recipient tax id, HS codes,
 * descriptions, values, parcels, certificates, prohibited goods, lithium batteries against the
 * booked service, and the destination regime's limits. Reports every problem at once.
 */
export function checkCustoms(order: Order, shipment: CustomsShipment, context: CustomsCheckContext): CustomsCheckResult {
  const problems: CustomsProblem[] = [];
  const report: Report = (problem) => problems.push(problem);
  const day = dayOf(context.at);
  const rules = customsRulesFor(order.shipTo.country);
  const certificates = context.certificates ?? [];

  const taxIdKind = checkTaxId(order, rules, report);
  order.items.forEach((item, index) => checkItem(order, item, index, shipment, rules, day, certificates, report));
  checkDeclaredTotal(order, report);
  checkParcels(order, report);

  const limits = rules.regimeLimits.filter(
    (rule) => inEffect(rule, day) && (rule.recipientTaxIdKinds === undefined || (taxIdKind !== undefined && rule.recipientTaxIdKinds.includes(taxIdKind))),
  );
  if (limits.length > 0) {
    const usdCents = limits.some((rule) => rule.measure === 'declared-value-usd') ? context.toUsd(order.declaredValue) : 0;
    for (const rule of limits) checkRegimeLimit(order, rule, usdCents, rules, report);
  }
  checkShipment(shipment, report);

  return {
    passed: problems.every((problem) => problem.severity !== 'error'),
    problems,
    batteryDeclarations: declareBatteries(order),
  };
}
