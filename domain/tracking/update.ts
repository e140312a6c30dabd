import type { CarrierSlug } from '../shared/carriers';
import type { TrackingStatus } from './statuses';

/** Where a scan happened, as far as the carrier says. */
export interface TrackingLocation {
  readonly facility?: string;
  readonly city?: string;
  readonly region?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2 when the carrier's data tells us. */
  readonly country?: string;
  /** IATA airport code, for line-haul milestones. */
  readonly airport?: string;
}

/**
 * How an update reached Enlace: the carrier pushed it (`webhook`), Enlace asked the carrier's
 * tracking API (`poll`), or an aggregator that follows the carrier for Enlace pushed it
 * (`aggregator`: 17TRACK, AfterShip). Kept on every timeline event; see sources.ts.
 */
export const TRACKING_SOURCE_KINDS = ['webhook', 'poll', 'aggregator'] as const;
export type TrackingSourceKind = (typeof TRACKING_SOURCE_KINDS)[number];

/** The sub-status of an update whose carrier code no mapping table knows. */
export const UNRECOGNISED_SUB_STATUS = 'unrecognised-carrier-code';

/**
 * One carrier event, in Enlace's words. Adapters (carriers/*.ts) produce these; the timeline
 * (timeline.ts) folds them into a shipment's status.
 *
 * Unknown carrier codes: decided NOT to map them to `exception` (a new code is usually a harmless
 * scan, and a false exception alarms sellers) nor to drop them (a human may need to read them).
 * They arrive as `recognised: false`, status `in-transit` and sub-status
 * `unrecognised-carrier-code`, keep the carrier's code and text, stay on the timeline, count as
 * carrier contact for the stall sweep, and never move the status. The ingestion handler should log
 * and count them so the mapping table gets the new code.
 */
export interface TrackingUpdate {
  readonly carrier: CarrierSlug;
  readonly trackingNumber: string;
  /** The carrier's own event id, or a deterministic hash of (tracking number, code, time) when it has none. */
  readonly carrierEventId: string;
  /** ISO 8601 UTC ("…Z"), converted from the carrier's local time where it sends local times. */
  readonly occurredAt: string;
  readonly status: TrackingStatus;
  /** Kebab-case detail: `released`, `recipient-absent`, `awaiting-payment`… */
  readonly subStatus: string;
  readonly recognised: boolean;
  readonly location?: TrackingLocation;
  /** The carrier's code as sent (Correios "BDE 01", USPS "OF"…). */
  readonly carrierCode: string;
  /** The carrier's text as sent ("Objeto entregue ao destinatário"). */
  readonly carrierDescription: string;
  /** The carrier's event as received, unknown fields included. */
  readonly raw?: unknown;
  /**
   * How it reached Enlace, stamped by tracking-ingestion from the queued message (adapters do not
   * know: FedEx's push and its tracking API share one shape). Absent on events stored before
   * sources existed, which all came by webhook.
   */
  readonly source?: TrackingSourceKind;
  /**
   * The last-mile carrier's number for the same parcel, when the update names it (line-haul
   * manifests do): how a line-haul event finds a shipment that was booked under its last-mile number.
   */
  readonly lastMileTrackingNumber?: string;
}

/** Identity of a carrier event across carriers: two carriers may reuse each other's ids. */
export function eventKey(update: Pick<TrackingUpdate, 'carrier' | 'carrierEventId'>): string {
  return `${update.carrier}:${update.carrierEventId}`;
}
