import type { Order } from '../../domain/order';
import type { CustomsCheckRecord, CustomsContext, CustomsWrite, DocumentsRecord, StoredDocumentRecord } from '../../functions/shared/store/customs-store';
import { documentFileObject } from '../../functions/shared/store/customs-store';
import { CONTENT_TYPES, type DocumentFileObject, type FileFormat } from '../../functions/shared/store/document-files';

/** In-memory stand-ins for the customs adapters, with their contracts. */
/**
 * An in-memory bucket with the adapters' contract: a packed file is read as its range of the packed
 * object, and a link copies it to its own key first (once).
 */
export function fakeBucket() {
  const objects = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const links: { key: string; expiresInSeconds: number; fileName: string }[] = [];
  const read = (file: DocumentFileObject): Uint8Array | undefined => {
    if (file.packed === undefined) return objects.get(file.key)?.bytes;
    const { offset, length } = file.packed.range;
    const packed = objects.get(file.packed.key)?.bytes;
    return packed === undefined || offset + length > packed.byteLength ? undefined : packed.slice(offset, offset + length);
  };
  return {
    objects,
    links,
    putFile: async (key: string, bytes: Uint8Array, contentType: string) => {
      objects.set(key, { bytes: new Uint8Array(bytes), contentType });
    },
    getFile: async (file: DocumentFileObject) => read(file),
    linkToFile: async (file: DocumentFileObject, options: { expiresInSeconds: number; fileName: string }) => {
      if (file.packed !== undefined && !objects.has(file.key)) {
        objects.set(file.key, { bytes: read(file)!, contentType: CONTENT_TYPES[file.format] });
      }
      links.push({ key: file.key, expiresInSeconds: options.expiresInSeconds, fileName: options.fileName });
      return `https://bucket.example/${file.key}?signed`;
    },
    /** The bytes of one file of a stored document, wherever its record says they are. */
    fileBytes: (record: DocumentsRecord, document: StoredDocumentRecord, format: FileFormat) => read(documentFileObject(record, document, format)),
  };
}

/**
 * An in-memory table holding one order, with the customs write's contract: the write happens only
 * when the order's version and status are as expected.
 */
export function fakeCustomsTable(initial: Order) {
  let order = initial;
  /** What the store keeps beside the order, as the customs store's read ports return it. */
  const stored: { context?: CustomsContext; check?: CustomsCheckRecord; documents?: DocumentsRecord } = {};
  const writes: CustomsWrite[] = [];
  const outbox: unknown[] = [];
  return {
    writes,
    outbox,
    stored,
    get order() {
      return order;
    },
    set order(next: Order) {
      order = next;
    },
    getOrder: async (orderId: string) => (orderId === order.orderId ? order : undefined),
    getCustomsContext: async () => stored.context,
    getCustomsCheck: async () => stored.check,
    getDocuments: async () => stored.documents,
    save: async (write: CustomsWrite) => {
      writes.push(write);
      if (write.orderId !== order.orderId || order.version !== write.expectedVersion || !write.fromStatuses.includes(order.status)) {
        return false;
      }
      order =
        write.change.kind === 'status' ? { ...order, status: write.change.toStatus, updatedAt: write.at } : { ...write.change.order, updatedAt: write.at };
      if (write.context !== undefined) stored.context = write.context;
      if (write.check !== undefined) stored.check = write.check;
      if (write.check?.outcome === 'held') delete stored.documents;
      if (write.documents !== undefined) stored.documents = write.documents;
      if (write.event !== undefined) outbox.push(write.event.detail);
      return true;
    },
  };
}
