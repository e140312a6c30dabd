/**
 * The documents bucket's keys, content types and ports, apart from the S3 adapters
 * (document-bucket.ts): code that only names files (the customs step) loads no S3 client.
 */
import type { DocumentType } from '../../../domain/customs';

export type FileFormat = 'json' | 'pdf';

export const CONTENT_TYPES: Readonly<Record<FileFormat, string>> = {
  json: 'application/json',
  pdf: 'application/pdf',
};

/**
 * Where a document file lives in the bucket. Deterministic per order version: a retry writes the
 * same bytes to the same key, and a corrected order (a new version) never overwrites the old files.
 */
export function documentFileKey(orderId: string, orderVersion: number, type: DocumentType, format: FileFormat): string {
  return `orders/${orderId}/v${orderVersion}/${type}.${format}`;
}

/** Port: stores one file. */
export type PutDocumentFile = (key: string, bytes: Uint8Array, format: FileFormat) => Promise<void>;
/** Port: one file's bytes, or undefined when there is none. */
export type GetDocumentFile = (key: string) => Promise<Uint8Array | undefined>;
/** Port: a URL anyone holding it can GET the file with, until it expires. */
export type LinkToDocumentFile = (
  key: string,
  options: { readonly expiresInSeconds: number; readonly fileName: string; readonly now?: Date },
) => Promise<string>;
