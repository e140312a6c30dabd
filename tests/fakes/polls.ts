import type { Shipment } from '../../domain/shared/shipment';
import type { DuePoll, FindDuePolls, PollOutcome, RecordPoll, RegisterPoll } from '../../functions/shared/store/poll-store';

interface Row extends DuePoll {
  readonly outcome?: PollOutcome;
}

/** The poll store's ports in memory, with the DynamoDB adapter's rules (idempotent registration, conditional record, due order). */
export class InMemoryPollStore {
  readonly rows = new Map<string, Row>();
  /** Every recorded poll, in order: (shipment, polled at, next or stop). */
  readonly history: { shipmentId: string; polledAt: string; next?: string; stop?: string }[] = [];

  readonly registerPoll: RegisterPoll = async (shipment: Shipment, firstPollAt: string) => {
    if (this.rows.has(shipment.shipmentId)) return;
    this.rows.set(shipment.shipmentId, {
      shipmentId: shipment.shipmentId,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      bookedAt: shipment.bookedAt,
      lane: shipment.lane,
      nextPollAt: firstPollAt,
      polls: 0,
    });
  };

  readonly findDue: FindDuePolls = async (carrier, dueBy, limit) =>
    [...this.rows.values()]
      .filter((row) => row.carrier === carrier && row.nextPollAt <= dueBy)
      .sort((a, b) => (`${a.nextPollAt}#${a.shipmentId}` < `${b.nextPollAt}#${b.shipmentId}` ? -1 : 1))
      .slice(0, limit)
      .map(({ outcome: _outcome, ...due }) => due);

  readonly recordPoll: RecordPoll = async (due, outcome, decision) => {
    const row = this.rows.get(due.shipmentId);
    if (row === undefined || row.nextPollAt !== due.nextPollAt) return false;
    if ('stop' in decision) {
      this.rows.delete(due.shipmentId);
      this.history.push({ shipmentId: due.shipmentId, polledAt: outcome.polledAt, stop: decision.stop });
    } else {
      this.rows.set(due.shipmentId, { ...row, nextPollAt: decision.next, polls: row.polls + 1, outcome });
      this.history.push({ shipmentId: due.shipmentId, polledAt: outcome.polledAt, next: decision.next });
    }
    return true;
  };
}
