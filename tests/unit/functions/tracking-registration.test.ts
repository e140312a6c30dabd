import type { Shipment } from '../../../domain/shared/shipment';
import type { TrackingUpdate } from '../../../domain/tracking';
import type { TrackingMessage } from '../../../events/tracking-message';
import type { KeptUnmatched } from '../../../functions/shared/store/unmatched-store';
import { buildTrackingRegistration, type RegistrationRecord } from '../../../functions/tracking-registration/tracking-registration';
import { InMemoryPollStore } from '../../fakes/polls';
import { saoPauloShipment } from '../../fakes/tracking';

const update = (trackingNumber: string): TrackingUpdate => ({
  carrier: 'correios',
  trackingNumber,
  carrierEventId: `e-${trackingNumber}`,
  occurredAt: '2025-11-12T10:00:00.000Z',
  status: 'in-transit-destination',
  subStatus: 'in-transit',
  recognised: true,
  carrierCode: 'RO 01',
  carrierDescription: 'Objeto em trânsito',
  source: 'webhook',
});

function setup(options: { enqueueFails?: boolean; registered?: readonly string[] } = {}) {
  const kept = new Map<string, KeptUnmatched>();
  const queued: TrackingMessage[] = [];
  const polls = new InMemoryPollStore();
  const register = buildTrackingRegistration({
    getUnmatched: async (carrier, number) => kept.get(`${carrier}#${number}`),
    forgetUnmatched: async (carrier, number, count) => kept.get(`${carrier}#${number}`)?.receivedCount === count && kept.delete(`${carrier}#${number}`),
    findShipments: async (number) => ((options.registered ?? []).includes(number) ? [saoPauloShipment({ trackingNumber: number })] : []),
    enqueue: async (message) => {
      if (options.enqueueFails === true) throw new Error('queue down');
      queued.push(message);
    },
    registerPoll: polls.registerPoll,
    subscribe: async () => undefined,
    newReceiptId: () => 'rpl_TEST',
    now: () => new Date('2025-11-12T12:00:00.000Z'),
  });
  const keep = (number: string) => kept.set(`correios#${number}`, { updates: [update(number)], receivedCount: 1 });
  return { register, kept, queued, polls, keep };
}

const booked = (shipment: Shipment, sequenceNumber = '1'): RegistrationRecord => ({ sequenceNumber, registration: { kind: 'booked', shipment } });

describe('tracking-registration', () => {
  it('replays what was kept for a booked number, with its original updates, and forgets it', async () => {
    const { register, kept, queued, keep } = setup();
    keep('NX000000001BR');

    expect(await register([booked(saoPauloShipment({ trackingNumber: 'NX000000001BR' }))])).toEqual({});

    expect(queued).toEqual([
      {
        kind: 'replay',
        receiptId: 'rpl_TEST',
        carrier: 'correios',
        trackingNumber: 'NX000000001BR',
        receivedAt: '2025-11-12T12:00:00.000Z',
        updates: [update('NX000000001BR')],
      },
    ]);
    expect(kept.size).toBe(0);
  });

  it('replays kept updates from their own record only when the number is registered', async () => {
    const { register, queued, keep } = setup({ registered: ['NX000000002BR'] });
    keep('NX000000002BR');
    keep('NX000000003BR');

    await register([
      { sequenceNumber: '1', registration: { kind: 'unmatched', carrier: 'correios', trackingNumber: 'NX000000003BR' } },
      { sequenceNumber: '2', registration: { kind: 'unmatched', carrier: 'correios', trackingNumber: 'NX000000002BR' } },
    ]);

    expect(queued.map((message) => (message.kind === 'replay' ? message.trackingNumber : ''))).toEqual(['NX000000002BR']);
  });

  it('reports the first record it could not handle, so the stream retries from there, and handles none after it', async () => {
    const { register, kept, keep, polls } = setup({ enqueueFails: true });
    keep('NX000000004BR');

    const result = await register([
      booked(saoPauloShipment({ shipmentId: 'shp_A', trackingNumber: 'NX000000005BR', carrier: 'jadlog' }), '10'),
      booked(saoPauloShipment({ shipmentId: 'shp_B', trackingNumber: 'NX000000004BR' }), '11'),
      booked(saoPauloShipment({ shipmentId: 'shp_C', trackingNumber: 'NX000000006BR', carrier: 'jadlog' }), '12'),
    ]);

    expect(result).toEqual({ failedFrom: '11' });
    expect(kept.has('correios#NX000000004BR')).toBe(true);
    expect([...polls.rows.keys()]).toEqual(['shp_A']);
  });

  it('starts polling a polled carrier’s parcel a day after booking, once however often the booking is seen', async () => {
    const { register, polls } = setup();
    const shipment = saoPauloShipment({ shipmentId: 'shp_J', carrier: 'jadlog', trackingNumber: '10087040452963', bookedAt: '2026-03-01T12:00:00.000Z' });

    await register([booked(shipment), booked(shipment, '2')]);

    expect([...polls.rows.values()]).toEqual([expect.objectContaining({ shipmentId: 'shp_J', nextPollAt: '2026-03-02T12:00:00.000Z', polls: 0 })]);
  });
});
