import {
  applyMilestone,
  cancelInbound,
  InboundTransitionError,
  InvalidMilestoneError,
  InvalidReceiptError,
  milestoneSchema,
  receiptSchema,
  recordReceipt,
  resolveDiscrepancy,
  stallDueAt,
  type InboundShipment,
  type Milestone,
} from '../../../../domain/inbound';
import { applyMovements, EMPTY_BUCKETS } from '../../../../domain/stock';
import { FX_TABLES } from '../../../../domain/shared/fx-rates';
import { booked } from '../../../fixtures/inbound';

const context = { by: 'enlace-forwarder', fxTables: FX_TABLES };
const milestone = (body: Record<string, unknown>): Milestone => milestoneSchema.parse(body);

/** Moves a shipment through milestones, failing the test if one is refused. */
function through(shipment: InboundShipment, ...milestones: Record<string, unknown>[]): InboundShipment {
  return milestones.reduce((current, body) => {
    const outcome = applyMilestone(current, milestone(body), context);
    if (outcome.kind !== 'applied') throw new Error(`${String(body.type)} was not applied`);
    return outcome.shipment;
  }, shipment);
}

const TO_CUSTOMS = [
  { type: 'consolidated', milestoneId: 'm1', at: '2026-11-11T10:00:00Z' },
  { type: 'departed', milestoneId: 'm2', at: '2026-11-12T03:00:00Z', port: 'CNSZX', flight: 'CX096', airWaybill: '160-12345675' },
  { type: 'arrived-port', milestoneId: 'm3', at: '2026-11-13T09:00:00Z', port: 'MXMEX' },
  { type: 'customs-entry-filed', milestoneId: 'm4', at: '2026-11-13T15:00:00Z', entryNumber: '26 47 3063 6000123' },
];

describe('the inbound journey', () => {
  it('goes from booked to released through consolidation, the flight, arrival and customs, recording each document and restarting the stall clock', () => {
    const shipment = through(booked(), ...TO_CUSTOMS, { type: 'customs-released', milestoneId: 'm5', at: '2026-11-14T12:00:00Z' });

    expect(shipment.status).toBe('released');
    expect(shipment.history.map((entry) => entry.status)).toEqual(['booked', 'consolidated', 'departed', 'arrived-port', 'in-customs', 'released']);
    expect(shipment.transport).toMatchObject({ departurePort: 'CNSZX', arrivalPort: 'MXMEX', flight: 'CX096', airWaybill: '160-12345675' });
    expect(shipment.customs).toMatchObject({ entryNumber: '26  47  3063  6000123', entryDay: '2026-11-13', releasedAt: '2026-11-14T12:00:00.000Z' });
    expect(shipment.landedCost?.lines.map((line) => line.sku)).toEqual(['BT-EARBUDS-X2', 'TEE-COTTON-M']);
    expect(stallDueAt(shipment.status, shipment.mode, shipment.statusSince)).toBe('2026-11-17T12:00:00.000Z');
  });

  it('holds at customs with the reason, inspects, and releases, closing every hold', () => {
    const held = through(booked(), ...TO_CUSTOMS, {
      type: 'customs-held',
      milestoneId: 'h1',
      at: '2026-11-14T09:00:00Z',
      reason: { code: 'labelling', description: 'NOM-024 label missing on the retail box' },
    });
    const released = through(
      held,
      { type: 'customs-inspection', milestoneId: 'h2', at: '2026-11-15T09:00:00Z', reason: { code: 'random', description: 'semáforo rojo' } },
      { type: 'customs-released', milestoneId: 'h3', at: '2026-11-16T09:00:00Z' },
    );

    expect(held.status).toBe('customs-held');
    expect(held.history.at(-1)).toMatchObject({ status: 'customs-held', note: 'NOM-024 label missing on the retail box' });
    expect(released.customs.holds.map((hold) => [hold.kind, hold.reason.code, hold.resolvedAt])).toEqual([
      ['hold', 'labelling', '2026-11-16T09:00:00.000Z'],
      ['inspection', 'random', '2026-11-16T09:00:00.000Z'],
    ]);
  });

  it('refuses a milestone the journey does not allow from where it stands (409), and ignores one it already applied', () => {
    const shipment = booked();
    expect(() => applyMilestone(shipment, milestone({ type: 'arrived-port', milestoneId: 'x', at: '2026-11-13T09:00:00Z', port: 'MXMEX' }), context)).toThrow(
      InboundTransitionError,
    );
    const consolidated = through(shipment, TO_CUSTOMS[0]!);
    expect(applyMilestone(consolidated, milestone(TO_CUSTOMS[0]!), context)).toEqual({ kind: 'duplicate', shipment: consolidated });
  });

  it('checks transport and customs documents: an air departure needs a flight and a valid air waybill; a pedimento has 15 digits', () => {
    const consolidated = through(booked(), TO_CUSTOMS[0]!);
    const badDeparture = milestone({ type: 'departed', milestoneId: 'd', at: '2026-11-12T03:00:00Z', port: 'CN-SZX', airWaybill: '160-12345676' });
    expect(() => applyMilestone(consolidated, badDeparture, context)).toThrow(InvalidMilestoneError);
    try {
      applyMilestone(consolidated, badDeparture, context);
    } catch (error) {
      expect((error as InvalidMilestoneError).problems.map((problem) => problem.path)).toEqual(['port', 'flight', 'airWaybill']);
    }
    const arrived = through(consolidated, TO_CUSTOMS[1]!, TO_CUSTOMS[2]!);
    expect(() =>
      applyMilestone(arrived, milestone({ type: 'customs-entry-filed', milestoneId: 'e', at: '2026-11-13T15:00:00Z', entryNumber: '26-47-3063' }), context),
    ).toThrow(/pedimento/);
  });

  it('cancels only before departure', () => {
    expect(cancelInbound(booked(), '2026-11-10T09:00:00.000Z', 'order cancelled at the factory').status).toBe('cancelled');
    expect(() => cancelInbound(through(booked(), TO_CUSTOMS[0]!, TO_CUSTOMS[1]!), '2026-11-12T09:00:00.000Z', 'too late')).toThrow(/only before it departs/);
  });
});

describe('receiving', () => {
  const atWarehouse = () =>
    through(
      booked(),
      ...TO_CUSTOMS,
      { type: 'customs-released', milestoneId: 'm5', at: '2026-11-14T12:00:00Z' },
      { type: 'arrived-warehouse', milestoneId: 'w1', at: '2026-11-15T10:00:00Z' },
    );
  const known = new Set(['BT-EARBUDS-X2', 'TEE-COTTON-M', 'CABLE-USBC']);
  const receipt = (body: Record<string, unknown>) => receiptSchema.parse({ inboundShipmentId: 'inb_TEST1', ...body });

  it('counts carton by carton: good units received and put away, damaged ones quarantined; the complete count finds the shortage and the damage', () => {
    // Prepare
    const shipment = atWarehouse();

    // Act: two earbud cartons arrive (one damaged in part), one is missing; both T-shirt cartons arrive.
    const first = recordReceipt(
      shipment,
      receipt({
        receiptId: 'r1',
        cartons: [
          { cartonId: 'SZX-BT-1', lines: [{ sku: 'BT-EARBUDS-X2', good: 100 }] },
          { cartonId: 'SZX-BT-2', lines: [{ sku: 'BT-EARBUDS-X2', good: 88, damaged: 12 }] },
        ],
      }),
      { at: '2026-11-15T11:00:00.000Z', knownSkus: known },
    );
    if (first.kind !== 'recorded') throw new Error('expected the receipt recorded');
    const last = recordReceipt(
      first.shipment,
      receipt({
        receiptId: 'r2',
        complete: true,
        cartons: [
          { cartonId: 'SZX-TEE-1', lines: [{ sku: 'TEE-COTTON-M', good: 50 }] },
          { cartonId: 'SZX-TEE-2', lines: [{ sku: 'TEE-COTTON-M', good: 50 }] },
        ],
      }),
      { at: '2026-11-15T12:00:00.000Z', knownSkus: known },
    );
    if (last.kind !== 'recorded') throw new Error('expected the receipt recorded');

    // Assess
    expect(first.shipment.status).toBe('receiving');
    expect(first.movements.map((movement) => `${movement.kind}:${movement.quantity}:${movement.from ?? '-'}>${movement.to ?? '-'}`)).toEqual([
      'received:188:->receiving',
      'put-away:188:receiving>available',
      'damaged:12:->quarantined',
    ]);
    expect(last.shipment.status).toBe('received');
    expect(last.shipment.discrepancies).toEqual([
      { sku: 'BT-EARBUDS-X2', kind: 'shortage', expected: 300, counted: 200, quantity: 100 },
      { sku: 'BT-EARBUDS-X2', kind: 'damaged', expected: 300, counted: 200, quantity: 12 },
    ]);
    const buckets = applyMovements(
      EMPTY_BUCKETS,
      first.movements.filter((movement) => movement.sku === 'BT-EARBUDS-X2'),
    );
    expect(buckets).toEqual({ ok: true, buckets: { ...EMPTY_BUCKETS, available: 188, quarantined: 12 } });
  });

  it('closes at once when the count matches, and when the seller has resolved every discrepancy', () => {
    const shipment = atWarehouse();
    const full = recordReceipt(
      shipment,
      receipt({
        receiptId: 'all',
        complete: true,
        cartons: [
          ...['SZX-BT-1', 'SZX-BT-2', 'SZX-BT-3'].map((cartonId) => ({ cartonId, lines: [{ sku: 'BT-EARBUDS-X2', good: 100 }] })),
          ...['SZX-TEE-1', 'SZX-TEE-2'].map((cartonId) => ({ cartonId, lines: [{ sku: 'TEE-COTTON-M', good: 50 }] })),
        ],
      }),
      { at: '2026-11-15T11:00:00.000Z', knownSkus: known },
    );
    expect(full.kind === 'recorded' && full.shipment.status).toBe('closed');

    const short = recordReceipt(
      shipment,
      receipt({ receiptId: 'part', complete: true, cartons: [{ cartonId: 'SZX-BT-1', lines: [{ sku: 'BT-EARBUDS-X2', good: 100 }] }] }),
      { at: '2026-11-15T11:00:00.000Z', knownSkus: known },
    );
    if (short.kind !== 'recorded') throw new Error('expected the receipt recorded');
    const once = resolveDiscrepancy(
      short.shipment,
      { sku: 'BT-EARBUDS-X2', kind: 'shortage', decision: 'disputed', note: 'forwarder claim 88' },
      '2026-11-16T09:00:00.000Z',
    );
    const twice = resolveDiscrepancy(once, { sku: 'TEE-COTTON-M', kind: 'shortage', decision: 'accepted' }, '2026-11-16T09:05:00.000Z');
    expect(once.status).toBe('received');
    expect(twice.status).toBe('closed');
    expect(twice.discrepancies.map((discrepancy) => discrepancy.resolution?.decision)).toEqual(['disputed', 'accepted']);
  });

  it('refuses cartons not on the shipment or counted twice and SKUs outside the catalogue (400), a receipt before arrival or after the count (409), and replays a receipt id', () => {
    const shipment = atWarehouse();
    const first = recordReceipt(shipment, receipt({ receiptId: 'r1', cartons: [{ cartonId: 'SZX-BT-1', lines: [{ sku: 'BT-EARBUDS-X2', good: 100 }] }] }), {
      at: '2026-11-15T11:00:00.000Z',
      knownSkus: known,
    });
    if (first.kind !== 'recorded') throw new Error('expected the receipt recorded');

    const bad = receipt({
      receiptId: 'r2',
      cartons: [
        { cartonId: 'SZX-BT-1', lines: [{ sku: 'BT-EARBUDS-X2', good: 1 }] },
        { cartonId: 'NOT-OURS', lines: [{ sku: 'MYSTERY', good: 1 }] },
      ],
    });
    expect(() => recordReceipt(first.shipment, bad, { at: '2026-11-15T11:30:00.000Z', knownSkus: known })).toThrow(InvalidReceiptError);
    try {
      recordReceipt(first.shipment, bad, { at: '2026-11-15T11:30:00.000Z', knownSkus: known });
    } catch (error) {
      expect((error as InvalidReceiptError).problems.map((problem) => problem.path)).toEqual([
        'cartons.0.cartonId',
        'cartons.1.cartonId',
        'cartons.1.lines.0.sku',
      ]);
    }
    expect(
      recordReceipt(first.shipment, receipt({ receiptId: 'r1', cartons: [{ cartonId: 'SZX-BT-2', lines: [{ sku: 'BT-EARBUDS-X2', good: 1 }] }] }), {
        at: '2026-11-15T12:00:00.000Z',
        knownSkus: known,
      }),
    ).toEqual({ kind: 'duplicate', shipment: first.shipment });
    expect(() =>
      recordReceipt(booked(), receipt({ receiptId: 'early', cartons: [{ cartonId: 'SZX-BT-1', lines: [{ sku: 'BT-EARBUDS-X2', good: 1 }] }] }), {
        at: '2026-11-15T12:00:00.000Z',
        knownSkus: known,
      }),
    ).toThrow(InboundTransitionError);
  });

  it('validates the receipt itself: counts add up to at least one unit, SKUs per receipt are bounded', () => {
    const parsed = receiptSchema.safeParse({ inboundShipmentId: 'inb_X', receiptId: 'r', cartons: [{ cartonId: 'A', lines: [{ sku: 'S1', good: 0 }] }] });
    expect(parsed.success).toBe(false);
    const many = receiptSchema.safeParse({
      inboundShipmentId: 'inb_X',
      receiptId: 'r',
      cartons: [{ cartonId: 'A', lines: Array.from({ length: 13 }, (_, index) => ({ sku: `S${index}`, good: 1 })) }],
    });
    expect(many.error?.issues.map((issue) => issue.message)).toEqual(['13 SKUs; at most 12 per receipt (post the rest in another)']);
  });
});
