import type { InboundQuantities } from '../stock';
import type { InboundShipment } from './inbound';
import { INBOUND_STAGE } from './lifecycle';

/** Units on their way to one warehouse, per SKU and stage, from the seller's open inbound shipments (not yet counted). */
export function inboundBySku(shipments: readonly InboundShipment[], warehouseCode: string): Map<string, InboundQuantities> {
  const bySku = new Map<string, { booked: number; inTransit: number; inCustoms: number; atWarehouse: number }>();
  for (const shipment of shipments) {
    const stage = INBOUND_STAGE[shipment.status];
    if (stage === null || shipment.warehouseCode !== warehouseCode) continue;
    for (const line of shipment.lines) {
      const counted = (shipment.counted[line.sku]?.good ?? 0) + (shipment.counted[line.sku]?.damaged ?? 0);
      const pending = Math.max(0, line.expected - counted);
      if (pending === 0) continue;
      const quantities = bySku.get(line.sku) ?? { booked: 0, inTransit: 0, inCustoms: 0, atWarehouse: 0 };
      quantities[stage] += pending;
      bySku.set(line.sku, quantities);
    }
  }
  return bySku;
}
