import * as z from 'zod';
import { FULFILMENT_STAGES } from '../domain/order';
import { defineEvent } from './envelope';

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const dimensions = z.object({ lengthMm: z.number().int().positive(), widthMm: z.number().int().positive(), heightMm: z.number().int().positive() });

/** The order as it was accepted; consumers rate, route and document it from this alone. */
export const orderSnapshotSchema = z.object({
  orderId: z.string(),
  sellerId: z.string(),
  marketplace: z.string(),
  externalOrderId: z.string(),
  receivedAt: z.iso.datetime(),
  version: z.number().int().positive(),
  shipFrom: z.union([z.object({ warehouseCode: z.string() }), z.object({ city: z.string(), province: z.string().optional(), country: z.literal('CN') })]),
  shipTo: z.object({
    name: z.string(),
    phone: z.string(),
    email: z.string().optional(),
    streetLines: z.array(z.string()).min(1).readonly(),
    neighborhood: z.string().optional(),
    city: z.string(),
    state: z.string(),
    postalCode: z.string(),
    country: z.enum(['MX', 'BR', 'CL', 'CO', 'PE', 'US']),
    taxId: z.object({ type: z.string().optional(), value: z.string() }).optional(),
  }),
  serviceLevel: z.enum(['economy', 'standard', 'express']),
  incoterm: z.enum(['DDP', 'DDU']),
  currency: z.string().length(3),
  insured: z.boolean(),
  items: z
    .array(
      z.object({
        sku: z.string(),
        description: z.string(),
        quantity: z.number().int().positive(),
        unitDeclaredValue: money,
        hsCode: z.string(),
        originCountry: z.string(),
        unitWeightGrams: z.number().int().positive(),
        dimensions: dimensions.optional(),
        category: z.string().optional(),
        batteryType: z.string(),
      }),
    )
    .min(1)
    .readonly(),
  parcels: z
    .array(
      z.object({
        parcelNumber: z.number().int().positive(),
        reference: z.string().optional(),
        weightGrams: z.number().int().positive(),
        dimensions: dimensions.optional(),
        items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).readonly(),
      }),
    )
    .min(1)
    .readonly(),
  parcelsDerived: z.boolean(),
  declaredValue: money,
  /** A warehouse (local) order: the destination warehouse that ships it, and its stage there (docs/fulfilment.md). */
  fulfilment: z
    .object({
      mode: z.literal('warehouse'),
      warehouseCode: z.string(),
      stage: z.enum(FULFILMENT_STAGES),
      transitDays: z.number().int().positive(),
      stageAt: z.iso.datetime(),
    })
    .optional(),
});

export const orderReceivedV1 = defineEvent({
  type: 'order.received',
  version: 1,
  source: 'enlace.orders',
  description: 'A marketplace order was accepted by the intake and stored; the pipeline starts here.',
  data: z.object({ order: orderSnapshotSchema }),
});
