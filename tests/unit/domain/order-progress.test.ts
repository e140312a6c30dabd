import { ORDER_STATUSES } from '../../../domain/order/order';
import { orderStatusWithTracking } from '../../../domain/tracking/order-progress';
import { TRACKING_STATUSES } from '../../../domain/tracking/statuses';

describe("an order's status once its parcel is with the carriers", () => {
  it.each([
    ['picked-up', 'in-transit'],
    ['in-transit-international', 'in-transit'],
    ['import-customs', 'in-transit'],
    ['available-for-pickup', 'in-transit'],
    ['delivered', 'delivered'],
    ['duties-due', 'exception'],
    ['customs-held', 'exception'],
    ['delivery-attempt-failed', 'exception'],
    ['returning-to-sender', 'exception'],
    ['returned', 'exception'],
    ['lost', 'exception'],
  ] as const)('a documents-ready order whose parcel is %s is %s', (tracking, expected) => {
    expect(orderStatusWithTracking('documents-ready', tracking)).toBe(expected);
    expect(orderStatusWithTracking('routed', tracking)).toBe(expected);
  });

  it('keeps the stored status while there is only a label, or no tracking yet', () => {
    expect(orderStatusWithTracking('documents-ready', 'label-created')).toBe('documents-ready');
    expect(orderStatusWithTracking('documents-ready', null)).toBe('documents-ready');
  });

  it("keeps a documents hold whatever the parcel does: it is the seller's to fix", () => {
    for (const tracking of TRACKING_STATUSES) expect(orderStatusWithTracking('customs-held', tracking)).toBe('customs-held');
  });

  it('never changes a status from before routing', () => {
    for (const stored of ORDER_STATUSES.filter((status) => !['routed', 'documents-ready'].includes(status))) {
      for (const tracking of TRACKING_STATUSES) expect(orderStatusWithTracking(stored, tracking)).toBe(stored);
    }
  });
});
