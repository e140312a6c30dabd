/**
 * `If-Match` as RFC 9110 §13.1.1 defines it: `*` matches any current representation; otherwise a
 * comma-separated list of entity tags matches when one of them is *strongly* equal to the current
 * ETag. A weak tag (`W/"3"`) never matches under If-Match (weak comparison is for If-None-Match),
 * and a header that is not a list of entity tags is malformed: the client learns so (400) instead of
 * having its precondition silently ignored or failed.
 */
export type IfMatchOutcome = 'no-precondition' | 'matches' | 'does-not-match' | 'malformed';

/** `"…"` or `W/"…"`, etagc = %x21 / %x23-7E / obs-text. */
const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;

export function evaluateIfMatch(header: string | undefined, currentEtag: string): IfMatchOutcome {
  if (header === undefined) {
    return 'no-precondition';
  }
  const value = header.trim();
  if (value === '*') {
    return 'matches';
  }
  const tags = value.split(',').map((tag) => ENTITY_TAG.exec(tag.trim()));
  if (value.length === 0 || tags.some((tag) => tag === null)) {
    return 'malformed';
  }
  return tags.some((tag) => tag![1] === undefined && `"${tag![2]}"` === currentEtag) ? 'matches' : 'does-not-match';
}
