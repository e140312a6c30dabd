/**
 * Filling backorders when stock arrives (docs/fulfilment.md): first come, first served per SKU.
 *
 * The queue is a seller's backordered orders at one warehouse, oldest first. Each is filled whole or
 * not at all (a parcel ships complete). An order that cannot be filled keeps its claim on every SKU
 * it needs: a later order for any of those SKUs waits behind it, so a big early order is not starved
 * by small later ones. Orders for other SKUs are filled as their stock allows.
 */
export interface BackorderLine {
  readonly sku: string;
  readonly quantity: number;
}

export interface QueuedBackorder {
  readonly orderId: string;
  readonly lines: readonly BackorderLine[];
}

export interface BackorderPlan {
  /** Orders to allocate now, in queue order. */
  readonly fill: readonly string[];
  /** Orders that keep waiting, in queue order, with the SKUs they are short of (empty: waiting behind an earlier order). */
  readonly waiting: readonly { readonly orderId: string; readonly short: readonly string[] }[];
}

export function planBackorderFills(queue: readonly QueuedBackorder[], available: ReadonlyMap<string, number>): BackorderPlan {
  const left = new Map(available);
  const claimed = new Set<string>();
  const fill: string[] = [];
  const waiting: { orderId: string; short: string[] }[] = [];
  for (const backorder of queue) {
    const short = backorder.lines.filter((line) => (left.get(line.sku) ?? 0) < line.quantity).map((line) => line.sku);
    const behind = backorder.lines.some((line) => claimed.has(line.sku));
    if (short.length === 0 && !behind) {
      for (const line of backorder.lines) left.set(line.sku, (left.get(line.sku) ?? 0) - line.quantity);
      fill.push(backorder.orderId);
    } else {
      for (const line of backorder.lines) claimed.add(line.sku);
      waiting.push({ orderId: backorder.orderId, short });
    }
  }
  return { fill, waiting };
}
