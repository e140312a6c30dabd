import type { Product } from '../catalog';
import { certificateFor } from '../catalog';
import { customsRulesFor, matchesGoods, normalizeText, type CertificateRule } from '../customs';
import type { CertificateAgency } from '../shared/certificates';
import type { Warehouse } from '../warehouses';
import { BATTERY_MODE_RULES, INBOUND_CERTIFICATE_RULES } from './compliance-rules';
import type { CartonLine } from './inbound-input';
import type { InboundMode } from './lifecycle';

/**
 * The compliance gate: before an inbound shipment is booked, every SKU is checked for the
 * destination (certificates and labelling, the parcel rules customs already knows plus the formal
 * import's own), batteries against the transport mode, and everything against what the target
 * warehouse accepts; cartons must hold what they say. Every problem is reported at once; errors
 * stop the booking, warnings travel with it.
 */
export interface ComplianceProblem {
  readonly code:
    | 'UNKNOWN_SKU'
    | 'CARTON_LIGHTER_THAN_CONTENTS'
    | 'CARTON_SMALLER_THAN_CONTENTS'
    | 'CERTIFICATE_REQUIRED'
    | 'BATTERY_MODE'
    | 'WAREHOUSE_REFUSES_BATTERIES'
    | 'WAREHOUSE_REFUSES_LIQUIDS'
    | 'WAREHOUSE_REFUSES_OVERSIZE'
    | 'LOCAL_DESCRIPTION_MISSING';
  readonly severity: 'error' | 'warning';
  /** JSON path of the field (or product) to change. */
  readonly path: string;
  readonly sku?: string;
  readonly agency?: CertificateAgency;
  readonly message: string;
  readonly source?: string | null;
}

export interface ComplianceInput {
  readonly cartons: readonly CartonLine[];
  readonly mode: InboundMode;
  readonly warehouse: Warehouse;
  /** The seller's products, by SKU; SKUs missing from it are unknown. */
  readonly products: ReadonlyMap<string, Product>;
  /** The check's day (YYYY-MM-DD): rules and certificates in effect then. */
  readonly day: string;
}

const LOCAL_LANGUAGE = { MX: 'es', BR: 'pt' } as const;

function inEffect(rule: CertificateRule, day: string): boolean {
  return rule.effectiveFrom === null || rule.effectiveFrom <= day;
}

function certificateProblems(product: Product, input: ComplianceInput): ComplianceProblem[] {
  const { country } = input.warehouse;
  const rules: readonly CertificateRule[] = [...customsRulesFor(country).certificates, ...INBOUND_CERTIFICATE_RULES.filter((rule) => rule.country === country)];
  const description = normalizeText([product.description, product.localDescriptions.es ?? '', product.localDescriptions.pt ?? ''].join(' '));
  const problems: ComplianceProblem[] = [];
  const asked = new Set<string>();
  for (const rule of rules) {
    if (!inEffect(rule, input.day) || !matchesGoods(rule.appliesTo, product, description)) continue;
    if (certificateFor(product, country, rule.agency, input.day) !== undefined || asked.has(rule.agency)) continue;
    asked.add(rule.agency);
    problems.push({
      code: 'CERTIFICATE_REQUIRED',
      severity: rule.severity,
      path: `products.${product.sku}.certificates`,
      sku: product.sku,
      agency: rule.agency,
      message: `${product.sku}: ${rule.reason}; add ${rule.certificate} for ${country} to the product (PATCH /v1/products/${product.sku})`,
      source: rule.source,
    });
  }
  return problems;
}

function productProblems(product: Product, input: ComplianceInput): ComplianceProblem[] {
  const { warehouse, mode } = input;
  const problems: ComplianceProblem[] = [...certificateProblems(product, input)];
  const at = `products.${product.sku}`;
  for (const rule of BATTERY_MODE_RULES) {
    if (rule.mode === mode && rule.batteryTypes.includes(product.batteryType)) {
      problems.push({
        code: 'BATTERY_MODE',
        severity: rule.severity,
        path: 'mode',
        sku: product.sku,
        message: `${product.sku}: ${rule.message}`,
        source: rule.source,
      });
    }
  }
  if (!warehouse.accepts.batteries.includes(product.batteryType)) {
    problems.push({
      code: 'WAREHOUSE_REFUSES_BATTERIES',
      severity: 'error',
      path: 'warehouseCode',
      sku: product.sku,
      message: `${product.sku}: ${warehouse.code} does not store ${product.batteryType} batteries`,
    });
  }
  if (product.category === 'liquid' && !warehouse.accepts.liquids) {
    problems.push({
      code: 'WAREHOUSE_REFUSES_LIQUIDS',
      severity: 'error',
      path: 'warehouseCode',
      sku: product.sku,
      message: `${product.sku}: ${warehouse.code} does not store liquids`,
    });
  }
  const language = (LOCAL_LANGUAGE as Partial<Record<string, 'es' | 'pt'>>)[warehouse.country];
  if (language !== undefined && product.localDescriptions[language] === undefined) {
    problems.push({
      code: 'LOCAL_DESCRIPTION_MISSING',
      severity: 'warning',
      path: `${at}.localDescriptions.${language}`,
      sku: product.sku,
      message: `${product.sku}: no ${language === 'es' ? 'Spanish' : 'Portuguese'} description; the broker will translate it for the customs declaration and the label`,
    });
  }
  return problems;
}

function cartonProblems(carton: CartonLine, index: number, input: ComplianceInput): ComplianceProblem[] {
  const problems: ComplianceProblem[] = [];
  let contentsGrams = 0;
  let contentsCm3 = 0;
  for (const content of carton.contents) {
    const product = input.products.get(content.sku);
    if (product === undefined) continue;
    contentsGrams += product.unitWeightGrams * content.quantity;
    const { lengthMm, widthMm, heightMm } = product.unitDimensions;
    contentsCm3 += (lengthMm * widthMm * heightMm * content.quantity) / 1000;
  }
  if (carton.grossWeightGrams < contentsGrams) {
    problems.push({
      code: 'CARTON_LIGHTER_THAN_CONTENTS',
      severity: 'error',
      path: `cartons.${index}.grossWeightGrams`,
      message: `carton "${carton.cartonId}" weighs ${carton.grossWeightGrams} g but its contents weigh ${contentsGrams} g`,
    });
  }
  const { lengthMm, widthMm, heightMm } = carton.dimensions;
  const cartonCm3 = (lengthMm * widthMm * heightMm) / 1000;
  if (cartonCm3 < contentsCm3) {
    problems.push({
      code: 'CARTON_SMALLER_THAN_CONTENTS',
      severity: 'error',
      path: `cartons.${index}.dimensions`,
      message: `carton "${carton.cartonId}" holds ${Math.round(cartonCm3)} cm³ but its contents take ${Math.round(contentsCm3)} cm³`,
    });
  }
  const { accepts } = input.warehouse;
  const oversize = carton.grossWeightGrams > accepts.maxCartonWeightGrams || Math.max(lengthMm, widthMm, heightMm) > accepts.maxCartonSideMm;
  if (oversize && !accepts.oversize) {
    problems.push({
      code: 'WAREHOUSE_REFUSES_OVERSIZE',
      severity: 'error',
      path: `cartons.${index}`,
      message: `carton "${carton.cartonId}" is oversize for ${input.warehouse.code} (at most ${accepts.maxCartonWeightGrams} g and ${accepts.maxCartonSideMm} mm a side)`,
    });
  }
  return problems;
}

/** Every problem of a proposed inbound shipment, errors and warnings, in the order a seller would fix them. */
export function checkCompliance(input: ComplianceInput): ComplianceProblem[] {
  const skus = [...new Set(input.cartons.flatMap((carton) => carton.contents.map((content) => content.sku)))];
  const unknown: ComplianceProblem[] = skus
    .filter((sku) => !input.products.has(sku))
    .map((sku) => ({
      code: 'UNKNOWN_SKU',
      severity: 'error',
      path: 'cartons',
      sku,
      message: `sku "${sku}" is not in the seller's catalogue (POST /v1/products first)`,
    }));
  const products = skus.flatMap((sku) => {
    const product = input.products.get(sku);
    return product === undefined ? [] : productProblems(product, input);
  });
  const cartons = input.cartons.flatMap((carton, index) => cartonProblems(carton, index, input));
  return [...unknown, ...cartons, ...products];
}
