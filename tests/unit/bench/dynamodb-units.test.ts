import { indexWriteUnits, itemSize, itemWriteUnits, readUnits, valueSize, type Item, type TableShape } from '../../../bench/cost/dynamodb-units';

const table: TableShape = {
  keys: ['pk', 'sk'],
  indexes: [
    { name: 'gsi1', keys: ['gsi1pk', 'gsi1sk'], projection: 'ALL' },
    { name: 'gsi4', keys: ['gsi4pk', 'gsi4sk'], projection: ['carrier'] },
  ],
};
const text = (bytes: number) => ({ S: 'x'.repeat(bytes) });

describe('DynamoDB item sizes, as AWS documents them', () => {
  it('counts attribute names and UTF-8 bytes of strings, numbers by their significant digits, and list/map overheads', () => {
    // Prepare / Act / Assess
    expect(itemSize({ pk: { S: 'ab' } })).toBe(4);
    expect(valueSize({ S: 'ñ' })).toBe(2);
    expect(valueSize({ N: '12345' })).toBe(4);
    expect(valueSize({ N: '0.5000' })).toBe(2);
    expect(valueSize({ BOOL: true })).toBe(1);
    expect(valueSize({ L: [{ S: 'ab' }, { N: '1' }] })).toBe(3 + (1 + 2) + (1 + 2));
    expect(valueSize({ M: { a: { S: 'b' } } })).toBe(3 + 1 + 1 + 1);
  });
});

describe('write units', () => {
  it('bills the larger of the item before and after, per KB, doubled in a transaction', () => {
    const small: Item = { pk: { S: 'p' }, sk: { S: 's' } };
    const large: Item = { ...small, body: text(2500) };
    expect(itemWriteUnits(undefined, small, table, false).table).toBe(1);
    expect(itemWriteUnits(large, small, table, false).table).toBe(3);
    expect(itemWriteUnits(undefined, large, table, true).table).toBe(6);
  });

  it('bills an index only when the item enters, leaves or changes in it; a moved key is a delete and a put', () => {
    const base: Item = { pk: { S: 'p' }, sk: { S: 's' }, gsi4pk: { S: 'POLL#fedex' }, gsi4sk: { S: '2026-01-01' }, carrier: { S: 'fedex' }, note: { S: 'n' } };
    const gsi4 = table.indexes[1]!;
    expect(indexWriteUnits(undefined, base, gsi4, table)).toBe(1);
    // A change the index does not project: nothing to write there.
    expect(indexWriteUnits(base, { ...base, note: { S: 'other' } }, gsi4, table)).toBe(0);
    expect(indexWriteUnits(base, { ...base, gsi4sk: { S: '2026-01-02' } }, gsi4, table)).toBe(2);
    expect(indexWriteUnits(base, { pk: base.pk!, sk: base.sk! }, gsi4, table)).toBe(1);
    expect(itemWriteUnits(base, { ...base, gsi4sk: { S: '2026-01-02' } }, table, false)).toEqual({ table: 1, indexes: 2 });
  });
});

describe('read units', () => {
  it('bills 4 KB units rounded up once per request, half when eventually consistent, double in a transaction', () => {
    expect(readUnits(0, { consistent: true })).toBe(1);
    expect(readUnits(5000, { consistent: true })).toBe(2);
    expect(readUnits(5000, { consistent: false })).toBe(1);
    expect(readUnits(100, { consistent: true, transactional: true })).toBe(2);
  });
});
