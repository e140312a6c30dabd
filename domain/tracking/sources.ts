import { LINE_HAUL_CARRIER, type CarrierSlug, type LastMileCarrier } from '../shared/carriers';
import { AFTERSHIP_SLUGS, AGGREGATORS, SEVENTEEN_TRACK_CARRIER_KEYS, type AggregatorSlug } from './aggregators';
import type { TrackingSourceKind } from './update';

/**
 * Where Enlace learns what happens to a carrier's parcels: the tracking source registry.
 *
 * - `webhook`: the carrier pushes its own format to `POST /v1/webhooks/tracking/{carrier}`.
 * - `poll`: the carrier only answers queries; the tracking poller asks its tracking API on a schedule
 *   (poll-schedule.ts) and queues the answers where webhooks go, so the timeline, KPIs and stalls do
 *   not care which way an event came.
 * - `aggregator`: 17TRACK or AfterShip follows the carrier for Enlace and pushes its own format
 *   (`POST /v1/webhooks/tracking/17track|aftership`).
 *
 * Routing books only carriers listed here (domain/routing, NO_TRACKING_SOURCE), so a parcel is
 * never booked with a carrier Enlace cannot follow to the door; tests fail when a carrier is added
 * to routing's data without an entry. Every choice cites its source (/work/notes/tracking-sources.md
 * holds the research, with reliability labels); what is invented says SANDBOX.
 */

export interface SourceProvenance {
  /** A URL or repository path the facts come from. */
  readonly source: string;
  readonly note: string;
  /** True when the choice rests on an approximation rather than the carrier's documentation. */
  readonly sandbox: boolean;
}

/** A carrier's tracking API as the poller must treat it. */
export interface PollLimits {
  /** Requests a second the carrier allows (the poller paces itself below it). */
  readonly requestsPerSecond: number;
  /** Tracking numbers one request may carry. */
  readonly numbersPerRequest: number;
  /** Requests a day the account may make, when the carrier caps it. */
  readonly requestsPerDay?: number;
  /** Times a day one parcel may be asked about, when the carrier caps it (DHL asks for at most 10). */
  readonly maxPollsPerParcelPerDay?: number;
  readonly provenance: SourceProvenance;
}

export type TrackingSource =
  | {
      readonly kind: 'webhook';
      /** The feed whose adapter reads the push (the carrier's slug). */
      readonly feed: CarrierSlug;
      /** How the carrier learns which parcels to push: all of Enlace's account, or number by number. */
      readonly subscription: 'account' | 'per-number';
      readonly provenance: SourceProvenance;
    }
  | { readonly kind: 'poll'; readonly feed: CarrierSlug; readonly limits: PollLimits; readonly provenance: SourceProvenance }
  | {
      readonly kind: 'aggregator';
      readonly feed: AggregatorSlug;
      /** The aggregator's name for the carrier (17TRACK carrier key, AfterShip slug). */
      readonly carrierKey: string;
      /** Aggregators follow a number once it is registered with them (one quota each, for 17TRACK). */
      readonly subscription: 'per-number';
      readonly provenance: SourceProvenance;
    };

export interface CarrierTracking {
  readonly carrier: CarrierSlug;
  /** Where this carrier's events come from. */
  readonly primary: TrackingSource;
  /** Accepted too, when they arrive (a push that needs an account Enlace may get later); duplicates are absorbed. */
  readonly also: readonly TrackingSource[];
}

const notes = '/work/notes/tracking-sources.md';
const sourced = (source: string, note: string): SourceProvenance => ({ source, note, sandbox: false });
const sandbox = (source: string, note: string): SourceProvenance => ({ source, note, sandbox: true });

const webhook = (feed: CarrierSlug, subscription: 'account' | 'per-number', provenance: SourceProvenance): TrackingSource => ({
  kind: 'webhook',
  feed,
  subscription,
  provenance,
});

function seventeenTrack(carrier: LastMileCarrier, note: string): TrackingSource {
  const key = SEVENTEEN_TRACK_CARRIER_KEYS[carrier];
  if (key === undefined) throw new Error(`no 17TRACK carrier key for ${carrier}`);
  return {
    kind: 'aggregator',
    feed: '17track',
    carrierKey: String(key),
    subscription: 'per-number',
    provenance: sourced('17TRACK apicarrier.all.json (copy of 2025-12-06, Duy247/HLLogistic carriers/apicarrier.all.json)', note),
  };
}

/** Every carrier Enlace follows, and how. */
export const CARRIER_TRACKING: Readonly<Partial<Record<CarrierSlug, CarrierTracking>>> = Object.fromEntries(
  (
    [
      // --- Direct webhooks: the carriers that push their own format.
      {
        carrier: 'estafeta',
        primary: webhook('estafeta', 'account', sandbox('domain/tracking/carriers/estafeta.ts', 'Integration sandbox payload; contract pending.')),
      },
      {
        carrier: 'correios',
        primary: webhook('correios', 'account', sandbox('domain/tracking/carriers/correios.ts', 'SRO answer shape pushed by the integration.')),
      },
      {
        carrier: 'chilexpress',
        primary: webhook('chilexpress', 'account', sandbox('domain/tracking/carriers/chilexpress.ts', 'Tracking answer as integrators describe it.')),
      },
      {
        carrier: 'servientrega',
        primary: webhook('servientrega', 'account', sandbox('domain/tracking/carriers/servientrega.ts', 'JSON rendering of ConsultarGuia.')),
      },
      {
        carrier: 'olva',
        primary: webhook('olva', 'account', sandbox('domain/tracking/carriers/olva.ts', 'Field names after Olva answers; codes agreed for the sandbox.')),
      },
      {
        carrier: 'usps',
        primary: webhook('usps', 'per-number', sourced('developers.usps.com Tracking API v3', 'Event fields of the API; push envelope approximated.')),
      },
      {
        carrier: 'ups',
        primary: webhook(
          'ups',
          'per-number',
          sourced(
            'UPS-API/api-documentation UPSTrackAlert.yaml (commit e6f36df4)',
            'Track Alert: subscribe ≤100 numbers a request; subscriptions last 14 days.',
          ),
        ),
      },
      {
        carrier: 'dhl-express',
        primary: webhook(
          'dhl-express',
          'account',
          sourced('https://developer.dhl.com/api-reference/shipment-tracking-unified-push', 'Unified Push, subscribed by account.'),
        ),
      },
      {
        carrier: '99minutos',
        primary: webhook(
          '99minutos',
          'account',
          sourced(
            'https://developers.99minutos.com/reference/post-api-v3-webhooks',
            'Webhook configured once (at most two); its authentication is not documented.',
          ),
        ),
      },
      {
        carrier: 'loggi',
        primary: webhook('loggi', 'account', sourced('https://docs.api.loggi.com/reference/webhook', 'Webhook set up by Loggi with Basic credentials.')),
      },
      {
        carrier: LINE_HAUL_CARRIER,
        primary: webhook(LINE_HAUL_CARRIER, 'account', sourced('domain/tracking/carriers/enlace-linehaul.ts', "Enlace's own contract.")),
      },
      // --- Polled: the carriers that only answer queries.
      {
        carrier: 'fedex',
        primary: {
          kind: 'poll',
          feed: 'fedex',
          limits: {
            requestsPerSecond: 140,
            numbersPerRequest: 30,
            requestsPerDay: 500_000,
            provenance: sourced(
              'https://developer.fedex.com/api/en-us/guides/ratelimits.html ; https://developer.fedex.com/api/en-qa/catalog/track/docs.html',
              "1,400 transactions per 10 s per project; up to 30 numbers a request; the daily quota is per organisation (500,000 is FedEx's example).",
            ),
          },
          provenance: sourced(
            'https://developer.fedex.com/api/en-qa/catalog/track/docs.html',
            'Track API; the AIV push needs a US account and a monthly fee per number.',
          ),
        },
        // With a US account and AIV: pushed too, in the Track API's shape (SANDBOX approximation of the AIV payload).
        also: [webhook('fedex', 'per-number', sandbox('developer.fedex.com AIV', 'AIV payload shape not found; read as one track result.'))],
      },
      {
        carrier: 'jadlog',
        primary: {
          kind: 'poll',
          feed: 'jadlog',
          limits: {
            requestsPerSecond: 1,
            numbersPerRequest: 50,
            provenance: sandbox(
              notes,
              'SANDBOX: Jadlog publishes no rate limit or batch size; one request a second with 50 numbers until the contract says otherwise.',
            ),
          },
          provenance: sourced(`${notes} §3.6`, 'Tracking API (Bearer token) as many integrators call it; no push found.'),
        },
      },
      // --- Aggregators: the carriers with no public API or push Enlace could find.
      { carrier: 'jt-express', primary: seventeenTrack('jt-express', 'No J&T Mexico API or push found; 17TRACK key 100388.') },
      { carrier: 'blue-express', primary: seventeenTrack('blue-express', 'Blue Express API gated (customer credentials); 17TRACK key 100250.') },
      { carrier: 'starken', primary: seventeenTrack('starken', 'Starken API gated; 17TRACK key 100246.') },
      { carrier: 'coordinadora', primary: seventeenTrack('coordinadora', 'Coordinadora SOAP answer shape not found; 17TRACK key 100493.') },
      { carrier: 'inter-rapidisimo', primary: seventeenTrack('inter-rapidisimo', 'No API found, public page only; 17TRACK key 100491.') },
      { carrier: 'serpost', primary: seventeenTrack('serpost', 'No public API (Peru carrier survey); 17TRACK key 16061.') },
      {
        carrier: 'total-express',
        primary: {
          kind: 'aggregator',
          feed: 'aftership',
          carrierKey: AFTERSHIP_SLUGS['total-express'] ?? 'total-express',
          subscription: 'per-number',
          provenance: sourced(
            'AfterShip/aftership-apps-woocommerce assets/js/couriers.json (2024-08-12)',
            "Not on 17TRACK's list; AfterShip slug total-express needs tracking_account_number.",
          ),
        },
      },
    ] satisfies readonly (Omit<CarrierTracking, 'also'> & { also?: readonly TrackingSource[] })[]
  ).map((entry) => [entry.carrier, { also: [], ...entry }]),
);

/** How Enlace follows a carrier, or undefined when it cannot. */
export function trackingOf(carrier: string): CarrierTracking | undefined {
  return Object.hasOwn(CARRIER_TRACKING, carrier) ? CARRIER_TRACKING[carrier as CarrierSlug] : undefined;
}

/** Whether a carrier has a tracking source (routing books no other, domain/routing NO_TRACKING_SOURCE). */
export function hasTrackingSource(carrier: string): boolean {
  return trackingOf(carrier) !== undefined;
}

/** The sources a feed may bring events of a carrier through (a check for the registry's consistency). */
export function sourcesOf(carrier: string): readonly TrackingSource[] {
  const tracking = trackingOf(carrier);
  return tracking === undefined ? [] : [tracking.primary, ...tracking.also];
}

/** The kind of source a message from a feed is, for a carrier that feed reports. */
export function sourceKindOf(feed: string, via: 'webhook' | 'poll'): TrackingSourceKind {
  if (via === 'poll') return 'poll';
  return (AGGREGATORS as readonly string[]).includes(feed) ? 'aggregator' : 'webhook';
}

/** Carriers whose primary source is polling, with their limits: what the tracking poller asks about. */
export function polledCarriers(): { readonly carrier: CarrierSlug; readonly limits: PollLimits }[] {
  return Object.values(CARRIER_TRACKING).flatMap((tracking) =>
    tracking !== undefined && tracking.primary.kind === 'poll' ? [{ carrier: tracking.carrier, limits: tracking.primary.limits }] : [],
  );
}
