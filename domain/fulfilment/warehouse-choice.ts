import { isDomesticFulfilment, type Order } from '../order';
import type { PostalCode } from '../shared/postal-codes';
import type { Buckets } from '../stock';
import { WAREHOUSES, warehouseByCode, type Warehouse } from '../warehouses';

/**
 * Which destination warehouse ships a local order. An order is a warehouse order when it asks for
 * it (`fulfilment: "warehouse"`) or names a destination warehouse of its own country as `shipFrom`;
 * the candidates are that warehouse, or every warehouse of the country. Among the candidates that
 * hold every line, the fastest to the buyer ships it whole; when none does, the fastest is where the
 * order waits (backorder) or is refused.
 */

/** True when the order ships from a destination warehouse in its own country (no international leg), or asks to. */
export function isWarehouseOrder(order: Pick<Order, 'shipFrom' | 'shipTo'> & { readonly fulfilment?: unknown }): boolean {
  return order.fulfilment !== undefined || isDomesticFulfilment(order);
}

/**
 * What is wrong with a warehouse order's origin: it ships from a destination warehouse in the
 * buyer's country (named in `shipFrom.warehouseCode`; with `fulfilment: "warehouse"` Enlace may
 * choose another warehouse of that country). Each problem names its field.
 */
export function originProblems(order: Pick<Order, 'shipFrom' | 'shipTo'>): { readonly path: string; readonly message: string }[] {
  const country = order.shipTo.country;
  const here = WAREHOUSES.filter((warehouse) => warehouse.country === country).map((warehouse) => warehouse.code);
  if (here.length === 0) return [{ path: 'fulfilment', message: `Enlace has no warehouse in ${country} yet` }];
  if (!('warehouseCode' in order.shipFrom)) {
    return [{ path: 'shipFrom', message: `a warehouse order ships from a warehouse in ${country} (${here.join(', ')}): send shipFrom.warehouseCode` }];
  }
  const named = warehouseByCode(order.shipFrom.warehouseCode);
  if (named?.country === country) return [];
  const where = named === undefined ? 'not a destination warehouse' : `in ${named.country}`;
  return [
    { path: 'shipFrom.warehouseCode', message: `${order.shipFrom.warehouseCode} is ${where}; a warehouse order ships within ${country} (${here.join(', ')})` },
  ];
}

/**
 * Days from a warehouse to a destination region, by the ZIP national area (US) or the state
 * (MX, BR). SANDBOX: the carriers' zone charts were not retrieved (docs/fulfilment.md, "Choosing the
 * warehouse"); these only order warehouses by distance: same region 1–2 days, neighbouring 2–3,
 * across the country 4–5.
 */
const US_AREA_DAYS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  // ZIP national areas: 0–1 New England / NY / NJ, 2 Mid-Atlantic, 3 South-East, 4 Midwest east,
  // 5 Upper Midwest, 6 Central, 7 South Central, 8 Mountain, 9 Pacific.
  'US-CA-01': { '0': 5, '1': 5, '2': 5, '3': 5, '4': 4, '5': 4, '6': 4, '7': 3, '8': 2, '9': 1 },
  'US-NJ-01': { '0': 1, '1': 1, '2': 2, '3': 3, '4': 2, '5': 3, '6': 3, '7': 4, '8': 5, '9': 5 },
};

export function transitDaysFrom(warehouse: Warehouse, destination: PostalCode): number {
  const byArea = US_AREA_DAYS[warehouse.code];
  if (byArea !== undefined) return byArea[destination.region.code] ?? 5;
  return destination.region.code === warehouse.address.state || (warehouse.country === 'MX' && ['CMX', 'MEX'].includes(destination.region.code)) ? 1 : 3;
}

/**
 * The candidate warehouses of an order, fastest first (ties by code, so the choice is stable): every
 * warehouse of the buyer's country when the order asks for `fulfilment: "warehouse"` (Enlace
 * chooses), only the one it names otherwise.
 */
export function candidateWarehouses(
  order: Pick<Order, 'shipFrom' | 'shipTo' | 'destination'> & { readonly fulfilment?: unknown; readonly chooseWarehouse?: boolean },
): Warehouse[] {
  const named = 'warehouseCode' in order.shipFrom ? warehouseByCode(order.shipFrom.warehouseCode) : undefined;
  const anyInCountry = order.chooseWarehouse === true || named?.country !== order.shipTo.country;
  const candidates = anyInCountry ? WAREHOUSES.filter((warehouse) => warehouse.country === order.shipTo.country) : [named];
  return [...candidates].sort((a, b) => transitDaysFrom(a, order.destination) - transitDaysFrom(b, order.destination) || a.code.localeCompare(b.code));
}

/** Units per SKU an order needs (an SKU on several lines counts once, summed). */
export function unitsBySku(order: Pick<Order, 'items'>): Map<string, number> {
  const units = new Map<string, number>();
  for (const item of order.items) units.set(item.sku, (units.get(item.sku) ?? 0) + item.quantity);
  return units;
}

export interface Shortage {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;
}

export type WarehouseChoice =
  | { readonly kind: 'whole'; readonly warehouse: Warehouse; readonly transitDays: number }
  | { readonly kind: 'short'; readonly warehouse: Warehouse; readonly transitDays: number; readonly shortages: readonly Shortage[] };

/** What each candidate lacks for the order: nothing when it can ship it whole. */
export function shortagesAt(units: ReadonlyMap<string, number>, balances: ReadonlyMap<string, Buckets>): Shortage[] {
  return [...units]
    .map(([sku, requested]) => ({ sku, requested, available: balances.get(sku)?.available ?? 0 }))
    .filter((line) => line.available < line.requested);
}

/**
 * The fastest candidate that holds every line, else the fastest candidate with what it lacks.
 * `balances` maps a warehouse code to the balances of the order's SKUs there.
 */
export function chooseWarehouse(
  order: Pick<Order, 'shipFrom' | 'shipTo' | 'destination' | 'items'> & { readonly chooseWarehouse?: boolean },
  balances: ReadonlyMap<string, ReadonlyMap<string, Buckets>>,
): WarehouseChoice | undefined {
  const units = unitsBySku(order);
  const candidates = candidateWarehouses(order);
  for (const warehouse of candidates) {
    if (shortagesAt(units, balances.get(warehouse.code) ?? new Map()).length === 0) {
      return { kind: 'whole', warehouse, transitDays: transitDaysFrom(warehouse, order.destination) };
    }
  }
  const fastest = candidates[0];
  if (fastest === undefined) return undefined;
  return {
    kind: 'short',
    warehouse: fastest,
    transitDays: transitDaysFrom(fastest, order.destination),
    shortages: shortagesAt(units, balances.get(fastest.code) ?? new Map()),
  };
}
