/**
 * Canonical JSON: object keys sorted (by UTF-16 code units) at every level, no whitespace, so equal
 * data always serialises to the same bytes — what request hashes (idempotency) and document content
 * hashes are computed over. Keys whose value is undefined are left out; non-finite numbers and other
 * non-JSON values are refused rather than silently written as `null`.
 *
 * Iterative, not recursive: a body nested thousands of levels deep is hashed, not a stack overflow.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // Work items: a value to write, or literal text (separators and closing brackets) to emit.
  const work: Array<{ readonly value: unknown } | { readonly text: string }> = [{ value }];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const current = item.value;
    if (current === null) {
      out.push('null');
      continue;
    }
    switch (typeof current) {
      case 'string':
        out.push(JSON.stringify(current));
        break;
      case 'boolean':
        out.push(current ? 'true' : 'false');
        break;
      case 'number':
        if (!Number.isFinite(current)) {
          throw new TypeError(`canonical JSON cannot hold ${current}`);
        }
        out.push(JSON.stringify(current));
        break;
      case 'object':
        pushContainer(current, work, out);
        break;
      default:
        throw new TypeError(`canonical JSON cannot hold a ${typeof current}`);
    }
  }
  return out.join('');
}

function pushContainer(container: object, work: Array<{ readonly value: unknown } | { readonly text: string }>, out: string[]): void {
  // Pushed in reverse, so they pop in order.
  const later: Array<{ readonly value: unknown } | { readonly text: string }> = [];
  if (Array.isArray(container)) {
    out.push('[');
    container.forEach((entry: unknown, index) => later.push(...(index > 0 ? [{ text: ',' }] : []), { value: entry }));
    later.push({ text: ']' });
  } else {
    const record = container as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    out.push('{');
    keys.forEach((key, index) => later.push({ text: `${index > 0 ? ',' : ''}${JSON.stringify(key)}:` }, { value: record[key] }));
    later.push({ text: '}' });
  }
  for (let index = later.length - 1; index >= 0; index -= 1) {
    work.push(later[index]!);
  }
}
