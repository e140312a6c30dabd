import { badRequest, HttpError } from './problem';

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

/**
 * Enforces a request's `If-Match` against a resource at `version` (its ETag is `"<version>"`):
 * nothing when it matches or is absent, `400` naming the header when malformed, `412` carrying the
 * current ETag when stale, so the client can read the resource again and retry without guessing.
 */
export function requireIfMatch(ifMatch: string | undefined, resource: { readonly name: string; readonly version: number }): void {
  const etag = `"${resource.version}"`;
  const outcome = evaluateIfMatch(ifMatch, etag);
  if (outcome === 'malformed') {
    throw badRequest('The If-Match header is not a list of entity tags.', [
      { path: 'If-Match', code: 'invalid_format', message: `must be "*" or entity tags such as ${etag} (the ${resource.name}'s ETag)` },
    ]);
  }
  if (outcome === 'does-not-match') {
    throw new HttpError(
      412,
      'Precondition Failed',
      `The ${resource.name} is at version ${resource.version} (ETag ${etag}), not ${ifMatch!.trim()}; read it again and retry.`,
      [],
      { etag },
    );
  }
}
