import * as z from 'zod';
import { skuSchema } from '../catalog';
import { CURRENCIES, parseMajor } from '../shared/money';
import { whenValid } from '../shared/refine';
import { INBOUND_MODES } from './lifecycle';

/**
 * `POST /v1/inbound-shipments` (an advance shipping notice): what the seller sends, carton by
 * carton, to which warehouse, how, and what each SKU is worth. Identical cartons are one line with a
 * `count` (their labels are `<cartonId>-1` … `<cartonId>-<count>`), as a packing list writes them.
 */
export const MAX_CARTON_LINES = 500;
export const MAX_CARTONS = 5_000;
export const MAX_SKUS = 200;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const positiveInt = (what: string, max: number) => z.number().int(`must be whole ${what}`).positive().max(max);
const amount = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((value) => /^\d{1,12}(\.\d{1,2})?$/.test(value), 'must be an amount such as "1850.00"');

const cartonSchema = z.strictObject({
  cartonId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, 'must be 1 to 40 letters, digits, ".", "_", "/" or "-"'),
  count: positiveInt('cartons', MAX_CARTONS).default(1),
  contents: z
    .array(z.strictObject({ sku: skuSchema, quantity: positiveInt('units', 100_000) }))
    .min(1, 'a carton holds at least one SKU')
    .max(50),
  grossWeightGrams: positiveInt('grams', 1_000_000),
  dimensions: z.strictObject({
    lengthMm: positiveInt('millimetres', 3_000),
    widthMm: positiveInt('millimetres', 3_000),
    heightMm: positiveInt('millimetres', 3_000),
  }),
});

export const inboundInputSchema = z
  .strictObject({
    sellerId: z.string().regex(/^[A-Za-z0-9_-]{3,64}$/, 'must be 3 to 64 letters, digits, "_" or "-"'),
    /** The seller's own number for it (purchase order or ASN): unique per seller, so a retried booking is recognised. */
    reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:#/-]{0,63}$/, 'must be 1 to 64 letters, digits or . _ : # / -'),
    warehouseCode: z.string().regex(/^[A-Z0-9-]{2,16}$/, 'must be a warehouse code such as "MX-CTT-01"'),
    mode: z.enum(INBOUND_MODES, { error: `must be one of ${INBOUND_MODES.join(', ')}` }),
    origin: z.strictObject({
      city: text(64),
      country: z.literal('CN', { error: 'inbound shipments leave from China (CN)' }),
      port: z
        .string()
        .regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'must be a UN/LOCODE such as CNSZX')
        .optional(),
    }),
    forwarder: z.enum(['enlace-forwarder'], { error: 'must be "enlace-forwarder"' }).default('enlace-forwarder'),
    currency: z.enum(CURRENCIES),
    /** The price of each SKU (FOB), as on the commercial invoice. */
    values: z
      .array(z.strictObject({ sku: skuSchema, unitValue: amount }))
      .min(1)
      .max(MAX_SKUS),
    freight: amount,
    insurance: amount.optional(),
    cartons: z.array(cartonSchema).min(1, 'an inbound shipment holds at least one carton').max(MAX_CARTON_LINES),
  })
  .superRefine((input, context) => checkCartons(input.cartons, context), whenValid('cartons'))
  .superRefine((input, context) => checkValues(input, context), whenValid('cartons', 'values'))
  // Once the currency is known: amounts to minor units, once, here.
  .transform(({ values: rawValues, freight: rawFreight, insurance: rawInsurance, ...input }, context) => {
    let valid = true;
    const money = (value: string, path: (string | number)[]) => {
      const parsed = parseMajor(value, input.currency);
      if (parsed === undefined) {
        valid = false;
        context.issues.push({ code: 'custom', path, message: `"${value}" has more decimals than ${input.currency} allows`, input: value });
      }
      return parsed ?? { amount: 0, currency: input.currency };
    };
    const values = rawValues.map((value, index) => ({ sku: value.sku, unitValue: money(value.unitValue, ['values', index, 'unitValue']) }));
    const freight = money(rawFreight, ['freight']);
    const insurance = rawInsurance === undefined ? undefined : money(rawInsurance, ['insurance']);
    return valid ? { ...input, values, freight, ...(insurance === undefined ? {} : { insurance }) } : z.NEVER;
  });

export type InboundInput = z.output<typeof inboundInputSchema>;
export type CartonLine = InboundInput['cartons'][number];

function checkCartons(cartons: readonly z.input<typeof cartonSchema>[], context: z.RefinementCtx): void {
  const ids = new Set<string>();
  let total = 0;
  cartons.forEach((carton, index) => {
    if (ids.has(carton.cartonId))
      context.addIssue({ code: 'custom', path: ['cartons', index, 'cartonId'], message: `carton "${carton.cartonId}" is listed twice` });
    ids.add(carton.cartonId);
    total += carton.count ?? 1;
    const skus = new Set<string>();
    carton.contents.forEach((content, contentIndex) => {
      if (skus.has(content.sku))
        context.addIssue({
          code: 'custom',
          path: ['cartons', index, 'contents', contentIndex, 'sku'],
          message: `sku "${content.sku}" appears twice in this carton`,
        });
      skus.add(content.sku);
    });
  });
  if (total > MAX_CARTONS)
    context.addIssue({ code: 'custom', path: ['cartons'], message: `${total} cartons; at most ${MAX_CARTONS} per inbound shipment (split it)` });
}

/** Every SKU in the cartons has a price, and every price belongs to a SKU in the cartons. */
function checkValues(
  input: { readonly cartons: readonly { readonly contents: readonly { readonly sku: string }[] }[]; readonly values: readonly { readonly sku: string }[] },
  context: z.RefinementCtx,
): void {
  const packed = new Set(input.cartons.flatMap((carton) => carton.contents.map((content) => content.sku)));
  const priced = new Set<string>();
  input.values.forEach((value, index) => {
    if (priced.has(value.sku)) context.addIssue({ code: 'custom', path: ['values', index, 'sku'], message: `sku "${value.sku}" is priced twice` });
    if (!packed.has(value.sku)) context.addIssue({ code: 'custom', path: ['values', index, 'sku'], message: `sku "${value.sku}" is in no carton` });
    priced.add(value.sku);
  });
  for (const sku of packed) {
    if (!priced.has(sku)) context.addIssue({ code: 'custom', path: ['values'], message: `sku "${sku}" is packed but has no unit value` });
  }
}

/** Units of each SKU the shipment should bring: every carton line's contents times its count. */
export function expectedUnits(cartons: readonly CartonLine[]): Map<string, number> {
  const expected = new Map<string, number>();
  for (const carton of cartons) {
    for (const content of carton.contents) expected.set(content.sku, (expected.get(content.sku) ?? 0) + content.quantity * carton.count);
  }
  return expected;
}

/** The labels of a carton line: its id alone, or `<id>-1` … `<id>-<count>` for identical cartons. */
export function cartonLabels(carton: Pick<CartonLine, 'cartonId' | 'count'>): string[] {
  return carton.count === 1 ? [carton.cartonId] : Array.from({ length: carton.count }, (_, index) => `${carton.cartonId}-${index + 1}`);
}
