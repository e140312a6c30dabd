import { planBackorderFills, type QueuedBackorder } from '../../../../domain/fulfilment';

const order = (orderId: string, ...lines: [string, number][]): QueuedBackorder => ({ orderId, lines: lines.map(([sku, quantity]) => ({ sku, quantity })) });

describe('planBackorderFills', () => {
  it('fills oldest first while the stock lasts, whole orders only', () => {
    const plan = planBackorderFills([order('a', ['MUG', 3]), order('b', ['MUG', 3]), order('c', ['MUG', 3])], new Map([['MUG', 7]]));
    expect(plan.fill).toEqual(['a', 'b']);
    expect(plan.waiting).toEqual([{ orderId: 'c', short: ['MUG'] }]);
  });

  it('keeps a later small order behind an earlier big one for the same SKU', () => {
    const plan = planBackorderFills([order('big', ['MUG', 10]), order('small', ['MUG', 1])], new Map([['MUG', 5]]));
    expect(plan.fill).toEqual([]);
    expect(plan.waiting).toEqual([
      { orderId: 'big', short: ['MUG'] },
      { orderId: 'small', short: [] },
    ]);
  });

  it('an order waiting keeps its claim on every SKU it needs, even those in stock', () => {
    const plan = planBackorderFills([order('a', ['MUG', 5], ['LID', 1]), order('b', ['LID', 1])], new Map([['LID', 1]]));
    expect(plan.fill).toEqual([]);
    expect(plan.waiting.map((waiting) => waiting.orderId)).toEqual(['a', 'b']);
    expect(plan.waiting[0]!.short).toEqual(['MUG']);
  });

  it('fills orders for other SKUs past one that waits', () => {
    const plan = planBackorderFills([order('a', ['MUG', 5]), order('b', ['CAP', 2]), order('c', ['MUG', 1])], new Map([['CAP', 2]]));
    expect(plan.fill).toEqual(['b']);
    expect(plan.waiting.map((waiting) => waiting.orderId)).toEqual(['a', 'c']);
  });

  it('needs every line covered, and takes nothing for an order it cannot fill', () => {
    const plan = planBackorderFills(
      [order('a', ['MUG', 2], ['LID', 2]), order('b', ['MUG', 2])],
      new Map([
        ['MUG', 4],
        ['LID', 1],
      ]),
    );
    expect(plan.fill).toEqual([]);
    expect(plan.waiting[0]).toEqual({ orderId: 'a', short: ['LID'] });
  });

  it('an empty queue or no stock fills nothing', () => {
    expect(planBackorderFills([], new Map([['MUG', 5]]))).toEqual({ fill: [], waiting: [] });
    expect(planBackorderFills([order('a', ['MUG', 1])], new Map()).fill).toEqual([]);
  });
});
