/**
 * A seller's correction of the fields customs needs (`PATCH /v1/orders/{id}`), as a JSON merge
 * patch: fields left out stay as they are, `null` removes an optional field. Items are matched by
 * sku (the order's items are not replaced, only the named ones changed); `certificates` replaces
 * the list on file. Nothing else of the order (address, quantities, parcels) can change here: the
 * shipment was priced and booked on them.
 */
import * as z from 'zod';
import { canonicalJson } from '../shared/canonical-json';
import { GOODS_CATEGORIES } from '../shared/goods';
import { fromMajor, InvalidMoneyError, type Money } from '../shared/money';
import { BATTERY_TYPES } from '../shared/shipping-terms';
import { intakeWarnings } from './intake-warnings';
import { declaredValueProblem } from './limits';
import type { Order, OrderItem, OrderStatus, OrderWarning } from './order';
import { certificatesSchema, itemSchema, taxIdSchema } from './order-input';
import { decimalAmount, hsCode } from './fields';

/** Statuses in which a correction still takes effect: before the parcel has left. */
export const CORRECTABLE_STATUSES: readonly OrderStatus[] = ['received', 'rated', 'routed', 'customs-held', 'documents-ready'];

const MAX_ITEMS = 100;

const itemCorrectionSchema = z.strictObject({
  sku: itemSchema.shape.sku,
  description: itemSchema.shape.description.optional(),
  hsCode: hsCode.optional(),
  category: z.enum(GOODS_CATEGORIES).nullable().optional(),
  unitDeclaredValue: decimalAmount.optional(),
  batteryType: z.enum(BATTERY_TYPES).optional(),
});

export const orderCorrectionSchema = z
  .strictObject({
    shipTo: z.strictObject({ taxId: taxIdSchema.nullable().optional() }).optional(),
    items: z.array(itemCorrectionSchema).min(1, 'list at least one item to correct, or leave items out').max(MAX_ITEMS).optional(),
    certificates: certificatesSchema.nullable().optional(),
  })
  .superRefine((correction, context) => {
    if (correction.shipTo?.taxId === undefined && correction.items === undefined && correction.certificates === undefined) {
      context.addIssue({ code: 'custom', path: [], message: 'nothing to correct: send shipTo.taxId, items (by sku) or certificates' });
    }
    const seen = new Set<string>();
    correction.items?.forEach((item, index) => {
      if (seen.has(item.sku)) {
        context.addIssue({ code: 'custom', path: ['items', index, 'sku'], message: `sku "${item.sku}" appears twice; correct each item once` });
      }
      seen.add(item.sku);
    });
  });

export type OrderCorrection = z.output<typeof orderCorrectionSchema>;

export interface CorrectionProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

export type CorrectionResult =
  { readonly ok: true; readonly changed: boolean; readonly order: Order } | { readonly ok: false; readonly problems: readonly CorrectionProblem[] };

function money(decimal: string, currency: Money['currency']): Money | undefined {
  try {
    return fromMajor(decimal, currency);
  } catch (error) {
    if (error instanceof InvalidMoneyError) return undefined;
    throw error;
  }
}

/** The tax-id warnings intake gives, recomputed for the corrected recipient; other warnings are kept. */
function warningsFor(order: Order, shipTo: Order['shipTo']): OrderWarning[] {
  const others = order.warnings.filter((warning) => !warning.path.startsWith('shipTo.taxId'));
  return [...others, ...intakeWarnings({ shipTo, shipFrom: order.shipFrom })];
}

/**
 * Applies a validated correction to an order. Problems only the order can reveal (a sku it does not
 * hold, an amount with more decimals than its currency allows) are all reported together. When the
 * correction changes nothing, the order is returned as it was (`changed: false`), so a retried PATCH
 * does not make a new version; otherwise the version goes up by one, made at `at`.
 */
export function applyCorrection(order: Order, correction: OrderCorrection, context: { readonly at: string }): CorrectionResult {
  const problems: CorrectionProblem[] = [];
  const bySku = new Map(order.items.map((item) => [item.sku, item]));
  const changes = new Map<string, NonNullable<OrderCorrection['items']>[number]>();
  correction.items?.forEach((change, index) => {
    if (!bySku.has(change.sku)) {
      problems.push({ path: ['items', index, 'sku'], message: `the order has no item with sku "${change.sku}"` });
    }
    if (change.unitDeclaredValue !== undefined && money(change.unitDeclaredValue, order.currency) === undefined) {
      problems.push({ path: ['items', index, 'unitDeclaredValue'], message: `"${change.unitDeclaredValue}" has more decimals than ${order.currency} allows` });
    }
    changes.set(change.sku, change);
  });
  correction.certificates?.forEach((certificate, certificateIndex) => {
    certificate.skus?.forEach((sku, skuIndex) => {
      if (!bySku.has(sku)) {
        problems.push({ path: ['certificates', certificateIndex, 'skus', skuIndex], message: `sku "${sku}" is not among the order's items` });
      }
    });
  });
  if (problems.length > 0) {
    return { ok: false, problems };
  }

  const items = order.items.map((item): OrderItem => {
    const change = changes.get(item.sku);
    if (change === undefined) return item;
    const { category: _category, ...rest } = item;
    const category = change.category === undefined ? item.category : (change.category ?? undefined);
    return {
      ...rest,
      ...(change.description === undefined ? {} : { description: change.description }),
      ...(change.hsCode === undefined ? {} : { hsCode: change.hsCode }),
      ...(change.unitDeclaredValue === undefined ? {} : { unitDeclaredValue: money(change.unitDeclaredValue, order.currency)! }),
      ...(change.batteryType === undefined ? {} : { batteryType: change.batteryType }),
      ...(category === undefined ? {} : { category }),
    };
  });
  const tooValuable = declaredValueProblem(
    items.map((item) => ({ quantity: item.quantity, amount: item.unitDeclaredValue.amount })),
    order.currency,
  );
  if (tooValuable !== undefined) {
    return { ok: false, problems: [{ path: ['items'], message: tooValuable }] };
  }
  const taxIdChange = correction.shipTo?.taxId;
  const { taxId: _taxId, ...shipToWithoutTaxId } = order.shipTo;
  const taxId = taxIdChange === undefined ? order.shipTo.taxId : (taxIdChange ?? undefined);
  const shipTo = taxId === undefined ? shipToWithoutTaxId : { ...shipToWithoutTaxId, taxId };
  const certificates = correction.certificates === undefined ? order.certificates : (correction.certificates ?? undefined);

  const { certificates: _certificates, shipTo: _shipTo, items: _items, ...unchanged } = order;
  const corrected: Order = {
    ...unchanged,
    shipTo,
    items,
    declaredValue: { amount: items.reduce((sum, item) => sum + item.unitDeclaredValue.amount * item.quantity, 0), currency: order.currency },
    warnings: warningsFor(order, shipTo),
    ...(certificates === undefined || certificates.length === 0 ? {} : { certificates }),
  };
  const relevant = (candidate: Order) => canonicalJson({ shipTo: candidate.shipTo, items: candidate.items, certificates: candidate.certificates ?? [] });
  if (relevant(corrected) === relevant(order)) {
    return { ok: true, changed: false, order };
  }
  return { ok: true, changed: true, order: { ...corrected, version: order.version + 1, revisedAt: context.at, updatedAt: context.at } };
}
