import { type CertificateAgency } from '../shared/certificates';
import type { GoodsCategory } from '../shared/goods';
import type { Currency, Money } from '../shared/money';
import { type PostalCode } from '../shared/postal-codes';
import type { BatteryType, DestinationCountry, Incoterm, Marketplace, ServiceLevel } from '../shared/shipping-terms';
import type { OrderInput } from './order-input';

/** Where an order stands in the pipeline; each handler moves it one step. */
export const ORDER_STATUSES = [
  'received',
  'rated',
  'unrateable',
  'routed',
  'unroutable',
  'documents-ready',
  'customs-held',
  'in-transit',
  'delivered',
  'exception',
  // A warehouse order waiting for stock (docs/fulfilment.md), and one cancelled before pick.
  'backordered',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Where a warehouse order stands in the warehouse (docs/fulfilment.md, "Stages"). */
export const FULFILMENT_STAGES = ['backordered', 'allocated', 'picked', 'packed', 'shipped', 'cancelled'] as const;
export type FulfilmentStage = (typeof FULFILMENT_STAGES)[number];

/** A box as packed: its weight and size, measured at the pack station. */
export interface PackedBox {
  readonly weightGrams: number;
  readonly dimensions: Dimensions;
}

/** How a warehouse order is being fulfilled: from which destination warehouse, at which stage. */
export interface OrderFulfilment {
  readonly mode: 'warehouse';
  readonly warehouseCode: string;
  readonly stage: FulfilmentStage;
  /** Days the chosen warehouse is expected to take to the buyer (sandbox zones). */
  readonly transitDays: number;
  readonly stageAt: string;
  readonly boxes?: readonly PackedBox[];
}

export interface Dimensions {
  readonly lengthMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface OrderItem {
  readonly sku: string;
  readonly description: string;
  readonly quantity: number;
  readonly unitDeclaredValue: Money;
  readonly hsCode: string;
  readonly originCountry: string;
  readonly unitWeightGrams: number;
  readonly dimensions?: Dimensions;
  readonly category?: GoodsCategory;
  readonly batteryType: BatteryType;
}

export interface Parcel {
  readonly parcelNumber: number;
  readonly reference?: string;
  readonly weightGrams: number;
  /** Absent only for a derived parcel whose items came without dimensions. */
  readonly dimensions?: Dimensions;
  readonly items: readonly { readonly sku: string; readonly quantity: number }[];
}

export interface OrderWarning {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/**
 * A certificate, registration or homologation the seller holds for some of the order's goods (e.g.
 * an ANATEL homologation). Without `skus` it covers every item it applies to. Customs checks and
 * prints it.
 */
export interface OrderCertificate {
  readonly agency: CertificateAgency;
  readonly reference: string;
  readonly skus?: readonly string[];
}

export interface Order {
  readonly orderId: string;
  readonly sellerId: string;
  readonly marketplace: Marketplace;
  readonly externalOrderId: string;
  readonly status: OrderStatus;
  readonly receivedAt: string;
  readonly updatedAt: string;
  /** Bumped by every change a seller makes (e.g. a corrected tax id), so documents can be regenerated per version. */
  readonly version: number;
  /** When the seller made this version (absent for version 1, made at `receivedAt`); customs documents are dated by it. */
  readonly revisedAt?: string;
  readonly shipFrom: OrderInput['shipFrom'];
  readonly shipTo: OrderInput['shipTo'] & { readonly country: DestinationCountry };
  /** The destination postal code, parsed once at intake: what rating, routing and customs use. */
  readonly destination: PostalCode;
  readonly serviceLevel: ServiceLevel;
  readonly incoterm: Incoterm;
  readonly currency: Currency;
  readonly insured: boolean;
  readonly items: readonly OrderItem[];
  readonly parcels: readonly Parcel[];
  /** True when the marketplace sent no parcels and Enlace derived one from the items. */
  readonly parcelsDerived: boolean;
  readonly declaredValue: Money;
  readonly warnings: readonly OrderWarning[];
  /** Certificates on file for the goods (optional: most orders need none). */
  readonly certificates?: readonly OrderCertificate[];
  /** Present on a warehouse (local) order: where its stock is allocated and how far the warehouse got. */
  readonly fulfilment?: OrderFulfilment;
  /** Domestic documents from the seller: the NF-e access key of a parcel shipped inside Brazil (44 digits, validated). */
  readonly documents?: { readonly nfeAccessKey?: string };
}

/**
 * Turns a validated order input (amounts already in minor units, the postal code parsed) into the
 * order Enlace stores, with parcels derived when the marketplace sent none.
 * Pure: the id and the time come from the caller.
 */
export function createOrder(input: OrderInput, context: { orderId: string; receivedAt: string; warnings?: readonly OrderWarning[] }): Order {
  const items: OrderItem[] = input.items.map((item) => ({
    sku: item.sku,
    description: item.description,
    quantity: item.quantity,
    unitDeclaredValue: item.unitDeclaredValue,
    hsCode: item.hsCode,
    originCountry: item.originCountry,
    unitWeightGrams: item.unitWeightGrams,
    ...(item.dimensions === undefined ? {} : { dimensions: item.dimensions }),
    ...(item.category === undefined ? {} : { category: item.category }),
    batteryType: item.batteryType,
  }));
  const parcels = input.parcels?.map((parcel, index) => ({ ...parcel, parcelNumber: index + 1 })) ?? [deriveParcel(items)];
  return {
    orderId: context.orderId,
    sellerId: input.sellerId,
    marketplace: input.marketplace,
    externalOrderId: input.externalOrderId,
    status: 'received',
    receivedAt: context.receivedAt,
    updatedAt: context.receivedAt,
    version: 1,
    shipFrom: input.shipFrom,
    shipTo: input.shipTo,
    destination: input.destination,
    serviceLevel: input.serviceLevel,
    incoterm: input.incoterm,
    currency: input.currency,
    insured: input.insured,
    items,
    parcels,
    parcelsDerived: input.parcels === undefined,
    declaredValue: {
      amount: items.reduce((sum, item) => sum + item.unitDeclaredValue.amount * item.quantity, 0),
      currency: input.currency,
    },
    warnings: context.warnings ?? [],
    ...(input.certificates === undefined ? {} : { certificates: input.certificates }),
    ...(input.documents?.nfeAccessKey === undefined ? {} : { documents: { nfeAccessKey: input.documents.nfeAccessKey } }),
  };
}

/**
 * One box holding everything: the items' weight, and when every item has dimensions, a box as long
 * and wide as the largest item with the units stacked on top of each other. Without dimensions the
 * parcel is rated on actual weight and flagged for measurement at the warehouse.
 */
export function deriveParcel(items: readonly OrderItem[]): Parcel {
  const weightGrams = items.reduce((sum, item) => sum + item.unitWeightGrams * item.quantity, 0);
  const contents = items.map((item) => ({ sku: item.sku, quantity: item.quantity }));
  const sized = items.every((item) => item.dimensions !== undefined);
  if (!sized) {
    return { parcelNumber: 1, weightGrams, items: contents };
  }
  const dimensions = items.reduce<Dimensions>(
    (box, item) => {
      const sides = [item.dimensions!.lengthMm, item.dimensions!.widthMm, item.dimensions!.heightMm].sort((a, b) => b - a);
      return {
        lengthMm: Math.max(box.lengthMm, sides[0]!),
        widthMm: Math.max(box.widthMm, sides[1]!),
        heightMm: box.heightMm + sides[2]! * item.quantity,
      };
    },
    { lengthMm: 0, widthMm: 0, heightMm: 0 },
  );
  return { parcelNumber: 1, weightGrams, dimensions, items: contents };
}
