import * as z from 'zod';
import { defineEvent } from './envelope';

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });

/** One priced service, as summarised on the bus (the full itemised quote is read at GET /v1/orders/{id}/quotes). */
export const quoteSummarySchema = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  serviceLevel: z.enum(['economy', 'standard', 'express']),
  carriers: z.object({ lineHaul: z.string(), lastMile: z.string() }),
  chargeableWeightGrams: z.number().int().nonnegative(),
  shippingTotal: money,
  dutiesAndTaxes: money,
  dutiesPayer: z.enum(['seller', 'buyer']),
  totalCharges: money,
  landedCost: money,
  transitDays: z.object({ min: z.number().int(), max: z.number().int() }),
});

export const orderRatedV1 = defineEvent({
  type: 'order.rated',
  version: 1,
  source: 'enlace.rating',
  description: 'Every eligible service was priced for the order, fees and taxes itemised; cheapest first.',
  data: z.object({
    orderId: z.string(),
    quotedOn: z.string(),
    currency: z.string().length(3),
    serviceLevel: z.enum(['economy', 'standard', 'express']),
    quotes: z.array(quoteSummarySchema).min(1).readonly(),
    ineligible: z.array(z.object({ serviceId: z.string(), reasons: z.array(z.object({ code: z.string(), message: z.string() })).readonly() })).readonly(),
  }),
});

export const orderUnrateableV1 = defineEvent({
  type: 'order.unrateable',
  version: 1,
  source: 'enlace.rating',
  description: 'No service can carry the order; every service says why.',
  data: z.object({
    orderId: z.string(),
    reasons: z.array(z.object({ serviceId: z.string(), reasons: z.array(z.object({ code: z.string(), message: z.string() })).readonly() })).readonly(),
  }),
});
