/**
 * Field schemas an order shares with other inputs (a rate request, a product, a packed box), kept
 * apart from the order's own schema so a function that needs only these does not bundle that one.
 */
import * as z from 'zod';

const MAX_SIDE_MM = 3_000;

export const dimensionsSchema = z.object({
  lengthMm: z.number().int('must be whole millimetres').positive().max(MAX_SIDE_MM),
  widthMm: z.number().int('must be whole millimetres').positive().max(MAX_SIDE_MM),
  heightMm: z.number().int('must be whole millimetres').positive().max(MAX_SIDE_MM),
});

/** "12.50" or 12.5; at most two decimals here, and the currency's own exponent is checked later. */
export const decimalAmount = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((value) => /^\d{1,9}(\.\d{1,2})?$/.test(value), 'must be a non-negative decimal amount such as "12.50"');

export const hsCode = z
  .string()
  .transform((value) => value.replace(/[.\s-]/g, ''))
  .refine((value) => /^\d{6,10}$/.test(value), 'must be an HS code of 6 to 10 digits, e.g. "8517.62" or "851762"');
