/**
 * The documents bucket's keys, content types and ports, apart from the S3 adapters
 * (document-bucket.ts): code that only names files (the customs step) loads no S3 client.
 */
import type { DocumentType } from '../../../domain/customs';
import type { ByteRange } from './document-pack';

export type FileFormat = 'json' | 'pdf';

export const CONTENT_TYPES: Readonly<Record<FileFormat, string>> = {
  json: 'application/json',
  pdf: 'application/pdf',
};

/** The packed object holds files of both formats back to back; only the table says where each is. */
export const PACKED_CONTENT_TYPE = 'application/octet-stream';

/**
 * A document file's own key. Files stored before they were packed live here; a packed file is
 * copied here when a link to it is first asked for (a presigned URL can only name a whole object).
 * Deterministic per order version: a retry writes the same bytes to the same key, and a corrected
 * order (a new version) never overwrites the old files.
 */
export function documentFileKey(orderId: string, orderVersion: number, type: DocumentType, format: FileFormat): string {
  return `orders/${orderId}/v${orderVersion}/${type}.${format}`;
}

/**
 * The one object holding every file of an order version back to back (document-pack.ts).
 * Deterministic per order version, like the files' own keys.
 */
export function packedDocumentsKey(orderId: string, orderVersion: number): string {
  return `orders/${orderId}/v${orderVersion}/documents.bin`;
}

/** One document file as the bucket holds it. */
export interface DocumentFileObject {
  /** The file's own key: where it is, or, when packed, where a link copies it on first use. */
  readonly key: string;
  readonly format: FileFormat;
  readonly sizeBytes: number;
  /** "sha256:<hex>" of the file's bytes: what is read is checked against it before it is served or copied. */
  readonly sha256: string;
  /** Set when the file is a byte range of its version's packed object (every file stored since the files were packed). */
  readonly packed?: { readonly key: string; readonly range: ByteRange };
}

/** Port: stores one object (a packed version, or a file copied out of one). */
export type PutDocumentFile = (key: string, bytes: Uint8Array, contentType: string) => Promise<void>;
/** Port: one file's bytes (one GET, ranged when the file is packed), or undefined when there is none. */
export type GetDocumentFile = (file: DocumentFileObject) => Promise<Uint8Array | undefined>;
/**
 * Port: a URL anyone holding it can GET exactly this file with, until it expires. A packed file is
 * first copied to its own key (once: a later link finds it there).
 */
export type LinkToDocumentFile = (
  file: DocumentFileObject,
  options: { readonly expiresInSeconds: number; readonly fileName: string; readonly now?: Date },
) => Promise<string>;
