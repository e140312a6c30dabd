import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CarrierAdapter } from '../../../../domain/tracking/carriers';
import { correios } from '../../../../domain/tracking/carriers/correios';
import { enlaceLinehaul } from '../../../../domain/tracking/carriers/enlace-linehaul';
import type { TrackingStatus } from '../../../../domain/tracking/statuses';
import type { TrackingUpdate } from '../../../../domain/tracking/update';

const FIXTURES = path.join(__dirname, '../../../fixtures/tracking');

/** A fixture file under tests/fixtures/tracking/<carrier>/. */
export function fixture(carrier: string, name: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, carrier, name), 'utf8')) as unknown;
}

/** A journey fixture: `{ description, webhooks: [...] }`, each webhook a body as the carrier posted it. */
export function webhooks(carrier: string, name: string): unknown[] {
  const file = fixture(carrier, name) as { webhooks: unknown[] };
  return file.webhooks;
}

/** A deep copy of a fixture, to break one field in a test without touching the file. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Parses and fails the test with the problems if the payload is rejected. */
export function parseOk(adapter: CarrierAdapter, payload: unknown): TrackingUpdate[] {
  const result = adapter.parse(payload);
  if (!result.ok) throw new Error(`expected ${adapter.slug} to accept the payload: ${JSON.stringify(result.problems)}`);
  return result.updates;
}

export function problemsOf(adapter: CarrierAdapter, payload: unknown): { path: string; message: string }[] {
  const result = adapter.parse(payload);
  if (result.ok) throw new Error(`expected ${adapter.slug} to reject the payload`);
  return result.problems;
}

export const byTime = (a: TrackingUpdate, b: TrackingUpdate): number => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0);

export function statusesInTimeOrder(updates: readonly TrackingUpdate[]): [string, TrackingStatus, string][] {
  return [...updates].sort(byTime).map((u) => [u.carrierCode, u.status, u.subStatus]);
}

/** Every canonical status change of the São Paulo journey, in event-time order (the expected answer, written out by hand). */
export const SAO_PAULO_STATUS_CHANGES = [
  'label-created',
  'picked-up',
  'in-transit',
  'export-customs',
  'in-transit-international',
  'arrived-destination-country',
  'import-customs',
  'duties-due',
  'import-customs',
  'in-transit-destination',
  'out-for-delivery',
  'delivery-attempt-failed',
  'out-for-delivery',
  'delivered',
] as const;

export const SAO_PAULO = { linehaulTrackingNumber: 'ENL2511030417BR', correiosTrackingNumber: 'NX482157365BR' } as const;

/**
 * The real São Paulo sequence, as the webhooks arrived: three line-haul POSTs (bag milestones
 * fan out to three parcels; only ours is kept) and three Correios polls, each repeating the
 * history so far. 22 distinct events, 34 updates with the repeats.
 */
export function saoPauloArrivals(): TrackingUpdate[][] {
  const linehaul = webhooks('enlace-linehaul', 'sao-paulo-journey.json').map((body) =>
    parseOk(enlaceLinehaul, body).filter((update) => update.trackingNumber === SAO_PAULO.linehaulTrackingNumber),
  );
  const post = webhooks('correios', 'sao-paulo-journey.json').map((body) => parseOk(correios, body));
  // Interleaved the way they reached Enlace: line-haul batches first, then Correios polls.
  return [...linehaul, ...post];
}

/**
 * The journey as one update per webhook: each Correios event and each line-haul milestone (for the
 * São Paulo parcel only) in a body of its own, in the carrier's format.
 */
export function saoPauloSingleUpdates(): { carrier: string; body: unknown }[] {
  const single: { carrier: string; body: unknown }[] = [];
  for (const body of webhooks('enlace-linehaul', 'sao-paulo-journey.json') as {
    schemaVersion: number;
    milestones: { parcels: { trackingNumber: string }[] }[];
  }[]) {
    for (const milestone of body.milestones) {
      const parcels = milestone.parcels.filter((parcel) => parcel.trackingNumber === 'ENL2511030417BR');
      if (parcels.length > 0) single.push({ carrier: 'enlace-linehaul', body: { ...body, milestones: [{ ...milestone, parcels }] } });
    }
  }
  for (const body of webhooks('correios', 'sao-paulo-journey.json') as { objetos: { eventos: unknown[] }[] }[]) {
    for (const objeto of body.objetos) {
      for (const evento of objeto.eventos) single.push({ carrier: 'correios', body: { ...body, objetos: [{ ...objeto, eventos: [evento] }] } });
    }
  }
  return single;
}
