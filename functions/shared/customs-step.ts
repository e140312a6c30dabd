import type { CustomsShipment } from '../../domain/customs';
import { clearCustoms, sha256, type CustomsDecision, type PreparedDocument } from '../../domain/customs';
import type { Order } from '../../domain/order';
import { customsDocumentsReadyV1, customsHeldV1 } from '../../events/customs';
import { createEvent } from '../../events/envelope';
import { toPending, type PendingEvent } from '../../events/pending';
import type { CustomsCheckRecord, CustomsContext, DocumentsRecord, StoredDocumentRecord } from './store/customs-store';
import { documentFileKey, PACKED_CONTENT_TYPE, packedDocumentsKey, type PutDocumentFile } from './store/document-files';
import { packFiles } from './store/document-pack';

/** What one customs run decided and produced, for the caller to write (in one transaction). */
export interface CustomsStepResult {
  readonly toStatus: 'customs-held' | 'documents-ready';
  readonly decision: CustomsDecision;
  readonly check: CustomsCheckRecord;
  /** The stored documents, when the order passed. */
  readonly documents?: DocumentsRecord;
  readonly event: PendingEvent;
}

export interface CustomsStepDeps {
  readonly putFile: PutDocumentFile;
  readonly newEventId: () => string;
  readonly now: () => Date;
}

export function customsShipment(context: CustomsContext): CustomsShipment {
  return {
    serviceId: context.serviceId,
    carrier: context.carrier,
    trackingNumber: context.trackingNumber,
    acceptsBatteries: context.acceptsBatteries,
  };
}

/**
 * The customs step shared by the `shipment.routed` consumer and a seller's correction: decide
 * (domain), store the files of a passing order in S3 as one object whose key is fixed by its version
 * (a retry overwrites it with the same bytes; a correction writes a new one), and say what to write
 * and publish. Writing is the caller's, so each caller can make it conditional on what it read.
 */
export function buildCustomsStep(deps: CustomsStepDeps) {
  return async (order: Order, context: CustomsContext, options: { readonly causationId?: string } = {}): Promise<CustomsStepResult> => {
    const at = deps.now();
    const checkedAt = at.toISOString();
    const decision = await clearCustoms(order, customsShipment(context), { at });
    const shipment = { shipmentId: context.shipmentId, carrier: context.carrier, serviceId: context.serviceId, trackingNumber: context.trackingNumber };
    const eventContext = {
      eventId: deps.newEventId(),
      occurredAt: checkedAt,
      correlationId: order.orderId,
      sellerId: order.sellerId,
      ...(options.causationId === undefined ? {} : { causationId: options.causationId }),
    };
    const check = { orderId: order.orderId, orderVersion: order.version, checkedAt, problems: decision.problems };

    if (decision.outcome === 'held') {
      const event = createEvent(customsHeldV1, { orderId: order.orderId, orderVersion: order.version, shipment, problems: decision.problems }, eventContext);
      return { toStatus: 'customs-held', decision, check: { ...check, outcome: 'held' }, event: toPending(event) };
    }

    const stored = await storeDocuments(deps.putFile, order, decision.documents);
    const documents: DocumentsRecord = {
      orderId: order.orderId,
      orderVersion: order.version,
      generatedAt: checkedAt,
      packedKey: packedDocumentsKey(order.orderId, order.version),
      documents: stored,
    };
    const warnings = decision.problems;
    const event = createEvent(
      customsDocumentsReadyV1,
      // The contract keeps each file's key, size and hash (createEvent parses it, dropping the offsets: they are the table's).
      { orderId: order.orderId, orderVersion: order.version, shipment, documents: stored, warnings },
      eventContext,
    );
    return {
      toStatus: 'documents-ready',
      decision,
      check: { ...check, outcome: 'documents-ready' },
      documents,
      event: toPending(event),
    };
  };
}

/**
 * One PUT for the version: every document's JSON then PDF, back to back, in the order customs
 * produced them (so the same version packs the same bytes). Each file keeps its own key (where a
 * link copies it), its size and hash, and gets its offset in the packed object.
 */
async function storeDocuments(putFile: PutDocumentFile, order: Order, documents: readonly PreparedDocument[]): Promise<StoredDocumentRecord[]> {
  const packed = packFiles(documents.flatMap((document) => [document.json, document.pdf.bytes]));
  await putFile(packedDocumentsKey(order.orderId, order.version), packed.bytes, PACKED_CONTENT_TYPE);
  const offsetOf = (index: number) => packed.ranges[index]!.offset;
  return documents.map((document, index) => ({
    type: document.type,
    documentType: document.documentType,
    documentNumber: document.documentNumber,
    contentHash: document.contentHash,
    json: {
      key: documentFileKey(order.orderId, order.version, document.type, 'json'),
      sizeBytes: document.json.byteLength,
      sha256: sha256(document.json),
      offset: offsetOf(2 * index),
    },
    pdf: {
      key: documentFileKey(order.orderId, order.version, document.type, 'pdf'),
      sizeBytes: document.pdf.bytes.byteLength,
      sha256: document.pdf.sha256,
      offset: offsetOf(2 * index + 1),
    },
  }));
}
