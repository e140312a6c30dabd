import { feedAdapter } from './carriers';
import type { PollCarrier, SubscribeTracking } from './ports';
import { scriptedLastMile } from './sandbox';

/**
 * SANDBOX APPROXIMATION: the poll port answered from the scripted journey (sandbox.ts), in the
 * carrier's own tracking-API format (its feed adapter's `sample`), as of the poll's time. A parcel
 * the script has not handed over yet is answered as the carrier answers for a number it does not
 * know. Pure apart from being async, so the local cloud, the demo and tests poll without accounts.
 */
export function sandboxPollCarrier(): PollCarrier {
  return (request) => {
    const adapter = feedAdapter(request.carrier);
    if (adapter === undefined) return Promise.reject(new Error(`no feed for ${request.carrier}`));
    const parcels = request.parcels.map((parcel) => ({
      carrier: request.carrier,
      trackingNumber: parcel.trackingNumber,
      events: scriptedLastMile(parcel.bookedAt, `Sandbox ${parcel.lane}`, request.asOf),
    }));
    return Promise.resolve(new TextEncoder().encode(JSON.stringify(adapter.sample(parcels))));
  };
}

/**
 * SANDBOX: subscriptions accepted without asking anyone (no 17TRACK, AfterShip or UPS account
 * locally). The registration still runs and logs each one, so the number of subscriptions a parcel
 * costs is visible (one, for a per-number source).
 */
export function sandboxSubscribeTracking(): SubscribeTracking {
  return () => Promise.resolve();
}
