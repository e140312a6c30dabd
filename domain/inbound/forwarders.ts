import * as z from 'zod';
import { milestoneSchema, type Milestone } from './milestones';

/**
 * Forwarders Enlace takes inbound milestones from, and how each one's webhook reads. Enlace's own
 * consolidation partner posts the milestone vocabulary of milestones.ts as is (documented in
 * docs/inbound.md, "Forwarder webhooks"); another forwarder gets an adapter here that maps its
 * payload onto the same milestones.
 */
export const FORWARDERS = ['enlace-forwarder'] as const;
export type Forwarder = (typeof FORWARDERS)[number];

export function isForwarder(value: string): value is Forwarder {
  return (FORWARDERS as readonly string[]).includes(value);
}

export const enlaceForwarderPayloadSchema = z.strictObject({
  inboundShipmentId: z.string().regex(/^inb_[A-Za-z0-9]{1,40}$/, 'must be an Enlace inbound shipment id'),
  milestones: z.array(milestoneSchema).min(1).max(20),
});

export type ForwarderUpdate =
  | { readonly ok: true; readonly inboundShipmentId: string; readonly milestones: readonly Milestone[] }
  | { readonly ok: false; readonly problems: readonly { readonly path: string; readonly message: string }[] };

export function parseForwarderPayload(forwarder: Forwarder, payload: unknown): ForwarderUpdate {
  switch (forwarder) {
    case 'enlace-forwarder': {
      const parsed = enlaceForwarderPayloadSchema.safeParse(payload);
      return parsed.success
        ? { ok: true, inboundShipmentId: parsed.data.inboundShipmentId, milestones: parsed.data.milestones }
        : { ok: false, problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '$', message: issue.message })) };
    }
  }
}
