/**
 * `expect(list.every(check)).toBe(true)` passes for an empty list, so a test that finds nothing
 * proves nothing. This fails on an empty (or missing) list, and names the items that fail the check.
 */
export function expectEvery<T>(items: Iterable<T> | undefined, check: (item: T) => boolean): void {
  const all = [...(items ?? [])];
  if (all.length === 0) {
    throw new Error('expected a non-empty list: every() over nothing proves nothing');
  }
  expect(all.filter((item) => !check(item))).toEqual([]);
}
