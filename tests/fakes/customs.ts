import type { Order } from '../../domain/order';
import type { CustomsCheckRecord, CustomsContext, CustomsWrite, DocumentsRecord } from '../../functions/shared/store/customs-store';
import type { FileFormat } from '../../functions/shared/store/document-bucket';

/** In-memory stand-ins for the customs adapters, with their contracts. */
/** An in-memory bucket with the adapters' contract. */
export function fakeBucket() {
  const files = new Map<string, { bytes: Uint8Array; format: FileFormat }>();
  return {
    files,
    putFile: async (key: string, bytes: Uint8Array, format: FileFormat) => {
      files.set(key, { bytes: new Uint8Array(bytes), format });
    },
    getFile: async (key: string) => files.get(key)?.bytes,
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
