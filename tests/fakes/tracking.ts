import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { KpiIncrement } from '../../domain/performance/kpis';
import type { Shipment } from '../../domain/shared/shipment';
import type { KpiMark } from '../../domain/tracking/kpi-facts';
import type { FindShipmentForUpdate, FindStallCandidates, GetShipmentTracking, KeepUnmatched, StallCandidate } from '../../domain/tracking/ports';
import { emptyTrackingState, type ShipmentTrackingState } from '../../domain/tracking/timeline';
import type { TrackingUpdate } from '../../domain/tracking/update';
import { type PendingEvent } from '../../events/pending';
import { encodeTrackingMessage, type TrackingMessage, type TrackingPayloadMessage } from '../../events/tracking-message';
import { itemsWritten, type RaiseStall, type RescheduleStallCheck, type SaveTracking } from '../../functions/shared/store/tracking-writes';

interface Row {
  shipment: Shipment;
  state: ShipmentTrackingState;
  kpiMarks: readonly KpiMark[];
  version: number;
  stallDueAt: string | null;
}

/**
 * The tracking ports in memory, with the same rules as the DynamoDB adapters (version check,
 * conditional stall, index by due time), so use cases are tested without the SDK. It counts the
 * items each write would put.
 */
export class InMemoryTrackingStore {
  readonly rows = new Map<string, Row>();
  readonly aliases = new Map<string, string>();
  readonly events: PendingEvent[] = [];
  readonly kpis: KpiIncrement[] = [];
  readonly unmatched: { carrier: string; trackingNumber: string; updates: readonly TrackingUpdate[] }[] = [];
  /** Items each successful write puts, counted as the DynamoDB adapter writes them (itemsWritten). */
  readonly writes: number[] = [];
  /** Make the next N saves fail as if another writer had moved the version. */
  conflictsToInject = 0;

  addShipment(shipment: Shipment): void {
    this.rows.set(shipment.shipmentId, { shipment, state: emptyTrackingState(), kpiMarks: [], version: 0, stallDueAt: null });
    this.aliases.set(`${shipment.carrier}#${shipment.trackingNumber}`, shipment.shipmentId);
  }

  eventsOf(type: string): PendingEvent[] {
    return this.events.filter((event) => event.detailType === type);
  }

  readonly getTracking: GetShipmentTracking = async (shipmentId) => {
    const row = this.rows.get(shipmentId);
    return row === undefined
      ? undefined
      : { shipment: row.shipment, state: row.state, kpiMarks: row.kpiMarks, version: row.version, stallCheckAt: row.stallDueAt };
  };

  readonly saveTracking: SaveTracking = async (write) => {
    const row = this.rows.get(write.shipment.shipmentId);
    if (row === undefined) throw new Error('no such shipment');
    if (this.conflictsToInject > 0) {
      this.conflictsToInject -= 1;
      return { outcome: 'conflict' };
    }
    if (row.version !== write.expectedVersion) return { outcome: 'conflict' };
    Object.assign(row, { state: write.state, kpiMarks: write.kpiMarks, version: row.version + 1, stallDueAt: write.stallDueAt });
    this.events.push(...write.events);
    this.kpis.push(...write.kpiIncrements);
    for (const alias of write.aliases) this.aliases.set(`${alias.carrier}#${alias.trackingNumber}`, write.shipment.shipmentId);
    this.writes.push(itemsWritten(write));
    return { outcome: 'saved', itemsWritten: itemsWritten(write) };
  };

  readonly findShipment: FindShipmentForUpdate = async (update) => {
    const own = this.aliases.get(`${update.carrier}#${update.trackingNumber}`);
    if (own !== undefined) return { shipment: this.rows.get(own)!.shipment };
    if (update.lastMileTrackingNumber === undefined) return undefined;
    const byLastMile = [...this.rows.values()].filter((row) => row.shipment.trackingNumber === update.lastMileTrackingNumber);
    return byLastMile.length === 1
      ? { shipment: byLastMile[0]!.shipment, newAlias: { carrier: update.carrier, trackingNumber: update.trackingNumber } }
      : undefined;
  };

  readonly keepUnmatched: KeepUnmatched = async (carrier, trackingNumber, updates) => {
    this.unmatched.push({ carrier, trackingNumber, updates });
  };

  readonly findCandidates: FindStallCandidates = async (dueBefore) =>
    [...this.rows.values()]
      .filter((row) => row.stallDueAt !== null && row.stallDueAt < dueBefore)
      .map((row): StallCandidate => ({
        shipmentId: row.shipment.shipmentId,
        orderId: row.shipment.orderId,
        sellerId: row.shipment.sellerId,
        carrier: row.shipment.carrier,
        trackingNumber: row.shipment.trackingNumber,
        lane: row.shipment.lane,
        current: row.state.current,
        lastCarrierUpdateAt: row.state.lastCarrierUpdateAt!,
        lastEventAt: row.state.lastEventAt,
      }));

  /** Index entries the sweep moved (shipment id → the time it moved it to). */
  readonly rescheduled: { shipmentId: string; checkAt: string }[] = [];

  readonly rescheduleCheck: RescheduleStallCheck = async (candidate, checkAt) => {
    const row = this.rows.get(candidate.shipmentId)!;
    const sameSilence =
      row.state.lastCarrierUpdateAt === candidate.lastCarrierUpdateAt &&
      row.state.stallAlertRaised === null &&
      (row.state.current?.eventKey ?? null) === (candidate.current?.eventKey ?? null);
    if (!sameSilence) return false;
    row.stallDueAt = checkAt;
    this.rescheduled.push({ shipmentId: candidate.shipmentId, checkAt });
    return true;
  };

  readonly raiseStall: RaiseStall = async (candidate, stallKey, event) => {
    const row = this.rows.get(candidate.shipmentId)!;
    if (row.state.lastCarrierUpdateAt !== candidate.lastCarrierUpdateAt || row.state.stallAlertRaised !== null) return false;
    row.state = { ...row.state, stallAlertRaised: stallKey };
    row.stallDueAt = null;
    row.version += 1;
    this.events.push(event);
    return true;
  };
}

/** A shipment like routing books it: Correios to São Paulo, the fixture's parcel. */
export function saoPauloShipment(overrides: Partial<Shipment> = {}): Shipment {
  return {
    shipmentId: 'shp_SP0001',
    orderId: 'ord_SP0001',
    sellerId: 'seller-a',
    carrier: 'correios',
    carrierName: 'Correios',
    serviceId: 'br-correios-standard',
    serviceLevel: 'standard',
    trackingNumber: 'NX482157365BR',
    lane: 'CN-BR-SP',
    destinationCountry: 'BR',
    bookedAt: '2025-11-03T01:00:00.000Z',
    promisedBy: '2025-11-23T01:00:00.000Z',
    ...overrides,
  };
}

let sequence = 0;

/** An SQS record as the tracking queue delivers a queued webhook. */
export function trackingRecord(message: TrackingMessage | string, receiveCount = 1): SQSRecord {
  sequence += 1;
  return {
    messageId: `msg-${sequence}`,
    receiptHandle: `rh-${sequence}`,
    body: typeof message === 'string' ? message : encodeTrackingMessage(message),
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '0',
      SenderId: 'test',
      ApproximateFirstReceiveTimestamp: '0',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:tracking',
    awsRegion: 'us-east-1',
  };
}

export const sqsEvent = (records: SQSRecord[]): SQSEvent => ({ Records: records });

/** A queued webhook (version 2): the feed's body as bytes, as tracking-webhook queues it. */
export function webhookMessage(feed: string, body: unknown, receivedAt: string, source: TrackingPayloadMessage['source'] = 'webhook'): TrackingPayloadMessage {
  sequence += 1;
  return {
    kind: 'payload',
    receiptId: `whk_${sequence}`,
    source,
    feed,
    receivedAt,
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8'),
  };
}
