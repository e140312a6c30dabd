/**
 * Recipient tax-id validators for order intake and customs checks.
 *
 * Pure functions, no I/O, no clock. The algorithms follow python-stdnum
 * (https://github.com/arthurdejong/python-stdnum, stdnum/{br,mx,cl,co,pe}/*.py) as summarised in
 * /work/shared/reference/domain-facts.md §2 "RECIPIENT IDs"; the alphanumeric CNPJ follows
 * IN RFB 2.229/2024 (character value = ASCII − 48), which the stored stdnum does not support yet.
 *
 * Every validator accepts formatting punctuation (spaces, dots, hyphens/dashes, slashes,
 * underscores), is case-insensitive, and returns the compact upper-case form as `normalized`.
 */

export type TaxIdKind = 'CPF' | 'CNPJ' | 'RFC' | 'CURP' | 'RUT' | 'NIT' | 'CEDULA' | 'DNI' | 'RUC';

export type TaxIdCountry = 'MX' | 'BR' | 'CL' | 'CO' | 'PE' | 'US';

export type TaxIdErrorCode =
  /** Nothing (or only punctuation) was given. */
  | 'TAX_ID_MISSING'
  /** Characters that cannot appear in this kind of id, or a shape the country accepts in no kind. */
  | 'TAX_ID_FORMAT'
  /** Right characters, wrong count. */
  | 'TAX_ID_LENGTH'
  /** The check digit(s) do not match the number. */
  | 'TAX_ID_CHECK_DIGIT'
  /** A placeholder such as 111.111.111-11 that passes the arithmetic but is never issued. */
  | 'TAX_ID_REPEATED_DIGITS'
  /** The date embedded in an RFC or CURP is not a calendar date. */
  | 'TAX_ID_DATE'
  /** A coded part is out of range: CURP sex or state, RUC type prefix. */
  | 'TAX_ID_COMPONENT'
  /** `kind` was given but the destination does not accept that kind. */
  | 'TAX_ID_KIND_NOT_ACCEPTED';

export type TaxIdValid = { valid: true; kind: TaxIdKind; normalized: string; warnings: string[] };
export type TaxIdInvalid = { valid: false; kind?: TaxIdKind; code: TaxIdErrorCode; message: string };
export type TaxIdResult = TaxIdValid | TaxIdInvalid;

/**
 * What `validateRecipientTaxId` returns. Besides a `TaxIdResult`, a destination that requires no
 * tax id (the US) yields an *unclassified* value: `valid: true`, `kind: undefined`, kept as given
 * (trimmed) and never checked.
 */
export type UnclassifiedTaxId = { valid: true; kind: undefined; normalized: string; warnings: string[] };
export type RecipientTaxIdResult = TaxIdResult | UnclassifiedTaxId;

export type TaxIdRequirement = {
  country: TaxIdCountry;
  /**
   * true: a recipient tax id must be collected; false: not needed; null: the reference does not
   * establish it either way (always with `uncertain: true` and a `note`). Callers decide what to do
   * with null; collecting the id when the buyer offers one is the safe default.
   */
  required: boolean | null;
  /** Kinds `validateRecipientTaxId` accepts for this destination (empty: nothing is checked). */
  acceptedKinds: readonly TaxIdKind[];
  /** Where the requirement comes from; null when no source confirms it. */
  source: string | null;
  /** ISO date from which the requirement applies; null when unknown. */
  effectiveFrom: string | null;
  /** true when `required` (or anything else here) is not confirmed by a source. */
  uncertain: boolean;
  note?: string;
};

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** Separators people type inside ids: whitespace, dots, hyphen and dash variants, slash, underscore. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212/_]/gu;

function compact(value: string): string {
  return value.normalize('NFC').replace(SEPARATORS, '').toUpperCase();
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function digitsOf(s: string): number[] {
  return Array.from(s, (ch) => ch.charCodeAt(0) - 48);
}

function isRepeated(s: string): boolean {
  return s.length > 1 && [...s].every((ch) => ch === s[0]);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of `month`.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ok(kind: TaxIdKind, normalized: string, warnings: string[] = []): TaxIdValid {
  return { valid: true, kind, normalized, warnings };
}

function fail(kind: TaxIdKind | undefined, code: TaxIdErrorCode, message: string): TaxIdInvalid {
  return kind === undefined ? { valid: false, code, message } : { valid: false, kind, code, message };
}

function missing(kind: TaxIdKind, label: string): TaxIdInvalid {
  return fail(kind, 'TAX_ID_MISSING', `The recipient's ${label} is empty.`);
}

// ---------------------------------------------------------------------------------------------
// Brazil

function cpfCheckDigit(values: readonly number[]): number {
  // Weights run from values.length + 1 down to 2; 10 and 11 both become 0.
  const sum = values.reduce((acc, v, i) => acc + v * (values.length + 1 - i), 0);
  const d = 11 - (sum % 11);
  return d >= 10 ? 0 : d;
}

/** CPF (Brazilian individual taxpayer number): 11 digits, the last two are check digits. */
export function validateCpf(value: string): TaxIdResult {
  const n = compact(value);
  if (n === '') return missing('CPF', 'CPF');
  if (!/^\d+$/.test(n)) {
    return fail('CPF', 'TAX_ID_FORMAT', 'A CPF may contain only digits (dots and a dash as separators are fine).');
  }
  if (n.length !== 11) {
    return fail('CPF', 'TAX_ID_LENGTH', `A CPF has 11 digits; this one has ${n.length}.`);
  }
  // Passes the arithmetic but is never issued; not in stdnum, but universal practice (reference §2).
  if (isRepeated(n)) {
    return fail('CPF', 'TAX_ID_REPEATED_DIGITS', 'A CPF made of one repeated digit is a placeholder, not a real CPF.');
  }
  const body = digitsOf(n.slice(0, 9));
  const d1 = cpfCheckDigit(body);
  const d2 = cpfCheckDigit([...body, d1]);
  if (n.slice(9) !== `${d1}${d2}`) {
    return fail('CPF', 'TAX_ID_CHECK_DIGIT', 'This CPF is not valid: its last two digits do not match. Please check it with the buyer.');
  }
  return ok('CPF', n);
}

function cnpjCheckDigit(values: readonly number[]): number {
  // Weights 2..9 repeating from the right: 5,4,3,2,9,8,7,6,5,4,3,2 for 12 values, 6,5,4,... for 13.
  const last = values.length - 1;
  const sum = values.reduce((acc, v, i) => acc + v * (2 + ((last - i) % 8)), 0);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/**
 * CNPJ (Brazilian company number): 14 characters. Since July 2026 (IN RFB 2.229/2024) the first 12
 * may be letters A–Z as well as digits; the two check digits stay numeric. Each character counts
 * as its ASCII code − 48 (so digits keep their value and A = 17), which keeps old CNPJs valid.
 */
export function validateCnpj(value: string): TaxIdResult {
  const n = compact(value);
  if (n === '') return missing('CNPJ', 'CNPJ');
  if (!/^[0-9A-Z]+$/.test(n)) {
    return fail('CNPJ', 'TAX_ID_FORMAT', 'A CNPJ may contain only letters and digits (dots, a slash and a dash as separators are fine).');
  }
  if (n.length !== 14) {
    return fail('CNPJ', 'TAX_ID_LENGTH', `A CNPJ has 14 characters; this one has ${n.length}.`);
  }
  if (!/^\d{2}$/.test(n.slice(12))) {
    return fail('CNPJ', 'TAX_ID_FORMAT', 'The last two characters of a CNPJ (its check digits) must be digits.');
  }
  // 00.000.000/0000-00 passes the arithmetic; repeated values are placeholders.
  if (isRepeated(n)) {
    return fail('CNPJ', 'TAX_ID_REPEATED_DIGITS', 'A CNPJ made of one repeated digit is a placeholder, not a real CNPJ.');
  }
  const body = digitsOf(n.slice(0, 12));
  const d1 = cnpjCheckDigit(body);
  const d2 = cnpjCheckDigit([...body, d1]);
  if (n.slice(12) !== `${d1}${d2}`) {
    return fail('CNPJ', 'TAX_ID_CHECK_DIGIT', 'This CNPJ is not valid: its last two digits do not match. Please check it with the buyer.');
  }
  return ok('CNPJ', n);
}

// ---------------------------------------------------------------------------------------------
// Mexico

const RFC_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
const RFC_PATTERN = /^[A-Z&Ñ]{3,4}\d{6}[0-9A-Z]{3}$/u;
const RFC_WITHOUT_HOMOCLAVE = /^[A-Z&Ñ]{3,4}\d{6}$/u;

/** SAT's generic RFCs: they identify no one, so customs may still ask for a personal id. */
const GENERIC_RFCS: Readonly<Record<string, string>> = {
  XAXX010101000: "XAXX010101000 is SAT's generic RFC for the general public; it does not identify the recipient, so customs may ask for their own RFC or CURP.",
  XEXX010101000: "XEXX010101000 is SAT's generic RFC for foreigners; it does not identify the recipient, so customs may ask for their own id.",
};

function rfcCheckDigit(withoutCheck: string): string {
  // Left-pad with spaces to 12 so companies (11 chars) and people (12) share the weights 13..2.
  const padded = withoutCheck.padStart(12, ' ');
  const sum = Array.from(padded).reduce((acc, ch, i) => acc + RFC_ALPHABET.indexOf(ch) * (13 - i), 0);
  return RFC_ALPHABET.charAt(mod(11 - sum, 11));
}

/**
 * RFC (Mexican taxpayer number): 13 characters for people (4 letters), 12 for companies
 * (3 letters), then a yymmdd date and a 3-character homoclave whose last character is a check digit.
 *
 * A check-digit mismatch is only a warning: about 1.5% of RFCs SAT has issued fail it (python-stdnum
 * skips the check by default). The generic RFCs are accepted with a warning.
 */
export function validateRfc(value: string): TaxIdResult {
  const n = compact(value);
  if (n === '') return missing('RFC', 'RFC');
  const generic = GENERIC_RFCS[n];
  if (generic !== undefined) return ok('RFC', n, [generic]);
  if (RFC_WITHOUT_HOMOCLAVE.test(n)) {
    return fail('RFC', 'TAX_ID_LENGTH', 'This RFC lacks its last 3 characters (the homoclave); please ask the buyer for the full RFC.');
  }
  if (!RFC_PATTERN.test(n)) {
    return fail('RFC', 'TAX_ID_FORMAT', 'An RFC is 3 letters (company) or 4 letters (person), then 6 digits of date, then 3 letters or digits.');
  }
  const dateStart = n.length === 13 ? 4 : 3;
  const [yy, mm, dd] = [0, 2, 4].map((o) => Number(n.slice(dateStart + o, dateStart + o + 2))) as [number, number, number];
  // The century is not encoded; 2000 + yy is a leap year exactly when 19yy is (1900 aside, which no RFC holds).
  if (!isCalendarDate(2000 + yy, mm, dd)) {
    return fail('RFC', 'TAX_ID_DATE', 'The date inside this RFC (the 6 digits after the letters) is not a real date.');
  }
  const warnings: string[] = [];
  if (rfcCheckDigit(n.slice(0, -1)) !== n.slice(-1)) {
    warnings.push(
      "This RFC's last character does not match SAT's check-digit formula. Some real RFCs are issued that way, so it was accepted; confirm it with the buyer if customs rejects it.",
    );
  }
  return ok('RFC', n, warnings);
}

const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ';
// [HM] follows the reference; a CURP with another sex marker would be rejected (see TAX_ID_COMPONENT).
const CURP_PATTERN = /^[A-Z]{4}\d{6}[A-Z]{6}[0-9A-Z]\d$/;
/** The 32 federal entities plus NE (born abroad), as listed by python-stdnum. */
const CURP_STATES = new Set('AS BC BS CC CH CL CM CS DF DG GR GT HG JC MC MN MS NE NL NT OC PL QR QT SL SP SR TC TL TS VZ YN ZS'.split(' '));

function curpCheckDigit(first17: string): string {
  const sum = Array.from(first17).reduce((acc, ch, i) => acc + CURP_ALPHABET.indexOf(ch) * (18 - i), 0);
  return String(mod(10 - (sum % 10), 10));
}

/**
 * CURP (Mexican population registry key): 18 characters — 4 letters, yymmdd birth date, sex H/M,
 * 2-letter state, 3 consonants, a century character (digit: 1900s, letter: 2000s), a check digit.
 */
export function validateCurp(value: string): TaxIdResult {
  const n = compact(value);
  if (n === '') return missing('CURP', 'CURP');
  if (!/^[0-9A-Z]+$/.test(n)) {
    return fail('CURP', 'TAX_ID_FORMAT', 'A CURP may contain only letters and digits.');
  }
  if (n.length !== 18) {
    return fail('CURP', 'TAX_ID_LENGTH', `A CURP has 18 characters; this one has ${n.length}.`);
  }
  if (!CURP_PATTERN.test(n)) {
    return fail('CURP', 'TAX_ID_FORMAT', 'A CURP is 4 letters, 6 digits of birth date, 6 letters, a letter or digit and a final digit.');
  }
  const century = /\d/.test(n.charAt(16)) ? 1900 : 2000;
  if (!isCalendarDate(century + Number(n.slice(4, 6)), Number(n.slice(6, 8)), Number(n.slice(8, 10)))) {
    return fail('CURP', 'TAX_ID_DATE', 'The birth date inside this CURP (the 6 digits after the first 4 letters) is not a real date.');
  }
  if (!'HM'.includes(n.charAt(10))) {
    return fail('CURP', 'TAX_ID_COMPONENT', 'The 11th character of a CURP must be H or M.');
  }
  if (!CURP_STATES.has(n.slice(11, 13))) {
    return fail('CURP', 'TAX_ID_COMPONENT', 'Characters 12–13 of this CURP are not a Mexican state code.');
  }
  if (curpCheckDigit(n.slice(0, 17)) !== n.charAt(17)) {
    return fail('CURP', 'TAX_ID_CHECK_DIGIT', 'This CURP is not valid: its last digit does not match. Please check it with the buyer.');
  }
  return ok('CURP', n);
}

// ---------------------------------------------------------------------------------------------
// Chile

function rutCheckDigit(body: string): string {
  const values = digitsOf(body);
  const last = values.length - 1;
  // Weights 2..7 repeating from the right.
  const sum = values.reduce((acc, v, i) => acc + v * (2 + ((last - i) % 6)), 0);
  const v = 11 - (sum % 11);
  return v === 11 ? '0' : v === 10 ? 'K' : String(v);
}

/**
 * RUT/RUN (Chilean tax and national id): a 7–8 digit body and a check character 0–9 or K.
 * Accepts "12.345.678-5", "12345678-5", "123456785" and a leading "CL". Normalized: "123456785".
 */
export function validateRut(value: string): TaxIdResult {
  let n = compact(value);
  if (n.startsWith('CL')) n = n.slice(2);
  if (n === '') return missing('RUT', 'RUT');
  if (!/^\d+[\dK]$/.test(n)) {
    return fail('RUT', 'TAX_ID_FORMAT', 'A RUT is digits followed by a check digit or K, in the form 12.345.678-5.');
  }
  if (n.length < 8 || n.length > 9) {
    return fail('RUT', 'TAX_ID_LENGTH', 'A RUT has 7 or 8 digits plus its check digit.');
  }
  if (rutCheckDigit(n.slice(0, -1)) !== n.slice(-1)) {
    return fail('RUT', 'TAX_ID_CHECK_DIGIT', 'This RUT is not valid: the character after the dash does not match. Please check it with the buyer.');
  }
  return ok('RUT', n);
}

// ---------------------------------------------------------------------------------------------
// Colombia

const NIT_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;

function nitCheckDigit(body: string): string {
  const values = digitsOf(body).reverse();
  const sum = values.reduce((acc, v, i) => acc + v * (NIT_WEIGHTS[i] ?? 0), 0);
  const r = sum % 11;
  return String(r < 2 ? r : 11 - r);
}

/** NIT (Colombian tax number): 8–16 digits including the final check digit, e.g. 900.206.480-2. */
export function validateNit(value: string): TaxIdResult {
  const n = compact(value);
  if (n === '') return missing('NIT', 'NIT');
  if (!/^\d+$/.test(n)) {
    return fail('NIT', 'TAX_ID_FORMAT', 'A NIT may contain only digits (dots and a dash before the check digit are fine).');
  }
  if (n.length < 8 || n.length > 16) {
    return fail('NIT', 'TAX_ID_LENGTH', 'A NIT has 8 to 16 digits including the check digit after the dash.');
  }
  if (nitCheckDigit(n.slice(0, -1)) !== n.slice(-1)) {
    return fail('NIT', 'TAX_ID_CHECK_DIGIT', 'This NIT is not valid: the digit after the dash does not match. Please check it with the buyer.');
  }
  return ok('NIT', n);
}

/**
 * Cédula de ciudadanía (Colombian national id): 6–10 digits. The reference found no check-digit
 * rule, so only the shape is checked and the result carries a warning saying so.
 */
export function validateCedula(value: string): TaxIdResult {
  const n = compact(value);
  if (n === '') return missing('CEDULA', 'cédula');
  if (!/^\d+$/.test(n)) {
    return fail('CEDULA', 'TAX_ID_FORMAT', 'A Colombian cédula may contain only digits.');
  }
  if (n.length < 6 || n.length > 10) {
    return fail('CEDULA', 'TAX_ID_LENGTH', `A Colombian cédula has 6 to 10 digits; this one has ${n.length}.`);
  }
  return ok('CEDULA', n, ['A Colombian cédula has no check digit, so only its length was checked.']);
}

// ---------------------------------------------------------------------------------------------
// Peru

const DNI_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The two check characters printed on a Peruvian DNI are equivalent: a digit and a letter. */
function dniCheckChars(eightDigits: string): [string, string] {
  const sum = digitsOf(eightDigits).reduce((acc, v, i) => acc + v * (DNI_WEIGHTS[i] ?? 0), 0);
  const c = sum % 11;
  return ['65432110987'.charAt(c), 'KJIHGFEDCBA'.charAt(c)];
}

/**
 * DNI (Peruvian national id, the CUI): 8 digits, optionally followed by the check character printed
 * on the card (a digit or a letter A–K), which is verified when present. Normalized to the 8 digits,
 * the form SUNAT and customs use.
 */
export function validateDni(value: string): TaxIdResult {
  const n = compact(value);
  if (n === '') return missing('DNI', 'DNI');
  if (!/^[0-9A-Z]+$/.test(n)) {
    return fail('DNI', 'TAX_ID_FORMAT', 'A DNI may contain only digits, plus an optional check letter at the end.');
  }
  if (n.length !== 8 && n.length !== 9) {
    return fail('DNI', 'TAX_ID_LENGTH', 'A DNI has 8 digits (9 characters with its check digit or letter).');
  }
  if (!/^\d{8}[0-9A-Z]?$/.test(n)) {
    return fail('DNI', 'TAX_ID_FORMAT', 'A DNI is 8 digits, optionally followed by its check digit or letter.');
  }
  const digits = n.slice(0, 8);
  if (n.length === 9 && !dniCheckChars(digits).includes(n.charAt(8))) {
    return fail('DNI', 'TAX_ID_CHECK_DIGIT', 'The check character after this DNI does not match its 8 digits. Please check it with the buyer.');
  }
  return ok('DNI', digits);
}

const RUC_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
/** 10: natural person ("10" + DNI + check digit); 15, 17: other persons; 20: legal entities. */
const RUC_PREFIXES = new Set(['10', '15', '17', '20']);

function rucCheckDigit(first10: string): string {
  const sum = digitsOf(first10).reduce((acc, v, i) => acc + v * (RUC_WEIGHTS[i] ?? 0), 0);
  return String((11 - (sum % 11)) % 10);
}

/** RUC (Peruvian taxpayer number): 11 digits starting 10, 15, 17 or 20, the last one a check digit. */
export function validateRuc(value: string): TaxIdResult {
  const n = compact(value);
  if (n === '') return missing('RUC', 'RUC');
  if (!/^\d+$/.test(n)) {
    return fail('RUC', 'TAX_ID_FORMAT', 'A RUC may contain only digits.');
  }
  if (n.length !== 11) {
    return fail('RUC', 'TAX_ID_LENGTH', `A RUC has 11 digits; this one has ${n.length}.`);
  }
  if (!RUC_PREFIXES.has(n.slice(0, 2))) {
    return fail('RUC', 'TAX_ID_COMPONENT', 'A RUC starts with 10, 15, 17 or 20.');
  }
  if (rucCheckDigit(n.slice(0, 10)) !== n.charAt(10)) {
    return fail('RUC', 'TAX_ID_CHECK_DIGIT', 'This RUC is not valid: its last digit does not match. Please check it with the buyer.');
  }
  return ok('RUC', n);
}

// ---------------------------------------------------------------------------------------------
// By destination

const VALIDATORS: Readonly<Record<TaxIdKind, (value: string) => TaxIdResult>> = {
  CPF: validateCpf,
  CNPJ: validateCnpj,
  RFC: validateRfc,
  CURP: validateCurp,
  RUT: validateRut,
  NIT: validateNit,
  CEDULA: validateCedula,
  DNI: validateDni,
  RUC: validateRuc,
};

/** Validate one id of a known kind. */
export function validateTaxId(kind: TaxIdKind, value: string): TaxIdResult {
  return VALIDATORS[kind](value);
}

const STDNUM = 'https://github.com/arthurdejong/python-stdnum';

const REQUIREMENTS: Readonly<Record<TaxIdCountry, TaxIdRequirement>> = {
  BR: {
    country: 'BR',
    required: true,
    acceptedKinds: ['CPF', 'CNPJ'],
    source: 'https://www.folhape.com.br/economia/cpfcnpj-passa-a-ser-obrigatorio-em-encomendas-internacionais/126570/',
    effectiveFrom: '2020-01-01',
    uncertain: false,
    note:
      'CPF, CNPJ or passport on every international parcel. Passports are not validated here. ' +
      'Alphanumeric CNPJs are issued from July 2026 (IN RFB 2.229/2024, https://omunicipio.com.br/cnpj-tera-letras-e-numeros-em-2026-anuncia-receita-federal/).',
  },
  MX: {
    country: 'MX',
    required: null,
    acceptedKinds: ['RFC', 'CURP'],
    source: null,
    effectiveFrom: null,
    uncertain: true,
    note: `Unconfirmed: the reference did not find which Mexican id couriers must collect for the recipient. RFC or CURP are validated when given (formats: ${STDNUM}).`,
  },
  CL: {
    country: 'CL',
    required: null,
    acceptedKinds: ['RUT'],
    source: null,
    effectiveFrom: null,
    uncertain: true,
    note: 'Unconfirmed: couriers commonly ask for the recipient RUT, but the reference has no source making it mandatory.',
  },
  CO: {
    country: 'CO',
    required: null,
    acceptedKinds: ['NIT', 'CEDULA'],
    source: null,
    effectiveFrom: null,
    uncertain: true,
    note:
      'Unconfirmed: the reference has no source on whether a recipient id is required. ' +
      'The cédula has no known check digit, so it is checked for length only.',
  },
  PE: {
    country: 'PE',
    required: null,
    acceptedKinds: ['DNI', 'RUC'],
    source: null,
    effectiveFrom: null,
    uncertain: true,
    note: 'Unconfirmed: a DNI is reportedly required above certain declared values, but neither the threshold nor the rule is sourced in the reference.',
  },
  US: {
    country: 'US',
    required: false,
    acceptedKinds: [],
    source: null,
    effectiveFrom: null,
    uncertain: true,
    note:
      'Working assumption, not sourced: individual US recipients need no tax id, so any value is passed through unchecked. ' +
      'With de minimis suspended, entries may need an importer identifier; not researched.',
  },
};

/** Whether a recipient tax id is required for a destination, which kinds are accepted, and on what authority. */
export function taxIdRequirement(country: TaxIdCountry): Readonly<TaxIdRequirement> {
  // A copy, so a caller cannot change the table for everyone else.
  const requirement = REQUIREMENTS[country];
  return { ...requirement, acceptedKinds: [...requirement.acceptedKinds] };
}

/** A check digit set off by a dash at the end ("900.206.480-2") marks a NIT rather than a cédula. */
const TRAILING_DASHED_DIGIT = /[-\u2010-\u2015\u2212]\s*\d\s*$/u;

function detectKind(country: Exclude<TaxIdCountry, 'US'>, raw: string, n: string): TaxIdKind | undefined {
  switch (country) {
    case 'BR':
      return n.length === 11 ? 'CPF' : n.length === 14 ? 'CNPJ' : undefined;
    case 'MX':
      return n.length === 18 ? 'CURP' : n.length >= 10 && n.length <= 13 ? 'RFC' : undefined;
    case 'CL':
      return 'RUT';
    case 'CO':
      if (!/^\d+$/.test(n)) return undefined;
      if (TRAILING_DASHED_DIGIT.test(raw) || n.length > 10) return 'NIT';
      // Heuristic (unsourced): company NITs are 9 digits from 800 000 000 up plus the check digit,
      // while 10-digit cédulas start with 1.
      if (n.length === 10 && /^[89]/.test(n)) return 'NIT';
      return n.length >= 6 ? 'CEDULA' : undefined;
    case 'PE':
      return n.length === 11 ? 'RUC' : n.length === 8 || n.length === 9 ? 'DNI' : undefined;
  }
}

const SHAPES: Readonly<Record<Exclude<TaxIdCountry, 'US'>, string>> = {
  BR: 'a CPF (11 digits) or a CNPJ (14 characters)',
  MX: 'an RFC (12 or 13 characters) or a CURP (18 characters)',
  CL: 'a RUT, in the form 12.345.678-5',
  CO: 'a NIT (with its check digit after a dash) or a cédula (6 to 10 digits)',
  PE: 'a DNI (8 digits) or a RUC (11 digits)',
};

/**
 * Validate the recipient's tax id for a destination.
 *
 * - With `kind`: that kind must be accepted for the country (else TAX_ID_KIND_NOT_ACCEPTED), then
 *   its validator decides.
 * - Without `kind`, the kind is chosen by shape: BR by length (11 CPF, 14 CNPJ); MX by length
 *   (18 CURP, 10–13 RFC); CL always RUT; CO NIT when the check digit is set off by a dash, when
 *   longer than 10 digits, or 10 digits starting 8/9, otherwise cédula; PE 11 digits RUC, 8–9 DNI.
 *   Pass `kind` when the buyer said which id it is: shape cannot always tell a Colombian NIT from a cédula.
 * - Empty value: TAX_ID_MISSING, whether or not the country requires an id (the caller decides,
 *   with `taxIdRequirement`, whether a missing id blocks the order).
 * - US: no kind is accepted; any non-empty value comes back unclassified (`kind: undefined`),
 *   trimmed, with a warning that it was not checked.
 */
export function validateRecipientTaxId(country: TaxIdCountry, value: string, kind?: TaxIdKind): RecipientTaxIdResult {
  const requirement = REQUIREMENTS[country];
  if (kind !== undefined && !requirement.acceptedKinds.includes(kind)) {
    const accepted = requirement.acceptedKinds.length > 0 ? requirement.acceptedKinds.join(' or ') : 'no tax id';
    return fail(kind, 'TAX_ID_KIND_NOT_ACCEPTED', `A ${kind} is not accepted for recipients in ${country}; accepted: ${accepted}.`);
  }
  // Runtime guard: intake payloads come from outside the type system.
  const raw = typeof value === 'string' ? value : '';
  const n = compact(raw);
  if (n === '') {
    return fail(kind, 'TAX_ID_MISSING', "The recipient's tax id is empty.");
  }
  if (country === 'US') {
    return {
      valid: true,
      kind: undefined,
      normalized: raw.trim(),
      warnings: ['US recipients do not need a tax id; this value was kept as given without checking.'],
    };
  }
  const chosen = kind ?? detectKind(country, raw, n);
  if (chosen === undefined) {
    return fail(undefined, 'TAX_ID_FORMAT', `A recipient in ${country} needs ${SHAPES[country]}; this value matches neither.`);
  }
  return VALIDATORS[chosen](raw);
}
