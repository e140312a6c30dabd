import * as z from 'zod';
import { customsDocumentSchema, customsProblemSchema } from '../events/customs';
import { orderSnapshotSchema } from '../events/order-received';

/**
 * What the API answers, as zod schemas the OpenAPI document is generated from (api/document.ts) and
 * the end-to-end tests check every response against (tests/setup/api-contract.ts).
 *
 * Responses are open objects: every field named here must be present with its type, and a field
 * added later is not a breaking change for a client (so it does not fail the check either). What a
 * request may carry is the handlers' own schemas, imported by the routes in api/routes/.
 */

const iso = z.iso.datetime({ offset: true });
const money = z.object({ amount: z.number().int().meta({ description: 'Integer minor units (cents, centavos).' }), currency: z.string().length(3) });
const links = z.record(z.string(), z.string()).meta({ description: 'Relative URLs of related resources.' });

/** RFC 9457 problem details: every error Enlace answers (naming every problem at once). */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' });

/** What API Gateway answers itself (no Authorization header, an unknown route, its own limits): not problem details. */
export const gatewayErrorSchema = z.object({ message: z.string() }).meta({ id: 'GatewayError', description: 'An answer from API Gateway itself.' });

const orderTracking = z.looseObject({
  shipmentId: z.string(),
  carrier: z.string(),
  trackingNumber: z.string(),
  status: z.string().nullable(),
  subStatus: z.string().nullable(),
  since: z.string().nullable(),
  stalled: z.boolean(),
});

export const orderSchema = z
  .looseObject({
    ...orderSnapshotSchema.shape,
    status: z.string(),
    tracking: orderTracking.optional(),
    links,
  })
  .meta({ id: 'Order', description: 'An order (API v1): what was posted, its status (following the parcel once booked) and links.' });

export const correctedOrderSchema = z
  .looseObject({
    ...orderSchema.shape,
    customs: z.looseObject({ outcome: z.string(), problems: z.array(customsProblemSchema) }).nullable(),
  })
  .meta({ id: 'CorrectedOrder' });

const ineligibleService = z.looseObject({ serviceId: z.string(), reasons: z.array(z.looseObject({ code: z.string(), message: z.string() })) });

export const ratingResultSchema = z
  .looseObject({
    quotedOn: z.string(),
    destination: z.string(),
    currency: z.string().length(3),
    fx: z.looseObject({ tableId: z.string(), effectiveFrom: z.string(), sandbox: z.boolean() }),
    quotes: z.array(
      z.looseObject({
        serviceId: z.string(),
        serviceName: z.string(),
        serviceLevel: z.string(),
        carriers: z.looseObject({ lineHaul: z.string(), lastMile: z.string() }),
        rateCard: z.looseObject({ version: z.string(), effectiveFrom: z.string(), sandbox: z.boolean() }),
        currency: z.string().length(3),
        chargeableWeightGrams: z.number().int(),
        lines: z.array(z.looseObject({ code: z.string(), description: z.string(), amount: money })),
        shippingTotal: money,
        dutiesAndTaxes: z.looseObject({ payer: z.string(), estimate: z.boolean(), ruleId: z.string(), total: money }),
        totalCharges: money,
        landedCost: money,
        sellerPays: money,
        buyerPaysOnDelivery: money,
        transitDays: z.object({ min: z.number().int(), max: z.number().int() }),
        warnings: z.array(z.string()),
        refusedBatteries: z.array(z.string()).optional().meta({
          description:
            'Battery types this service does not carry (what customs checks a corrected order against once it is booked); absent on quotes made before 2026-12-05.',
        }),
      }),
    ),
    ineligible: z.array(ineligibleService),
  })
  .meta({ id: 'RatingResult', description: 'Every eligible service, cheapest first, each fee a line; every ineligible service with its reasons.' });

export const orderQuotesSchema = z
  .looseObject({ ...ratingResultSchema.shape, orderId: z.string(), status: z.string(), ratedAt: iso })
  .meta({ id: 'OrderQuotes' });

export const routingDecisionSchema = z
  .looseObject({
    orderId: z.string(),
    sellerId: z.string(),
    destination: z.looseObject({ country: z.string(), postalCode: z.string() }),
    lane: z.looseObject({ id: z.string(), label: z.string(), country: z.string() }),
    serviceLevel: z.string(),
    status: z.enum(['routed', 'unroutable']),
    chosen: z.looseObject({ carrier: z.string() }).optional(),
    ranking: z.array(z.looseObject({ carrier: z.string() })),
    candidates: z.array(z.looseObject({ carrierName: z.string() })),
    explanation: z.array(z.string()),
    orderStatus: z.string(),
  })
  .meta({ id: 'RoutingDecision' });

export const laneKpisSchema = z
  .looseObject({
    lane: z.string(),
    weeks: z.array(z.string()),
    summary: z.looseObject({
      lane: z.string(),
      window: z.looseObject({ weeks: z.array(z.string()), label: z.string() }),
      carriers: z.record(z.string(), z.looseObject({ carrier: z.string() })),
    }),
    rows: z.array(z.looseObject({})),
  })
  .meta({ id: 'LaneKpis' });

const storedFileView = z.looseObject({ contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() });

export const orderDocumentsSchema = z
  .looseObject({
    orderId: z.string(),
    orderVersion: z.number().int(),
    status: z.string(),
    generatedAt: iso,
    documents: z.array(
      z.looseObject({
        type: customsDocumentSchema.shape.type,
        documentType: z.string(),
        documentNumber: z.string(),
        contentHash: z.string(),
        json: storedFileView,
        pdf: storedFileView,
        links,
      }),
    ),
  })
  .meta({ id: 'OrderDocuments' });

export const documentLinksSchema = z
  .looseObject({ type: z.string(), documentNumber: z.string(), expiresAt: iso, pdf: z.object({ url: z.string() }), json: z.object({ url: z.string() }) })
  .meta({ id: 'DocumentLinks', description: 'Presigned URLs of the stored files, valid 5 minutes.' });

export const customsDocumentBodySchema = z
  .looseObject({ documentNumber: z.string() })
  .meta({ id: 'CustomsDocument', description: 'The document as canonical JSON, byte for byte as stored.' });

export const trackingSchema = z
  .looseObject({
    shipmentId: z.string(),
    orderId: z.string(),
    sellerId: z.string(),
    carrier: z.string(),
    trackingNumber: z.string(),
    lane: z.string(),
    status: z.string().nullable(),
    subStatus: z.string().nullable(),
    statusDescription: z.string(),
    statusSince: z.string().nullable(),
    delivered: z.boolean(),
    stalled: z.boolean(),
    events: z.array(
      z.looseObject({
        occurredAt: z.string(),
        status: z.string(),
        recognised: z.boolean(),
        description: z.string(),
        carrier: z.string(),
        source: z.enum(['webhook', 'poll', 'aggregator']),
        carrierCode: z.string(),
        receivedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'Tracking', description: 'The shipment, its canonical status and every carrier event in event-time order.' });

export const webhookReceiptSchema = z.object({ receiptId: z.string(), carrier: z.string(), receivedAt: iso, status: z.enum(['recorded', 'queued']) }).meta({
  id: 'WebhookReceipt',
  description:
    'recorded: written to the timeline in this request; queued: kept as its bytes and parsed behind the queue (unknown numbers, a payload Enlace cannot read, a busy table).',
});

export const forwarderReceiptSchema = z
  .object({ receiptId: z.string(), forwarder: z.string(), receivedAt: iso, status: z.literal('queued') })
  .meta({ id: 'ForwarderReceipt' });

const subscriptionFields = {
  subscriptionId: z.string(),
  sellerId: z.string(),
  status: z.enum(['pending_verification', 'active']),
  endpoint: z.string().optional(),
  eventBusArn: z.string().optional(),
  eventTypes: z.array(z.string()),
  filter: z.looseObject({}),
  description: z.string().optional(),
  createdAt: iso,
  updatedAt: iso,
  signingSecrets: z.array(z.looseObject({ hint: z.string(), createdAt: iso, expiresAt: iso.optional() })),
  links,
};
const verification = z.looseObject({ ok: z.boolean(), reason: z.string().optional() });

export const subscriptionSchema = z
  .looseObject(subscriptionFields)
  .meta({ id: 'Subscription', description: 'A subscription; its secret never appears again, only a hint.' });
export const createdSubscriptionSchema = z
  .looseObject({ ...subscriptionFields, secret: z.string(), verification })
  .meta({ id: 'CreatedSubscription', description: 'The subscription, its signing secret (shown this once) and the handshake’s outcome.' });
export const verifiedSubscriptionSchema = z.looseObject({ ...subscriptionFields, verification }).meta({ id: 'VerifiedSubscription' });
export const rotatedSubscriptionSchema = z.looseObject({ ...subscriptionFields, secret: z.string() }).meta({ id: 'RotatedSubscription' });
export const subscriptionListSchema = z.object({ subscriptions: z.array(subscriptionSchema) }).meta({ id: 'SubscriptionList' });
export const deadLetterPageSchema = z
  .object({
    deadLetters: z.array(
      z.looseObject({
        deliveryId: z.string(),
        eventId: z.string(),
        type: z.string(),
        firstAttemptAt: iso,
        deadAt: iso,
        attempts: z.number().int(),
        lastError: z.string(),
        payload: z.looseObject({}),
      }),
    ),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'DeadLetterPage' });
export const replayResultSchema = z.object({ replayed: z.array(z.string()), notFound: z.array(z.string()), more: z.boolean() }).meta({ id: 'ReplayResult' });

export const productSchema = z
  .looseObject({
    sellerId: z.string(),
    sku: z.string(),
    description: z.string(),
    hsCode: z.string(),
    originCountry: z.string(),
    category: z.string(),
    unitWeightGrams: z.number().int(),
    reorderPoint: z.number().int(),
    createdAt: iso,
    updatedAt: iso,
    version: z.number().int(),
    links,
  })
  .meta({ id: 'Product' });
export const productPageSchema = z.object({ items: z.array(productSchema), nextCursor: z.string().optional() }).meta({ id: 'ProductPage' });

export const inboundShipmentSchema = z
  .looseObject({
    inboundShipmentId: z.string(),
    sellerId: z.string(),
    reference: z.string(),
    warehouseCode: z.string(),
    country: z.string(),
    mode: z.string(),
    forwarder: z.string(),
    freight: money,
    lines: z.array(z.looseObject({ sku: z.string() })),
    status: z.string(),
    statusSince: iso,
    history: z.array(z.looseObject({})),
    discrepancies: z.array(z.looseObject({})),
    warnings: z.array(z.looseObject({})),
  })
  .meta({ id: 'InboundShipment' });
export const inboundShipmentViewSchema = z.looseObject({ ...inboundShipmentSchema.shape, links }).meta({ id: 'InboundShipmentView' });
export const inboundPageSchema = z.object({ items: z.array(inboundShipmentViewSchema), nextCursor: z.string().optional() }).meta({ id: 'InboundShipmentPage' });
export const warehouseInboundPageSchema = z
  .object({ warehouseCode: z.string(), items: z.array(inboundShipmentSchema), nextCursor: z.string().optional() })
  .meta({ id: 'WarehouseInboundPage' });

const stockKey = { sellerId: z.string(), warehouseCode: z.string(), sku: z.string() };
export const stockListSchema = z
  .object({
    sellerId: z.string(),
    items: z.array(
      z.looseObject({
        warehouseCode: z.string(),
        sku: z.string(),
        onHand: z.number().int(),
        available: z.number().int(),
        allocated: z.number().int(),
        receiving: z.number().int(),
        picked: z.number().int(),
        quarantined: z.number().int(),
        inbound: z.record(z.string(), z.number().int()),
        reorderPoint: z.number().int(),
        low: z.boolean(),
        updatedAt: iso.nullable(),
      }),
    ),
  })
  .meta({ id: 'StockList', description: 'Each SKU’s buckets per warehouse, what is on its way, and whether it is low.' });
export const stockMovementPageSchema = z
  .object({
    ...stockKey,
    items: z.array(z.looseObject({ movementId: z.string(), kind: z.string(), quantity: z.number().int(), at: z.string() })),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'StockMovementPage' });
export const stockLotsSchema = z.object({ ...stockKey, items: z.array(z.looseObject({})) }).meta({ id: 'StockLots' });

export const stockAdjustmentResultSchema = z
  .object({ adjustmentId: z.string(), outcome: z.enum(['applied', 'duplicate']), movement: z.looseObject({}) })
  .meta({ id: 'StockAdjustmentResult' });

/** The OpenAPI document itself (served by GET /v1/openapi.json). */
export const openApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }).meta({ id: 'OpenApiDocument' });
