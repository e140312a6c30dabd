import { z } from 'zod';

/**
 * The message on the tracking queue, between the webhook receiver (which verified the carrier's
 * signature) and tracking-ingestion: the carrier's body exactly as received, since it was signed as
 * such and an adapter parses it later.
 */
export const trackingMessageSchema = z.object({
  receiptId: z.string().min(1),
  carrier: z.string().min(1),
  receivedAt: z.iso.datetime(),
  body: z.string(),
});
export type TrackingMessage = z.infer<typeof trackingMessageSchema>;
