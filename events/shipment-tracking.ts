import * as z from 'zod';
import { TRACKING_LEGS, TRACKING_STATUSES } from '../domain/tracking';
import { defineEvent } from './envelope';

/**
 * What tracking tells the rest of Enlace (and, through notifications, the seller). In every one,
 * `metadata.occurredAt` is when Enlace learned the fact and `data.occurredAt` (or `deliveredAt`,
 * `silentSince`) is when it happened at the carrier; `metadata.correlationId` is the order id.
 */

const status = z.enum(TRACKING_STATUSES);

const shipmentRef = {
  shipmentId: z.string().min(1),
  orderId: z.string().min(1),
  /** The last-mile carrier the shipment was booked with. */
  carrier: z.string().min(1),
  trackingNumber: z.string().min(1),
  lane: z.string().min(1),
};

/** Which carrier event said so: the line-haul or the last-mile carrier, in its own words. */
const reportedBy = z.object({
  carrier: z.string().min(1),
  carrierCode: z.string(),
  carrierDescription: z.string(),
});

const location = z.object({
  facility: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
  airport: z.string().optional(),
});

export const shipmentStatusChangedV1 = defineEvent({
  type: 'shipment.status-changed',
  version: 1,
  source: 'enlace.tracking',
  description: "The shipment's canonical tracking status changed (one event per change, in event-time order; sub-status changes alone are not a change).",
  data: z.object({
    ...shipmentRef,
    from: status.nullable(),
    to: status,
    subStatus: z.string(),
    /** The canonical status in words. */
    description: z.string(),
    occurredAt: z.iso.datetime(),
    reportedBy,
    location: location.optional(),
  }),
});

export const shipmentDeliveredV1 = defineEvent({
  type: 'shipment.delivered',
  version: 1,
  source: 'enlace.tracking',
  description: 'The shipment was delivered to the buyer. Published once per shipment, even if a carrier repeats or corrects the delivery scan.',
  data: z.object({
    ...shipmentRef,
    deliveredAt: z.iso.datetime(),
    promisedBy: z.iso.datetime(),
    /** Delivered on or before the promised day (whole UTC days from booking, as the KPIs count). */
    onTime: z.boolean(),
    transitDays: z.number().int().nonnegative(),
    reportedBy,
  }),
});

export const shipmentExceptionV1 = defineEvent({
  type: 'shipment.exception',
  version: 1,
  source: 'enlace.tracking',
  description: 'The shipment entered an exception (customs hold, duties due, failed delivery attempt, return, damage, loss…) or its exception changed.',
  data: z.object({
    ...shipmentRef,
    status,
    subStatus: z.string(),
    description: z.string(),
    occurredAt: z.iso.datetime(),
    reportedBy,
    location: location.optional(),
  }),
});

export const shipmentStalledV1 = defineEvent({
  type: 'shipment.stalled',
  version: 1,
  source: 'enlace.tracking',
  description:
    "No carrier has reported anything new about the shipment for longer than its current leg's threshold on its lane. Raised once per silence; a new carrier event starts a new one.",
  data: z.object({
    ...shipmentRef,
    status,
    leg: z.enum(TRACKING_LEGS),
    /** When Enlace last received a new carrier event for this shipment. */
    silentSince: z.iso.datetime(),
    hoursSilent: z.number().nonnegative(),
    thresholdHours: z.number().positive(),
    /** Latest carrier event time on the timeline. */
    lastEventAt: z.iso.datetime().nullable(),
    /** The same for the whole silence: consumers may de-duplicate on it. */
    stallKey: z.string().min(1),
  }),
});
