/**
 * Amazon EventBridge event patterns: validation and matching, for the local EventBridge emulator and for
 * Lambda event source mapping FilterCriteria (same syntax).
 *
 * Behaviour follows AWS's EventBridge user guide ("Creating Amazon EventBridge event patterns", "Comparison
 * operators for use in event patterns", "Arrays in EventBridge event patterns", "Matching null values and empty
 * strings"). Where the guide is silent, it follows Event Ruler (github.com/aws/event-ruler), the open-source
 * matching engine EventBridge uses. Validation failures reuse Event Ruler's reason strings because those are the
 * reasons AWS returns, e.g. "Event pattern is not valid. Reason: Empty arrays are not allowed".
 */
import { isIPv4, isIPv6 } from 'node:net';

/** The EventBridge quota for an event pattern: "2048 characters maximum" (EventBridge quotas page). */
export const MAX_EVENT_PATTERN_LENGTH = 2048;

/** Numeric matching is limited to values between -5.0e9 and +5.0e9 inclusive (EventBridge user guide). */
const NUMERIC_LIMIT = 5e9;

const OR_KEY = '$or';

/** Field names Event Ruler reserves, so they cannot be used as field names anywhere inside a `$or` branch. */
const RESERVED_INSIDE_OR = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

type PatternObject = Record<string, unknown>;
/** A JSON leaf: what an event field holds once objects and arrays are looked through. */
type Leaf = string | number | boolean | null;
type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export class InvalidEventPatternError extends Error {
  override readonly name = 'InvalidEventPatternError';

  /**
   * @param reason AWS's reason text, e.g. "Empty arrays are not allowed".
   * @param path Where in the pattern the problem is, e.g. `detail.state[0]` ('' for the pattern as a whole).
   */
  constructor(
    readonly reason: string,
    readonly path: string,
  ) {
    super(`Event pattern is not valid. Reason: ${reason}${path ? ` (at ${path})` : ''}`);
  }
}

export interface ValidateEventPatternOptions {
  /** Maximum length of the pattern's compact JSON text. Defaults to the EventBridge rule quota of 2048. */
  readonly maxLength?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------------------------

/** Throws InvalidEventPatternError if `pattern` is not a pattern EventBridge would accept. */
export function validateEventPattern(pattern: unknown, options: ValidateEventPatternOptions = {}): void {
  if (!isPlainObject(pattern)) fail('Filter is not an object', '');
  validateLength(pattern, options.maxLength ?? MAX_EVENT_PATTERN_LENGTH);
  validateFields(pattern, '', false);
}

function fail(reason: string, path: string): never {
  throw new InvalidEventPatternError(reason, path);
}

/** AWS counts characters of the submitted string; a parsed pattern is measured as compact JSON. */
function validateLength(pattern: PatternObject, maxLength: number): void {
  let length: number;
  try {
    length = JSON.stringify(pattern).length;
  } catch {
    fail('Pattern is not serialisable as JSON', '');
  }
  if (length > maxLength) fail(`Event pattern is ${length} characters long; the maximum is ${maxLength}`, '');
}

function validateFields(object: PatternObject, path: string, insideOr: boolean): void {
  const entries = Object.entries(object);
  if (entries.length === 0) fail('Empty objects are not allowed', path);
  for (const [key, value] of entries) validateField(key, value, joinPath(path, key), insideOr);
}

function validateField(key: string, value: unknown, path: string, insideOr: boolean): void {
  if (key === OR_KEY) return validateOr(value, path);
  if (insideOr && RESERVED_INSIDE_OR.has(key)) {
    fail(`${key} is Ruler reserved fieldName which cannot be used inside ${OR_KEY}.`, path);
  }
  if (Array.isArray(value)) return validateMatchers(value, path);
  if (isPlainObject(value)) return validateFields(value, path, insideOr);
  fail(`"${key}" must be an object or an array`, path);
}

function validateOr(value: unknown, path: string): void {
  if (!Array.isArray(value)) fail(`It must be an Array followed with ${OR_KEY}.`, path);
  value.forEach((branch: unknown, index) => {
    const branchPath = `${path}[${index}]`;
    if (!isPlainObject(branch)) fail(`Only JSON object is allowed in array of ${OR_KEY} relationship.`, branchPath);
    validateFields(branch, branchPath, true);
  });
  if (value.length < 2) fail(`There must have at least 2 Objects in ${OR_KEY} relationship.`, path);
}

function validateMatchers(matchers: readonly unknown[], path: string): void {
  if (matchers.length === 0) fail('Empty arrays are not allowed', path);
  matchers.forEach((matcher, index) => validateMatcher(matcher, `${path}[${index}]`));
}

function validateMatcher(matcher: unknown, path: string): void {
  if (isPlainObject(matcher)) return validateOperator(matcher, path);
  if (!isLeaf(matcher)) fail('Match value must be String, number, true, false, or null', path);
}

/** An operator object, e.g. `{ "prefix": "us-" }`: exactly one known operator name. */
function validateOperator(expression: PatternObject, path: string): void {
  const [first, ...rest] = Object.entries(expression);
  if (!first) fail('Match expression name not found', path);
  const [name, operand] = first;
  const validate = OPERAND_VALIDATORS.get(name);
  if (!validate) fail(`Unrecognized match type ${name}`, path);
  validate(operand, `${path}.${name}`);
  if (rest.length > 0) fail('Only one key allowed in match expression', path);
}

const OPERAND_VALIDATORS = new Map<string, (operand: unknown, path: string) => void>([
  ['prefix', (operand, path) => validateAffixOperand('prefix', operand, path)],
  ['suffix', (operand, path) => validateAffixOperand('suffix', operand, path)],
  ['equals-ignore-case', (operand, path) => requireString(operand, 'equals-ignore-case match pattern must be a string', path)],
  ['wildcard', validateWildcardOperand],
  ['exists', validateExistsOperand],
  ['numeric', validateNumericOperand],
  ['cidr', validateCidrOperand],
  ['anything-but', validateAnythingButOperand],
]);

function requireString(operand: unknown, reason: string, path: string): string {
  if (typeof operand !== 'string') fail(reason, path);
  return operand;
}

/** `prefix`/`suffix` take a string, or `{ "equals-ignore-case": "..." }`. */
function validateAffixOperand(name: 'prefix' | 'suffix', operand: unknown, path: string): void {
  if (typeof operand === 'string') return;
  if (!isPlainObject(operand)) fail(`${name} match pattern must be a string`, path);
  const [first, ...rest] = Object.entries(operand);
  const label = name === 'prefix' ? 'Prefix' : 'Suffix';
  if (!first) fail(`${label} expression name not found`, path);
  if (first[0] !== 'equals-ignore-case') fail(`Unsupported ${name} pattern: ${first[0]}`, path);
  requireString(first[1], 'equals-ignore-case match pattern must be a string', path);
  if (rest.length > 0) fail('Only one key allowed in match expression', path);
}

function validateWildcardOperand(operand: unknown, path: string): void {
  const parsed = parseWildcard(requireString(operand, 'wildcard match pattern must be a string', path));
  if (!parsed.ok) fail(parsed.reason, path);
}

function validateExistsOperand(operand: unknown, path: string): void {
  if (typeof operand !== 'boolean') fail('exists match pattern must be either true or false.', path);
}

function validateCidrOperand(operand: unknown, path: string): void {
  const parsed = parseCidr(requireString(operand, 'cidr match pattern must be a string', path));
  if (!parsed.ok) fail(parsed.reason, path);
}

/**
 * `numeric` takes `[op, n]` with op one of = < <= > >=, or a range `[">" | ">=", low, "<" | "<=", high]`:
 * the lower bound comes first and must be below the upper bound.
 */
function validateNumericOperand(operand: unknown, path: string): void {
  if (!Array.isArray(operand)) fail('Value of numeric must be an array.', path);
  const [operator, value, upperOperator, upperValue, ...extra] = operand as unknown[];
  if (typeof operator !== 'string') fail(`Invalid member in numeric match: ${String(operator)}`, path);
  if (!COMPARATORS.has(operator)) fail(`Unrecognized numeric range operator: ${operator}`, path);
  const lower = requireNumericBound(operator, value, path);
  if (operand.length <= 2) return;
  if (operator !== '>' && operator !== '>=') fail('Too many elements in numeric expression', path);
  if (typeof upperOperator !== 'string') fail(`Bad value in numeric range: ${String(upperOperator)}`, path);
  if (upperOperator !== '<' && upperOperator !== '<=') fail(`Bad numeric range operator: ${upperOperator}`, path);
  const upper = requireNumericBound(upperOperator, upperValue, path);
  if (extra.length > 0) fail('Too many terms in numeric range expression', path);
  if (lower >= upper) fail('Bottom must be less than top', path);
}

function requireNumericBound(operator: string, value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`, path);
  }
  requireNumberInRange(value, path);
  return value;
}

function requireNumberInRange(value: number, path: string): void {
  if (Math.abs(value) > NUMERIC_LIMIT) fail('Value must be between -5.0E9 and 5.0E9, inclusive', path);
}

/**
 * `anything-but` takes a string, a number, a non-empty list of only strings or only numbers, or an object
 * `{ prefix | suffix | equals-ignore-case | wildcard: string | string[] }`.
 */
function validateAnythingButOperand(operand: unknown, path: string): void {
  if (typeof operand === 'string') return;
  if (typeof operand === 'number' && Number.isFinite(operand)) return requireNumberInRange(operand, path);
  if (Array.isArray(operand)) return validateAnythingButList(operand, path);
  if (isPlainObject(operand)) return validateAnythingButObject(operand, path);
  fail('Value of anything-but must be an array or single string/number value.', path);
}

function validateAnythingButList(values: readonly unknown[], path: string): void {
  for (const value of values) {
    if (typeof value === 'number' && Number.isFinite(value)) requireNumberInRange(value, path);
    else if (typeof value !== 'string') fail('Inside anything but list, start|null|boolean is not supported.', path);
  }
  const allStrings = values.every((value) => typeof value === 'string');
  const allNumbers = values.every((value) => typeof value === 'number');
  if (values.length === 0 || (!allStrings && !allNumbers)) {
    fail('Inside anything but list, either all values are number or string, mixed type is not supported', path);
  }
}

function validateAnythingButObject(operand: PatternObject, path: string): void {
  const [first, ...rest] = Object.entries(operand);
  if (!first) fail('Anything-But expression name not found', path);
  const [name, value] = first;
  if (!STRING_TESTS.has(name)) fail(`Unsupported anything-but pattern: ${name}`, path);
  const values: unknown[] = Array.isArray(value) ? value : [value];
  if (!Array.isArray(value) && typeof value !== 'string') {
    fail('Value of anything-but must be an array or single string/number value.', path);
  }
  for (const item of values) validateAnythingButString(name, item, path);
  if (rest.length > 0) fail('Only one key allowed in match expression', path);
}

function validateAnythingButString(name: string, value: unknown, path: string): void {
  if (name === 'wildcard') return validateWildcardOperand(value, path);
  if (name === 'equals-ignore-case') {
    if (typeof value !== 'string') {
      fail('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.', path);
    }
    return;
  }
  requireString(value, 'prefix/suffix match pattern must be a string', path);
  if (value === '') fail('Null prefix/suffix not allowed', path);
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

// ---------------------------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------------------------

/**
 * True if `event` matches `pattern`. Assumes a pattern that passed validateEventPattern; parts of an invalid pattern
 * simply fail to match rather than throw.
 *
 * Every field in the pattern must match (AND); values in a pattern array are alternatives (OR); `$or` lists
 * alternative sub-patterns at any level. Arrays in the event are looked through: a leaf matcher matches if any
 * element matches, and a nested pattern object must be satisfied by one single element (Event Ruler's
 * "array-consistent" matching, so fields from different elements of the same array never combine).
 */
export function matchesEventPattern(pattern: Record<string, unknown>, event: unknown): boolean {
  return matchesObject(pattern, event);
}

function matchesObject(pattern: PatternObject, value: unknown): boolean {
  if (Array.isArray(value) && value.length > 0) {
    return value.some((element: unknown) => matchesObject(pattern, element));
  }
  return Object.entries(pattern).every(([key, subPattern]) => matchesEntry(key, subPattern, value));
}

function matchesEntry(key: string, subPattern: unknown, value: unknown): boolean {
  if (key === OR_KEY && Array.isArray(subPattern)) {
    return subPattern.some((branch: unknown) => isPlainObject(branch) && matchesObject(branch, value));
  }
  const field = fieldOf(value, key);
  if (Array.isArray(subPattern)) return matchesLeafPattern(subPattern, field);
  return isPlainObject(subPattern) && matchesObject(subPattern, field);
}

/** Own properties only, so a field named e.g. "constructor" is not found on Object.prototype. */
function fieldOf(value: unknown, key: string): unknown {
  return isPlainObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function matchesLeafPattern(matchers: readonly unknown[], field: unknown): boolean {
  const leaves = leafValues(field);
  return matchers.some((matcher) => matchesMatcher(matcher, leaves));
}

/**
 * The leaf values at a field: none when it is missing or holds an object (an intermediate node, which leaf
 * matchers, including `exists`, never see); every element, recursively, when it holds an array.
 */
function leafValues(value: unknown): Leaf[] {
  if (Array.isArray(value)) return value.flatMap(leafValues);
  return isLeaf(value) ? [value] : [];
}

/** `exists` tests for the presence of leaf values; every other matcher must match one of them. */
function matchesMatcher(matcher: unknown, leaves: readonly Leaf[]): boolean {
  if (isPlainObject(matcher) && Object.hasOwn(matcher, 'exists')) return matcher.exists === leaves.length > 0;
  return leaves.some((leaf) => matchesValue(matcher, leaf));
}

/** A plain value matches by strict equality: no type coercion, and 300, 300.0 and 3.0e2 parse to the same number. */
function matchesValue(matcher: unknown, leaf: Leaf): boolean {
  if (!isPlainObject(matcher)) return matcher === leaf;
  const [first] = Object.entries(matcher);
  const test = first && OPERATOR_MATCHERS.get(first[0]);
  return test ? test(first[1], leaf) : false;
}

const OPERATOR_MATCHERS = new Map<string, (operand: unknown, leaf: Leaf) => boolean>([
  ['prefix', (operand, leaf) => matchesAffix('prefix', operand, leaf)],
  ['suffix', (operand, leaf) => matchesAffix('suffix', operand, leaf)],
  ['equals-ignore-case', (operand, leaf) => typeof operand === 'string' && typeof leaf === 'string' && equalsIgnoreCase(operand, leaf)],
  ['wildcard', (operand, leaf) => typeof operand === 'string' && typeof leaf === 'string' && matchesWildcardText(operand, leaf)],
  ['numeric', matchesNumeric],
  ['cidr', matchesCidr],
  ['anything-but', matchesAnythingBut],
]);

/** The string tests that `anything-but` can negate; prefix and suffix here are case-sensitive. */
const STRING_TESTS = new Map<string, (operand: string, value: string) => boolean>([
  ['prefix', (operand, value) => value.startsWith(operand)],
  ['suffix', (operand, value) => value.endsWith(operand)],
  ['equals-ignore-case', equalsIgnoreCase],
  ['wildcard', matchesWildcardText],
]);

/** Prefix and suffix only match strings; `{ "equals-ignore-case": "..." }` makes them case-insensitive. */
function matchesAffix(name: 'prefix' | 'suffix', operand: unknown, leaf: Leaf): boolean {
  if (typeof leaf !== 'string') return false;
  const test = STRING_TESTS.get(name);
  if (!test) return false;
  if (typeof operand === 'string') return test(operand, leaf);
  const ignoringCase = isPlainObject(operand) ? operand['equals-ignore-case'] : undefined;
  return typeof ignoringCase === 'string' && test(ignoringCase.toLowerCase(), leaf.toLowerCase());
}

function equalsIgnoreCase(operand: string, value: string): boolean {
  return operand.toLowerCase() === value.toLowerCase();
}

/** Numeric matching only applies to JSON numbers within the documented ±5.0e9 range; never to numeric strings. */
function matchesNumeric(operand: unknown, leaf: Leaf): boolean {
  if (!Array.isArray(operand) || operand.length === 0) return false;
  if (typeof leaf !== 'number' || Math.abs(leaf) > NUMERIC_LIMIT) return false;
  for (let index = 0; index < operand.length; index += 2) {
    const compare = COMPARATORS.get(operand[index]);
    const bound: unknown = operand[index + 1];
    if (!compare || typeof bound !== 'number' || !compare(leaf, bound)) return false;
  }
  return true;
}

const COMPARATORS = new Map<unknown, (value: number, bound: number) => boolean>([
  ['=', (value, bound) => value === bound],
  ['<', (value, bound) => value < bound],
  ['<=', (value, bound) => value <= bound],
  ['>', (value, bound) => value > bound],
  ['>=', (value, bound) => value >= bound],
]);

/** Only string values that are IP addresses of the CIDR's family can fall inside it. */
function matchesCidr(operand: unknown, leaf: Leaf): boolean {
  if (typeof operand !== 'string' || typeof leaf !== 'string') return false;
  const range = parseCidr(operand);
  const address = parseIp(leaf);
  if (!range.ok || !address || address.version !== range.value.version) return false;
  return address.value >= range.value.low && address.value <= range.value.high;
}

/**
 * `anything-but` matches any value present at the field except those listed. A list of strings never excludes a
 * number and vice versa; the prefix/suffix/equals-ignore-case/wildcard forms only ever exclude strings. A missing
 * field has no value, so it does not match.
 */
function matchesAnythingBut(operand: unknown, leaf: Leaf): boolean {
  if (!isPlainObject(operand)) {
    const excluded: unknown[] = Array.isArray(operand) ? operand : [operand];
    return !excluded.includes(leaf);
  }
  const [first] = Object.entries(operand);
  const test = first && STRING_TESTS.get(first[0]);
  if (!test || typeof leaf !== 'string') return true;
  const excluded: unknown[] = Array.isArray(first[1]) ? first[1] : [first[1]];
  return !excluded.some((value) => typeof value === 'string' && test(value, leaf));
}

// ---------------------------------------------------------------------------------------------------------------
// Wildcards
// ---------------------------------------------------------------------------------------------------------------

/**
 * Splits a wildcard pattern at its unescaped `*`s into literal segments. `\*` is a literal asterisk and `\\` a
 * literal backslash; any other escape, and consecutive wildcards (`**`), are rejected as AWS does.
 */
function parseWildcard(text: string): Result<string[]> {
  const segments: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '*') {
      if (text.charAt(index + 1) === '*') return { ok: false, reason: `Consecutive wildcard characters at pos ${index}` };
      segments.push(current);
      current = '';
    } else if (char === '\\') {
      const next = text.charAt(index + 1);
      if (next !== '*' && next !== '\\') return { ok: false, reason: `Invalid escape character at pos ${index}` };
      current += next;
      index += 1;
    } else {
      current += char;
    }
  }
  segments.push(current);
  return { ok: true, value: segments };
}

function matchesWildcardText(pattern: string, value: string): boolean {
  const parsed = parseWildcard(pattern);
  return parsed.ok && matchesSegments(parsed.value, value);
}

/**
 * Glob match without regular expressions (so no backtracking blow-up): the first segment must be a prefix, the
 * last a suffix, and the middle ones must occur in order between them; taking each at its leftmost occurrence is
 * always safe because `*` can absorb whatever is skipped.
 */
function matchesSegments(segments: readonly string[], value: string): boolean {
  const first = segments[0] ?? '';
  if (segments.length === 1) return value === first;
  const last = segments[segments.length - 1] ?? '';
  const end = value.length - last.length;
  if (end < first.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  let position = first.length;
  for (const segment of segments.slice(1, -1)) {
    const found = value.indexOf(segment, position);
    if (found === -1 || found + segment.length > end) return false;
    position = found + segment.length;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// IP addresses and CIDR blocks
// ---------------------------------------------------------------------------------------------------------------

interface IpAddress {
  readonly version: 4 | 6;
  readonly value: bigint;
}

interface IpRange {
  readonly version: 4 | 6;
  readonly low: bigint;
  readonly high: bigint;
}

/** Event Ruler's CIDR rules: exactly one '/', and mask bits 0-31 for IPv4, 0-127 for IPv6. */
function parseCidr(text: string): Result<IpRange> {
  const parts = text.split('/');
  if (parts.length !== 2) return { ok: false, reason: "Malformed CIDR, one '/' required" };
  const [addressText = '', bitsText = ''] = parts;
  if (!/^[+-]?\d+$/.test(bitsText)) return { ok: false, reason: 'Malformed CIDR, mask bits must be an integer' };
  const bits = Number(bitsText);
  if (bits < 0) return { ok: false, reason: 'Malformed CIDR, mask bits must not be negative' };
  const address = parseIp(addressText);
  if (!address) return { ok: false, reason: `Invalid IP address: ${addressText}` };
  const width = address.version === 4 ? 32 : 128;
  if (bits >= width) return { ok: false, reason: `IPv${address.version} mask bits must be < ${width}` };
  const hostMask = (1n << BigInt(width - bits)) - 1n;
  return { ok: true, value: { version: address.version, low: address.value & ~hostMask, high: address.value | hostMask } };
}

function parseIp(text: string): IpAddress | undefined {
  if (isIPv4(text)) return { version: 4, value: ipv4ToBigInt(text) };
  if (isIPv6(text)) return { version: 6, value: ipv6ToBigInt(text) };
  return undefined;
}

function ipv4ToBigInt(text: string): bigint {
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

/** Expands `::` into zero groups; an embedded IPv4 tail (`::ffff:1.2.3.4`) becomes two groups; a zone id is dropped. */
function ipv6ToBigInt(text: string): bigint {
  const address = withHexTail(text.split('%')[0] ?? '');
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function withHexTail(address: string): string {
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (!tail.includes('.')) return address;
  const ipv4 = ipv4ToBigInt(tail);
  return `${address.slice(0, lastColon + 1)}${(ipv4 >> 16n).toString(16)}:${(ipv4 & 0xffffn).toString(16)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is PatternObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLeaf(value: unknown): value is Leaf {
  if (typeof value === 'number') return Number.isFinite(value);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}
