import { z } from 'zod';
import { NOTIFICATION_FORMAT_VERSION, VERIFICATION_TYPE, type PublicNotification, type VerificationRequest } from '../../domain/notifications';

/**
 * The public notification format, version 1: what a seller's endpoint (the POST body) or event bus
 * (the event detail) receives. Sellers build on it, so it only ever grows by optional fields; a
 * breaking change is a new `formatVersion` and a new schema file beside this one.
 */
export const publicNotificationV1 = z
  .object({
    formatVersion: z.literal(NOTIFICATION_FORMAT_VERSION).describe('Version of this notification format.'),
    eventId: z.string().min(1).describe('Unique id of the event; the same for every subscription that receives it.'),
    type: z
      .string()
      .regex(/^[a-z-]+\.[a-z-]+$/)
      .describe('What happened, `<entity>.<fact>`: order.rated, shipment.routed, customs.documents-ready, shipment.delivered…'),
    version: z.number().int().positive().describe('Version of the schema of `data` for this type.'),
    occurredAt: z.iso.datetime().describe('When it happened (ISO-8601 UTC).'),
    orderId: z.string().min(1).describe('The Enlace order the event is about.'),
    sellerId: z.string().min(1).describe("The seller the order belongs to; a subscription only ever receives its own seller's events."),
    sequence: z
      .number()
      .int()
      .positive()
      .describe("1, 2, 3… per order, in the order Enlace forwarded the order's events; sort by it. A gap is an event this subscription does not receive."),
    data: z
      .record(z.string(), z.unknown())
      .describe(
        "The event's own fields; their schema is published per type and version (https://schemas.enlace.dev/events/<type>.v<version>.json, property `data`).",
      ),
  })
  // Fields may be added to v1 (never removed or changed): receivers ignore the ones they do not know.
  .loose()
  .describe(
    'An Enlace notification (format v1). HTTP deliveries carry the headers Enlace-Signature, Enlace-Delivery-Id and Enlace-Event-Type. New optional fields may appear; ignore unknown ones.',
  );

/** The handshake sent when a subscription is created or re-verified; answer 2xx with the challenge (raw, or as `{"challenge": …}`) within 5 s. */
export const verificationRequestV1 = z
  .object({
    type: z.literal(VERIFICATION_TYPE),
    formatVersion: z.literal(NOTIFICATION_FORMAT_VERSION),
    challenge: z.string().min(1).describe('Echo this back in the response body.'),
    subscriptionId: z.string().min(1),
    sellerId: z.string().min(1),
    sentAt: z.iso.datetime(),
  })
  .loose()
  .describe('Enlace verification handshake (format v1), signed like every delivery. New optional fields may appear; ignore unknown ones.');

// The zod schemas and the domain types describe the same thing; these lines stop them drifting apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type NotificationFields = Exclude<keyof PublicNotification, 'data'>;
const _notificationMatchesDomain: Same<Pick<z.output<typeof publicNotificationV1>, NotificationFields>, Pick<PublicNotification, NotificationFields>> = true;
const _verificationMatchesDomain: Same<Pick<z.output<typeof verificationRequestV1>, keyof VerificationRequest>, VerificationRequest> = true;
void _notificationMatchesDomain;
void _verificationMatchesDomain;

export const PUBLIC_SCHEMAS = {
  'notification.v1.json': {
    id: 'https://schemas.enlace.dev/notifications/notification.v1.json',
    title: 'Enlace notification v1',
    schema: publicNotificationV1,
  },
  'verification.v1.json': {
    id: 'https://schemas.enlace.dev/notifications/verification.v1.json',
    title: 'Enlace verification handshake v1',
    schema: verificationRequestV1,
  },
} as const;

/** JSON Schema (draft 2020-12) of the public formats, keyed by file name under events/public/schemas/. */
export function exportPublicSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(PUBLIC_SCHEMAS).map(([file, { id, title, schema }]) => [file, { $id: id, title, ...z.toJSONSchema(schema, { io: 'output' }) }]),
  );
}
