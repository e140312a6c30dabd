import * as z from 'zod';
import { CERTIFICATE_AGENCIES, type CertificateAgency } from '../shared/certificates';
import { GOODS_CATEGORIES, type GoodsCategory } from '../shared/goods';
import { whenValid } from '../shared/refine';
import { BATTERY_TYPES, DESTINATION_COUNTRIES, type BatteryType, type DestinationCountry } from '../shared/shipping-terms';

/**
 * A seller's product (SKU) in Enlace's catalogue: what inbound shipments carry, what the warehouse
 * stores and what warehouse orders ship. Everything customs and the warehouse need is here once:
 * descriptions in English and the destination's languages, HS code, origin, unit and carton
 * measures, batteries, category and the certificates the seller holds per country.
 */
export interface Dimensions {
  readonly lengthMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface ProductCertificate {
  readonly country: DestinationCountry;
  readonly agency: CertificateAgency;
  /** The certificate, registration or homologation number, as issued. */
  readonly reference: string;
  /** Last day it is valid (YYYY-MM-DD), when it expires. */
  readonly validUntil?: string;
}

export interface Product {
  readonly sellerId: string;
  readonly sku: string;
  /** English description, as customs documents print it. */
  readonly description: string;
  /** Descriptions in the destinations' languages (Spanish for MX, Portuguese for BR). */
  readonly localDescriptions: { readonly es?: string; readonly pt?: string };
  /** Digits only, 6 to 10. */
  readonly hsCode: string;
  readonly originCountry: string;
  readonly category: GoodsCategory;
  readonly batteryType: BatteryType;
  readonly unitWeightGrams: number;
  readonly unitDimensions: Dimensions;
  /** How the factory packs it: units per master carton, and the carton's gross weight and size. */
  readonly carton: { readonly unitsPerCarton: number; readonly grossWeightGrams: number; readonly dimensions: Dimensions };
  readonly certificates: readonly ProductCertificate[];
  /** Available units at or below which stock.low is published (per warehouse). */
  readonly reorderPoint: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Bumped by every change, so a PATCH can be conditional (If-Match). */
  readonly version: number;
}

const MAX_SIDE_MM = 3_000;
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const positiveInt = (what: string, max: number) => z.number().int(`must be whole ${what}`).positive().max(max);

const dimensionsSchema = z.strictObject({
  lengthMm: positiveInt('millimetres', MAX_SIDE_MM),
  widthMm: positiveInt('millimetres', MAX_SIDE_MM),
  heightMm: positiveInt('millimetres', MAX_SIDE_MM),
});

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const skuSchema = z.string().regex(SKU_PATTERN, 'must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit');

const hsCodeSchema = z
  .string()
  .transform((value) => value.replace(/[.\s-]/g, ''))
  .refine((value) => /^\d{6,10}$/.test(value), 'must be an HS code of 6 to 10 digits, e.g. "8518.30"');

const certificateSchema = z.strictObject({
  country: z.enum(DESTINATION_COUNTRIES, { error: `must be one of ${DESTINATION_COUNTRIES.join(', ')}` }),
  agency: z.enum(CERTIFICATE_AGENCIES, { error: `must be one of ${CERTIFICATE_AGENCIES.join(', ')}` }),
  reference: text(64),
  validUntil: z.iso.date('must be a date such as "2027-12-31"').optional(),
});

const MAX_CERTIFICATES = 30;

const productFields = {
  description: text(256),
  localDescriptions: z.strictObject({ es: text(256).optional(), pt: text(256).optional() }).default({}),
  hsCode: hsCodeSchema,
  originCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. "CN"'),
  category: z.enum(GOODS_CATEGORIES, { error: `must be one of ${GOODS_CATEGORIES.join(', ')}` }),
  batteryType: z.enum(BATTERY_TYPES, { error: `must be one of ${BATTERY_TYPES.join(', ')}` }).default('none'),
  unitWeightGrams: positiveInt('grams', 70_000),
  unitDimensions: dimensionsSchema,
  carton: z.strictObject({ unitsPerCarton: positiveInt('units', 10_000), grossWeightGrams: positiveInt('grams', 70_000), dimensions: dimensionsSchema }),
  certificates: z.array(certificateSchema).max(MAX_CERTIFICATES, `at most ${MAX_CERTIFICATES} certificates`).default([]),
  reorderPoint: z.number().int('must be a whole number of units').min(0).max(1_000_000).default(0),
};

/** `POST /v1/products`: a new SKU for a seller (unknown fields are refused, so a typo is never silently dropped). */
export const productInputSchema = z
  .strictObject({ sellerId: z.string().regex(/^[A-Za-z0-9_-]{3,64}$/, 'must be 3 to 64 letters, digits, "_" or "-"'), sku: skuSchema, ...productFields })
  .superRefine((input, context) => checkCarton(input, context), whenValid('unitWeightGrams', 'carton'))
  .superRefine((input, context) => checkCertificates(input.certificates, context), whenValid('certificates'));

/** `PATCH /v1/products/{sku}` (JSON merge patch): any product field but the seller and the SKU; certificates replace the list. */
export const productPatchSchema = z
  .strictObject({
    description: productFields.description.optional(),
    localDescriptions: z.strictObject({ es: text(256).nullable().optional(), pt: text(256).nullable().optional() }).optional(),
    hsCode: hsCodeSchema.optional(),
    originCountry: productFields.originCountry.optional(),
    category: productFields.category.optional(),
    batteryType: z.enum(BATTERY_TYPES, { error: `must be one of ${BATTERY_TYPES.join(', ')}` }).optional(),
    unitWeightGrams: productFields.unitWeightGrams.optional(),
    unitDimensions: dimensionsSchema.optional(),
    carton: productFields.carton.optional(),
    certificates: z.array(certificateSchema).max(MAX_CERTIFICATES, `at most ${MAX_CERTIFICATES} certificates`).optional(),
    reorderPoint: z.number().int('must be a whole number of units').min(0).max(1_000_000).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'send at least one field to change');

export type ProductInput = z.output<typeof productInputSchema>;
export type ProductPatch = z.output<typeof productPatchSchema>;

type Issue = { readonly path: (string | number)[]; readonly message: string };

/** A carton cannot weigh less than the units in it. */
function cartonIssues(product: Pick<ProductInput, 'unitWeightGrams' | 'carton'>): Issue[] {
  const contents = product.unitWeightGrams * product.carton.unitsPerCarton;
  return product.carton.grossWeightGrams < contents
    ? [
        {
          path: ['carton', 'grossWeightGrams'],
          message: `${product.carton.unitsPerCarton} units of ${product.unitWeightGrams} g weigh ${contents} g, more than the carton's ${product.carton.grossWeightGrams} g`,
        },
      ]
    : [];
}

/** One certificate per (country, agency): two would leave customs guessing which to print. */
function certificateIssues(certificates: readonly ProductCertificate[]): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  certificates.forEach((certificate, index) => {
    const key = `${certificate.country}/${certificate.agency}`;
    if (seen.has(key))
      issues.push({ path: ['certificates', index], message: `a second ${certificate.agency} certificate for ${certificate.country}; keep one` });
    seen.add(key);
  });
  return issues;
}

function checkCarton(input: Pick<Product, 'unitWeightGrams' | 'carton'>, context: z.RefinementCtx): void {
  for (const issue of cartonIssues(input)) context.addIssue({ code: 'custom', ...issue });
}

function checkCertificates(certificates: readonly ProductCertificate[], context: z.RefinementCtx): void {
  for (const issue of certificateIssues(certificates)) context.addIssue({ code: 'custom', ...issue });
}

/** A new product; the time comes from the caller. */
export function createProduct(input: ProductInput, at: string): Product {
  const { localDescriptions, certificates, ...fields } = input;
  return { ...fields, localDescriptions: withoutEmpty(localDescriptions), certificates, createdAt: at, updatedAt: at, version: 1 };
}

export type PatchResult =
  { readonly ok: true; readonly product: Product; readonly changed: boolean } | { readonly ok: false; readonly problems: readonly Issue[] };

/** Applies a merge patch: `null` removes a local description; the result is checked like a new product. */
export function patchProduct(product: Product, patch: ProductPatch, at: string): PatchResult {
  const { localDescriptions, ...fields } = patch;
  const merged: Product = {
    ...product,
    ...fields,
    localDescriptions: localDescriptions === undefined ? product.localDescriptions : withoutEmpty({ ...product.localDescriptions, ...localDescriptions }),
  };
  const problems = [...cartonIssues(merged), ...certificateIssues(merged.certificates)];
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  const changed = JSON.stringify({ ...merged, updatedAt: '', version: 0 }) !== JSON.stringify({ ...product, updatedAt: '', version: 0 });
  return { ok: true, changed, product: changed ? { ...merged, updatedAt: at, version: product.version + 1 } : product };
}

function withoutEmpty(descriptions: { readonly es?: string | null; readonly pt?: string | null }): Product['localDescriptions'] {
  return {
    ...(typeof descriptions.es === 'string' ? { es: descriptions.es } : {}),
    ...(typeof descriptions.pt === 'string' ? { pt: descriptions.pt } : {}),
  };
}

/** The certificate a product holds from an agency for a country, valid on `day` (YYYY-MM-DD). */
export function certificateFor(
  product: Pick<Product, 'certificates'>,
  country: DestinationCountry,
  agency: CertificateAgency,
  day: string,
): ProductCertificate | undefined {
  return product.certificates.find(
    (certificate) =>
      certificate.country === country && certificate.agency === agency && (certificate.validUntil === undefined || certificate.validUntil >= day),
  );
}
