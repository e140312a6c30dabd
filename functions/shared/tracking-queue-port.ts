import { encodeTrackingMessage, type TrackingMessage } from '../../events/tracking-message';

/** The tracking queue's ports and sizes, without the SQS client (tracking-queue.ts sends). */

/** SQS refuses a message over 256 KB. */
export const MAX_TRACKING_MESSAGE_BYTES = 256 * 1024;

/** Port: queues one message; throws when it could not. */
export type EnqueueTrackingMessage = (message: TrackingMessage) => Promise<void>;

/** Port: queues several; returns those SQS did not take (the caller keeps them to try again), never drops one silently. */
export type EnqueueTrackingMessages = (messages: readonly TrackingMessage[]) => Promise<{ readonly failed: readonly TrackingMessage[] }>;

/** The bytes a message takes on the queue. */
export const queuedBytes = (message: TrackingMessage): number => Buffer.byteLength(encodeTrackingMessage(message), 'utf8');
