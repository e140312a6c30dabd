import fc from 'fast-check';
import { packFiles, rangeHeader } from '../../../../functions/shared/store/document-pack';

/* An order version's files packed into one object (functions/shared/store/document-pack.ts). */
describe('packFiles', () => {
  it('puts the files back to back, each at the offset the ranges give', () => {
    const packed = packFiles([new Uint8Array([1, 2, 3]), new Uint8Array([4]), new Uint8Array([5, 6])]);
    expect([...packed.bytes]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(packed.ranges).toEqual([
      { offset: 0, length: 3 },
      { offset: 3, length: 1 },
      { offset: 4, length: 2 },
    ]);
  });

  it('gives back every file byte for byte from its range, and the same bytes for the same files', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 64 }), { minLength: 1, maxLength: 8 }), (files) => {
        const packed = packFiles(files);
        expect(packed.bytes.byteLength).toBe(files.reduce((sum, file) => sum + file.byteLength, 0));
        files.forEach((file, index) => {
          const { offset, length } = packed.ranges[index]!;
          expect(Buffer.from(packed.bytes.subarray(offset, offset + length)).equals(Buffer.from(file))).toBe(true);
        });
        expect(Buffer.from(packFiles(files.map((file) => new Uint8Array(file))).bytes).equals(Buffer.from(packed.bytes))).toBe(true);
      }),
    );
  });

  it('refuses an empty file (a range of no bytes cannot be asked for)', () => {
    expect(() => packFiles([new Uint8Array([1]), new Uint8Array(0)])).toThrow('cannot pack an empty file');
  });
});

describe('rangeHeader', () => {
  it('asks for exactly the range, with inclusive bounds', () => {
    expect(rangeHeader({ offset: 0, length: 1 })).toBe('bytes=0-0');
    expect(rangeHeader({ offset: 1234, length: 5678 })).toBe('bytes=1234-6911');
  });

  it.each([[{ offset: 0, length: 0 }], [{ offset: -1, length: 3 }], [{ offset: 1.5, length: 3 }], [{ offset: 0, length: Number.NaN }]])(
    'refuses %j',
    (range) => {
      expect(() => rangeHeader(range)).toThrow('not a byte range');
    },
  );
});
