import type { GetProducts } from '../../domain/catalog';
import { candidateWarehouses, chooseWarehouse, originProblems, unitsBySku, type Shortage, type WarehouseChoice } from '../../domain/fulfilment';
import type { Order } from '../../domain/order';
import type { OrderInput } from '../../domain/order';
import { createEvent } from '../../events/envelope';
import { orderAllocatedV1, orderBackorderedV1 } from '../../events/fulfilment';
import { orderReceivedV1 } from '../../events/order-received';
import { toPending, type PendingEvent } from '../../events/pending';
import { stockLowV1 } from '../../events/stock';
import { HttpError, type FieldProblem } from '../shared/http/problem';
import type { GetFulfilmentSettings, SaveWarehouseOrder, SaveWarehouseOrderOutcome } from '../shared/store/fulfilment-store';
import type { GetStockBalances } from '../shared/store/stock-store';

/**
 * Intake of a warehouse order (docs/fulfilment.md): the SKUs must be the seller's products; the
 * fastest warehouse of the country that holds every line takes it, and its units are allocated in
 * the same transaction as the order. When no warehouse can, the seller's setting decides: the order
 * waits as a backorder, or is refused with 409 naming what is short. Stock taken by another order
 * between the read and the write is found by the write's condition, and decided the same way.
 */
export interface WarehouseIntakeDeps {
  readonly getProducts: GetProducts;
  readonly getStockBalances: GetStockBalances;
  readonly getFulfilmentSettings: GetFulfilmentSettings;
  readonly saveWarehouseOrder: SaveWarehouseOrder;
  readonly newEventId: () => string;
}

/** What is wrong with a warehouse order's origin (domain/fulfilment's rule), as the problems a 400 names. */
export function warehouseOriginProblems(input: Pick<OrderInput, 'shipFrom' | 'shipTo'>): FieldProblem[] {
  return originProblems(input).map((problem) => ({ ...problem, code: 'custom' }));
}

export const refusedForStock = (shortages: readonly Shortage[], warehouseCode: string) =>
  new HttpError(
    409,
    'Conflict',
    `Not enough stock in ${warehouseCode} for this order, and the seller does not accept backorders (PUT /v1/fulfilment-settings/{sellerId} to change that).`,
    shortages.map((shortage) => ({
      path: `items[sku=${shortage.sku}]`,
      code: 'insufficient_stock',
      message: `${shortage.requested} requested, ${shortage.available} available`,
    })),
  );

export type WarehouseIntakeOutcome =
  SaveWarehouseOrderOutcome | { readonly kind: 'refused'; readonly shortages: readonly Shortage[]; readonly warehouseCode: string };

export function buildWarehouseIntake(deps: WarehouseIntakeDeps) {
  /** Allocates (or backorders) and writes the order; `duplicate` like the plain intake. Throws 409/422 for what the seller must fix. */
  return async (
    order: Order,
    requestHash: string,
    options: { readonly chooseWarehouse: boolean },
  ): Promise<{ readonly outcome: WarehouseIntakeOutcome; readonly order: Order }> => {
    const skus = [...unitsBySku(order).keys()];
    const products = await deps.getProducts(order.sellerId, skus);
    const unknown = order.items.flatMap((item, index) => (products.has(item.sku) ? [] : [index]));
    if (unknown.length > 0) {
      throw new HttpError(
        422,
        'Unprocessable Content',
        'A warehouse order ships the seller’s registered products (POST /v1/products).',
        unknown.map((index) => ({
          path: `items.${index}.sku`,
          code: 'unknown_sku',
          message: `"${order.items[index]!.sku}" is not one of the seller's products`,
        })),
      );
    }
    const candidates = candidateWarehouses({ ...order, ...options }).map((warehouse) => warehouse.code);
    const [balances, settings] = await Promise.all([deps.getStockBalances(order.sellerId, candidates, skus), deps.getFulfilmentSettings(order.sellerId)]);
    const choice = chooseWarehouse({ ...order, ...options }, balances)!;

    const write = async (decided: WarehouseChoice, shortages: readonly Shortage[]): Promise<{ outcome: WarehouseIntakeOutcome; order: Order }> => {
      const stage = shortages.length === 0 ? 'allocated' : 'backordered';
      const warehouse = decided.warehouse;
      const placed: Order = {
        ...order,
        status: stage === 'allocated' ? order.status : 'backordered',
        shipFrom: { warehouseCode: warehouse.code },
        fulfilment: { mode: 'warehouse', warehouseCode: warehouse.code, stage, transitDays: decided.transitDays, stageAt: order.receivedAt },
      };
      const meta = { occurredAt: order.receivedAt, correlationId: order.orderId, sellerId: order.sellerId };
      const about = { orderId: order.orderId, warehouseCode: warehouse.code, country: warehouse.country };
      const lines = [...unitsBySku(order)].map(([sku, quantity]) => ({ sku, quantity }));
      const events: [PendingEvent, ...PendingEvent[]] = [
        toPending(createEvent(orderReceivedV1, { order: placed }, { eventId: deps.newEventId(), ...meta })),
        toPending(
          stage === 'allocated'
            ? createEvent(
                orderAllocatedV1,
                { ...about, lines, transitDays: decided.transitDays, fromBackorder: false },
                { eventId: deps.newEventId(), ...meta },
              )
            : createEvent(orderBackorderedV1, { ...about, shortages: [...shortages] }, { eventId: deps.newEventId(), ...meta }),
        ),
      ];
      const lowStock = new Map(
        skus.flatMap((sku) => {
          const reorderPoint = products.get(sku)!.reorderPoint;
          if (reorderPoint <= 0) return [];
          const event = (available: number) =>
            toPending(
              createEvent(
                stockLowV1,
                { warehouseCode: warehouse.code, country: warehouse.country, sku, available, reorderPoint },
                { eventId: deps.newEventId(), ...meta },
              ),
            );
          return [[sku, { reorderPoint, event }] as const];
        }),
      );
      return { outcome: await deps.saveWarehouseOrder({ order: placed, requestHash, events, lowStock }), order: placed };
    };

    const shortages = choice.kind === 'short' ? choice.shortages : [];
    if (shortages.length > 0 && settings.backorders === 'refuse')
      return { outcome: { kind: 'refused', shortages, warehouseCode: choice.warehouse.code }, order };
    const first = await write(choice, shortages);
    if (first.outcome.kind !== 'insufficient') return first;
    // Another order took the units between our read and our write.
    if (settings.backorders === 'refuse')
      return { outcome: { kind: 'refused', shortages: first.outcome.shortages, warehouseCode: choice.warehouse.code }, order };
    return write(choice, first.outcome.shortages);
  };
}
