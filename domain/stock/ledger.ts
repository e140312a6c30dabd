/**
 * The stock ledger. A seller's units of a SKU in a warehouse sit in buckets, and every change is a
 * movement from one bucket to another (or in from outside, or out of the warehouse). The balance is
 * the fold of the movements, never anything else: the store writes each movement in the same
 * transaction as the balance it changes, and refuses a movement that would take a bucket below zero.
 *
 *   received ─▶ receiving ─put-away─▶ available ─allocated─▶ allocated ─picked─▶ picked ─shipped─▶ (out)
 *                                      ▲   │    ◀─released──┘
 *                 damaged (at receipt) │   └─damaged─▶ quarantined ─disposed─▶ (out)
 *                 returned ────────────┴──────────────▶ quarantined ─restocked─▶ available
 *   adjusted: a cycle count finds units (in to available) or misses them (out of available)
 *   transferred: out of available here, in to receiving at the other warehouse
 *
 * Vocabulary after ShipBob (on hand, fulfillable, committed), ShipHero (allocated, available) and
 * FBA (inbound, reserved, unfulfillable): docs/inbound.md, "Stock".
 */

export const STOCK_BUCKETS = ['receiving', 'available', 'allocated', 'picked', 'quarantined'] as const;
export type StockBucket = (typeof STOCK_BUCKETS)[number];
export type Buckets = Readonly<Record<StockBucket, number>>;

export const EMPTY_BUCKETS: Buckets = { receiving: 0, available: 0, allocated: 0, picked: 0, quarantined: 0 };

/** Where a movement of each kind may take units from and to (null: from outside the warehouse, or out of it). */
export const MOVEMENT_KINDS = {
  received: [[null, 'receiving']],
  'put-away': [['receiving', 'available']],
  allocated: [['available', 'allocated']],
  released: [['allocated', 'available']],
  picked: [['allocated', 'picked']],
  shipped: [['picked', null]],
  damaged: [
    [null, 'quarantined'],
    ['receiving', 'quarantined'],
    ['available', 'quarantined'],
  ],
  adjusted: [
    [null, 'available'],
    ['available', null],
  ],
  returned: [
    [null, 'quarantined'],
    [null, 'available'],
  ],
  restocked: [['quarantined', 'available']],
  disposed: [['quarantined', null]],
  transferred: [
    ['available', null],
    [null, 'receiving'],
  ],
} as const satisfies Record<string, readonly (readonly [StockBucket | null, StockBucket | null])[]>;

export type MovementKind = keyof typeof MOVEMENT_KINDS;
export const MOVEMENT_KIND_NAMES = Object.keys(MOVEMENT_KINDS) as MovementKind[];

/** What caused a movement: the inbound shipment, order, return or adjustment it belongs to. */
export interface MovementReference {
  readonly type: 'inbound-shipment' | 'order' | 'adjustment' | 'return' | 'transfer' | 'reservation';
  readonly id: string;
}

export interface StockMovement {
  /** Deterministic from its cause, so a retried write is recognised. */
  readonly movementId: string;
  readonly sellerId: string;
  readonly warehouseCode: string;
  readonly sku: string;
  readonly kind: MovementKind;
  readonly quantity: number;
  readonly from: StockBucket | null;
  readonly to: StockBucket | null;
  readonly at: string;
  readonly reference: MovementReference;
  /** Why, in words (required for adjustments, damage and disposal). */
  readonly reason?: string;
  /** The lot the units belong to, when known (receipts, shipments). */
  readonly lotId?: string;
}

export class InvalidMovementError extends Error {
  override readonly name = 'InvalidMovementError';
}

/** Checks a movement's shape: a positive whole quantity, and a (from, to) its kind allows. */
export function assertValidMovement(movement: Pick<StockMovement, 'kind' | 'quantity' | 'from' | 'to' | 'reason'>): void {
  if (!Number.isSafeInteger(movement.quantity) || movement.quantity <= 0) {
    throw new InvalidMovementError(`a ${movement.kind} movement needs a positive whole quantity, not ${movement.quantity}`);
  }
  const allowed = MOVEMENT_KINDS[movement.kind] as readonly (readonly [StockBucket | null, StockBucket | null])[];
  if (!allowed.some(([from, to]) => from === movement.from && to === movement.to)) {
    throw new InvalidMovementError(`a ${movement.kind} movement cannot go from ${movement.from ?? 'outside'} to ${movement.to ?? 'outside'}`);
  }
  if (['adjusted', 'damaged', 'disposed'].includes(movement.kind) && (movement.reason === undefined || movement.reason.trim() === '')) {
    throw new InvalidMovementError(`a ${movement.kind} movement needs a reason`);
  }
}

/** The change a set of movements makes to each bucket (several movements of one SKU are one balance write). */
export function netDeltas(movements: readonly Pick<StockMovement, 'quantity' | 'from' | 'to'>[]): Buckets {
  const deltas: Record<StockBucket, number> = { ...EMPTY_BUCKETS };
  for (const movement of movements) {
    if (movement.from !== null) deltas[movement.from] -= movement.quantity;
    if (movement.to !== null) deltas[movement.to] += movement.quantity;
  }
  return deltas;
}

export type ApplyResult =
  { readonly ok: true; readonly buckets: Buckets } | { readonly ok: false; readonly bucket: StockBucket; readonly have: number; readonly need: number };

/** Applies movements in order; refuses (naming the bucket) any step that would take a bucket below zero. */
export function applyMovements(buckets: Buckets, movements: readonly StockMovement[]): ApplyResult {
  const next: Record<StockBucket, number> = { ...buckets };
  for (const movement of movements) {
    assertValidMovement(movement);
    if (movement.from !== null) {
      if (next[movement.from] < movement.quantity) {
        return { ok: false, bucket: movement.from, have: next[movement.from], need: movement.quantity };
      }
      next[movement.from] -= movement.quantity;
    }
    if (movement.to !== null) next[movement.to] += movement.quantity;
  }
  return { ok: true, buckets: next };
}

/** Units physically in the warehouse, sellable or not. */
export function onHand(buckets: Buckets): number {
  return buckets.receiving + buckets.available + buckets.allocated + buckets.picked + buckets.quarantined;
}

/** Whether available stock crossed down to the reorder point: it was above it and is now at or below it. */
export function crossedReorderPoint(before: number, after: number, reorderPoint: number): boolean {
  return before > reorderPoint && after <= reorderPoint;
}
