/**
 * The customs step as one decision: check the order against the booked shipment and, when nothing
 * blocks it, produce its three documents as canonical JSON and as PDFs. Shared by the
 * `shipment.routed` consumer and by a seller's correction (PATCH), so both decide alike.
 *
 * Deterministic for one order version and shipment: the documents are dated by the version's time
 * and converted at that day's FX table, never at "now", so a retry regenerates the same bytes.
 */
import type { Order } from '../order';
import { convert, fxTableOn, utcDay, type FxTable } from '../shared/fx';
import { FX_TABLES } from '../shared/fx-rates';
import type { Money } from '../shared/money';
import { checkCustoms, type CustomsProblem, type CustomsShipment } from './check-order';
import { buildCustomsDocuments, serializeCustomsDocument, type CustomsDocument, type Shipper } from './documents';
import { renderCustomsPdf, type RenderedPdf } from './pdf';
import { ENLACE_SHENZHEN_WAREHOUSE } from './shipper';

/** The documents of an order as the API names them; the postal declaration is a CN 22 or a CN 23 by value. */
export const DOCUMENT_TYPES = ['commercial-invoice', 'packing-list', 'customs-declaration'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface PreparedDocument {
  readonly type: DocumentType;
  /** What the document is: the invoice, the packing list, or which postal form (CN22 | CN23). */
  readonly documentType: CustomsDocument['documentType'];
  readonly documentNumber: string;
  /** "sha256:<hex>" of the document's canonical JSON without the hash itself (see documents.ts). */
  readonly contentHash: string;
  /** The canonical JSON, UTF-8: byte-identical for the same order version and shipment. */
  readonly json: Uint8Array;
  readonly pdf: RenderedPdf;
}

export type CustomsDecision =
  | {
      readonly outcome: 'held';
      readonly orderVersion: number;
      /** Every problem found, errors and warnings, so the seller can fix the order in one go. */
      readonly problems: readonly CustomsProblem[];
    }
  | {
      readonly outcome: 'ready';
      readonly orderVersion: number;
      /** Warnings only: worth a look, not blocking. */
      readonly problems: readonly CustomsProblem[];
      readonly documents: readonly PreparedDocument[];
    };

export interface ClearanceContext {
  /** When the check runs (rules not yet in effect are not applied); it does not change the documents. */
  readonly at: Date;
  readonly shipper?: Shipper;
  readonly fxTables?: readonly FxTable[];
}

/** The instant an order version was made: what its documents are dated by. */
export function versionTime(order: Pick<Order, 'receivedAt' | 'revisedAt'>): string {
  return order.revisedAt ?? order.receivedAt;
}

/** US cents at the FX table in effect on the order version's day. */
export function toUsdOnVersionDay(order: Pick<Order, 'receivedAt' | 'revisedAt'>, fxTables: readonly FxTable[] = FX_TABLES): (value: Money) => number {
  const table = fxTableOn(fxTables, utcDay(new Date(versionTime(order))));
  return (value) => convert(value, 'USD', table).amount;
}

/** Checks the order for the booked shipment; when no problem is an error, builds and renders its documents. */
export async function clearCustoms(order: Order, shipment: CustomsShipment, context: ClearanceContext): Promise<CustomsDecision> {
  const toUsd = toUsdOnVersionDay(order, context.fxTables);
  const certificates = order.certificates ?? [];
  const check = checkCustoms(order, shipment, { at: context.at, toUsd, certificates });
  if (!check.passed) {
    return { outcome: 'held', orderVersion: order.version, problems: check.problems };
  }
  const built = buildCustomsDocuments(order, shipment, {
    issuedAt: versionTime(order),
    shipper: context.shipper ?? ENLACE_SHENZHEN_WAREHOUSE,
    toUsd,
    ...(certificates.length === 0 ? {} : { certificates }),
  });
  const byType: readonly [DocumentType, CustomsDocument][] = [
    ['commercial-invoice', built.commercialInvoice],
    ['packing-list', built.packingList],
    ['customs-declaration', built.customsDeclaration],
  ];
  const documents = await Promise.all(
    byType.map(async ([type, document]): Promise<PreparedDocument> => ({
      type,
      documentType: document.documentType,
      documentNumber: document.documentNumber,
      contentHash: document.contentHash,
      json: new TextEncoder().encode(serializeCustomsDocument(document)),
      pdf: await renderCustomsPdf(document),
    })),
  );
  return { outcome: 'ready', orderVersion: order.version, problems: check.problems, documents };
}
