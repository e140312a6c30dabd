import type { Product } from '../catalog';
import type { Money } from '../shared/money';
import type { DestinationCountry } from '../shared/shipping-terms';
import type { Warehouse } from '../warehouses';
import { checkCompliance, type ComplianceProblem } from './compliance';
import { expectedUnits, type CartonLine, type InboundInput } from './inbound-input';
import type { LandedCost } from './landed-cost';
import { type InboundMode, type InboundStatus } from './lifecycle';

/** One SKU of an inbound shipment: what was announced, what it is worth, and the product facts customs used (as at booking). */
export interface InboundLine {
  readonly sku: string;
  readonly expected: number;
  readonly unitValue: Money;
  readonly hsCode: string;
  readonly description: string;
  readonly unitWeightGrams: number;
  readonly unitVolumeCm3: number;
}

export interface CustomsHold {
  readonly kind: 'hold' | 'inspection';
  readonly reason: { readonly code: string; readonly description: string };
  readonly at: string;
  readonly resolvedAt?: string;
}

export interface Discrepancy {
  readonly sku: string;
  readonly kind: 'shortage' | 'overage' | 'unexpected' | 'damaged';
  readonly expected: number;
  readonly counted: number;
  /** Units short, over or damaged. */
  readonly quantity: number;
  readonly resolution?: { readonly decision: 'accepted' | 'disputed'; readonly at: string; readonly note?: string };
}

export interface HistoryEntry {
  readonly status: InboundStatus;
  readonly at: string;
  /** The milestone, receipt or request that moved it. */
  readonly by: string;
  readonly note?: string;
}

export interface InboundShipment {
  readonly inboundShipmentId: string;
  readonly sellerId: string;
  readonly reference: string;
  readonly warehouseCode: string;
  readonly country: DestinationCountry;
  readonly mode: InboundMode;
  readonly origin: InboundInput['origin'];
  readonly forwarder: string;
  readonly currency: Money['currency'];
  readonly freight: Money;
  readonly insurance?: Money;
  readonly cartons: readonly CartonLine[];
  readonly lines: readonly InboundLine[];
  readonly status: InboundStatus;
  /** When the current status began: the stall clock. */
  readonly statusSince: string;
  readonly history: readonly HistoryEntry[];
  readonly transport: {
    readonly departurePort?: string;
    readonly arrivalPort?: string;
    readonly vessel?: string;
    readonly voyage?: string;
    readonly flight?: string;
    readonly containers?: readonly string[];
    readonly billOfLading?: string;
    readonly airWaybill?: string;
  };
  readonly customs: { readonly entryNumber?: string; readonly entryDay?: string; readonly holds: readonly CustomsHold[]; readonly releasedAt?: string };
  readonly landedCost?: LandedCost;
  readonly appointment?: { readonly at: string };
  /** Units counted so far, by SKU. */
  readonly counted: Readonly<Record<string, { readonly good: number; readonly damaged: number }>>;
  readonly countedCartons: readonly string[];
  readonly receiptIds: readonly string[];
  /** Ids of the milestones applied (a redelivered one is recognised). */
  readonly milestoneIds: readonly string[];
  readonly discrepancies: readonly Discrepancy[];
  readonly warnings: readonly ComplianceProblem[];
  /** The stall raised for the current silence (status@since), so it is raised once. */
  readonly stallRaised?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export type BookingResult = { readonly ok: true; readonly shipment: InboundShipment } | { readonly ok: false; readonly problems: readonly ComplianceProblem[] };

/**
 * Books an inbound shipment once the compliance gate passes (errors refuse it, with every problem;
 * warnings stay on the shipment). Pure: the id, the time and the seller's products come in.
 */
export function bookInbound(
  input: InboundInput,
  context: { readonly id: string; readonly at: string; readonly warehouse: Warehouse; readonly products: ReadonlyMap<string, Product> },
): BookingResult {
  const problems = checkCompliance({
    cartons: input.cartons,
    mode: input.mode,
    warehouse: context.warehouse,
    products: context.products,
    day: context.at.slice(0, 10),
  });
  if (problems.some((problem) => problem.severity === 'error')) {
    return { ok: false, problems };
  }
  const expected = expectedUnits(input.cartons);
  const lines: InboundLine[] = input.values.map(({ sku, unitValue }) => {
    const product = context.products.get(sku)!;
    const { lengthMm, widthMm, heightMm } = product.unitDimensions;
    return {
      sku,
      expected: expected.get(sku) ?? 0,
      unitValue,
      hsCode: product.hsCode,
      description: product.description,
      unitWeightGrams: product.unitWeightGrams,
      unitVolumeCm3: Math.max(1, Math.round((lengthMm * widthMm * heightMm) / 1000)),
    };
  });
  return {
    ok: true,
    shipment: {
      inboundShipmentId: context.id,
      sellerId: input.sellerId,
      reference: input.reference,
      warehouseCode: context.warehouse.code,
      country: context.warehouse.country,
      mode: input.mode,
      origin: input.origin,
      forwarder: input.forwarder,
      currency: input.currency,
      freight: input.freight,
      ...(input.insurance === undefined ? {} : { insurance: input.insurance }),
      cartons: input.cartons,
      lines,
      status: 'booked',
      statusSince: context.at,
      history: [{ status: 'booked', at: context.at, by: 'seller' }],
      transport: {},
      customs: { holds: [] },
      counted: {},
      countedCartons: [],
      receiptIds: [],
      milestoneIds: [],
      discrepancies: [],
      warnings: problems,
      createdAt: context.at,
      updatedAt: context.at,
      version: 1,
    },
  };
}

export class InboundTransitionError extends Error {
  override readonly name = 'InboundTransitionError';
  constructor(
    readonly from: InboundStatus,
    readonly to: InboundStatus,
    detail: string,
  ) {
    super(detail);
  }
}

/** The shipment moved to a new status, with its history entry and the stall clock restarted. */
export function moved(shipment: InboundShipment, to: InboundStatus, at: string, by: string, note?: string): InboundShipment {
  const { stallRaised: _cleared, ...rest } = shipment;
  return {
    ...rest,
    status: to,
    statusSince: at,
    history: [...shipment.history, { status: to, at, by, ...(note === undefined ? {} : { note }) }],
    updatedAt: at,
  };
}

/** Cancels a shipment that has not left China. */
export function cancelInbound(shipment: InboundShipment, at: string, reason: string): InboundShipment {
  if (shipment.status !== 'booked' && shipment.status !== 'consolidated') {
    throw new InboundTransitionError(
      shipment.status,
      'cancelled',
      `inbound shipment ${shipment.inboundShipmentId} is ${shipment.status}: it can be cancelled only before it departs`,
    );
  }
  return { ...moved(shipment, 'cancelled', at, 'seller', reason), version: shipment.version + 1 };
}
