import * as z from 'zod';

/**
 * The message on the forwarder-milestone queue, between the webhook receiver (which verified the
 * forwarder's signature) and inbound-milestones: the body exactly as received, in base64, so every
 * byte survives the queue whatever characters it holds.
 */
export const forwarderMessageSchema = z.object({
  receiptId: z.string().min(1),
  forwarder: z.string().min(1),
  receivedAt: z.iso.datetime(),
  bodyBase64: z.string(),
});
export type ForwarderMessage = z.infer<typeof forwarderMessageSchema>;
