import * as z from 'zod';
import { MOVEMENT_KIND_NAMES, STOCK_BUCKETS } from '../domain/stock';
import { defineEvent } from './envelope';

/**
 * Stock events: what a seller's systems (or a marketplace listing) follow to show available stock.
 * `metadata.correlationId` is the cause: the inbound shipment, the adjustment, later the order.
 */
const stockRef = {
  warehouseCode: z.string().min(1),
  country: z.string().length(2),
  sku: z.string().min(1),
};
const bucket = z.enum(STOCK_BUCKETS).nullable();

export const stockReceivedV1 = defineEvent({
  type: 'stock.received',
  version: 1,
  source: 'enlace.stock',
  description: 'Units of a SKU were counted in at a warehouse: good ones available to sell, damaged ones quarantined.',
  data: z.object({
    ...stockRef,
    inboundShipmentId: z.string(),
    good: z.number().int().min(0),
    damaged: z.number().int().min(0),
    lotId: z.string(),
    landedUnitCost: z.object({ amount: z.number().int(), currency: z.string().length(3) }).nullable(),
  }),
});

export const stockAdjustedV1 = defineEvent({
  type: 'stock.adjusted',
  version: 1,
  source: 'enlace.stock',
  description: 'The warehouse corrected stock: a cycle count, damage found in stock, a disposal or a restock from quarantine.',
  data: z.object({
    ...stockRef,
    adjustmentId: z.string(),
    kind: z.enum(MOVEMENT_KIND_NAMES as [string, ...string[]]),
    quantity: z.number().int().positive(),
    from: bucket,
    to: bucket,
    reason: z.string(),
  }),
});

export const stockLowV1 = defineEvent({
  type: 'stock.low',
  version: 1,
  source: 'enlace.stock',
  description: "A SKU's available stock in a warehouse fell to its reorder point (published once, by the write that crossed it).",
  data: z.object({ ...stockRef, available: z.number().int().min(0), reorderPoint: z.number().int().min(0) }),
});
