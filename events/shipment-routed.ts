import * as z from 'zod';
import { BATTERY_TYPES } from '../domain/shared/shipping-terms';
import { defineEvent } from './envelope';

/** The booked shipment as consumers need it (customs documents, tracking, notifications). */
export const shipmentSnapshotSchema = z.object({
  shipmentId: z.string(),
  orderId: z.string(),
  sellerId: z.string(),
  carrier: z.string(),
  carrierName: z.string(),
  serviceId: z.string(),
  serviceLevel: z.enum(['economy', 'standard', 'express']),
  trackingNumber: z.string(),
  lane: z.string(),
  destinationCountry: z.enum(['MX', 'BR', 'CL', 'CO', 'PE', 'US']),
  bookedAt: z.iso.datetime(),
  promisedBy: z.iso.datetime(),
});

export const shipmentRoutedV1 = defineEvent({
  type: 'shipment.routed',
  version: 1,
  source: 'enlace.routing',
  description: 'A carrier was chosen for the order and booked: tracking number and label exist.',
  data: z.object({
    orderId: z.string(),
    shipment: shipmentSnapshotSchema,
    /** Battery types the booked service may carry (customs checks the order against them). */
    acceptsBatteries: z.array(z.enum(BATTERY_TYPES)).readonly(),
    /** One sentence saying why this carrier was chosen; the full explanation is at GET /v1/orders/{id}/routing. */
    summary: z.string(),
  }),
});

export const orderUnroutableV1 = defineEvent({
  type: 'order.unroutable',
  version: 1,
  source: 'enlace.routing',
  description: 'No carrier can take the order (or every booking failed); every reason is listed.',
  data: z.object({
    orderId: z.string(),
    reasons: z.array(z.object({ code: z.string(), message: z.string(), carrier: z.string().optional() })).readonly(),
    explanation: z.array(z.string()).readonly(),
  }),
});
