import * as z from 'zod';
import { skuSchema } from '../catalog';
import { whenValid } from '../shared/refine';
import type { StockMovement } from '../stock';
import { InboundTransitionError, moved, type Discrepancy, type InboundShipment } from './inbound';
import { cartonLabels } from './inbound-input';

/**
 * Receiving: the warehouse counts an inbound shipment carton by carton (`POST
 * /v1/warehouses/{code}/receipts`, with its operator key). Good units are received and put away
 * (available to sell); damaged ones go straight to quarantine. The receipt that says `complete`
 * compares what was counted with what was announced: shortages, overages, unexpected SKUs and damage
 * become discrepancies the seller accepts or disputes; with none the shipment closes at once.
 */
export const MAX_CARTONS_PER_RECEIPT = 100;
export const MAX_SKUS_PER_RECEIPT = 12;

export const receiptSchema = z
  .strictObject({
    inboundShipmentId: z.string().regex(/^inb_[A-Za-z0-9]{1,40}$/, 'must be an inbound shipment id such as "inb_01…"'),
    receiptId: z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'must be 1 to 80 letters, digits or _ . : - (your id: a retry with it changes nothing)'),
    countedAt: z.iso.datetime({ offset: true }).optional(),
    cartons: z
      .array(
        z.strictObject({
          cartonId: z.string().min(1).max(60),
          lines: z
            .array(
              z.strictObject({
                sku: skuSchema,
                good: z.number().int('must be whole units').min(0).max(100_000),
                damaged: z.number().int('must be whole units').min(0).max(100_000).default(0),
              }),
            )
            .min(1)
            .max(50),
        }),
      )
      .max(MAX_CARTONS_PER_RECEIPT, `at most ${MAX_CARTONS_PER_RECEIPT} cartons per receipt`)
      .default([]),
    /** This receipt ends the count: discrepancies are worked out now. */
    complete: z.boolean().default(false),
  })
  .superRefine(
    (receipt, context) => {
      const seen = new Set<string>();
      receipt.cartons.forEach((carton, index) => {
        if (seen.has(carton.cartonId))
          context.addIssue({ code: 'custom', path: ['cartons', index, 'cartonId'], message: `carton "${carton.cartonId}" appears twice` });
        seen.add(carton.cartonId);
        carton.lines.forEach((line, lineIndex) => {
          if (line.good + (line.damaged ?? 0) === 0)
            context.addIssue({ code: 'custom', path: ['cartons', index, 'lines', lineIndex], message: 'count at least one unit, good or damaged' });
        });
      });
      const skus = new Set(receipt.cartons.flatMap((carton) => carton.lines.map((line) => line.sku)));
      if (skus.size > MAX_SKUS_PER_RECEIPT)
        context.addIssue({
          code: 'custom',
          path: ['cartons'],
          message: `${skus.size} SKUs; at most ${MAX_SKUS_PER_RECEIPT} per receipt (post the rest in another)`,
        });
      if (receipt.cartons.length === 0 && !receipt.complete)
        context.addIssue({ code: 'custom', path: ['cartons'], message: 'count at least one carton, or send "complete": true' });
    },
    whenValid('cartons', 'complete'),
  );

export type Receipt = z.output<typeof receiptSchema>;

export class InvalidReceiptError extends Error {
  override readonly name = 'InvalidReceiptError';
  constructor(readonly problems: readonly { readonly path: string; readonly message: string }[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
  }
}

/** The lot a SKU's units from one inbound shipment join: one per shipment and SKU, whatever the number of receipts. */
export const lotIdFor = (inboundShipmentId: string, sku: string): string => `lot_${inboundShipmentId}_${sku}`;

/** What one SKU's units did in this receipt. */
export interface ReceivedSku {
  readonly sku: string;
  readonly good: number;
  readonly damaged: number;
}

export type ReceiptOutcome =
  | {
      readonly kind: 'recorded';
      readonly shipment: InboundShipment;
      readonly received: readonly ReceivedSku[];
      readonly movements: readonly StockMovement[];
      /** The receipt completed the count. */
      readonly completed: boolean;
    }
  | { readonly kind: 'duplicate'; readonly shipment: InboundShipment };

function totalsBySku(receipt: Receipt): ReceivedSku[] {
  const totals = new Map<string, { good: number; damaged: number }>();
  for (const carton of receipt.cartons) {
    for (const line of carton.lines) {
      const total = totals.get(line.sku) ?? { good: 0, damaged: 0 };
      totals.set(line.sku, { good: total.good + line.good, damaged: total.damaged + line.damaged });
    }
  }
  return [...totals].map(([sku, { good, damaged }]) => ({ sku, good, damaged }));
}

function checkCartons(shipment: InboundShipment, receipt: Receipt, knownSkus: ReadonlySet<string>): void {
  const labels = new Set(shipment.cartons.flatMap(cartonLabels));
  const counted = new Set(shipment.countedCartons);
  const problems: { path: string; message: string }[] = [];
  receipt.cartons.forEach((carton, index) => {
    if (!labels.has(carton.cartonId))
      problems.push({ path: `cartons.${index}.cartonId`, message: `carton "${carton.cartonId}" is not on inbound shipment ${shipment.inboundShipmentId}` });
    else if (counted.has(carton.cartonId)) problems.push({ path: `cartons.${index}.cartonId`, message: `carton "${carton.cartonId}" was already counted` });
    carton.lines.forEach((line, lineIndex) => {
      if (!knownSkus.has(line.sku))
        problems.push({ path: `cartons.${index}.lines.${lineIndex}.sku`, message: `sku "${line.sku}" is not in the seller's catalogue` });
    });
  });
  if (problems.length > 0) throw new InvalidReceiptError(problems);
}

function movementsFor(shipment: InboundShipment, receipt: Receipt, received: readonly ReceivedSku[], at: string): StockMovement[] {
  const base = {
    sellerId: shipment.sellerId,
    warehouseCode: shipment.warehouseCode,
    at,
    reference: { type: 'inbound-shipment' as const, id: shipment.inboundShipmentId },
  };
  const lotId = (sku: string) => lotIdFor(shipment.inboundShipmentId, sku);
  return received.flatMap(({ sku, good, damaged }) => {
    const id = (kind: string) => `mov_${shipment.inboundShipmentId}_${receipt.receiptId}_${sku}_${kind}`;
    return [
      ...(good > 0
        ? [
            { ...base, movementId: id('received'), sku, kind: 'received' as const, quantity: good, from: null, to: 'receiving' as const, lotId: lotId(sku) },
            {
              ...base,
              movementId: id('put-away'),
              sku,
              kind: 'put-away' as const,
              quantity: good,
              from: 'receiving' as const,
              to: 'available' as const,
              lotId: lotId(sku),
            },
          ]
        : []),
      ...(damaged > 0
        ? [
            {
              ...base,
              movementId: id('damaged'),
              sku,
              kind: 'damaged' as const,
              quantity: damaged,
              from: null,
              to: 'quarantined' as const,
              reason: 'damaged on arrival (receipt)',
              lotId: lotId(sku),
            },
          ]
        : []),
    ];
  });
}

/** Shortages, overages, unexpected SKUs and damage, per SKU, once the count is complete. */
export function discrepanciesOf(shipment: Pick<InboundShipment, 'lines' | 'counted'>): Discrepancy[] {
  const expected = new Map(shipment.lines.map((line) => [line.sku, line.expected]));
  const skus = [...new Set([...expected.keys(), ...Object.keys(shipment.counted)])].sort();
  return skus.flatMap((sku): Discrepancy[] => {
    const want = expected.get(sku) ?? 0;
    const { good = 0, damaged = 0 } = shipment.counted[sku] ?? {};
    const counted = good + damaged;
    const out: Discrepancy[] = [];
    if (want === 0) out.push({ sku, kind: 'unexpected', expected: 0, counted, quantity: counted });
    else if (counted < want) out.push({ sku, kind: 'shortage', expected: want, counted, quantity: want - counted });
    else if (counted > want) out.push({ sku, kind: 'overage', expected: want, counted, quantity: counted - want });
    if (damaged > 0) out.push({ sku, kind: 'damaged', expected: want, counted, quantity: damaged });
    return out;
  });
}

/**
 * Records a receipt: refuses one for a shipment not at the warehouse (409), cartons not on it or
 * counted before and SKUs outside the catalogue (400); a receipt id seen before changes nothing.
 */
export function recordReceipt(
  shipment: InboundShipment,
  receipt: Receipt,
  context: { readonly at: string; readonly knownSkus: ReadonlySet<string> },
): ReceiptOutcome {
  if (shipment.receiptIds.includes(receipt.receiptId)) {
    return { kind: 'duplicate', shipment };
  }
  if (shipment.status !== 'arrived-warehouse' && shipment.status !== 'receiving') {
    throw new InboundTransitionError(
      shipment.status,
      'receiving',
      `inbound shipment ${shipment.inboundShipmentId} is ${shipment.status}: receipts are taken only once it is at the warehouse and until its count is complete`,
    );
  }
  checkCartons(shipment, receipt, context.knownSkus);
  const at = receipt.countedAt === undefined ? context.at : new Date(receipt.countedAt).toISOString();
  const received = totalsBySku(receipt);
  const counted: Record<string, { good: number; damaged: number }> = { ...shipment.counted };
  for (const { sku, good, damaged } of received) {
    const before = counted[sku] ?? { good: 0, damaged: 0 };
    counted[sku] = { good: before.good + good, damaged: before.damaged + damaged };
  }
  let next: InboundShipment = {
    ...(shipment.status === 'arrived-warehouse' ? moved(shipment, 'receiving', at, 'warehouse') : shipment),
    counted,
    countedCartons: [...shipment.countedCartons, ...receipt.cartons.map((carton) => carton.cartonId)],
    receiptIds: [...shipment.receiptIds, receipt.receiptId],
    updatedAt: at,
  };
  if (receipt.complete) {
    const discrepancies = discrepanciesOf(next);
    next = { ...moved(next, 'received', at, 'warehouse', discrepancies.length === 0 ? 'complete' : `${discrepancies.length} discrepancies`), discrepancies };
    if (discrepancies.length === 0) next = moved(next, 'closed', at, 'warehouse', 'received complete, nothing to resolve');
  }
  return {
    kind: 'recorded',
    shipment: { ...next, version: shipment.version + 1 },
    received,
    movements: movementsFor(shipment, receipt, received, at),
    completed: receipt.complete,
  };
}

/** The seller accepts or disputes a discrepancy; the shipment closes when none is left open. */
export function resolveDiscrepancy(
  shipment: InboundShipment,
  resolution: { readonly sku: string; readonly kind: Discrepancy['kind']; readonly decision: 'accepted' | 'disputed'; readonly note?: string },
  at: string,
): InboundShipment {
  const existing = shipment.discrepancies.find((discrepancy) => discrepancy.sku === resolution.sku && discrepancy.kind === resolution.kind);
  if (existing?.resolution?.decision === resolution.decision) {
    // The same decision again (a retried request): nothing changes.
    return shipment;
  }
  if (shipment.status !== 'received') {
    throw new InboundTransitionError(
      shipment.status,
      'closed',
      `inbound shipment ${shipment.inboundShipmentId} is ${shipment.status}: discrepancies are resolved once it is received and before it closes`,
    );
  }
  const index = shipment.discrepancies.findIndex((discrepancy) => discrepancy.sku === resolution.sku && discrepancy.kind === resolution.kind);
  if (index === -1) {
    throw new InvalidReceiptError([{ path: 'sku', message: `no ${resolution.kind} discrepancy for sku "${resolution.sku}" on ${shipment.inboundShipmentId}` }]);
  }
  const discrepancies = shipment.discrepancies.map((discrepancy, position) =>
    position === index
      ? { ...discrepancy, resolution: { decision: resolution.decision, at, ...(resolution.note === undefined ? {} : { note: resolution.note }) } }
      : discrepancy,
  );
  const resolved = { ...shipment, discrepancies, updatedAt: at };
  const open = discrepancies.some((discrepancy) => discrepancy.resolution === undefined);
  return { ...(open ? resolved : moved(resolved, 'closed', at, 'seller', 'every discrepancy resolved')), version: shipment.version + 1 };
}
