import * as z from 'zod';
import { decimalAmount, declaredValueProblem, dimensionsSchema, fulfilmentWarehouse, hsCode, MARKETPLACE_PROGRAMMES } from '../order';
import { GOODS_CATEGORIES } from '../shared/goods';
import { CURRENCIES, parseMajor } from '../shared/money';
import { parsePostalCode } from '../shared/postal-codes';
import { BATTERY_TYPES, DESTINATION_COUNTRIES, INCOTERMS, MARKETPLACES } from '../shared/shipping-terms';
import { humanText } from '../shared/text';
import type { RatingRequest } from './types';

/**
 * `POST /v1/rates`: a proposed shipment, priced before anything is bought. The same units as an
 * order: grams, millimetres, amounts as decimal strings in `currency`. Without `shipFrom` it crosses
 * the border from China; with `shipFrom.warehouseCode` of a warehouse in the destination country it
 * is a domestic shipment from stock there, rated on that warehouse's domestic services.
 */
export const ratesInputSchema = z
  .object({
    shipFrom: z.strictObject({ warehouseCode: z.string().trim().min(1).max(32) }).optional(),
    destination: z
      .object({
        country: z.enum(DESTINATION_COUNTRIES),
        postalCode: z.string().trim().min(1).max(16),
        state: humanText(64).optional(),
      })
      .transform(({ country, postalCode, state }, context) => {
        const postal = parsePostalCode(country, postalCode);
        if (!postal.ok) {
          context.issues.push({ code: 'custom', path: ['postalCode'], message: postal.message, input: postalCode });
          return z.NEVER;
        }
        return { ...postal.value, ...(state === undefined ? {} : { state }) };
      }),
    parcels: z
      .array(z.object({ weightGrams: z.number().int('must be whole grams').positive().max(70_000), dimensions: dimensionsSchema }))
      .min(1)
      .max(50),
    items: z
      .array(
        z.object({
          quantity: z.number().int().positive().max(10_000),
          unitDeclaredValue: decimalAmount,
          hsCode,
          category: z.enum(GOODS_CATEGORIES).optional(),
          batteryType: z.enum(BATTERY_TYPES).default('none'),
          description: humanText(256).optional(),
        }),
      )
      .min(1)
      .max(100),
    currency: z.enum(CURRENCIES),
    quoteCurrency: z.enum(CURRENCIES).optional(),
    incoterm: z.enum(INCOTERMS),
    insured: z.boolean().default(false),
    /** The marketplace decides Brazil's Remessa Conforme and Chile's registered-platform treatment. */
    marketplace: z.enum(MARKETPLACES).default('own-store'),
    /** A company (Brazil: a CNPJ) is outside Remessa Conforme's 20% band; an individual by default. */
    recipient: z.enum(['individual', 'company']).default('individual'),
  })
  // Once the currency is known: every amount to minor units, once, here.
  .transform((input, context) => {
    let valid = true;
    const items = input.items.map((item, index) => {
      const unitValue = parseMajor(item.unitDeclaredValue, input.currency);
      if (unitValue === undefined) {
        valid = false;
        context.issues.push({
          code: 'custom',
          path: ['items', index, 'unitDeclaredValue'],
          message: `has more decimals than ${input.currency} allows`,
          input: item.unitDeclaredValue,
        });
      }
      return { ...item, unitValue: unitValue ?? { amount: 0, currency: input.currency } };
    });
    if (input.shipFrom !== undefined && fulfilmentWarehouse({ shipFrom: input.shipFrom, shipTo: input.destination }) === undefined) {
      context.issues.push({
        code: 'custom',
        path: ['shipFrom', 'warehouseCode'],
        message: `"${input.shipFrom.warehouseCode}" is not an Enlace warehouse in ${input.destination.country}; a domestic quote ships from a warehouse in the destination country (omit shipFrom for a parcel from China)`,
        input: input.shipFrom.warehouseCode,
      });
      valid = false;
    }
    if (!valid) {
      return z.NEVER;
    }
    const tooValuable = declaredValueProblem(
      items.map((item) => ({ quantity: item.quantity, amount: item.unitValue.amount })),
      input.currency,
    );
    if (tooValuable !== undefined) {
      context.issues.push({ code: 'custom', path: ['items'], message: tooValuable, input: input.items });
      return z.NEVER;
    }
    return { ...input, items };
  });

export type RatesInput = z.output<typeof ratesInputSchema>;

export function ratingRequestFromRatesInput(input: RatesInput): RatingRequest {
  const programmes = MARKETPLACE_PROGRAMMES[input.marketplace];
  return {
    ...(input.shipFrom === undefined ? {} : { origin: { warehouseCode: input.shipFrom.warehouseCode } }),
    destination: input.destination,
    parcels: input.parcels.map((parcel) => ({ weightGrams: parcel.weightGrams, ...parcel.dimensions })),
    items: input.items.map((item) => ({
      quantity: item.quantity,
      unitValue: item.unitValue,
      hsCode: item.hsCode,
      battery: item.batteryType,
      ...(item.category === undefined ? {} : { category: item.category }),
      ...(item.description === undefined ? {} : { description: item.description }),
    })),
    incoterm: input.incoterm,
    insured: input.insured,
    quoteCurrency: input.quoteCurrency ?? input.currency,
    seller: { remessaConforme: programmes.remessaConforme, chileVatRegistered: programmes.chileVatRegistered },
    recipient: input.recipient,
  };
}
