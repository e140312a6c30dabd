/** From a stored Order to what routing and booking need. */
import type { Order } from '../order';
import { fulfilmentWarehouse } from '../order';
import { convert, fxTableOn, utcDay, type FxTable } from '../shared/fx';
import { FX_TABLES } from '../shared/fx-rates';
import { GOODS_CATEGORIES, type GoodsCategory } from '../shared/goods';
import type { BookingShipment } from './booking';
import { type Lane, laneOf } from './lanes';
import type { RoutingInput } from './types';

const isCategory = (value: string | undefined): value is GoodsCategory => value !== undefined && (GOODS_CATEGORIES as readonly string[]).includes(value);

/** The routing facts of an order; its declared value converted to USD with the FX table in effect at `at`. */
export function routingInputFromOrder(order: Order, options: { readonly at: Date; readonly fxTables?: readonly FxTable[] }): RoutingInput {
  const fx = fxTableOn(options.fxTables ?? FX_TABLES, utcDay(options.at));
  const warehouse = fulfilmentWarehouse(order);
  return {
    orderId: order.orderId,
    sellerId: order.sellerId,
    ...(warehouse === undefined ? {} : { origin: { warehouseCode: warehouse.code, country: warehouse.country } }),
    destination: order.destination,
    serviceLevel: order.serviceLevel,
    parcels: order.parcels.map((p) => ({ weightGrams: p.weightGrams, ...(p.dimensions ?? {}) })),
    batteries: [...new Set(order.items.map((i) => i.batteryType).filter((b) => b !== 'none'))],
    goodsCategories: [...new Set(order.items.map((i) => i.category).filter(isCategory))],
    declaredValueUsd: convert(order.declaredValue, 'USD', fx),
  };
}

/** The order's lane: from China, or domestic from its warehouse's country (`MX-MX-CMX`). */
export function orderLane(order: Order): Lane {
  return laneOf(order.destination, fulfilmentWarehouse(order));
}

/** The shipment to book for an order (addresses as on the label; a domestic parcel ships from its warehouse's address). */
export function bookingShipmentFromOrder(order: Order, routing: RoutingInput): BookingShipment {
  const to = order.shipTo;
  const warehouse = fulfilmentWarehouse(order);
  return {
    orderId: order.orderId,
    sellerId: order.sellerId,
    ...(warehouse === undefined
      ? {}
      : {
          shipFrom: {
            name: warehouse.name,
            streetLines: warehouse.address.streetLines,
            city: warehouse.address.city,
            state: warehouse.address.state,
            postalCode: warehouse.address.postalCode,
            country: warehouse.country,
          },
        }),
    parcels: routing.parcels,
    declaredValueUsd: routing.declaredValueUsd,
    shipTo: {
      name: to.name,
      streetLines: to.streetLines,
      ...(to.neighborhood !== undefined ? { neighborhood: to.neighborhood } : {}),
      city: to.city,
      state: to.state,
      postalCode: to.postalCode,
      country: to.country,
      phone: to.phone,
    },
  };
}
