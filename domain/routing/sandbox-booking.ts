/**
 * The sandbox carrier adapter: a BookShipment that answers for every carrier with a tracking
 * number in that carrier's real format (from the booking's seed, so a retry gets the same number)
 * and a 4 × 6 in ZPL label marked SANDBOX. Pure apart from being async, so the local cloud, the
 * demo and tests can book without any carrier account.
 */
import { type BookingConfirmation, type BookShipment, CarrierRejectedError } from './booking';
import { type CarrierProfile, trackingFormatFor } from './carriers';
import { CARRIERS } from './data/carriers';
import { renderLabelZpl } from './label';

export function sandboxBookShipment(options: { readonly carriers?: readonly CarrierProfile[]; readonly shipDate?: string } = {}): BookShipment {
  const carriers = options.carriers ?? CARRIERS;
  return (request) => {
    const carrier = carriers.find((c) => c.slug === request.carrier);
    if (!carrier) return Promise.reject(new CarrierRejectedError(`no sandbox adapter for carrier ${request.carrier}`));
    if (!carrier.services.some((s) => s.serviceId === request.serviceId)) {
      return Promise.reject(new CarrierRejectedError(`${carrier.name} does not perform service ${request.serviceId}`));
    }
    const trackingNumber = trackingFormatFor(carrier, request.serviceId).generate(request.trackingSeed);
    const labelZpl = renderLabelZpl({
      carrierName: carrier.name,
      serviceName: request.serviceName,
      serviceLevel: request.serviceLevel,
      trackingNumber,
      orderId: request.orderId,
      shipTo: request.shipTo,
      ...(request.shipFrom ? { shipFrom: request.shipFrom } : {}),
      parcels: request.parcels,
      sandbox: true,
      ...(options.shipDate !== undefined ? { shipDate: options.shipDate } : {}),
    });
    const confirmation: BookingConfirmation = { trackingNumber, labelZpl, labelFormat: 'ZPL', sandbox: true };
    return Promise.resolve(confirmation);
  };
}
