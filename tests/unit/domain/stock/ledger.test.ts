import fc from 'fast-check';
import {
  applyMovements,
  assertValidMovement,
  crossedReorderPoint,
  drawFifo,
  EMPTY_BUCKETS,
  InvalidMovementError,
  lotAgeDays,
  MOVEMENT_KINDS,
  netDeltas,
  NotEnoughInLotsError,
  onHand,
  STOCK_BUCKETS,
  type Buckets,
  type Lot,
  type MovementKind,
  type StockBucket,
  type StockMovement,
} from '../../../../domain/stock';

const movement = (kind: MovementKind, quantity: number, from: StockBucket | null, to: StockBucket | null, reason?: string): StockMovement => ({
  movementId: `m-${kind}-${quantity}`,
  sellerId: 's',
  warehouseCode: 'MX-CTT-01',
  sku: 'SKU-1',
  kind,
  quantity,
  from,
  to,
  at: '2026-11-20T00:00:00.000Z',
  reference: { type: 'adjustment', id: 'a' },
  ...(reason === undefined ? {} : { reason }),
});

/** Every (kind, from, to) the ledger allows, as generator input. */
const ALLOWED = (Object.entries(MOVEMENT_KINDS) as [MovementKind, readonly (readonly [StockBucket | null, StockBucket | null])[]][]).flatMap(([kind, pairs]) =>
  pairs.map(([from, to]) => ({ kind, from, to })),
);
const movementArb = fc
  .record({ step: fc.constantFrom(...ALLOWED), quantity: fc.integer({ min: 1, max: 40 }) })
  .map(({ step, quantity }) => movement(step.kind, quantity, step.from, step.to, 'cycle count'));

describe('the stock ledger', () => {
  it('never lets a bucket go below zero and the balance is always the fold of the movements it accepted (property)', () => {
    fc.assert(
      fc.property(fc.array(movementArb, { maxLength: 80 }), (movements) => {
        let buckets: Buckets = EMPTY_BUCKETS;
        const accepted: StockMovement[] = [];
        for (const candidate of movements) {
          const result = applyMovements(buckets, [candidate]);
          if (result.ok) {
            buckets = result.buckets;
            accepted.push(candidate);
          } else {
            expect(candidate.from).toBe(result.bucket);
            expect(result.have).toBeLessThan(result.need);
          }
        }
        for (const bucket of STOCK_BUCKETS) expect(buckets[bucket]).toBeGreaterThanOrEqual(0);
        expect(buckets).toEqual(netDeltas(accepted));
        const inside = accepted.reduce((total, m) => total + (m.from === null ? m.quantity : 0) - (m.to === null ? m.quantity : 0), 0);
        expect(onHand(buckets)).toBe(inside);
      }),
    );
  });

  it('refuses a movement its kind does not allow, a quantity that is not a positive whole number, and an adjustment without a reason', () => {
    expect(() => assertValidMovement(movement('allocated', 1, 'receiving', 'allocated'))).toThrow(/cannot go from receiving to allocated/);
    expect(() => assertValidMovement(movement('received', 0, null, 'receiving'))).toThrow(InvalidMovementError);
    expect(() => assertValidMovement(movement('received', 1.5, null, 'receiving'))).toThrow(InvalidMovementError);
    expect(() => assertValidMovement(movement('adjusted', 2, 'available', null))).toThrow(/needs a reason/);
    expect(() => assertValidMovement(movement('adjusted', 2, 'available', null, 'cycle count: 2 missing'))).not.toThrow();
  });

  it('names the bucket that is short', () => {
    expect(applyMovements({ ...EMPTY_BUCKETS, available: 3 }, [movement('allocated', 5, 'available', 'allocated')])).toEqual({
      ok: false,
      bucket: 'available',
      have: 3,
      need: 5,
    });
  });

  it('says when available stock crosses down to the reorder point, once', () => {
    expect(crossedReorderPoint(21, 20, 20)).toBe(true);
    expect(crossedReorderPoint(25, 3, 20)).toBe(true);
    expect(crossedReorderPoint(20, 19, 20)).toBe(false);
    expect(crossedReorderPoint(30, 21, 20)).toBe(false);
  });
});

describe('lots', () => {
  const lot = (lotId: string, receivedAt: string, remaining: number, cost: number): Lot => ({
    lotId,
    sellerId: 's',
    warehouseCode: 'MX-CTT-01',
    sku: 'SKU-1',
    inboundShipmentId: `inb_${lotId}`,
    receivedAt,
    receivedQuantity: remaining,
    remaining,
    landedUnitCost: { amount: cost, currency: 'MXN' },
  });

  it('draws the oldest lot first, then the next, at each lot’s landed cost', () => {
    const lots = [
      lot('b', '2026-11-15T00:00:00.000Z', 10, 13_000),
      lot('a', '2026-10-01T00:00:00.000Z', 4, 12_500),
      lot('c', '2026-11-15T00:00:00.000Z', 5, 13_100),
    ];
    expect(drawFifo(lots, 16)).toEqual([
      { lotId: 'a', quantity: 4, landedUnitCost: { amount: 12_500, currency: 'MXN' } },
      { lotId: 'b', quantity: 10, landedUnitCost: { amount: 13_000, currency: 'MXN' } },
      { lotId: 'c', quantity: 2, landedUnitCost: { amount: 13_100, currency: 'MXN' } },
    ]);
    expect(() => drawFifo(lots, 20)).toThrow(NotEnoughInLotsError);
  });

  it('ages a lot in whole days from the day it was received', () => {
    expect(lotAgeDays({ receivedAt: '2026-06-01T22:00:00.000Z' }, '2026-06-01')).toBe(0);
    expect(lotAgeDays({ receivedAt: '2026-06-01T22:00:00.000Z' }, '2026-11-28')).toBe(180);
  });
});
