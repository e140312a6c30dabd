import * as z from 'zod';
import { FULFILMENT_STAGES } from '../domain/order';
import { defineEvent } from './envelope';

/**
 * A warehouse order's steps in the destination warehouse (docs/fulfilment.md). Each is about an
 * order (`metadata.correlationId` is the order id), so a seller follows them like the parcel's.
 */
const line = z.object({ sku: z.string(), quantity: z.number().int().positive() });
const about = {
  orderId: z.string(),
  warehouseCode: z.string(),
  /** The warehouse's (and the buyer's) country. */
  country: z.string().length(2),
};
const shortage = z.object({ sku: z.string(), requested: z.number().int().positive(), available: z.number().int().min(0) });

export const orderAllocatedV1 = defineEvent({
  type: 'order.allocated',
  version: 1,
  source: 'enlace.fulfilment',
  description: "A warehouse order's units were taken from available stock (at intake, or when a backorder was filled); the warehouse can pick it.",
  data: z.object({ ...about, lines: z.array(line).min(1), transitDays: z.number().int().positive(), fromBackorder: z.boolean() }),
});

export const orderBackorderedV1 = defineEvent({
  type: 'order.backordered',
  version: 1,
  source: 'enlace.fulfilment',
  description: 'A warehouse order the stock could not cover waits for stock (the seller accepts backorders); it is allocated first come, first served.',
  data: z.object({ ...about, shortages: z.array(shortage).min(1) }),
});

export const orderCancelledV1 = defineEvent({
  type: 'order.cancelled',
  version: 1,
  source: 'enlace.fulfilment',
  description: 'A warehouse order was cancelled before pick: its allocated units are available again (none, for a backorder).',
  data: z.object({ ...about, released: z.array(line), stage: z.enum(FULFILMENT_STAGES), reason: z.string().optional() }),
});

const box = z.object({
  weightGrams: z.number().int().positive(),
  dimensions: z.object({ lengthMm: z.number().int().positive(), widthMm: z.number().int().positive(), heightMm: z.number().int().positive() }),
});

export const orderPickedV1 = defineEvent({
  type: 'order.picked',
  version: 1,
  source: 'enlace.fulfilment',
  description: "The warehouse picked a warehouse order's units off the shelf; it can no longer be cancelled.",
  data: z.object({ ...about, lines: z.array(line).min(1) }),
});

export const orderPackedV1 = defineEvent({
  type: 'order.packed',
  version: 1,
  source: 'enlace.fulfilment',
  description: 'The warehouse packed a warehouse order: the boxes as weighed and measured.',
  data: z.object({ ...about, boxes: z.array(box).min(1) }),
});

export const orderShippedV1 = defineEvent({
  type: 'order.shipped',
  version: 1,
  source: 'enlace.fulfilment',
  description: 'The warehouse handed a warehouse order to its carrier; the units left the stock. Tracking follows it from here.',
  data: z.object({ ...about, lines: z.array(line).min(1) }),
});
