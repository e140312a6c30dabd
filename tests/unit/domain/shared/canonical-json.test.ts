import fc from 'fast-check';
import { canonicalJson } from '../../../../domain/shared/canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every level, drops undefined and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'é' }, u: undefined })).toBe('{"a":{"c":"é","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ x: () => 1 })).toThrow(TypeError);
  });

  it('is independent of key insertion order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reparsed = JSON.parse(text) as unknown;
        expect(canonicalJson(reparsed)).toBe(text);
        // Rebuild every object with its keys reversed: same bytes.
        const reversed = JSON.parse(text, (_key, entry: unknown) =>
          entry !== null && typeof entry === 'object' && !Array.isArray(entry)
            ? Object.fromEntries(Object.entries(entry as Record<string, unknown>).reverse())
            : entry,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });

  it('refuses what JSON cannot hold rather than writing null, and agrees with JSON.stringify on what it can', () => {
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))));
  });

  it('serialises a value nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 100_000; level += 1) {
      deep = level % 2 === 0 ? [deep] : { k: deep };
    }
    const text = canonicalJson(deep);
    expect(text.length).toBe(3 + 50_000 * 2 + 50_000 * 6);
    expect(text.startsWith('{"k":[{"k":[')).toBe(true);
  });
});
