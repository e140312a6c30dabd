import { mayRead } from '../../domain/shared/tenant';
import type { FindShipmentsByTrackingNumber, GetShipmentTracking, StoredTracking } from '../../domain/tracking';
import { STATUS_DEFINITIONS } from '../../domain/tracking';
import { pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { badRequest, conflict, jsonResponse, notFound } from '../shared/http/problem';

/** What a seller reads: the shipment, its canonical status and the whole timeline in event-time order. */
export function trackingView(stored: StoredTracking) {
  const { shipment, state } = stored;
  const current = state.current;
  return {
    shipmentId: shipment.shipmentId,
    orderId: shipment.orderId,
    sellerId: shipment.sellerId,
    carrier: shipment.carrier,
    carrierName: shipment.carrierName,
    trackingNumber: shipment.trackingNumber,
    serviceLevel: shipment.serviceLevel,
    lane: shipment.lane,
    bookedAt: shipment.bookedAt,
    promisedBy: shipment.promisedBy,
    status: current?.status ?? null,
    subStatus: current?.subStatus ?? null,
    statusDescription: current === null ? 'No carrier has reported the parcel yet' : STATUS_DEFINITIONS[current.status].description,
    statusSince: current?.since ?? null,
    delivered: state.deliveredFactRaisedFor !== null,
    stalled: state.stallAlertRaised !== null,
    lastCarrierUpdateAt: state.lastCarrierUpdateAt,
    lastEventAt: state.lastEventAt,
    events: state.timeline.map((event) => ({
      occurredAt: event.occurredAt,
      status: event.status,
      subStatus: event.subStatus,
      // An unrecognised code is on the timeline but did not move the status (domain/tracking/update.ts).
      recognised: event.recognised,
      description: event.recognised ? STATUS_DEFINITIONS[event.status].description : 'A carrier event Enlace does not map yet',
      carrier: event.carrier,
      // How the event reached Enlace: the carrier's push, Enlace's poll of its API, or an aggregator.
      source: event.source ?? 'webhook',
      carrierCode: event.carrierCode,
      carrierDescription: event.carrierDescription,
      ...(event.location === undefined ? {} : { location: event.location }),
      receivedAt: event.receivedAt,
    })),
  };
}

const TRACKING_NUMBER = /^[A-Za-z0-9-]{4,64}$/;

export interface GetTrackingDeps {
  readonly getTracking: GetShipmentTracking;
  readonly findByNumber: FindShipmentsByTrackingNumber;
  readonly carriers: readonly string[];
}

/**
 * GET /v1/shipments/{id}/tracking and GET /v1/tracking/{trackingNumber}[?carrier=]. Another seller's
 * shipment answers exactly as a missing one. A tracking number is looked up under every carrier
 * (numbers are only unique per carrier); two of the caller's shipments under one number → 409,
 * naming the carriers to choose from.
 */
export function buildGetTrackingRoute(deps: GetTrackingDeps): HttpRoute {
  const { getTracking, findByNumber, carriers } = deps;
  return async ({ event, tenant }) => {
    if (event.pathParameters?.id !== undefined) {
      const shipmentId = pathParameter(event, 'id');
      const stored = await getTracking(shipmentId);
      if (stored === undefined || !mayRead(tenant, stored.shipment)) {
        throw notFound(`No shipment "${shipmentId}".`);
      }
      return jsonResponse(200, trackingView(stored));
    }

    const trackingNumber = pathParameter(event, 'trackingNumber');
    if (!TRACKING_NUMBER.test(trackingNumber)) {
      throw badRequest('A tracking number is 4 to 64 letters, digits or "-".', [
        { path: 'trackingNumber', code: 'invalid_format', message: 'must be 4 to 64 letters, digits or "-"' },
      ]);
    }
    const carrier = event.queryStringParameters?.carrier;
    if (carrier !== undefined && !carriers.includes(carrier)) {
      throw badRequest(`Unknown carrier "${carrier}".`, [{ path: 'carrier', code: 'invalid_value', message: `must be one of ${carriers.join(', ')}` }]);
    }
    const shipments = (await findByNumber(trackingNumber, carrier === undefined ? undefined : [carrier])).filter((shipment) => mayRead(tenant, shipment));
    if (shipments.length > 1) {
      throw conflict(`Several of your shipments use "${trackingNumber}" (carriers ${shipments.map((s) => s.carrier).join(', ')}); add ?carrier=<carrier>.`);
    }
    const stored = shipments[0] === undefined ? undefined : await getTracking(shipments[0].shipmentId);
    if (stored === undefined) {
      throw notFound(`No shipment with tracking number "${trackingNumber}".`);
    }
    return jsonResponse(200, trackingView(stored));
  };
}
