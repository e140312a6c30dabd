import type { DestinationCountry, ServiceLevel } from './shipping-terms';

/**
 * A booked parcel: the order's chosen carrier and tracking number. Routing creates it; tracking
 * follows it; KPIs are counted per (carrier, lane).
 */
export interface Shipment {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly sellerId: string;
  /** Last-mile carrier slug, e.g. `correios`, `estafeta`; webhooks arrive under this slug. */
  readonly carrier: string;
  readonly carrierName: string;
  readonly serviceId: string;
  readonly serviceLevel: ServiceLevel;
  readonly trackingNumber: string;
  /** `CN-BR-SP` (see domain/routing/lanes.ts): the unit KPIs and stall thresholds use. */
  readonly lane: string;
  readonly destinationCountry: DestinationCountry;
  readonly bookedAt: string;
  /** The latest delivery date promised to the buyer (booking date + the service's maximum transit days). */
  readonly promisedBy: string;
}

/** Port: stores a new shipment (idempotent by shipment id). */
export type SaveShipment = (shipment: Shipment) => Promise<void>;
/** Port: finds a shipment by its id. */
export type GetShipment = (shipmentId: string) => Promise<Shipment | undefined>;
/** Port: finds a shipment by the carrier's tracking number (what webhooks carry). */
export type FindShipmentByTracking = (carrier: string, trackingNumber: string) => Promise<Shipment | undefined>;
