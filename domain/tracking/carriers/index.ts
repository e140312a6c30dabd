import type { DestinationCountry } from '../../shared/shipping-terms';
import { aftership } from './aftership';
import { chilexpress } from './chilexpress';
import { carriableUpdate, type CarrierAdapter, type FeedSlug, type ParseResult } from './common';
import { correios } from './correios';
import { dhlExpress } from './dhl-express';
import { enlaceLinehaul } from './enlace-linehaul';
import { estafeta } from './estafeta';
import { fedex } from './fedex';
import { jadlog } from './jadlog';
import { loggi } from './loggi';
import { ninetyNineMinutos } from './ninety-nine-minutos';
import { olva } from './olva';
import { servientrega } from './servientrega';
import { seventeenTrack } from './seventeen-track';
import { ups } from './ups';
import { usps } from './usps';

export { AGGREGATORS, type AggregatorSlug, type CarrierAdapter, type CodeMapping, type CodeTable, type FeedAdapter, type FeedSlug } from './common';
export type { ParseResult, PayloadProblem, Provenance, WebhookIntake } from './common';

/**
 * Every feed Enlace reads, by its slug: the carriers' own formats (webhook push or tracking API) and
 * the aggregators'. A feed with `webhook` has the route `POST /v1/webhooks/tracking/{feed}`.
 */
export const FEED_ADAPTERS: Readonly<Partial<Record<FeedSlug, CarrierAdapter>>> = {
  estafeta,
  correios,
  chilexpress,
  servientrega,
  olva,
  usps,
  ups,
  fedex,
  'dhl-express': dhlExpress,
  '99minutos': ninetyNineMinutos,
  loggi,
  jadlog,
  '17track': seventeenTrack,
  aftership,
  'enlace-linehaul': enlaceLinehaul,
};

/** The adapter of a feed, or undefined for a slug Enlace does not read. */
export function feedAdapter(slug: string): CarrierAdapter | undefined {
  return Object.hasOwn(FEED_ADAPTERS, slug) ? FEED_ADAPTERS[slug as FeedSlug] : undefined;
}

/** Feeds that take webhooks (`POST /v1/webhooks/tracking/{feed}`); a poll-only feed has no route. */
export const WEBHOOK_FEEDS: readonly FeedSlug[] = (Object.keys(FEED_ADAPTERS) as FeedSlug[]).filter((slug) => FEED_ADAPTERS[slug]?.webhook !== undefined);

export function isWebhookFeed(value: string): value is FeedSlug {
  return feedAdapter(value)?.webhook !== undefined;
}

/**
 * Parses a feed's payload; an unknown feed is a problem at the root. Every text of every update is
 * made carriable by any queue downstream (common.ts, carriableText).
 */
export function parseFeedPayload(slug: string, payload: unknown): ParseResult {
  const adapter = feedAdapter(slug);
  if (adapter === undefined) {
    return { ok: false, problems: [{ path: '$', message: `unknown feed "${slug}"; known: ${Object.keys(FEED_ADAPTERS).join(', ')}` }] };
  }
  const result = adapter.parse(payload);
  return result.ok ? { ok: true, updates: result.updates.map(carriableUpdate) } : result;
}

/** The feeds of a destination market's own last-mile carriers (aggregators and multi-market carriers excluded). */
export function lastMileCarriersFor(country: DestinationCountry): CarrierAdapter[] {
  return Object.values(FEED_ADAPTERS).filter((adapter): adapter is CarrierAdapter => adapter?.market === country);
}
