import { CARRIERS, trackingFormatFor } from '../../../../domain/routing';
import { LAST_MILE_CARRIERS } from '../../../../domain/shared/carriers';
import {
  CARRIER_TRACKING,
  feedAdapter,
  hasTrackingSource,
  parseFeedPayload,
  polledCarriers,
  SAMPLE_STEP_STATUS,
  scriptedLastMile,
  sourcesOf,
  trackingOf,
} from '../../../../domain/tracking';

/** Every (carrier, service) routing can book, with a number in that service's format. */
const bookable = CARRIERS.flatMap((carrier) =>
  carrier.services.map((service) => ({
    carrier: carrier.slug,
    serviceId: service.serviceId,
    trackingNumber: trackingFormatFor(carrier, service.serviceId).generate(`seed-${service.serviceId}`),
  })),
);

describe('tracking sources: every carrier routing can book is followed to the door', () => {
  it('has a tracking source for every carrier in routing’s data (add one here before adding a carrier there)', () => {
    expect(CARRIERS.length).toBeGreaterThan(0);
    expect(CARRIERS.map((carrier) => carrier.slug).filter((slug) => !hasTrackingSource(slug))).toEqual([]);
    // And for every last-mile carrier of the vocabulary, booked or not yet.
    expect(LAST_MILE_CARRIERS.filter((slug) => !hasTrackingSource(slug))).toEqual([]);
  });

  it('names, for every source, a feed Enlace can read, with a webhook route where the source is pushed', () => {
    for (const tracking of Object.values(CARRIER_TRACKING)) {
      for (const source of sourcesOf(tracking.carrier)) {
        const adapter = feedAdapter(source.feed);
        expect(adapter?.slug).toBe(source.feed);
        if (source.kind !== 'poll') expect(adapter?.webhook).toBeDefined();
        expect(source.provenance.source.length).toBeGreaterThan(5);
      }
    }
  });

  it('polls only within published or marked limits', () => {
    const polled = polledCarriers();
    expect(polled.map((entry) => entry.carrier).sort()).toEqual(['fedex', 'jadlog']);
    for (const { limits } of polled) {
      expect(limits.requestsPerSecond).toBeGreaterThan(0);
      expect(limits.numbersPerRequest).toBeGreaterThan(0);
      expect(limits.provenance.sandbox || limits.provenance.source.startsWith('https://')).toBe(true);
    }
    expect(trackingOf('jadlog')?.primary.kind === 'poll' && trackingOf('jadlog')?.primary.provenance.source).toBeTruthy();
  });

  it.each(bookable)('reads $carrier ($serviceId): a booked number, in its feed’s own format, becomes the scripted statuses', ({ carrier, trackingNumber }) => {
    const tracking = trackingOf(carrier)!;
    const adapter = feedAdapter(tracking.primary.feed)!;
    const events = scriptedLastMile('2026-03-01T12:00:00.000Z', 'Sandbox City');
    // Feeds that push one event per request (UPS) render the last event only; the others render the journey.
    const rendered = events.map((_, index) => adapter.sample([{ carrier, trackingNumber, events: events.slice(0, index + 1) }]));

    const results = rendered.map((payload) => parseFeedPayload(tracking.primary.feed, payload));
    const updates = results.flatMap((result) => {
      if (!result.ok) throw new Error(`${carrier}: ${JSON.stringify(result.problems)}`);
      return result.updates;
    });

    const distinct = [...new Map(updates.map((update) => [update.carrierEventId, update])).values()].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    expect(distinct.map((update) => [update.carrier, update.trackingNumber, update.recognised])).toEqual(events.map(() => [carrier, trackingNumber, true]));
    expect(distinct.map((update) => update.status)).toEqual(events.map((event) => SAMPLE_STEP_STATUS[event.step]));
    expect(distinct.map((update) => update.occurredAt)).toEqual(events.map((event) => event.at));
  });
});
