import * as z from 'zod';
import { defineEvent } from './envelope';

/** One customs problem: a machine-readable code, the field to change and what to change. */
export const customsProblemSchema = z.object({
  code: z.string(),
  /** The order field to change, e.g. "shipTo.taxId" or "items[0].hsCode". */
  path: z.string(),
  message: z.string(),
  /** error: the parcel would be held; warning: worth a look, does not block. */
  severity: z.enum(['error', 'warning']),
  /** The data rule behind the problem, when there is one. */
  ruleId: z.string().optional(),
});

const storedFile = z.object({
  /**
   * The file's own name in the documents bucket: orders/<orderId>/v<version>/<type>.<json|pdf>. The
   * bytes are stored packed with the version's other files (orders/<orderId>/v<version>/documents.bin);
   * an object exists at this key once a link to the file has been asked for.
   */
  key: z.string(),
  sizeBytes: z.number().int().positive(),
  /** "sha256:<hex>" of the stored bytes. */
  sha256: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});

export const customsDocumentSchema = z.object({
  type: z.enum(['commercial-invoice', 'packing-list', 'customs-declaration']),
  /** The document itself: commercial-invoice, packing-list, or the postal form (CN22 up to 300 SDR, CN23 above). */
  documentType: z.enum(['commercial-invoice', 'packing-list', 'CN22', 'CN23']),
  documentNumber: z.string(),
  /** "sha256:<hex>" of the document's canonical JSON without this field: the same for the same order version. */
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  json: storedFile,
  pdf: storedFile,
});

const shipmentReference = z.object({
  shipmentId: z.string(),
  carrier: z.string(),
  serviceId: z.string(),
  trackingNumber: z.string(),
});

export const customsDocumentsReadyV1 = defineEvent({
  type: 'customs.documents-ready',
  version: 1,
  source: 'enlace.customs',
  description:
    'The order passed the customs checks for its booked shipment: commercial invoice, packing list and CN22/CN23 are stored as JSON and PDF (GET /v1/orders/{id}/documents).',
  data: z.object({
    orderId: z.string(),
    /** Documents are produced per order version; a seller's correction makes a new version and new documents. */
    orderVersion: z.number().int().positive(),
    shipment: shipmentReference,
    documents: z.array(customsDocumentSchema).length(3).readonly(),
    /** Warnings only (nothing blocking), so the seller can still tidy the order. */
    warnings: z.array(customsProblemSchema).readonly(),
  }),
});

export const customsHeldV1 = defineEvent({
  type: 'customs.held',
  version: 1,
  source: 'enlace.customs',
  description:
    'The order cannot clear customs as it stands: every problem is listed at once (errors block, warnings do not); correct it with PATCH /v1/orders/{id}.',
  data: z.object({
    orderId: z.string(),
    orderVersion: z.number().int().positive(),
    shipment: shipmentReference,
    problems: z.array(customsProblemSchema).min(1).readonly(),
  }),
});
