import { checkAirWaybill, checkBillOfLading, checkContainerNumber, checkCustomsEntry, checkLocode } from '../../../../domain/inbound';

describe('transport and customs references', () => {
  it('checks ISO 6346 container check digits (CSQU3054383 is the standard’s own example)', () => {
    expect(checkContainerNumber('CSQU 305438 3')).toEqual({ valid: true, normalized: 'CSQU3054383' });
    expect(checkContainerNumber('MSKU1234565').valid).toBe(true);
    expect(checkContainerNumber('CSQU3054384')).toMatchObject({ valid: false, message: expect.stringContaining('expected 3') });
    expect(checkContainerNumber('CSQX3054383').valid).toBe(false);
  });

  it('checks IATA air waybill check digits (the serial’s first seven digits mod 7)', () => {
    expect(checkAirWaybill('160 1234567 5')).toEqual({ valid: true, normalized: '160-12345675' });
    expect(checkAirWaybill('160-12345676').valid).toBe(false);
    expect(checkAirWaybill('16-12345675').valid).toBe(false);
  });

  it('reads bills of lading, UN/LOCODEs and each country’s customs entry number by their patterns', () => {
    expect(checkBillOfLading('maeu 123456789').valid).toBe(true);
    expect(checkLocode('mx zlo')).toEqual({ valid: true, normalized: 'MXZLO' });
    expect(checkLocode('MX-ZLO').valid).toBe(false);
    expect(checkCustomsEntry('MX', '264730636000123')).toEqual({ valid: true, normalized: '26  47  3063  6000123' });
    expect(checkCustomsEntry('MX', '26 47 3063 600012').valid).toBe(false);
    expect(checkCustomsEntry('BR', '26/1234567-8').valid).toBe(true);
    expect(checkCustomsEntry('BR', '26BR0000012345-6').valid).toBe(true);
    expect(checkCustomsEntry('US', 'ab1 1234567 8'.replace(/ /g, '')).valid).toBe(true);
    expect(checkCustomsEntry('US', 'AB1-123456-8').valid).toBe(false);
  });
});
