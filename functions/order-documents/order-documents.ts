import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DOCUMENT_TYPES, type DocumentType } from '../../domain/customs';
import type { GetOrder, Order, OrderStatus } from '../../domain/order';
import { fulfilmentWarehouse } from '../../domain/order';
import type { Tenant } from '../../domain/shared/tenant';
import { mayRead } from '../../domain/shared/tenant';
import { header, pathParameter, type HttpRoute } from '../shared/http/http-handler';
import { HttpError, jsonResponse, notFound } from '../shared/http/problem';
import {
  documentFileObject,
  type DocumentsRecord,
  type GetCustomsCheck,
  type GetOrderDocuments,
  type StoredDocumentRecord,
} from '../shared/store/customs-store';
import { CONTENT_TYPES, type FileFormat, type GetDocumentFile, type LinkToDocumentFile } from '../shared/store/document-bucket';

/** How long a link from `?link=true` works. */
export const LINK_TTL_SECONDS = 5 * 60;

/** Statuses in which the documents of the current version exist. */
const WITH_DOCUMENTS: readonly OrderStatus[] = ['documents-ready', 'in-transit', 'delivered', 'exception'];
/** Statuses before customs has run: the documents are on their way. */
const BEFORE_CUSTOMS: readonly OrderStatus[] = ['received', 'rated', 'routed'];

export interface OrderDocumentsDeps {
  readonly getOrder: GetOrder;
  readonly getDocuments: GetOrderDocuments;
  readonly getCustomsCheck: GetCustomsCheck;
  readonly getFile: GetDocumentFile;
  readonly linkToFile: LinkToDocumentFile;
  readonly now?: () => Date;
}

const documentsPath = (orderId: string) => `/v1/orders/${orderId}/documents`;

/**
 * Which format the Accept header prefers: the media range that matches most specifically gives each
 * format its quality; the highest quality wins, then the more specific match, then the one listed
 * first. No Accept header means JSON; a header accepting neither format means none (406).
 */
export function negotiateFormat(accept: string | undefined): FileFormat | undefined {
  if (accept === undefined || accept.trim() === '') return 'json';
  const ranges = accept.split(',').map((part, position) => {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { range, quality: Number.isFinite(quality) ? quality : 0, position };
  });
  const score = (format: FileFormat) => {
    const mediaType = CONTENT_TYPES[format];
    const matches = ranges
      .map((entry) => ({ ...entry, specificity: entry.range === mediaType ? 2 : entry.range === 'application/*' ? 1 : entry.range === '*/*' ? 0 : -1 }))
      .filter((entry) => entry.specificity >= 0)
      .sort((a, b) => b.specificity - a.specificity);
    const best = matches[0];
    return best === undefined ? undefined : { format, quality: best.quality, specificity: best.specificity, position: best.position };
  };
  const candidates = (['json', 'pdf'] as const)
    .map(score)
    .filter((candidate) => candidate !== undefined && candidate.quality > 0)
    .sort((a, b) => b!.quality - a!.quality || b!.specificity - a!.specificity || a!.position - b!.position);
  return candidates[0]?.format;
}

function documentView(orderId: string, document: StoredDocumentRecord) {
  const self = `${documentsPath(orderId)}/${document.type}`;
  return {
    type: document.type,
    documentType: document.documentType,
    documentNumber: document.documentNumber,
    contentHash: document.contentHash,
    json: { contentType: CONTENT_TYPES.json, sizeBytes: document.json.sizeBytes, sha256: document.json.sha256 },
    pdf: { contentType: CONTENT_TYPES.pdf, sizeBytes: document.pdf.sizeBytes, sha256: document.pdf.sha256 },
    links: { self, shortLived: `${self}?link=true` },
  };
}

/** The order's documents, or the 404 that says why there are none (yet). */
async function readyDocuments(deps: OrderDocumentsDeps, tenant: Tenant, orderId: string): Promise<{ order: Order; record: DocumentsRecord }> {
  const [record, order] = [await deps.getDocuments(orderId), await deps.getOrder(orderId)];
  if (order === undefined || !mayRead(tenant, order)) {
    throw notFound(`No order "${orderId}".`);
  }
  const warehouse = fulfilmentWarehouse(order);
  if (warehouse !== undefined) {
    throw notFound(
      `Order "${orderId}" ships domestically from warehouse ${warehouse.code} inside ${warehouse.country}: it crosses no border, so it has no customs documents (no invoice, packing list or CN23).`,
    );
  }
  if (record !== undefined && record.orderVersion === order.version && WITH_DOCUMENTS.includes(order.status)) {
    return { order, record };
  }
  if (BEFORE_CUSTOMS.includes(order.status) || order.status === 'documents-ready') {
    throw new HttpError(
      404,
      'Not Found',
      `Order "${orderId}" is ${order.status}: its customs documents are produced once a carrier is booked; retry shortly.`,
      [],
      {
        'retry-after': '2',
      },
    );
  }
  if (order.status === 'customs-held') {
    const check = await deps.getCustomsCheck(orderId);
    const problems = (check?.problems ?? []).filter((problem) => problem.severity === 'error');
    throw new HttpError(
      404,
      'Not Found',
      `Order "${orderId}" is held at customs, so it has no documents. Correct it with PATCH /v1/orders/${orderId} and they are produced at once.`,
      problems.map((problem) => ({ path: problem.path, code: problem.code, message: problem.message })),
    );
  }
  throw notFound(`Order "${orderId}" is ${order.status} and has no customs documents.`);
}

function resolveType(requested: string, record: DocumentsRecord): StoredDocumentRecord | undefined {
  const wanted = requested.toLowerCase();
  const declaration = record.documents.find((document) => document.type === 'customs-declaration');
  // The postal form may also be asked for by its own name (cn22 or cn23), when that is the order's form.
  if (declaration !== undefined && wanted === declaration.documentType.toLowerCase()) return declaration;
  return record.documents.find((document) => document.type === wanted);
}

function isDocumentType(value: string): value is DocumentType | 'cn22' | 'cn23' {
  return (DOCUMENT_TYPES as readonly string[]).includes(value) || value === 'cn22' || value === 'cn23';
}

/** GET /v1/orders/{id}/documents: every document of the order's current version, with its hashes, sizes and links. */
export function buildListDocumentsRoute(deps: OrderDocumentsDeps): HttpRoute {
  return async ({ event, tenant }) => {
    const orderId = pathParameter(event, 'id');
    const { order, record } = await readyDocuments(deps, tenant, orderId);
    return jsonResponse(200, {
      orderId,
      orderVersion: record.orderVersion,
      status: order.status,
      generatedAt: record.generatedAt,
      documents: record.documents.map((document) => documentView(orderId, document)),
    });
  };
}

/**
 * GET /v1/orders/{id}/documents/{type}: the PDF (`Accept: application/pdf`) or the JSON
 * (`application/json`, the default), byte for byte as stored (one GET, of the file's range of the
 * version's packed object); `?link=true` answers short-lived URLs of both files instead (each file
 * copied to its own object on its first link, since a URL can only name a whole object).
 */
export function buildGetDocumentRoute(deps: OrderDocumentsDeps): HttpRoute {
  const now = deps.now ?? (() => new Date());
  return async ({ event, tenant }): Promise<APIGatewayProxyStructuredResultV2> => {
    const orderId = pathParameter(event, 'id');
    const requested = pathParameter(event, 'type').toLowerCase();
    if (!isDocumentType(requested)) {
      throw notFound(`There is no document type "${requested}"; the types are ${DOCUMENT_TYPES.join(', ')} (or cn22 / cn23 for the postal form).`);
    }
    const { record } = await readyDocuments(deps, tenant, orderId);
    const document = resolveType(requested, record);
    if (document === undefined) {
      throw notFound(`Order "${orderId}" has no ${requested} document; its postal form is a different one (see ${documentsPath(orderId)}).`);
    }

    if (event.queryStringParameters?.link === 'true') {
      const issuedAt = now();
      const link = (format: FileFormat) =>
        deps.linkToFile(documentFileObject(record, document, format), {
          expiresInSeconds: LINK_TTL_SECONDS,
          fileName: `${document.documentNumber}.${format}`,
          now: issuedAt,
        });
      const [pdf, json] = await Promise.all([link('pdf'), link('json')]);
      return jsonResponse(200, {
        type: document.type,
        documentNumber: document.documentNumber,
        expiresAt: new Date(issuedAt.getTime() + LINK_TTL_SECONDS * 1000).toISOString(),
        pdf: { url: pdf },
        json: { url: json },
      });
    }

    const format = negotiateFormat(header(event, 'accept'));
    if (format === undefined) {
      throw new HttpError(
        406,
        'Not Acceptable',
        `Documents are served as ${CONTENT_TYPES.json} or ${CONTENT_TYPES.pdf}; ask for one of them in the Accept header.`,
      );
    }
    const file = documentFileObject(record, document, format);
    const bytes = await deps.getFile(file);
    if (bytes === undefined) {
      throw new Error(`document file ${file.key} is missing from the bucket`);
    }
    const headers = {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `inline; filename="${document.documentNumber}.${format}"`,
      etag: `"${file.sha256}"`,
      vary: 'Accept',
    };
    return format === 'pdf'
      ? { statusCode: 200, headers, body: Buffer.from(bytes).toString('base64'), isBase64Encoded: true }
      : { statusCode: 200, headers, body: Buffer.from(bytes).toString('utf8') };
  };
}

/** Both routes in one function: the route key says which. */
export function buildOrderDocumentsRoute(deps: OrderDocumentsDeps): HttpRoute {
  const list = buildListDocumentsRoute(deps);
  const one = buildGetDocumentRoute(deps);
  return (request) => (request.event.pathParameters?.type === undefined ? list(request) : one(request));
}
