/**
 * DynamoDB's billing rules, as AWS documents them, applied to the items a request touched (before and
 * after): item sizes, write and read request units, and the writes a global secondary index adds.
 * Sources: "Item sizes and formats" and "DynamoDB read/write capacity units" in the DynamoDB
 * Developer Guide (docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html),
 * "Provisioned throughput considerations for global secondary indexes" (GSI writes), read 2026-12-05.
 */

/** An attribute value in DynamoDB's wire format (`{"S": "…"}`, `{"N": "…"}`, `{"M": {…}}`…). */
export type AttributeValue = Record<string, unknown>;
export type Item = Record<string, AttributeValue>;

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** A number's size: about one byte per two significant digits, plus one (AWS: "approximately"). */
function numberSize(text: string): number {
  const digits = text.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

/** Size of one attribute value in bytes. */
export function valueSize(value: AttributeValue): number {
  const [type, inner] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return utf8(inner as string);
    case 'N':
      return numberSize(inner as string);
    case 'B':
      return Buffer.from(inner as string, 'base64').length;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (inner as string[]).reduce((sum, text) => sum + utf8(text), 0);
    case 'NS':
      return (inner as string[]).reduce((sum, text) => sum + numberSize(text), 0);
    case 'BS':
      return (inner as string[]).reduce((sum, text) => sum + Buffer.from(text, 'base64').length, 0);
    case 'L':
      return 3 + (inner as AttributeValue[]).reduce((sum, element) => sum + 1 + valueSize(element), 0);
    case 'M':
      return 3 + Object.entries(inner as Item).reduce((sum, [name, element]) => sum + 1 + utf8(name) + valueSize(element), 0);
    default:
      throw new Error(`unknown attribute type ${type}`);
  }
}

/** An item's size: attribute names plus values. */
export const itemSize = (item: Item | undefined): number =>
  item === undefined ? 0 : Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);

const KB = 1024;
const writeUnitsOf = (bytes: number): number => Math.max(1, Math.ceil(bytes / KB));

/** A global secondary index as the table defines it. */
export interface IndexSpec {
  readonly name: string;
  readonly keys: readonly string[];
  /** ALL, KEYS_ONLY, or the non-key attributes of an INCLUDE projection. */
  readonly projection: 'ALL' | 'KEYS_ONLY' | readonly string[];
}

export interface TableShape {
  readonly keys: readonly string[];
  readonly indexes: readonly IndexSpec[];
}

/** The item as the index stores it, or undefined when the item is not in the (sparse) index. */
export function indexItem(item: Item | undefined, index: IndexSpec, table: TableShape): Item | undefined {
  if (item === undefined || index.keys.some((key) => item[key] === undefined)) return undefined;
  if (index.projection === 'ALL') return item;
  const kept = new Set([...table.keys, ...index.keys, ...(index.projection === 'KEYS_ONLY' ? [] : index.projection)]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => kept.has(name)));
}

const sameValues = (a: Item, b: Item, names: readonly string[]): boolean => names.every((name) => JSON.stringify(a[name]) === JSON.stringify(b[name]));

/** Write units a change of one item costs in one index: a put, a delete, both when its keys move, none when nothing it holds changed. */
export function indexWriteUnits(before: Item | undefined, after: Item | undefined, index: IndexSpec, table: TableShape): number {
  const old = indexItem(before, index, table);
  const next = indexItem(after, index, table);
  if (old === undefined && next === undefined) return 0;
  if (old === undefined) return writeUnitsOf(itemSize(next));
  if (next === undefined) return writeUnitsOf(itemSize(old));
  if (!sameValues(old, next, index.keys)) return writeUnitsOf(itemSize(old)) + writeUnitsOf(itemSize(next));
  if (JSON.stringify(old) === JSON.stringify(next)) return 0;
  return writeUnitsOf(Math.max(itemSize(old), itemSize(next)));
}

export interface WriteUnits {
  readonly table: number;
  readonly indexes: number;
}

/**
 * One item written (put, update or delete): the larger of its size before and after, per KB, doubled
 * in a transaction; a write whose condition failed still costs its units (AWS bills the attempt).
 * Index writes are priced as standard writes.
 */
export function itemWriteUnits(before: Item | undefined, after: Item | undefined, table: TableShape, transactional: boolean): WriteUnits {
  const factor = transactional ? 2 : 1;
  return {
    table: factor * writeUnitsOf(Math.max(itemSize(before), itemSize(after))),
    indexes: table.indexes.reduce((sum, index) => sum + indexWriteUnits(before, after, index, table), 0),
  };
}

/** Read units for `bytes` read in one request: per 4 KB (rounded up once per request), halved when eventually consistent, doubled in a transaction. */
export function readUnits(bytes: number, options: { consistent: boolean; transactional?: boolean }): number {
  const units = Math.max(1, Math.ceil(bytes / (4 * KB)));
  return options.transactional === true ? 2 * units : options.consistent ? units : units / 2;
}
