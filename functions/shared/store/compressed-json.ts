import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Large, rarely read attributes (an order's quotes, a routing decision's explanation) are stored as
 * gzipped JSON: DynamoDB bills every write per KB of the item, twice inside a transaction, and a
 * 27 KB quotes item gzips to a few KB. Readers take both forms, so items written before stay readable.
 */
export const gzipJson = (value: unknown): Uint8Array => gzipSync(JSON.stringify(value));

/** The value of `item[name]`, or of its gzipped form `item[name + "Gz"]`. */
export function readMaybeGzipped<T>(item: Record<string, unknown>, name: string): T {
  const packed = item[`${name}Gz`];
  return (packed instanceof Uint8Array ? JSON.parse(gunzipSync(packed).toString('utf8')) : item[name]) as T;
}
