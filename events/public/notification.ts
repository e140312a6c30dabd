import * as z from 'zod';
import { NOTIFICATION_FORMAT_VERSION, VERIFICATION_TYPE, type PublicNotification, type VerificationRequest } from '../../domain/notifications';

const INVENTORY_SUBJECTS = ['inbound-shipment', 'stock'] as const;
const inventoryType = /^(inbound|stock)\./;

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
    orderId: z.string().min(1).optional().describe('The Enlace order the event is about: on every order notification (every type but inbound.* and stock.*).'),
    subject: z
      .object({
        kind: z.enum(['order', ...INVENTORY_SUBJECTS]),
        id: z.string().min(1).describe('The order id, the inbound shipment id, or `<warehouseCode>/<sku>` for stock.'),
      })
      .optional()
      .describe(
        'What the event is about; `sequence` counts per subject. On every notification since 2026-12; inbound.* and stock.* always carry it (and no orderId).',
      ),
    sellerId: z.string().min(1).describe("The seller the order belongs to; a subscription only ever receives its own seller's events."),
    sequence: z
      .number()
      .int()
      .positive()
      .describe(
        "1, 2, 3… per subject (an order, an inbound shipment, a SKU's stock in a warehouse), in the order Enlace forwarded its events; sort by it. A gap is an event this subscription does not receive.",
      ),
    data: z
      .record(z.string(), z.unknown())
      .describe(
        "The event's own fields; their schema is published per type and version (https://schemas.enlace.dev/events/<type>.v<version>.json, property `data`).",
      ),
  })
  // Fields may be added to v1 (never removed or changed): receivers ignore the ones they do not know.
  .loose()
  .superRefine((notification, context) => {
    const inventory = inventoryType.test(notification.type);
    if (inventory && !(INVENTORY_SUBJECTS as readonly string[]).includes(notification.subject?.kind ?? '')) {
      context.addIssue({ code: 'custom', path: ['subject'], message: `an ${notification.type} notification names its subject (an inbound shipment or stock)` });
    }
    if (!inventory && notification.orderId === undefined) {
      context.addIssue({ code: 'custom', path: ['orderId'], message: 'an order notification names its order' });
    }
  })
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
type NotificationFields = Exclude<keyof PublicNotification, 'data' | 'subject'>;
const _notificationMatchesDomain: Same<Pick<z.output<typeof publicNotificationV1>, NotificationFields>, Pick<PublicNotification, NotificationFields>> = true;
// `subject` is optional in the schema only because notifications sent before it existed lack it.
const _subjectMatchesDomain: Same<NonNullable<z.output<typeof publicNotificationV1>['subject']>, Pick<PublicNotification['subject'], 'kind' | 'id'>> = true;
void _subjectMatchesDomain;
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

/**
 * What the superRefine above checks, said in JSON Schema for receivers who validate with it: an
 * inventory notification carries an inventory subject, any other an order id.
 */
const NOTIFICATION_CONDITIONS = {
  if: { properties: { type: { pattern: inventoryType.source } } },
  then: { required: ['subject'], properties: { subject: { required: ['kind', 'id'], properties: { kind: { enum: [...INVENTORY_SUBJECTS] } } } } },
  else: { required: ['orderId'] },
};

/** JSON Schema (draft 2020-12) of the public formats, keyed by file name under events/public/schemas/. */
export function exportPublicSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(PUBLIC_SCHEMAS).map(([file, { id, title, schema }]) => [
      file,
      { $id: id, title, ...z.toJSONSchema(schema, { io: 'output' }), ...(file === 'notification.v1.json' ? NOTIFICATION_CONDITIONS : {}) },
    ]),
  );
}
