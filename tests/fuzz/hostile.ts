import fc from 'fast-check';

/*
 * Hostile input for the fuzz run (tests/e2e/fuzz.e2e.test.ts, `npm run fuzz`): the classes of text,
 * numbers, path ids and JSON shapes a hostile client sends. Each is a fast-check arbitrary, so a
 * failure shrinks to a small request and replays from its seed.
 */

/** U+FFFE, U+FFFF and the other noncharacters (real SQS refuses the first two). */
const noncharacter = fc.constantFrom('\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}');
/** Characters above U+FFFF (fauxqs refuses them; real SQS takes them). */
const astral = fc.constantFrom('😀', '𝄞', '𠜎', '🇧🇷', '👩‍👩‍👧');
/** Halves of surrogate pairs alone (not Unicode scalar values; UTF-8 cannot carry them). */
const loneSurrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD83D');
/** Right-to-left text and the bidirectional overrides. */
const rtl = fc.constantFrom('\u202E', '\u200F', 'مرحبا', 'שלום', '\u2067x\u2069', '\u202Dabc\u202C');
/** NUL and the other control characters. */
const control = fc.constantFrom('\u0000', '\u0001', '\u001F', '\u007F', '\u0085', '\r\n', '\t');
const combining = fc.constantFrom('e\u0301', 'Z\u0351\u0354\u0317\u0328', '\u200B', '\uFEFF');

/** Text mixing the hostile classes with ordinary text. */
export const hostileText = fc.oneof(
  fc
    .array(fc.oneof(noncharacter, astral, loneSurrogate, rtl, control, combining, fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), {
      minLength: 1,
      maxLength: 10,
    })
    .map((parts) => parts.join('')),
  fc.constantFrom('', ' ', '../../etc/passwd', '%00', '${jndi:ldap://x}', '<script>alert(1)</script>', "' OR 1=1 --", '__proto__', 'constructor'),
  fc.integer({ min: 200, max: 70_000 }).map((length) => 'A'.repeat(length)),
);

/** Text a person might legitimately write that is hard on every hop (astral, RTL, combining): orders carrying it must flow. */
export const legalButHardText = fc
  .array(
    fc.oneof(
      astral,
      rtl.filter((text) => !/[\u202A-\u202E\u2066-\u2069]/.test(text)),
      fc.constantFrom('e\u0301', 'ñ', 'ção', '北京'),
      fc.string({ minLength: 1, maxLength: 4 }),
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join('').trim() || 'x');

/** Numbers at and past the limits: zero and signs, the float range, 2^53, money that overflows. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.1, 0.005, 1e-7, 1e21, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, 999_999_999.99, 10_000, 10_001, 100_000, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Numbers written as strings, as a careless client or a hostile one sends them. */
const numericText = fc.constantFrom('999999999.99', '1e400', '-0', 'NaN', 'Infinity', '0x10', '1'.repeat(400), '١٢٣');

/** Any JSON leaf (and the empty containers) a field may get instead of what it expects. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  hostileNumber,
  numericText,
  fc.constant(null),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);

/** Raw JSON text nested `depth` levels (written as text, so building it needs no recursion). */
export const deepJson = fc
  .tuple(fc.integer({ min: 20, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** Raw JSON text that is wide: many keys or many elements. */
export const wideJson = fc
  .tuple(fc.integer({ min: 1_000, max: 60_000 }), fc.boolean())
  .map(([width, arrays]) =>
    arrays
      ? `[${Array.from({ length: width }, (_, index) => index).join(',')}]`
      : `{${Array.from({ length: width }, (_, index) => `"k${index}":${index}`).join(',')}}`,
  );

/** Bytes that are not JSON, or not UTF-8. */
export const garbage = fc.oneof(
  fc.constantFrom('', 'null', '[]', '"text"', '{', '{"a":1,}', '\u0000', '{"a":1}{"b":2}', '\uFEFF{}'),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);

/** Path ids: bad percent-encoding, dot segments, separators, very long ids, hostile text. */
export const hostilePathId = fc.oneof(
  fc.constantFrom(
    '%',
    '%zz',
    '%E0%A4%A',
    '%00',
    '%2F',
    '%2f..%2f',
    '..',
    '.',
    '%2e%2e',
    'a;b',
    'a%3Fb',
    '%23',
    '%C0%AF',
    '%FF%FE',
    '~',
    '%20',
    '%EF%BF%BF',
    '%ED%A0%80',
  ),
  fc.integer({ min: 100, max: 4_000 }).map((length) => 'x'.repeat(length)),
  hostileText.map((text) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return text.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80');
    }
  }),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a leaf of a JSON value. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.length === 0 ? [path] : value.flatMap((item, index) => leafPaths(item, [...path, index]));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? [path] : entries.flatMap(([key, item]) => leafPaths(item, [...path, key]));
  }
  return [path];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), value);
  return copy;
}

/** One change to a valid body: a leaf replaced by a hostile value, an unknown field added, or the body replaced. */
const mutation = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('leaf' as const), at: fc.nat(), value: hostileLeaf }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('unknown-field' as const), at: fc.nat(), value: fc.oneof(hostileLeaf, fc.jsonValue({ maxDepth: 3 })) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), value: fc.constant(undefined) }) },
);

/** A request body derived from a valid one: 1 to 3 mutations, or raw deep, wide or garbage text. */
export function hostileBody(valid: () => Json): fc.Arbitrary<string | Buffer> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((changes) => {
        let body: unknown = valid();
        for (const change of changes) {
          const paths = leafPaths(body).filter((path) => path.length > 0);
          const path = paths.length === 0 ? [] : paths[change.at % paths.length]!;
          if (change.kind === 'leaf') body = setAt(body, path, change.value);
          else if (change.kind === 'unknown-field') body = setAt(body, [...path.slice(0, -1), `x-unknown-${change.at % 7}`], change.value);
          else if (path.length > 0) body = setAt(body, path, undefined);
        }
        return JSON.stringify(body) ?? 'null';
      }),
    },
    { weight: 1, arbitrary: deepJson },
    { weight: 1, arbitrary: wideJson },
    { weight: 1, arbitrary: garbage },
  );
}
