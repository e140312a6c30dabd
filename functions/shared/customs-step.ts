import type { CustomsShipment } from '../../domain/customs';
import { clearCustoms, sha256, type CustomsDecision, type PreparedDocument } from '../../domain/customs';
import type { Order } from '../../domain/order';
import { customsDocumentsReadyV1, customsHeldV1 } from '../../events/customs';
import { createEvent } from '../../events/envelope';
import { toPending, type PendingEvent } from '../../events/pending';
import type { CustomsCheckRecord, CustomsContext, DocumentRecord, DocumentsRecord } from './store/customs-store';
import { documentFileKey, type PutDocumentFile } from './store/document-files';

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
 * (domain), store the files of a passing order in S3 under keys fixed by its version (a retry
 * overwrites them with the same bytes), and say what to write and publish. Writing is the caller's,
 * so each caller can make it conditional on what it read.
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

    const stored = await Promise.all(decision.documents.map((document) => storeDocument(deps.putFile, order, document)));
    const documents: DocumentsRecord = { orderId: order.orderId, orderVersion: order.version, generatedAt: checkedAt, documents: stored };
    const warnings = decision.problems;
    const event = createEvent(
      customsDocumentsReadyV1,
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

async function storeDocument(putFile: PutDocumentFile, order: Order, document: PreparedDocument): Promise<DocumentRecord> {
  const jsonKey = documentFileKey(order.orderId, order.version, document.type, 'json');
  const pdfKey = documentFileKey(order.orderId, order.version, document.type, 'pdf');
  await Promise.all([putFile(jsonKey, document.json, 'json'), putFile(pdfKey, document.pdf.bytes, 'pdf')]);
  return {
    type: document.type,
    documentType: document.documentType,
    documentNumber: document.documentNumber,
    contentHash: document.contentHash,
    json: { key: jsonKey, sizeBytes: document.json.byteLength, sha256: sha256(document.json) },
    pdf: { key: pdfKey, sizeBytes: document.pdf.bytes.byteLength, sha256: document.pdf.sha256 },
  };
}
