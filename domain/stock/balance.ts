import { type Buckets, EMPTY_BUCKETS, onHand } from './ledger';

/** A seller's stock of one SKU in one warehouse: each bucket, as the ledger's movements left it. */
export interface StockBalance {
  readonly sellerId: string;
  readonly warehouseCode: string;
  readonly sku: string;
  readonly buckets: Buckets;
  readonly updatedAt: string | null;
}

/** Units on their way to this warehouse, by the inbound shipment's stage (not on hand until received). */
export interface InboundQuantities {
  readonly booked: number;
  readonly inTransit: number;
  readonly inCustoms: number;
  readonly atWarehouse: number;
}

export const NO_INBOUND: InboundQuantities = { booked: 0, inTransit: 0, inCustoms: 0, atWarehouse: 0 };

/** What `GET /v1/stock` shows for one SKU in one warehouse. */
export interface StockView {
  readonly warehouseCode: string;
  readonly sku: string;
  readonly onHand: number;
  readonly available: number;
  readonly allocated: number;
  readonly receiving: number;
  readonly picked: number;
  readonly quarantined: number;
  readonly inbound: InboundQuantities;
  readonly reorderPoint: number;
  readonly low: boolean;
  readonly updatedAt: string | null;
}

export function emptyBalance(sellerId: string, warehouseCode: string, sku: string): StockBalance {
  return { sellerId, warehouseCode, sku, buckets: EMPTY_BUCKETS, updatedAt: null };
}

export function stockView(balance: StockBalance, inbound: InboundQuantities, reorderPoint: number): StockView {
  const { buckets } = balance;
  return {
    warehouseCode: balance.warehouseCode,
    sku: balance.sku,
    onHand: onHand(buckets),
    available: buckets.available,
    allocated: buckets.allocated,
    receiving: buckets.receiving,
    picked: buckets.picked,
    quarantined: buckets.quarantined,
    inbound,
    reorderPoint,
    low: buckets.available <= reorderPoint,
    updatedAt: balance.updatedAt,
  };
}
