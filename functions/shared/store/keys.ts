/**
 * The single table: generic keys, overloaded GSIs. Infra (CDK) and runtime both read this module,
 * so attribute and index names exist once.
 *
 * Access patterns and the keys that serve them:
 * | access pattern                                       | index | pk                                  | sk                                 |
 * | ---------------------------------------------------- | ----- | ----------------------------------- | ---------------------------------- |
 * | order by id                                          | table | ORDER#<orderId>                     | ORDER                              |
 * | order by (marketplace, external order id)            | table | IDEM#<marketplace>#<externalId>     | IDEM  (points at the order id)     |
 * | quotes of an order; chosen shipment of an order      | table | ORDER#<orderId>                     | QUOTES / SHIPMENT                  |
 * | a seller's orders and shipments by time              | gsi1  | SELLER#<sellerId>                   | <TYPE>#<iso time>#<id>             |
 * | shipment by (carrier, tracking number)               | gsi2  | TRACKING#<carrier>#<trackingNumber> | SHIPMENT                           |
 * | a shipment's tracking timeline in event-time order   | table | SHIPMENT#<shipmentId>               | EVENT#<iso event time>#<event key> |
 * | in-transit shipments by last carrier update (stalls) | gsi3  | INTRANSIT#<shard>                   | <iso last update>#<shipmentId>     |
 * | KPI counters per (carrier, lane, period)             | table | KPI#<carrier>#<lane>                | PERIOD#<iso week>                  |
 * | seller notification subscriptions                    | table | SELLER#<sellerId>                   | SUBSCRIPTION#<subscriptionId>      |
 * | API key by its hash (the authorizer)                 | table | APIKEY#<sha256 of the key>          | APIKEY                             |
 * | events waiting to be published (the outbox)          | table | OUTBOX#<eventId>                    | OUTBOX   (streamed, then expires)  |
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';

export const INDEXES = {
  bySeller: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  byTrackingNumber: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  inTransitByLastUpdate: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
} as const;

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

export const OUTBOX_PREFIX = 'OUTBOX#';

export const keys = {
  order: (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' }),
  orderIdempotency: (marketplace: string, externalOrderId: string): ItemKey => ({
    pk: `IDEM#${marketplace}#${externalOrderId}`,
    sk: 'IDEM',
  }),
  sellerOrder: (sellerId: string, receivedAt: string, orderId: string) => ({
    gsi1pk: `SELLER#${sellerId}`,
    gsi1sk: `ORDER#${receivedAt}#${orderId}`,
  }),
  orderQuotes: (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'QUOTES' }),
  apiKey: (keyHash: string): ItemKey => ({ pk: `APIKEY#${keyHash}`, sk: 'APIKEY' }),
  outbox: (eventId: string): ItemKey => ({ pk: `${OUTBOX_PREFIX}${eventId}`, sk: 'OUTBOX' }),
} as const;
