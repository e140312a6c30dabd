/**
 * The single table: generic keys, overloaded GSIs. Infra (CDK) and runtime both read this module,
 * so attribute and index names exist once.
 *
 * Access patterns and the keys that serve them:
 * | access pattern                                       | index | pk                                  | sk                                 |
 * | ---------------------------------------------------- | ----- | ----------------------------------- | ---------------------------------- |
 * | order by id                                          | table | ORDER#<orderId>                     | ORDER                              |
 * | order by (seller, marketplace, external order id)    | table | IDEM#<sellerId>#<marketplace>#<externalId> | IDEM (points at the order id; the idempotency key, one per seller) |
 * | (legacy, read only) the same before it was per seller | table | IDEM#<marketplace>#<externalId>     | IDEM  (docs/migrations/order-idempotency-per-seller.md) |
 * | quotes of an order; chosen shipment of an order      | table | ORDER#<orderId>                     | QUOTES / SHIPMENT                  |
 * | a seller's orders and shipments by time              | gsi1  | SELLER#<sellerId>                   | <TYPE>#<iso time>#<id>             |
 * |   (orders: the IDEM item, written once, carries the order id; orders received before 2026-12-05 are there themselves) |
 * | shipment by (carrier, tracking number)               | gsi2  | TRACKING#<carrier>#<trackingNumber> | SHIPMENT                           |
 * | a shipment's tracking state and timeline             | table | SHIPMENT#<shipmentId>               | TRACKING (timeline inside, gzipped, in event-time order) |
 * | shipment by its line-haul tracking number            | gsi2  | TRACKING#enlace-linehaul#<number>   | SHIPMENT (alias item: pk SHIPMENT#<shipmentId>, sk ALIAS#<carrier>#<number>) |
 * | in-transit shipments due a stall check (the sweep)   | gsi3  | INTRANSIT#<shard 0..7>              | <iso stall due time>#<shipmentId> (sparse: only while watched) |
 * | carrier updates no shipment claims (kept 30 days)    | table | UNMATCHED#<carrier>#<trackingNumber> | UNMATCHED                         |
 * | a polled parcel's poll schedule                       | table | SHIPMENT#<shipmentId>               | POLL                               |
 * | a polled carrier's parcels due a poll, oldest first  | gsi4  | POLL#<carrier>                      | <iso next poll time>#<shipmentId> (sparse: POLL items only, while polled) |
 * | an order's routing decision; a shipment's label      | table | ORDER#<orderId> / SHIPMENT#<id>     | ROUTING / LABEL                    |
 * | a seller's routing policy (profile, rules)           | table | SELLER#<sellerId>                   | ROUTING_POLICY                     |
 * | KPI counters per (carrier, lane, period)             | table | KPI#<carrier>#<lane>                | PERIOD#<iso week>                  |
 * | seller notification subscriptions                    | table | SELLER#<sellerId>                   | SUBSCRIPTION#<subscriptionId>      |
 * | how many subscriptions a seller has (the cap, atomic) | table | SELLER#<sellerId>                   | SUBSCRIPTION_COUNT                 |
 * | a subscription's dead deliveries (list, replay)      | table | SELLER#<sellerId>                   | DEADLETTER#<subscriptionId>#<deliveryId> |
 * | per-order notification sequence (atomic counter)     | table | ORDER#<orderId>                     | NOTIFICATION_SEQUENCE              |
 * | per-subject sequence of inventory notifications      | table | NOTIFYSEQ#<sellerId>#<kind>#<id>    | NOTIFICATION_SEQUENCE              |
 * | customs context (booked shipment), latest check      | table | ORDER#<orderId>                     | CUSTOMS_CONTEXT / CUSTOMS_CHECK    |
 * | an order's customs documents (S3 keys, hashes)       | table | ORDER#<orderId>                     | DOCUMENTS                          |
 * | API key by its hash (the authorizer)                 | table | APIKEY#<sha256 of the key>          | APIKEY                             |
 * | events waiting to be published (the outbox)          | table | OUTBOX#<eventId>                    | OUTBOX   (streamed, then expires)  |
 * | tracking's events (on the write that causes them)    | table | SHIPMENT#<shipmentId>               | TRACKING, attribute `outbox` (streamed with that write) |
 * | a seller's product by SKU; its products in SKU order | table | SELLER#<sellerId>                   | PRODUCT#<sku>                      |
 * | stock of (seller, warehouse, SKU) and its lots       | table | STOCK#<sellerId>#<warehouse>#<sku>  | BALANCE / LOT#<receivedAt>#<lotId> |
 * | a seller's SKUs with stock in a warehouse            | table | STOCKDIR#<sellerId>#<warehouse>     | SKU#<sku>                          |
 * | a SKU's movements in time order (the ledger)         | table | STOCKMOVES#<sellerId>#<warehouse>#<sku> | <iso time>#<movementId>        |
 * | a stock operation by its cause (applied once)        | table | STOCKOP#<referenceType>#<id>        | <sellerId>#<warehouse>#<sku>       |
 * | inbound shipment by id (its events in `outbox`)      | table | INBOUND#<inboundShipmentId>         | INBOUND                            |
 * | inbound shipment by (seller, reference): idempotency | table | INBOUNDREF#<sellerId>#<reference>   | INBOUNDREF (points at the shipment) |
 * | a seller's inbound shipments, open ones first        | gsi1  | SELLER#<sellerId>                   | INBOUND#<O open, C closed>#<createdAt>#<id> |
 * | a warehouse's expected inbound shipments (open)      | gsi2  | INBOUNDWH#<warehouse>               | <createdAt>#<id> (sparse: open only) |
 * | a seller's fulfilment settings (backorders)          | table | SELLER#<sellerId>                   | FULFILMENT_SETTINGS                |
 * | a warehouse's open tasks (allocated → packed), FIFO  | table | WHTASK#<warehouse>                  | <receivedAt>#<orderId>             |
 * | a seller's backordered orders per warehouse, FIFO    | table | BACKORDER#<sellerId>#<warehouse>    | <receivedAt>#<orderId>             |
 * | inbound shipments due a stall check                  | gsi3  | INBOUNDDUE#<shard 0..7>             | <iso stall due time>#<id> (sparse) |
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';

export const INDEXES = {
  bySeller: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  byTrackingNumber: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /**
   * The stalled sweep's index. Only what the sweep reads is projected, so the tracking item's
   * timeline is not copied into the index on every write.
   */
  inTransitByStallDue: {
    name: 'gsi3',
    partitionKey: 'gsi3pk',
    sortKey: 'gsi3sk',
    nonKeyAttributes: [
      'shipmentId',
      'orderId',
      'sellerId',
      'carrier',
      'trackingNumber',
      'lane',
      'current',
      'lastCarrierUpdateAt',
      'lastEventAt',
      'stallAlertRaised',
    ],
  },
  /**
   * The tracking poller's index: only POLL items carry its keys (a few hundred bytes each), so it
   * projects them whole.
   */
  pollDue: { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
} as const;

/** gsi3 is written by every tracking update; spreading it over shards keeps each partition well under its write limit. */
export const IN_TRANSIT_SHARDS = 8;

/** A stable shard for a shipment (FNV-1a of its id). */
export function inTransitShard(shipmentId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < shipmentId.length; i++) {
    hash ^= shipmentId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % IN_TRANSIT_SHARDS;
}

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

export const OUTBOX_PREFIX = 'OUTBOX#';
/** Key prefixes the tracking registration's stream filters match (functions/shared/store/registration-records.ts). */
export const TRACKING_KEY_PREFIX = 'TRACKING#';
export const UNMATCHED_PREFIX = 'UNMATCHED#';

/** (carrier, tracking number) of a gsi2 key `TRACKING#<carrier>#<number>` (carrier slugs and numbers hold no "#"). */
export function parseShipmentByTrackingKey(gsi2pk: string): { carrier: string; trackingNumber: string } | undefined {
  const match = /^TRACKING#([^#]+)#(.+)$/.exec(gsi2pk);
  return match === null ? undefined : { carrier: match[1]!, trackingNumber: match[2]! };
}
/** Sort-key prefixes under SELLER#<sellerId>: a seller's subscriptions, and one subscription's dead letters (`DEADLETTER#<subscriptionId>#`). */
export const SUBSCRIPTION_PREFIX = 'SUBSCRIPTION#';
export const DEAD_LETTER_PREFIX = 'DEADLETTER#';
/** Sort-key prefixes: a seller's products (under SELLER#), a SKU's lots (under STOCK#), a seller's inbound listing (gsi1). */
export const PRODUCT_PREFIX = 'PRODUCT#';
export const LOT_PREFIX = 'LOT#';
export const INBOUND_LISTING_PREFIX = 'INBOUND#';

export const keys = {
  order: (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' }),
  /** Scoped to the seller: another seller's identical id is another order, and can neither be detected nor blocked through it. */
  orderIdempotency: (sellerId: string, marketplace: string, externalOrderId: string): ItemKey => ({
    pk: `IDEM#${sellerId}#${marketplace}#${externalOrderId}`,
    sk: 'IDEM',
  }),
  /** The key before it was per seller; checked (never written) until the migration is finished. */
  legacyOrderIdempotency: (marketplace: string, externalOrderId: string): ItemKey => ({
    pk: `IDEM#${marketplace}#${externalOrderId}`,
    sk: 'IDEM',
  }),
  sellerOrder: (sellerId: string, receivedAt: string, orderId: string) => ({
    gsi1pk: `SELLER#${sellerId}`,
    gsi1sk: `ORDER#${receivedAt}#${orderId}`,
  }),
  orderQuotes: (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'QUOTES' }),
  shipment: (shipmentId: string): ItemKey => ({ pk: `SHIPMENT#${shipmentId}`, sk: 'SHIPMENT' }),
  /** The order's pointer to its chosen shipment. */
  orderShipment: (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'SHIPMENT' }),
  shipmentByTracking: (carrier: string, trackingNumber: string) => ({
    gsi2pk: `TRACKING#${carrier}#${trackingNumber}`,
    gsi2sk: 'SHIPMENT',
  }),
  sellerShipment: (sellerId: string, bookedAt: string, shipmentId: string) => ({
    gsi1pk: `SELLER#${sellerId}`,
    gsi1sk: `SHIPMENT#${bookedAt}#${shipmentId}`,
  }),
  /** A shipment's tracking state (current status, timeline, stall bookkeeping), beside the shipment. */
  shipmentTracking: (shipmentId: string): ItemKey => ({ pk: `SHIPMENT#${shipmentId}`, sk: 'TRACKING' }),
  /** Another carrier's number for the same parcel (the line-haul's), found through gsi2 like the shipment's own. */
  trackingAlias: (shipmentId: string, carrier: string, trackingNumber: string): ItemKey => ({
    pk: `SHIPMENT#${shipmentId}`,
    sk: `ALIAS#${carrier}#${trackingNumber}`,
  }),
  inTransit: (shipmentId: string, stallDueAt: string) => ({
    gsi3pk: `INTRANSIT#${inTransitShard(shipmentId)}`,
    gsi3sk: `${stallDueAt}#${shipmentId}`,
  }),
  inTransitShardKey: (shard: number): string => `INTRANSIT#${shard}`,
  kpi: (carrier: string, lane: string, isoWeek: string): ItemKey => ({ pk: `KPI#${carrier}#${lane}`, sk: `PERIOD#${isoWeek}` }),
  /** A polled parcel's schedule (tracking-poller), beside its shipment. */
  pollSchedule: (shipmentId: string): ItemKey => ({ pk: `SHIPMENT#${shipmentId}`, sk: 'POLL' }),
  pollDue: (carrier: string, nextPollAt: string, shipmentId: string) => ({ gsi4pk: `POLL#${carrier}`, gsi4sk: `${nextPollAt}#${shipmentId}` }),
  pollCarrierKey: (carrier: string): string => `POLL#${carrier}`,
  unmatchedTracking: (carrier: string, trackingNumber: string): ItemKey => ({ pk: `UNMATCHED#${carrier}#${trackingNumber}`, sk: 'UNMATCHED' }),
  orderRouting: (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'ROUTING' }),
  shipmentLabel: (shipmentId: string): ItemKey => ({ pk: `SHIPMENT#${shipmentId}`, sk: 'LABEL' }),
  sellerRoutingPolicy: (sellerId: string): ItemKey => ({ pk: `SELLER#${sellerId}`, sk: 'ROUTING_POLICY' }),
  apiKey: (keyHash: string): ItemKey => ({ pk: `APIKEY#${keyHash}`, sk: 'APIKEY' }),
  outbox: (eventId: string): ItemKey => ({ pk: `${OUTBOX_PREFIX}${eventId}`, sk: 'OUTBOX' }),
  subscription: (sellerId: string, subscriptionId: string): ItemKey => ({ pk: `SELLER#${sellerId}`, sk: `${SUBSCRIPTION_PREFIX}${subscriptionId}` }),
  /** Moved in the same transaction as every subscription created or deleted (not under SUBSCRIPTION#, so listings skip it). */
  subscriptionCount: (sellerId: string): ItemKey => ({ pk: `SELLER#${sellerId}`, sk: 'SUBSCRIPTION_COUNT' }),
  deadLetter: (sellerId: string, subscriptionId: string, deliveryId: string): ItemKey => ({
    pk: `SELLER#${sellerId}`,
    sk: `${DEAD_LETTER_PREFIX}${subscriptionId}#${deliveryId}`,
  }),
  /** Beside the order for order notifications; per seller and subject for inventory ones. */
  notificationSequence: (subject: { kind: string; id: string; sellerId: string }): ItemKey =>
    subject.kind === 'order'
      ? { pk: `ORDER#${subject.id}`, sk: 'NOTIFICATION_SEQUENCE' }
      : { pk: `NOTIFYSEQ#${subject.sellerId}#${subject.kind}#${subject.id}`, sk: 'NOTIFICATION_SEQUENCE' },
  /** What customs needs to re-run its checks without a new event: the shipment routing booked. */
  orderCustomsContext: (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'CUSTOMS_CONTEXT' }),
  /** The latest customs check of the order: its version, outcome and every problem. */
  orderCustomsCheck: (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'CUSTOMS_CHECK' }),
  /** The order's current customs documents (the files are in S3, packed in one object per version; this lists where each is and its hash). */
  orderDocuments: (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'DOCUMENTS' }),
  product: (sellerId: string, sku: string): ItemKey => ({ pk: `SELLER#${sellerId}`, sk: `${PRODUCT_PREFIX}${sku}` }),
  stockBalance: (sellerId: string, warehouseCode: string, sku: string): ItemKey => ({ pk: `STOCK#${sellerId}#${warehouseCode}#${sku}`, sk: 'BALANCE' }),
  stockLot: (sellerId: string, warehouseCode: string, sku: string, receivedAt: string, lotId: string): ItemKey => ({
    pk: `STOCK#${sellerId}#${warehouseCode}#${sku}`,
    sk: `${LOT_PREFIX}${receivedAt}#${lotId}`,
  }),
  stockDirectory: (sellerId: string, warehouseCode: string, sku: string): ItemKey => ({ pk: `STOCKDIR#${sellerId}#${warehouseCode}`, sk: `SKU#${sku}` }),
  stockDirectoryKey: (sellerId: string, warehouseCode: string): string => `STOCKDIR#${sellerId}#${warehouseCode}`,
  stockMovement: (sellerId: string, warehouseCode: string, sku: string, at: string, movementId: string): ItemKey => ({
    pk: `STOCKMOVES#${sellerId}#${warehouseCode}#${sku}`,
    sk: `${at}#${movementId}`,
  }),
  stockOperation: (referenceType: string, referenceId: string, sellerId: string, warehouseCode: string, sku: string): ItemKey => ({
    pk: `STOCKOP#${referenceType}#${referenceId}`,
    sk: `${sellerId}#${warehouseCode}#${sku}`,
  }),
  inbound: (inboundShipmentId: string): ItemKey => ({ pk: `INBOUND#${inboundShipmentId}`, sk: 'INBOUND' }),
  inboundReference: (sellerId: string, reference: string): ItemKey => ({ pk: `INBOUNDREF#${sellerId}#${reference}`, sk: 'INBOUNDREF' }),
  sellerInbound: (sellerId: string, open: boolean, createdAt: string, inboundShipmentId: string) => ({
    gsi1pk: `SELLER#${sellerId}`,
    gsi1sk: `${INBOUND_LISTING_PREFIX}${open ? 'O' : 'C'}#${createdAt}#${inboundShipmentId}`,
  }),
  warehouseInbound: (warehouseCode: string, createdAt: string, inboundShipmentId: string) => ({
    gsi2pk: `INBOUNDWH#${warehouseCode}`,
    gsi2sk: `${createdAt}#${inboundShipmentId}`,
  }),
  inboundDue: (inboundShipmentId: string, dueAt: string) => ({
    gsi3pk: `INBOUNDDUE#${inTransitShard(inboundShipmentId)}`,
    gsi3sk: `${dueAt}#${inboundShipmentId}`,
  }),
  inboundDueShardKey: (shard: number): string => `INBOUNDDUE#${shard}`,
  fulfilmentSettings: (sellerId: string): ItemKey => ({ pk: `SELLER#${sellerId}`, sk: 'FULFILMENT_SETTINGS' }),
  warehouseTask: (warehouseCode: string, receivedAt: string, orderId: string): ItemKey => ({ pk: `WHTASK#${warehouseCode}`, sk: `${receivedAt}#${orderId}` }),
  warehouseTasksKey: (warehouseCode: string): string => `WHTASK#${warehouseCode}`,
  backorder: (sellerId: string, warehouseCode: string, receivedAt: string, orderId: string): ItemKey => ({
    pk: `BACKORDER#${sellerId}#${warehouseCode}`,
    sk: `${receivedAt}#${orderId}`,
  }),
  backordersKey: (sellerId: string, warehouseCode: string): string => `BACKORDER#${sellerId}#${warehouseCode}`,
} as const;
