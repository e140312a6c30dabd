import type { Money } from '../shared/money';

/**
 * A lot: the units of one SKU one inbound shipment brought into one warehouse. It keeps the day
 * they were received (for ageing and storage fees) and what each unit cost to land (for margins and
 * inventory value). Units leave lots first in, first out.
 */
export interface Lot {
  readonly lotId: string;
  readonly sellerId: string;
  readonly warehouseCode: string;
  readonly sku: string;
  readonly inboundShipmentId: string;
  readonly receivedAt: string;
  /** Units received in good condition (damaged ones went to quarantine and are counted there). */
  readonly receivedQuantity: number;
  /** Good units not yet shipped. */
  readonly remaining: number;
  readonly landedUnitCost: Money;
}

export interface LotDraw {
  readonly lotId: string;
  readonly quantity: number;
  readonly landedUnitCost: Money;
}

export class NotEnoughInLotsError extends Error {
  override readonly name = 'NotEnoughInLotsError';
}

/** Which lots `quantity` units leave from, oldest first (ties by lot id, so the draw is deterministic). */
export function drawFifo(lots: readonly Lot[], quantity: number): LotDraw[] {
  const ordered = [...lots]
    .filter((lot) => lot.remaining > 0)
    .sort((a, b) => (a.receivedAt === b.receivedAt ? (a.lotId < b.lotId ? -1 : 1) : a.receivedAt < b.receivedAt ? -1 : 1));
  const draws: LotDraw[] = [];
  let left = quantity;
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    draws.push({ lotId: lot.lotId, quantity: take, landedUnitCost: lot.landedUnitCost });
    left -= take;
  }
  if (left > 0) {
    throw new NotEnoughInLotsError(`${quantity} units asked, ${quantity - left} left in lots`);
  }
  return draws;
}

/** Whole days a lot has been in the warehouse on `day` (YYYY-MM-DD), counting the day it arrived as day 0. */
export function lotAgeDays(lot: Pick<Lot, 'receivedAt'>, day: string): number {
  const received = Date.parse(lot.receivedAt.slice(0, 10));
  return Math.max(0, Math.floor((Date.parse(day) - received) / 86_400_000));
}
