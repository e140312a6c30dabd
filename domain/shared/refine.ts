import type { core } from 'zod';

/**
 * For a cross-field check (`.superRefine(check, whenValid('cartons', 'values'))`): run it whenever
 * the fields it reads parsed cleanly, even if other fields failed. Zod skips refinements after any
 * failure by default, which would hide a second problem until the first is fixed; a 400 names every
 * problem at once.
 */
export function whenValid(...fields: readonly string[]): { when: (payload: core.ParsePayload) => boolean } {
  return {
    when: (payload) =>
      payload.value !== null &&
      typeof payload.value === 'object' &&
      !Array.isArray(payload.value) &&
      payload.issues.every((issue) => issue.path === undefined || issue.path.length === 0 || !fields.includes(String(issue.path[0]))),
  };
}
