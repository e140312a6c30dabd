/**
 * Where an order ships from. Most orders cross the border from China; a **domestic (warehouse)
 * order** ships from one of Enlace's destination warehouses to a buyer in the same country: no
 * line-haul, no import duties (paid when the stock came in), no CN23, a domestic carrier.
 * One predicate for every step (intake's allocation, rating, routing, customs) so they never disagree.
 */
import type { DestinationCountry } from '../shared/shipping-terms';
import { type Warehouse, warehouseByCode } from '../warehouses';

/** The two fields that decide it (an Order, an order input, or anything shaped like them). */
export interface FulfilmentFacts {
  readonly shipFrom: { readonly warehouseCode: string } | { readonly city: string; readonly country: string };
  readonly shipTo: { readonly country: DestinationCountry };
}

/**
 * The destination warehouse a domestic order ships from; undefined for a cross-border order (a
 * Chinese origin, an origin warehouse in China such as "SZX-01", or a destination warehouse in
 * another country than the buyer's).
 */
export function fulfilmentWarehouse(order: FulfilmentFacts): Warehouse | undefined {
  if (!('warehouseCode' in order.shipFrom)) return undefined;
  const warehouse = warehouseByCode(order.shipFrom.warehouseCode);
  return warehouse !== undefined && warehouse.country === order.shipTo.country ? warehouse : undefined;
}

/** Whether the order ships from a destination warehouse in the buyer's own country. */
export function isDomesticFulfilment(order: FulfilmentFacts): boolean {
  return fulfilmentWarehouse(order) !== undefined;
}
