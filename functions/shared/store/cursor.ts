import { InvalidCursorError } from '../../../domain/shared/page';

/**
 * Listing cursors: the last sort key a page returned, in base64url, and checked on the way back in
 * against the listing's own key prefix, so a cursor from another list (or a forged one) is a 400,
 * never a query of someone else's partition. The partition key is never in the cursor: it comes
 * from the caller's tenant.
 */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(sortKey, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expected: string | RegExp): string {
  const sortKey = /^[A-Za-z0-9_-]{1,1024}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const matches = typeof expected === 'string' ? sortKey.startsWith(expected) : expected.test(sortKey);
  if (sortKey === '' || !matches) {
    throw new InvalidCursorError();
  }
  return sortKey;
}

/** The `nextCursor` part of a page: the sort key DynamoDB stopped at, when it did. */
export function nextCursorOf(lastEvaluatedKey: Record<string, unknown> | undefined, sortKey = 'sk'): { nextCursor?: string } {
  const last: unknown = lastEvaluatedKey?.[sortKey];
  return typeof last === 'string' ? { nextCursor: encodeCursor(last) } : {};
}
