import type { CarrierSlug } from '../shared/carriers';
import type { Shipment } from '../shared/shipment';
import type { KpiMark } from './kpi-facts';
import type { TrackingSource } from './sources';
import type { CurrentStatus, ShipmentTrackingState } from './timeline';
import type { TrackingUpdate } from './update';

/** A shipment with its stored tracking, and the version the next write must find. */
export interface StoredTracking {
  readonly shipment: Shipment;
  readonly state: ShipmentTrackingState;
  readonly kpiMarks: readonly KpiMark[];
  /** 0 until the first carrier event is stored. */
  readonly version: number;
  /** The time the stalled sweep's index holds the shipment under (stall-schedule.ts `stallCheckAt`); null when it is not watched. */
  readonly stallCheckAt: string | null;
}

/**
 * How tracking-ingestion reads: it has the shipment already (found by the update's number, and a
 * shipment item never changes once booked), so only the tracking item is read; eventually
 * consistent on a first attempt (the write is conditional on the version, so a stale read costs a
 * conflict and a strongly consistent re-read, never a lost or doubled event).
 */
export interface KnownShipment {
  readonly shipment: Shipment;
  readonly consistentRead: boolean;
}

/**
 * Port: a shipment and its tracking by shipment id (strongly consistent); undefined for no such
 * shipment. With `known`, the shipment is not read again (see KnownShipment).
 */
export type GetShipmentTracking = (shipmentId: string, known?: KnownShipment) => Promise<StoredTracking | undefined>;

/** Another carrier's number for the same parcel (the line-haul's), to be found by later updates. */
export interface TrackingAlias {
  readonly carrier: string;
  readonly trackingNumber: string;
}

/** How an update found its shipment: by its own number, or through the last-mile number it names. */
export interface ShipmentMatch {
  readonly shipment: Shipment;
  /** Set when the update's own number is not registered yet: register it for next time. */
  readonly newAlias?: TrackingAlias;
}

/** Port: every shipment booked or tracked under a number, with any of `carriers` (all carriers when absent). */
export type FindShipmentsByTrackingNumber = (trackingNumber: string, carriers?: readonly string[]) => Promise<Shipment[]>;

/** Port: the shipment a carrier update belongs to, if any. */
export type FindShipmentForUpdate = (
  update: Pick<TrackingUpdate, 'carrier' | 'trackingNumber' | 'lastMileTrackingNumber'>,
) => Promise<ShipmentMatch | undefined>;

/** Port: keeps updates no shipment claims (for inspection; they expire). */
export type KeepUnmatched = (carrier: string, trackingNumber: string, updates: readonly TrackingUpdate[], receivedAt: string) => Promise<void>;

/** What the stalled sweep reads of a shipment from its index. */
export interface StallCandidate {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly sellerId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly lane: string;
  readonly current: CurrentStatus | null;
  readonly lastCarrierUpdateAt: string;
  readonly lastEventAt: string | null;
}

/** Port: shipments whose stall check is due before `dueBefore` (an index query, never a scan). */
export type FindStallCandidates = (dueBefore: string) => Promise<StallCandidate[]>;

/** A parcel the poller asks a carrier about. */
export interface PolledParcel {
  readonly trackingNumber: string;
  readonly bookedAt: string;
  /** `CN-BR-SP`: the sandbox names its scripted scans after it. */
  readonly lane: string;
}

/** One question to a carrier's tracking API: up to its `numbersPerRequest` parcels. */
export interface PollRequest {
  readonly carrier: CarrierSlug;
  readonly parcels: readonly PolledParcel[];
  /** The poll's "now" (the schedule's time): the sandbox answers as of it; a real API answers as of its own clock. */
  readonly asOf: string;
}

/**
 * Port: asks a carrier's tracking API about parcels and returns its answer's bytes as sent, in the
 * carrier's feed format (domain/tracking/carriers), to be queued for tracking-ingestion like a
 * webhook. Throws when the carrier did not answer (the parcels are asked again on the next run).
 */
export type PollCarrier = (request: PollRequest) => Promise<Uint8Array>;

/** A number to follow, for a source that follows numbers one by one. */
export interface TrackingSubscription {
  readonly source: TrackingSource;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly shipmentId: string;
}

/**
 * Port: asks a source to follow a number: 17TRACK `register` (one quota a number), AfterShip
 * `POST /trackings`, UPS Track Alert `subscription/…/package`. Throws when the source refused or did
 * not answer (the registration is retried).
 */
export type SubscribeTracking = (subscription: TrackingSubscription) => Promise<void>;
