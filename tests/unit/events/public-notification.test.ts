import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toPublicNotification } from '../../../domain/notifications/public-notification';
import { INVENTORY_EVENT_TYPES } from '../../../domain/notifications';
import { exportPublicSchemas, publicNotificationV1, verificationRequestV1 } from '../../../events/public/notification';

const root = join(__dirname, '..', '..', '..');
const fixture = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'notifications', file), 'utf8')) as Record<string, unknown>;

describe('the public notification contract', () => {
  it('publishes the JSON Schema of every public format (regenerate with npm run events:schemas)', () => {
    const generated = exportPublicSchemas();
    expect(readdirSync(join(root, 'events', 'public', 'schemas')).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, schema] of Object.entries(generated)) {
      const committed = JSON.parse(readFileSync(join(root, 'events', 'public', 'schemas', file), 'utf8')) as unknown;
      expect({ file, schema: committed }).toEqual({ file, schema });
    }
  });

  // Payloads as sellers have received them: if a change would stop their code reading one, this fails.
  it('still reads a captured v1 notification and handshake', () => {
    expect(publicNotificationV1.parse(fixture('notification.v1.json'))).toMatchObject({ type: 'order.rated', sequence: 2 });
    expect(verificationRequestV1.parse(fixture('verification.v1.json'))).toMatchObject({ type: 'enlace.verification' });
  });

  it('lets v1 grow: a payload with a field added later still parses', () => {
    expect(publicNotificationV1.safeParse({ ...fixture('notification.v1.json'), region: 'sa-east-1' }).success).toBe(true);
  });

  it('rejects what a v1 receiver could not handle, naming the field', () => {
    const { sequence: _sequence, ...withoutSequence } = fixture('notification.v1.json');
    expect(publicNotificationV1.safeParse(withoutSequence).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['sequence']);
    expect(publicNotificationV1.safeParse({ ...fixture('notification.v1.json'), formatVersion: 2 }).success).toBe(false);
    expect(publicNotificationV1.safeParse({ ...fixture('notification.v1.json'), occurredAt: 'yesterday' }).success).toBe(false);
  });

  it('is what the fan-out produces from an internal event', () => {
    const captured = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'events', 'order.rated.v1.json'), 'utf8')) as Parameters<
      typeof toPublicNotification
    >[0];
    expect(publicNotificationV1.safeParse(toPublicNotification(captured, 1)).success).toBe(true);
  });

  it('carries inventory events: each captured inbound.* and stock.* event becomes a valid notification with its subject and no order id', () => {
    for (const type of INVENTORY_EVENT_TYPES) {
      const captured = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'events', `${type}.v1.json`), 'utf8')) as Parameters<
        typeof toPublicNotification
      >[0];
      const notification = toPublicNotification(captured, 1);
      expect({ type, problems: publicNotificationV1.safeParse(notification).error?.issues }).toEqual({ type, problems: undefined });
      expect(notification.orderId).toBeUndefined();
      expect(['inbound-shipment', 'stock']).toContain(notification.subject.kind);
    }
  });

  it('requires the subject on an inventory notification and the order id on any other', () => {
    const order = fixture('notification.v1.json');
    const { orderId: _orderId, ...withoutOrder } = order;
    expect(publicNotificationV1.safeParse(withoutOrder).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['orderId']);
    const inventory = { ...withoutOrder, type: 'stock.low' };
    expect(publicNotificationV1.safeParse(inventory).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['subject']);
    expect(publicNotificationV1.safeParse({ ...inventory, subject: { kind: 'order', id: 'ord_1' } }).success).toBe(false);
    expect(publicNotificationV1.safeParse({ ...inventory, subject: { kind: 'stock', id: 'MX-CTT-01/TEE-M' } }).success).toBe(true);
  });
});
