import * as z from 'zod';
import { dimensionsSchema, type FulfilmentStage, type Order, type OrderFulfilment } from '../order';
import type { StockMovement } from '../stock';
import { unitsBySku } from './warehouse-choice';

/**
 * A warehouse order's stages and the stock movements each step writes:
 *
 *   backordered ─(stock arrives)─▶ allocated ─pick─▶ picked ─pack─▶ packed ─ship─▶ shipped
 *        └────────────┬──────────────┘
 *                  cancel ─▶ cancelled (an allocation goes back to available)
 *
 * After pick a cancellation is refused: the units have left the shelf, and a return handles them.
 */

export class FulfilmentStepError extends Error {
  override readonly name = 'FulfilmentStepError';
  constructor(
    message: string,
    readonly stage: FulfilmentStage,
  ) {
    super(message);
  }
}

const NEXT: Readonly<Record<'pick' | 'pack' | 'ship', { readonly from: FulfilmentStage; readonly to: FulfilmentStage }>> = {
  pick: { from: 'allocated', to: 'picked' },
  pack: { from: 'picked', to: 'packed' },
  ship: { from: 'packed', to: 'shipped' },
};
export type WarehouseStep = keyof typeof NEXT;

/** The stage a step needs, and where it leads. */
export const stepOf = (step: WarehouseStep) => NEXT[step];

/** Whether the step may run now: `already` when the order is past it (a repeated confirmation changes nothing). */
export function checkStep(fulfilment: OrderFulfilment, step: WarehouseStep): 'run' | 'already' {
  const { from, to } = NEXT[step];
  if (fulfilment.stage === from) return 'run';
  const order: readonly FulfilmentStage[] = ['allocated', 'picked', 'packed', 'shipped'];
  if (order.indexOf(fulfilment.stage) >= order.indexOf(to)) return 'already';
  const why =
    fulfilment.stage === 'cancelled'
      ? 'the order was cancelled'
      : fulfilment.stage === 'backordered'
        ? 'the order is waiting for stock'
        : `the order is ${fulfilment.stage}, and ${step} needs it ${from}`;
  throw new FulfilmentStepError(`Cannot ${step}: ${why}.`, fulfilment.stage);
}

/** Whether a cancellation may release the order: before pick only. */
export function checkCancel(fulfilment: OrderFulfilment): 'release' | 'withdraw' | 'already' {
  switch (fulfilment.stage) {
    case 'allocated':
      return 'release';
    case 'backordered':
      return 'withdraw';
    case 'cancelled':
      return 'already';
    default:
      throw new FulfilmentStepError(
        `Too late to cancel: the order was ${fulfilment.stage} at ${fulfilment.stageAt}. Once picked it ships; ask the buyer to return it instead.`,
        fulfilment.stage,
      );
  }
}

type MovementStep = 'allocated' | 'released' | 'picked' | 'shipped';
const BUCKETS: Readonly<Record<MovementStep, Pick<StockMovement, 'from' | 'to'>>> = {
  allocated: { from: 'available', to: 'allocated' },
  released: { from: 'allocated', to: 'available' },
  picked: { from: 'allocated', to: 'picked' },
  shipped: { from: 'picked', to: null },
};

/** One movement per SKU of the order for a step, with ids derived from the order (a retry writes the same ones). */
export function orderMovements(order: Pick<Order, 'orderId' | 'sellerId' | 'items'>, warehouseCode: string, kind: MovementStep, at: string): StockMovement[] {
  return [...unitsBySku(order)].map(([sku, quantity]) => ({
    movementId: `mov_${order.orderId}_${sku}_${kind}`,
    sellerId: order.sellerId,
    warehouseCode,
    sku,
    kind,
    quantity,
    ...BUCKETS[kind],
    at,
    reference: { type: 'order', id: order.orderId },
  }));
}

/** What a seller decides for a warehouse order the stock cannot cover: wait for stock, or refuse it at intake (409). */
export const fulfilmentSettingsSchema = z.strictObject({
  backorders: z.enum(['accept', 'refuse']),
});
export type FulfilmentSettings = z.output<typeof fulfilmentSettingsSchema>;
/** Until a seller says otherwise, an order the stock cannot cover is refused: no promise of 2–5 days that cannot be kept. */
export const DEFAULT_FULFILMENT_SETTINGS: FulfilmentSettings = { backorders: 'refuse' };

/** The pack station's confirmation: the boxes as packed. */
export const packInputSchema = z.strictObject({
  boxes: z
    .array(z.strictObject({ weightGrams: z.number().int('must be whole grams').min(1).max(70_000), dimensions: dimensionsSchema }))
    .min(1, 'a packed order has at least one box')
    .max(20),
});
