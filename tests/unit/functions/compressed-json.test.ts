import { gzipJson, readMaybeGzipped } from '../../../functions/shared/store/compressed-json';

describe('large attributes stored gzipped', () => {
  it('reads back what was written, far smaller than its JSON', () => {
    // Prepare
    const quotes = Array.from({ length: 40 }, (_, index) => ({
      serviceCode: `svc-${index % 5}`,
      lines: [{ code: 'freight', amount: 1234 + index, currency: 'USD' }],
    }));

    // Act
    const packed = gzipJson(quotes);

    // Assess
    expect(readMaybeGzipped({ resultGz: packed }, 'result')).toEqual(quotes);
    expect(packed.length).toBeLessThan(JSON.stringify(quotes).length / 4);
  });

  it('still reads an item written before, with the plain attribute', () => {
    expect(readMaybeGzipped({ result: { quotes: [] } }, 'result')).toEqual({ quotes: [] });
  });
});
