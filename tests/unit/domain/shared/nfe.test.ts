import { nfeCheckDigit, validateNfeAccessKey } from '../../../../domain/shared/nfe';
import { NFE_KEY } from '../../../fixtures/domestic-orders';

/** A key with its check digit recomputed, so each test changes exactly one field. */
function withCheckDigit(first43: string): string {
  return `${first43}${nfeCheckDigit(first43)}`;
}

describe('NF-e access key (chave de acesso)', () => {
  it.each([
    // The worked example of notes/fulfilment-facts.md §2.2: Σ = 655, 655 mod 11 = 6, cDV = 11 − 6 = 5.
    ['a public NF-e from Rio de Janeiro', NFE_KEY, 'RJ'],
    ['the same key as a DANFE prints it, in groups of four', '3315 0308 3707 7900 0149 5500 1000 1100 9310 0241 0775', 'RJ'],
    // Constructed (FACTS §2.2): Σ = 495, remainder 0 → cDV 0.
    ['a key whose remainder is 0 (check digit 0)', '35261211222333000181550010000001231123456780', 'SP'],
  ])('accepts %s', (_, key, state) => {
    const result = validateNfeAccessKey(key);
    expect(result).toMatchObject({ valid: true, state });
  });

  it('computes the check digit by módulo 11, weights 2..9 from the right (0 for remainders 0 and 1)', () => {
    expect(nfeCheckDigit(NFE_KEY.slice(0, 43))).toBe(5);
    expect(nfeCheckDigit('3526121122233300018155001000000123112345678')).toBe(0);
  });

  it.each([
    ['a letter in it', `${NFE_KEY.slice(0, 10)}A${NFE_KEY.slice(11)}`, 'NFE_KEY_FORMAT'],
    ['43 digits', NFE_KEY.slice(0, 43), 'NFE_KEY_LENGTH'],
    ['45 digits', `${NFE_KEY}1`, 'NFE_KEY_LENGTH'],
    ['an unknown state code (34 is no state; SP is 35)', withCheckDigit(`34${NFE_KEY.slice(2, 43)}`), 'NFE_KEY_STATE'],
    ['the foreign-trade code 99', withCheckDigit(`99${NFE_KEY.slice(2, 43)}`), 'NFE_KEY_STATE'],
    ['month 13', withCheckDigit(`${NFE_KEY.slice(0, 4)}13${NFE_KEY.slice(6, 43)}`), 'NFE_KEY_MONTH'],
    ['model 65 (an NFC-e, a consumer receipt)', withCheckDigit(`${NFE_KEY.slice(0, 20)}65${NFE_KEY.slice(22, 43)}`), 'NFE_KEY_MODEL'],
    ['a wrong check digit', `${NFE_KEY.slice(0, 43)}4`, 'NFE_KEY_CHECK_DIGIT'],
    ['two digits swapped', `${NFE_KEY.slice(0, 23)}${NFE_KEY[24]}${NFE_KEY[23]}${NFE_KEY.slice(25)}`, 'NFE_KEY_CHECK_DIGIT'],
  ])('refuses %s, saying what is wrong', (_, key, code) => {
    const result = validateNfeAccessKey(key);
    expect(result).toMatchObject({ valid: false, code });
    if (!result.valid) expect(result.message.length).toBeGreaterThan(20);
  });
});
