import { challengeAnswered, deliveryIdFor, toPublicNotification, verificationRequest } from '../../../../domain/notifications/public-notification';

describe('public notification format', () => {
  it('maps an internal event to the public payload: order id named, internal fields left out', () => {
    const event = {
      metadata: {
        eventId: 'evt_1',
        type: 'order.rated',
        version: 1,
        source: 'enlace.rating',
        occurredAt: '2026-11-22T12:00:01.000Z',
        correlationId: 'ord_1',
        causationId: 'evt_0',
        sellerId: 'seller-a',
      },
      data: { orderId: 'ord_1', quotes: [] },
    };
    expect(toPublicNotification(event, 2)).toEqual({
      formatVersion: 1,
      eventId: 'evt_1',
      type: 'order.rated',
      version: 1,
      occurredAt: '2026-11-22T12:00:01.000Z',
      orderId: 'ord_1',
      subject: { kind: 'order', id: 'ord_1' },
      sellerId: 'seller-a',
      sequence: 2,
      data: { orderId: 'ord_1', quotes: [] },
    });
  });

  it('names the subject of an inventory event instead of an order: the inbound shipment, or a SKU in a warehouse', () => {
    const metadata = { eventId: 'evt_2', version: 1, occurredAt: '2026-12-03T18:00:00.000Z', correlationId: 'inb_1', sellerId: 'seller-a' };
    const held = toPublicNotification({ metadata: { ...metadata, type: 'inbound.held' }, data: { inboundShipmentId: 'inb_1', warehouseCode: 'MX-CTT-01' } }, 1);
    expect(held).toMatchObject({ subject: { kind: 'inbound-shipment', id: 'inb_1' }, sequence: 1 });
    expect(held).not.toHaveProperty('orderId');
    const received = toPublicNotification(
      { metadata: { ...metadata, type: 'stock.received' }, data: { inboundShipmentId: 'inb_1', warehouseCode: 'MX-CTT-01', sku: 'TEE-M' } },
      3,
    );
    expect(received).toMatchObject({ subject: { kind: 'stock', id: 'MX-CTT-01/TEE-M' }, sequence: 3 });
  });

  it('gives each (event, subscription) one stable delivery id', () => {
    expect(deliveryIdFor('evt_1', 'sub_1')).toMatch(/^dlv_[0-9a-f]{32}$/);
    expect(deliveryIdFor('evt_1', 'sub_1')).toBe(deliveryIdFor('evt_1', 'sub_1'));
    expect(
      new Set([deliveryIdFor('evt_1', 'sub_1'), deliveryIdFor('evt_1', 'sub_2'), deliveryIdFor('evt_2', 'sub_1'), deliveryIdFor('evt_1s', 'ub_1')]).size,
    ).toBe(4);
  });

  it('builds the handshake and recognises an echoed challenge, raw or as JSON', () => {
    expect(verificationRequest({ subscriptionId: 'sub_1', sellerId: 'seller-a' }, 'c0ffee', new Date('2026-11-22T12:00:00.000Z'))).toEqual({
      type: 'enlace.verification',
      formatVersion: 1,
      challenge: 'c0ffee',
      subscriptionId: 'sub_1',
      sellerId: 'seller-a',
      sentAt: '2026-11-22T12:00:00.000Z',
    });
    expect(challengeAnswered('c0ffee\n', 'c0ffee')).toBe(true);
    expect(challengeAnswered('{"challenge":"c0ffee"}', 'c0ffee')).toBe(true);
    expect(challengeAnswered('ok', 'c0ffee')).toBe(false);
    expect(challengeAnswered('{"challenge":"other"}', 'c0ffee')).toBe(false);
    expect(challengeAnswered('null', 'c0ffee')).toBe(false);
  });
});
