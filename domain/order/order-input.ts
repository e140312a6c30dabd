import * as z from 'zod';
import { whenValid } from '../shared/refine';
import { CERTIFICATE_AGENCIES } from '../shared/certificates';
import { GOODS_CATEGORIES } from '../shared/goods';
import { CURRENCIES, parseMajor } from '../shared/money';
import { validateNfeAccessKey } from '../shared/nfe';
import { parsePostalCode } from '../shared/postal-codes';
import { BATTERY_TYPES, DESTINATION_COUNTRIES, INCOTERMS, MARKETPLACES, SERVICE_LEVELS } from '../shared/shipping-terms';
import { fulfilmentWarehouse } from './fulfilment';
import { humanText } from '../shared/text';
import { declaredValueProblem } from './limits';
import { decimalAmount, dimensionsSchema, hsCode } from './fields';

/**
 * The order a marketplace posts to `POST /v1/orders` (API v1). Units are part of the field names
 * so integrators cannot confuse them: grams, millimetres, and amounts as decimal strings in the
 * order's currency (`"12.50"`), which Enlace stores as integer minor units.
 */

const MAX_ITEMS = 100;
const MAX_PARCELS = 50;
const MAX_PARCEL_WEIGHT_GRAMS = 70_000;

/** Human text, one line: any script and emoji, never control characters, lone surrogates or noncharacters (domain/shared/text.ts). */
const text = (max: number) => humanText(max);

export const itemSchema = z.object({
  sku: text(64),
  description: text(256),
  quantity: z.number().int('must be a whole number').positive().max(10_000),
  unitDeclaredValue: decimalAmount,
  hsCode,
  originCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. "CN"'),
  unitWeightGrams: z.number().int('must be whole grams').positive().max(MAX_PARCEL_WEIGHT_GRAMS),
  dimensions: dimensionsSchema.optional(),
  category: z.enum(GOODS_CATEGORIES).optional(),
  batteryType: z.enum(BATTERY_TYPES).default('none'),
});

const parcelSchema = z.object({
  reference: text(64).optional(),
  weightGrams: z.number().int('must be whole grams').positive().max(MAX_PARCEL_WEIGHT_GRAMS),
  dimensions: dimensionsSchema,
  items: z
    .array(z.object({ sku: text(64), quantity: z.number().int('must be a whole number').positive().max(10_000) }))
    .min(1, 'a parcel must hold at least one item')
    .max(MAX_ITEMS),
});

export const taxIdSchema = z.object({
  type: z.enum(['CPF', 'CNPJ', 'RFC', 'CURP', 'RUT', 'NIT', 'CEDULA', 'DNI', 'RUC', 'PASSPORT']).optional(),
  value: text(32),
});

/** A certificate the seller holds (e.g. an ANATEL homologation); without `skus` it covers every item it applies to. */
export const certificateSchema = z.strictObject({
  agency: z.enum(CERTIFICATE_AGENCIES, { error: `must be one of ${CERTIFICATE_AGENCIES.join(', ')}` }),
  reference: text(64),
  skus: z.array(text(64)).min(1, 'list at least one sku, or leave skus out to cover every item').max(MAX_ITEMS).optional(),
});

const MAX_CERTIFICATES = 20;
export const certificatesSchema = z.array(certificateSchema).max(MAX_CERTIFICATES, `at most ${MAX_CERTIFICATES} certificates`);

const shipToSchema = z
  .object({
    name: text(128),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{7,20}$/, 'must be a phone number, preferably in E.164 form such as +5511912345678'),
    email: z.email('must be an email address').max(254).optional(),
    streetLines: z.array(text(128)).min(1, 'at least one street line is needed').max(3),
    neighborhood: text(128).optional(),
    city: text(128),
    state: text(64),
    postalCode: text(16),
    country: z.enum(DESTINATION_COUNTRIES, { error: `must be one of ${DESTINATION_COUNTRIES.join(', ')}` }),
    taxId: taxIdSchema.optional(),
  })
  // Parsed here, once, on the address itself, so a bad postal code is reported together with the
  // order's other problems; what comes out carries the parsed value (moved to `destination` below).
  .transform((shipTo, context) => {
    const postal = parsePostalCode(shipTo.country, shipTo.postalCode);
    if (!postal.ok) {
      context.issues.push({ code: 'custom', path: ['postalCode'], message: postal.message, input: shipTo.postalCode });
      return z.NEVER;
    }
    return { ...shipTo, postalCode: postal.value.code, postal: postal.value };
  });

const shipFromSchema = z.union([
  z.object({ warehouseCode: z.string().regex(/^[A-Z0-9-]{2,16}$/, 'must be a warehouse code such as "SZX-01"') }).strict(),
  z.object({ city: text(64), province: text(64).optional(), country: z.literal('CN', { error: 'origin must be in China (CN)' }) }).strict(),
]);

/** Domestic documents the seller supplies: Brazil's NF-e access key for a parcel shipped inside Brazil (see domain/shared/nfe.ts). */
const documentsSchema = z.strictObject({
  nfeAccessKey: z
    .string()
    .transform((raw, context) => {
      const result = validateNfeAccessKey(raw);
      if (result.valid) return result.key;
      context.issues.push({ code: 'custom', message: result.message, input: raw });
      return z.NEVER;
    })
    .optional(),
});

export const orderInputSchema = z
  .object({
    marketplace: z.enum(MARKETPLACES),
    sellerId: z.string().regex(/^[A-Za-z0-9_-]{3,64}$/, 'must be 3 to 64 letters, digits, "_" or "-"'),
    externalOrderId: z.string().regex(/^[A-Za-z0-9_.:#/-]{1,128}$/, 'must be 1 to 128 letters, digits or _ . : # / -'),
    shipFrom: shipFromSchema,
    /** "warehouse": ship from the seller's stock in a destination warehouse of shipTo's country (also implied by such a shipFrom.warehouseCode). */
    fulfilment: z.enum(['warehouse']).optional(),
    shipTo: shipToSchema,
    serviceLevel: z.enum(SERVICE_LEVELS),
    incoterm: z.enum(INCOTERMS),
    currency: z.enum(CURRENCIES),
    insured: z.boolean().default(false),
    items: z.array(itemSchema).min(1, 'an order needs at least one item').max(MAX_ITEMS),
    parcels: z.array(parcelSchema).min(1).max(MAX_PARCELS).optional(),
    certificates: certificatesSchema.optional(),
    documents: documentsSchema.optional(),
  })
  // Each cross-field check runs when the fields it reads parsed, whatever else failed (every problem at once).
  .superRefine((order, context) => checkSkusAreUnique(order.items, context), whenValid('items'))
  .superRefine((order, context) => checkDomesticDocuments(order, context), whenValid('shipFrom', 'shipTo', 'documents'))
  .superRefine(
    (order, context) => {
      if (order.certificates !== undefined) checkCertificateSkus(order.items, order.certificates, context, ['certificates']);
    },
    whenValid('items', 'certificates'),
  )
  .superRefine(
    (order, context) => {
      if (order.parcels !== undefined) checkParcelsHoldTheItems(order.items, order.parcels, context);
    },
    whenValid('items', 'parcels'),
  )
  // Once the currency is known: every amount to minor units, once, here.
  .transform(({ shipTo: { postal, ...shipTo }, ...order }, context) => {
    let valid = true;
    const items = order.items.map((item, index) => {
      const value = parseMajor(item.unitDeclaredValue, order.currency);
      if (value === undefined) {
        valid = false;
        context.issues.push({
          code: 'custom',
          path: ['items', index, 'unitDeclaredValue'],
          message: `"${item.unitDeclaredValue}" has more decimals than ${order.currency} allows`,
          input: item.unitDeclaredValue,
        });
      }
      return { ...item, unitDeclaredValue: value ?? { amount: 0, currency: order.currency } };
    });
    if (!valid) {
      return z.NEVER;
    }
    const tooValuable = declaredValueProblem(
      items.map((item) => ({ quantity: item.quantity, amount: item.unitDeclaredValue.amount })),
      order.currency,
    );
    if (tooValuable !== undefined) {
      context.issues.push({ code: 'custom', path: ['items'], message: tooValuable, input: order.items });
      return z.NEVER;
    }
    return { ...order, shipTo, destination: postal, items };
  });

/** A validated order: amounts in minor units, the postal code parsed (its canonical form in `shipTo`, the value in `destination`). */
export type OrderInput = z.output<typeof orderInputSchema>;

function checkSkusAreUnique(items: readonly { sku: string }[], context: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.sku)) {
      context.addIssue({ code: 'custom', path: ['items', index, 'sku'], message: `sku "${item.sku}" appears twice; list each sku once with its quantity` });
    }
    seen.add(item.sku);
  });
}

/** A parcel shipped inside Brazil from an Enlace warehouse travels with the seller's NF-e: its access key is required. */
function checkDomesticDocuments(
  order: {
    shipFrom: z.output<typeof shipFromSchema>;
    shipTo: { country: (typeof DESTINATION_COUNTRIES)[number] };
    documents?: { nfeAccessKey?: string } | undefined;
  },
  context: z.RefinementCtx,
): void {
  const warehouse = fulfilmentWarehouse(order);
  if (warehouse?.country === 'BR' && order.documents?.nfeAccessKey === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['documents', 'nfeAccessKey'],
      message: `is required: a parcel shipped inside Brazil (from ${warehouse.code}) travels with the seller's NF-e; give its 44-digit chave de acesso`,
    });
  }
}

/** Certificates may name only the order's skus. */
export function checkCertificateSkus(
  items: readonly { sku: string }[],
  certificates: readonly { skus?: readonly string[] | undefined }[],
  context: z.RefinementCtx,
  path: (string | number)[],
): void {
  const skus = new Set(items.map((item) => item.sku));
  certificates.forEach((certificate, certificateIndex) => {
    certificate.skus?.forEach((sku, skuIndex) => {
      if (!skus.has(sku)) {
        context.addIssue({ code: 'custom', path: [...path, certificateIndex, 'skus', skuIndex], message: `sku "${sku}" is not among the order's items` });
      }
    });
  });
}

/** Every unit of every item is in exactly one parcel, and parcels hold nothing else. */
function checkParcelsHoldTheItems(
  items: readonly { sku: string; quantity: number }[],
  parcels: readonly { items: readonly { sku: string; quantity: number }[] }[],
  context: z.RefinementCtx,
): void {
  const ordered = new Map(items.map((item) => [item.sku, item.quantity]));
  const packed = new Map<string, number>();
  parcels.forEach((parcel, parcelIndex) => {
    parcel.items.forEach((content, contentIndex) => {
      if (!ordered.has(content.sku)) {
        context.addIssue({
          code: 'custom',
          path: ['parcels', parcelIndex, 'items', contentIndex, 'sku'],
          message: `sku "${content.sku}" is not among the order's items`,
        });
      }
      packed.set(content.sku, (packed.get(content.sku) ?? 0) + content.quantity);
    });
  });
  items.forEach((item, index) => {
    const inParcels = packed.get(item.sku) ?? 0;
    if (inParcels !== item.quantity) {
      context.addIssue({
        code: 'custom',
        path: ['items', index, 'quantity'],
        message: `${item.quantity} unit(s) of "${item.sku}" ordered but ${inParcels} packed in parcels`,
      });
    }
  });
}
