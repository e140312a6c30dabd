/**
 * An order version's document files packed into one S3 object, back to back (no header, no
 * padding): one PUT per version instead of one per file. Where each file starts is kept in the
 * table beside its size and hash (customs-store.ts), so the packed object itself needs no index.
 * Pure: the same files in the same order give the same bytes and offsets.
 */

/** A file's bytes inside the packed object: [offset, offset + length). */
export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

export interface PackedFiles {
  readonly bytes: Uint8Array;
  /** One range per file, in the order given. */
  readonly ranges: readonly ByteRange[];
}

export function packFiles(files: readonly Uint8Array[]): PackedFiles {
  const ranges: ByteRange[] = [];
  let offset = 0;
  for (const file of files) {
    if (file.byteLength === 0) {
      // A range of no bytes has no HTTP Range header; every document file has content.
      throw new Error('cannot pack an empty file');
    }
    ranges.push({ offset, length: file.byteLength });
    offset += file.byteLength;
  }
  const bytes = new Uint8Array(offset);
  files.forEach((file, index) => bytes.set(file, ranges[index]!.offset));
  return { bytes, ranges };
}

/** The HTTP Range header (RFC 9110, inclusive bounds) that asks for exactly this range. */
export function rangeHeader(range: ByteRange): string {
  if (!Number.isSafeInteger(range.offset) || !Number.isSafeInteger(range.length) || range.offset < 0 || range.length < 1) {
    throw new Error(`not a byte range: offset ${range.offset}, length ${range.length}`);
  }
  return `bytes=${range.offset}-${range.offset + range.length - 1}`;
}
