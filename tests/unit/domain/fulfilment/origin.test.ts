import { originProblems } from '../../../../domain/fulfilment';

const toMexico = { country: 'MX' as const } as never;

describe("a warehouse order's origin", () => {
  it('is a destination warehouse of the buyer’s country', () => {
    expect(originProblems({ shipFrom: { warehouseCode: 'MX-CTT-01' }, shipTo: toMexico })).toEqual([]);
  });

  it('names shipFrom.warehouseCode for a warehouse of another country or an origin warehouse, and shipFrom for a Chinese city', () => {
    expect(originProblems({ shipFrom: { warehouseCode: 'BR-SP-01' }, shipTo: toMexico })).toEqual([
      { path: 'shipFrom.warehouseCode', message: 'BR-SP-01 is in BR; a warehouse order ships within MX (MX-CTT-01)' },
    ]);
    expect(originProblems({ shipFrom: { warehouseCode: 'SZX-01' }, shipTo: toMexico })[0]?.message).toContain('not a destination warehouse');
    expect(originProblems({ shipFrom: { city: 'Shenzhen', country: 'CN' }, shipTo: toMexico })).toEqual([
      { path: 'shipFrom', message: expect.stringContaining('send shipFrom.warehouseCode') as string },
    ]);
  });

  it('names fulfilment where Enlace has no warehouse in the country', () => {
    expect(originProblems({ shipFrom: { warehouseCode: 'MX-CTT-01' }, shipTo: { country: 'PE' } as never })).toEqual([
      { path: 'fulfilment', message: 'Enlace has no warehouse in PE yet' },
    ]);
  });
});
