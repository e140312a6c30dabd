import * as z from 'zod';
import { INBOUND_MODES, INBOUND_STATUSES } from '../domain/inbound';
import { defineEvent } from './envelope';

/**
 * What the overseas-warehouse side tells the rest of Enlace and, through notifications, the seller.
 * `metadata.correlationId` is the inbound shipment id (there is no order); every event names the
 * warehouse and its country, so a seller's notification filters by destination work as for parcels.
 */
const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const status = z.enum(INBOUND_STATUSES);

const inboundRef = {
  inboundShipmentId: z.string().min(1),
  reference: z.string().optional(),
  warehouseCode: z.string().min(1),
  /** The warehouse's country: the destination, for notification filters. */
  country: z.string().length(2),
};

const problem = z.object({ code: z.string(), severity: z.enum(['error', 'warning']), path: z.string(), sku: z.string().optional(), message: z.string() });
const hold = z.object({ kind: z.enum(['hold', 'inspection']), reason: z.object({ code: z.string(), description: z.string() }), at: z.iso.datetime() });
const discrepancy = z.object({
  sku: z.string(),
  kind: z.enum(['shortage', 'overage', 'unexpected', 'damaged']),
  expected: z.number().int(),
  counted: z.number().int(),
  quantity: z.number().int(),
  resolution: z.object({ decision: z.enum(['accepted', 'disputed']), at: z.iso.datetime(), note: z.string().optional() }).optional(),
});

export const inboundBookedV1 = defineEvent({
  type: 'inbound.booked',
  version: 1,
  source: 'enlace.inbound',
  description: 'An inbound shipment (advance shipping notice) passed the compliance gate and was booked to a warehouse.',
  data: z.object({
    ...inboundRef,
    mode: z.enum(INBOUND_MODES),
    cartons: z.number().int().positive(),
    lines: z.array(z.object({ sku: z.string(), expected: z.number().int().positive() })).min(1),
    warnings: z.array(problem),
  }),
});

export const inboundStatusChangedV1 = defineEvent({
  type: 'inbound.status-changed',
  version: 1,
  source: 'enlace.inbound',
  description: 'An inbound shipment moved on its journey (consolidated, departed, at the port, in customs, released, at the warehouse, received, closed…).',
  data: z.object({
    ...inboundRef,
    from: status,
    to: status,
    /** When it happened (the milestone's time). */
    occurredAt: z.iso.datetime(),
    /** Who reported it: the forwarder, the warehouse or the seller. */
    reportedBy: z.string(),
    note: z.string().optional(),
    /** On release: each SKU's landed cost per unit, in the destination currency. */
    landedCost: z
      .object({
        currency: z.string().length(3),
        sandbox: z.boolean(),
        lines: z.array(z.object({ sku: z.string(), quantity: z.number().int(), landedUnitCost: money, total: money })),
      })
      .optional(),
  }),
});

export const inboundHeldV1 = defineEvent({
  type: 'inbound.held',
  version: 1,
  source: 'enlace.inbound',
  description: 'Customs held or selected an inbound shipment for inspection, with the reason: the seller may have to act.',
  data: z.object({ ...inboundRef, hold, entryNumber: z.string().optional() }),
});

export const inboundReceivedV1 = defineEvent({
  type: 'inbound.received',
  version: 1,
  source: 'enlace.inbound',
  description:
    'The warehouse finished counting an inbound shipment: what arrived per SKU, and every discrepancy (shortage, overage, unexpected SKU, damage) to accept or dispute.',
  data: z.object({
    ...inboundRef,
    counted: z.array(z.object({ sku: z.string(), expected: z.number().int(), good: z.number().int(), damaged: z.number().int() })),
    discrepancies: z.array(discrepancy),
  }),
});

export const inboundDiscrepancyResolvedV1 = defineEvent({
  type: 'inbound.discrepancy-resolved',
  version: 1,
  source: 'enlace.inbound',
  description: 'The seller accepted or disputed a receiving discrepancy.',
  data: z.object({ ...inboundRef, discrepancy }),
});

export const inboundStalledV1 = defineEvent({
  type: 'inbound.stalled',
  version: 1,
  source: 'enlace.inbound',
  description: "An inbound shipment's current leg has been silent longer than its threshold (per leg and mode). Raised once per silence.",
  data: z.object({
    ...inboundRef,
    status,
    mode: z.enum(INBOUND_MODES),
    silentSince: z.iso.datetime(),
    hoursSilent: z.number(),
    thresholdHours: z.number(),
    stallKey: z.string(),
  }),
});

export const inboundCancelledV1 = defineEvent({
  type: 'inbound.cancelled',
  version: 1,
  source: 'enlace.inbound',
  description: 'The seller cancelled an inbound shipment before it left China.',
  data: z.object({ ...inboundRef, reason: z.string() }),
});
