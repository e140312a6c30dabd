import * as z from 'zod';
import { EVENT_CATALOG } from './catalog';
import { envelopeSchema } from './envelope';

/** `order.received` v1 → `order.received.v1.json`: the published JSON Schema of one event version. */
export const schemaFileName = (type: string, version: number): string => `${type}.v${version}.json`;

/** JSON Schema (draft 2020-12) of every event in the catalog, keyed by file name. */
export function exportEventSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    EVENT_CATALOG.map((contract) => [
      schemaFileName(contract.type, contract.version),
      {
        $id: `https://schemas.enlace.dev/events/${schemaFileName(contract.type, contract.version)}`,
        title: `${contract.type} v${contract.version}`,
        description: contract.description,
        'x-event-source': contract.source,
        ...z.toJSONSchema(envelopeSchema(contract), { io: 'output' }),
      },
    ]),
  );
}
