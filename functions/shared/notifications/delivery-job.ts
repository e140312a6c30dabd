import * as z from 'zod';
import type { DeliveryJob } from '../../../domain/notifications';
import { publicNotificationV1 } from '../../../events/public/notification';

/** A delivery job as the delivery queue carries it (fan-out and replay write it, delivery reads it). */
export const deliveryJobSchema = z.object({
  deliveryId: z.string().regex(/^dlv_[0-9a-f]{32}$/),
  subscriptionId: z.string().min(1),
  sellerId: z.string().min(1),
  // Jobs queued before notifications named their subject are order notifications.
  payload: publicNotificationV1.transform((payload) => ({ ...payload, subject: payload.subject ?? { kind: 'order' as const, id: payload.orderId ?? '' } })),
  firstAttemptAt: z.iso.datetime(),
});

export function parseDeliveryJob(body: string): DeliveryJob {
  return deliveryJobSchema.parse(JSON.parse(body));
}
