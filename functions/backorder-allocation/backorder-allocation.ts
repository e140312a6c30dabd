import type { Logger } from '@aws-lambda-powertools/logger';
import { orderMovements, planBackorderFills, unitsBySku } from '../../domain/fulfilment';
import type { GetOrder } from '../../domain/order';
import { warehouseByCode } from '../../domain/warehouses';
import { createEvent } from '../../events/envelope';
import { orderAllocatedV1 } from '../../events/fulfilment';
import { toPending } from '../../events/pending';
import type { ListBackorders, RecordFulfilmentStep } from '../shared/store/fulfilment-store';
import type { GetStockBalances } from '../shared/store/stock-store';

export interface BackorderAllocationDeps {
  readonly listBackorders: ListBackorders;
  readonly getStockBalances: GetStockBalances;
  readonly getOrder: GetOrder;
  readonly recordStep: RecordFulfilmentStep;
  readonly newEventId: () => string;
  readonly now?: () => Date;
}

/** Where units became available: a seller's stock at one warehouse. */
export interface StockFreed {
  readonly sellerId: string;
  readonly warehouseCode: string;
  /** The event that freed them (the allocations' causation). */
  readonly causeEventId: string;
}

/** How many backorders one run looks at; the rest wait for the next freed stock (each run fills from the oldest). */
export const MAX_BACKORDERS_PER_RUN = 500;
/** Re-plans after another writer took the stock a fill counted on; past this the message is retried later. */
const MAX_ROUNDS = 5;

export interface AllocationRun {
  readonly filled: readonly string[];
  readonly waiting: number;
}

/**
 * Units became available at a warehouse (stock received, an adjustment into available, an order's
 * allocation released) → the seller's backorders there are filled oldest first, per SKU
 * (domain/fulfilment/backorders.ts). Each fill is one transaction: the order leaves the backorder
 * queue for the pick list, its status goes from `backordered` to `received` (so rating and routing
 * start, on `order.allocated` with `fromBackorder`), its units move from available to allocated,
 * and the event goes to the outbox. Conditions make it safe to run twice at once: an order already
 * filled is `moved`, stock taken meanwhile is `short` and the plan is made again from fresh balances.
 */
export function buildBackorderAllocation(deps: BackorderAllocationDeps) {
  const now = deps.now ?? (() => new Date());
  return async (freed: StockFreed, log: Logger): Promise<AllocationRun> => {
    const filled: string[] = [];
    for (let round = 1; round <= MAX_ROUNDS; round += 1) {
      const queue = await deps.listBackorders(freed.sellerId, freed.warehouseCode, MAX_BACKORDERS_PER_RUN);
      if (queue.length === 0) return { filled, waiting: 0 };
      const skus = [...new Set(queue.flatMap((backorder) => backorder.lines.map((line) => line.sku)))];
      const balances = (await deps.getStockBalances(freed.sellerId, [freed.warehouseCode], skus)).get(freed.warehouseCode);
      const available = new Map(skus.map((sku) => [sku, balances?.get(sku)?.available ?? 0]));
      const plan = planBackorderFills(queue, available);
      let shortened = false;
      for (const orderId of plan.fill) {
        const outcome = await fill(orderId, freed);
        if (outcome === 'recorded') filled.push(orderId);
        if (outcome === 'short') {
          shortened = true;
          break;
        }
      }
      if (!shortened) {
        log.info('backorders filled', { warehouseCode: freed.warehouseCode, filled: filled.length, waiting: plan.waiting.length });
        return { filled, waiting: plan.waiting.length };
      }
    }
    throw new Error(`stock at ${freed.warehouseCode} kept being taken while filling backorders of ${freed.sellerId}; retry`);
  };

  async function fill(orderId: string, freed: StockFreed): Promise<'recorded' | 'moved' | 'short'> {
    const order = await deps.getOrder(orderId);
    if (order?.fulfilment === undefined || order.fulfilment.stage !== 'backordered' || order.sellerId !== freed.sellerId) return 'moved';
    const at = now().toISOString();
    const { warehouseCode, transitDays } = order.fulfilment;
    const event = createEvent(
      orderAllocatedV1,
      {
        orderId,
        warehouseCode,
        country: warehouseByCode(warehouseCode)?.country ?? order.shipTo.country,
        lines: [...unitsBySku(order)].map(([sku, quantity]) => ({ sku, quantity })),
        transitDays,
        fromBackorder: true,
      },
      { eventId: deps.newEventId(), occurredAt: at, correlationId: orderId, sellerId: order.sellerId, causationId: freed.causeEventId },
    );
    return deps.recordStep({
      order,
      from: 'backordered',
      to: 'allocated',
      at,
      movements: orderMovements(order, warehouseCode, 'allocated', at),
      orderStatuses: ['backordered'],
      toStatus: 'received',
      events: [toPending(event)],
    });
  }
}
