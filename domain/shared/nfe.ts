/**
 * The NF-e access key (chave de acesso): the 44 digits that identify a Brazilian electronic
 * invoice, which a domestic parcel in Brazil must carry (carriers take it with the label: Correios'
 * pre-posting `chaveNFe`, Jadlog for company senders). Layout and check digit from the MOC (Manual de
 * Orientação do Contribuinte), as summarised in /work/notes/fulfilment-facts.md §2.1–2.2:
 *
 * | positions | field | |
 * | 1–2 | cUF | IBGE code of the issuer's state |
 * | 3–6 | AAMM | year and month of issue |
 * | 7–20 | CNPJ | issuer |
 * | 21–22 | mod | 55 = NF-e (65 NFC-e, 57 CT-e, 58 MDF-e share the layout) |
 * | 23–25 | série | |
 * | 26–34 | nNF | invoice number |
 * | 35 | tpEmis | emission type |
 * | 36–43 | cNF | random code |
 * | 44 | cDV | módulo 11 check digit, weights 2..9 from the right |
 *
 * Sources: webmaniabr.com/blog/entenda-como-funciona-a-chave-de-acesso-da-nf-e;
 * kb.dynamicca.com.br/article/chave_acesso_documento_fiscal_eletronico (2019-07-31, the IBGE table).
 */

export const NFE_KEY_LENGTH = 44;

/** IBGE codes of the 27 federative units (the key's cUF). 99 (foreign trade) never issues a domestic NF-e. */
export const IBGE_STATE_CODES: Readonly<Record<string, string>> = {
  '11': 'RO',
  '12': 'AC',
  '13': 'AM',
  '14': 'RR',
  '15': 'PA',
  '16': 'AP',
  '17': 'TO',
  '21': 'MA',
  '22': 'PI',
  '23': 'CE',
  '24': 'RN',
  '25': 'PB',
  '26': 'PE',
  '27': 'AL',
  '28': 'SE',
  '29': 'BA',
  '31': 'MG',
  '32': 'ES',
  '33': 'RJ',
  '35': 'SP',
  '41': 'PR',
  '42': 'SC',
  '43': 'RS',
  '50': 'MS',
  '51': 'MT',
  '52': 'GO',
  '53': 'DF',
};

/** The model of an NF-e (goods invoice). */
export const NFE_MODEL = '55';

export type NfeKeyProblem = 'NFE_KEY_FORMAT' | 'NFE_KEY_LENGTH' | 'NFE_KEY_STATE' | 'NFE_KEY_MONTH' | 'NFE_KEY_MODEL' | 'NFE_KEY_CHECK_DIGIT';

export type NfeKeyResult =
  | { readonly valid: true; readonly key: string; readonly state: string; readonly issuedMonth: string; readonly cnpj: string }
  | { readonly valid: false; readonly code: NfeKeyProblem; readonly message: string };

/** The check digit of the first 43 digits: módulo 11, weights 2, 3, … 9, 2, … from the rightmost digit; 0 when the remainder is 0 or 1. */
export function nfeCheckDigit(first43: string): number {
  let sum = 0;
  let weight = 2;
  for (let index = first43.length - 1; index >= 0; index -= 1) {
    sum += Number(first43[index]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/**
 * Validates an NF-e access key: 44 digits once spaces, dots and hyphens are removed (DANFEs print it
 * in groups of four), a real state code, a month 01–12, model 55 and the check digit.
 */
export function validateNfeAccessKey(raw: string): NfeKeyResult {
  const key = raw.replace(/[\s.-]/g, '');
  if (!/^\d*$/.test(key)) return { valid: false, code: 'NFE_KEY_FORMAT', message: 'must hold only digits (the 44-digit chave de acesso of the NF-e)' };
  if (key.length !== NFE_KEY_LENGTH) {
    return { valid: false, code: 'NFE_KEY_LENGTH', message: `must be ${NFE_KEY_LENGTH} digits (the chave de acesso of the NF-e); ${key.length} given` };
  }
  const cUF = key.slice(0, 2);
  const state = IBGE_STATE_CODES[cUF];
  if (state === undefined) {
    return { valid: false, code: 'NFE_KEY_STATE', message: `starts with ${cUF}, which is not the IBGE code of a Brazilian state (e.g. 35 for SP)` };
  }
  const month = Number(key.slice(4, 6));
  if (month < 1 || month > 12) {
    return { valid: false, code: 'NFE_KEY_MONTH', message: `digits 3–6 must be the year and month of issue (AAMM); month ${key.slice(4, 6)} does not exist` };
  }
  const model = key.slice(20, 22);
  if (model !== NFE_MODEL) {
    return { valid: false, code: 'NFE_KEY_MODEL', message: `is a model ${model} document; a parcel needs an NF-e, model ${NFE_MODEL} (digits 21–22)` };
  }
  const expected = nfeCheckDigit(key.slice(0, 43));
  if (Number(key[43]) !== expected) {
    return {
      valid: false,
      code: 'NFE_KEY_CHECK_DIGIT',
      message: `has a wrong check digit: the last digit should be ${expected} (módulo 11); check for a mistyped digit`,
    };
  }
  return { valid: true, key, state, issuedMonth: `20${key.slice(2, 4)}-${key.slice(4, 6)}`, cnpj: key.slice(6, 20) };
}
