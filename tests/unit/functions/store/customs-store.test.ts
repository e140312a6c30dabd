import { documentFileObject, type DocumentsRecord } from '../../../../functions/shared/store/customs-store';

/* Where the bucket holds a document's file, from either shape of the DOCUMENTS item (functions/shared/store/customs-store.ts). */
const hash = (digit: string) => `sha256:${digit.repeat(64)}`;
const document = (offsets?: { json: number; pdf: number }) => ({
  type: 'packing-list' as const,
  documentType: 'packing-list' as const,
  documentNumber: 'PL-ord_1-V2',
  contentHash: hash('a'),
  json: { key: 'orders/ord_1/v2/packing-list.json', sizeBytes: 120, sha256: hash('b'), ...(offsets === undefined ? {} : { offset: offsets.json }) },
  pdf: { key: 'orders/ord_1/v2/packing-list.pdf', sizeBytes: 3400, sha256: hash('c'), ...(offsets === undefined ? {} : { offset: offsets.pdf }) },
});
const record = (packedKey: string | undefined, documents: DocumentsRecord['documents']): DocumentsRecord => ({
  orderId: 'ord_1',
  orderVersion: 2,
  generatedAt: '2026-11-22T10:06:00.000Z',
  ...(packedKey === undefined ? {} : { packedKey }),
  documents,
});

describe('documentFileObject', () => {
  it('places a packed file at its offset in the version object, for its size', () => {
    const packed = document({ json: 5000, pdf: 5120 });
    expect(documentFileObject(record('orders/ord_1/v2/documents.bin', [packed]), packed, 'pdf')).toEqual({
      key: 'orders/ord_1/v2/packing-list.pdf',
      format: 'pdf',
      sizeBytes: 3400,
      sha256: hash('c'),
      packed: { key: 'orders/ord_1/v2/documents.bin', range: { offset: 5120, length: 3400 } },
    });
  });

  it('reads a record written before packing as one object per file', () => {
    const whole = document();
    expect(documentFileObject(record(undefined, [whole]), whole, 'json')).toEqual({
      key: 'orders/ord_1/v2/packing-list.json',
      format: 'json',
      sizeBytes: 120,
      sha256: hash('b'),
    });
  });

  it('refuses a record with half a packed location rather than guess', () => {
    const packed = document({ json: 0, pdf: 120 });
    expect(() => documentFileObject(record(undefined, [packed]), packed, 'json')).toThrow(/half a packed location/);
    const whole = document();
    expect(() => documentFileObject(record('orders/ord_1/v2/documents.bin', [whole]), whole, 'json')).toThrow(/half a packed location/);
  });
});
