import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG } from '../../../events/catalog';
import { InvalidEventError, parseEvent } from '../../../events/envelope';
import { exportEventSchemas, schemaFileName } from '../../../events/json-schema';
import { orderReceivedV1 } from '../../../events/order-received';

const root = join(__dirname, '..', '..', '..');
const fixture = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'events', file), 'utf8')) as Record<string, unknown>;

describe('event contracts', () => {
  it('publishes the JSON Schema of every event version (regenerate with npm run events:schemas)', () => {
    const generated = exportEventSchemas();
    const published = readdirSync(join(root, 'events', 'schemas')).sort();
    expect(published).toEqual(Object.keys(generated).sort());
    for (const [file, schema] of Object.entries(generated)) {
      const committed = JSON.parse(readFileSync(join(root, 'events', 'schemas', file), 'utf8')) as unknown;
      expect({ file, schema: committed }).toEqual({ file, schema });
    }
  });

  // A captured event per version: if a producer change stops consumers from reading it, this fails.
  it.each(EVENT_CATALOG.map((contract) => [contract.type, contract.version, contract] as const))(
    '%s v%s: the versioned fixture still satisfies the consumer schema',
    (type, version, contract) => {
      const event = parseEvent(contract, fixture(schemaFileName(type, version)));
      expect(event.metadata.type).toBe(type);
    },
  );

  it('rejects an event whose data breaks the contract, naming the field', () => {
    const broken = fixture('order.received.v1.json');
    const data = broken.data as { order: Record<string, unknown> };
    delete data.order.items;
    expect(() => parseEvent(orderReceivedV1, broken)).toThrow(InvalidEventError);
    expect(() => parseEvent(orderReceivedV1, broken)).toThrow(/data\.order\.items/);
  });

  it('rejects an event of another version', () => {
    const other = fixture('order.received.v1.json');
    (other.metadata as Record<string, unknown>).version = 2;
    expect(() => parseEvent(orderReceivedV1, other)).toThrow(/metadata\.version/);
  });
});
