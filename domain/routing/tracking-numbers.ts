/**
 * Tracking-number formats of the last-mile carriers: a pattern, the check digit where the carrier
 * has one, and a deterministic generator from a seed (sandbox booking, tests). The generator of a
 * real format always produces numbers its own validator accepts, so a sandbox label scans like a
 * real one.
 *
 * Real formats, with the check digit as published:
 * - UPU S10 (Correios, Serpost): AA 12345678 C BR, mod 11 with weights 8,6,4,2,3,5,9,7
 *   (UPU S10 standard; example AA473124829GB from its description).
 * - USPS IMpb: 22 digits starting 92/93/94/95, USPS mod 10 (weights 3,1 from the right; USPS
 *   Publication 199).
 * - UPS: 1Z + 6-character shipper + 2-digit service + 7-digit package + check (mod 10 over the 15
 *   characters after 1Z, letters as (code − 63) mod 10, odd positions doubled).
 * - FedEx Express: 12 digits, weights 3,1,7 repeating over the first 11, sum mod 11 mod 10.
 * - DHL Express: 10-digit waybill, first 9 digits mod 7.
 * Test vectors: jkeen/tracking_number_data (couriers/*.json, "test_numbers.valid").
 * Every other carrier's format is a sandbox approximation (length and alphabet only) and says so.
 */
import type { Provenance } from '../rating';

export interface TrackingFormat {
  readonly id: string;
  readonly name: string;
  /** Anchored pattern of the whole number (no spaces). */
  readonly pattern: RegExp;
  /** How the check digit works, or why there is none. */
  readonly checkDigit: string;
  readonly provenance: Provenance;
  /** A deterministic number for `seed`, valid by this format's own rules. */
  readonly generate: (seed: string) => string;
  /** Pattern and check digit. */
  readonly isValid: (trackingNumber: string) => boolean;
}

const sourced = (source: string, note: string): Provenance => ({ source, note, sandbox: false });
const sandbox = (note: string): Provenance => ({ source: 'sandbox', note, sandbox: true });

// ------------------------------------------------------------------ seeded characters

/** FNV-1a, 32 bit: a small, stable hash (not for security: sandbox numbers only). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `count` characters of `alphabet` derived from `seed`; the same seed always gives the same characters. */
export function seededCharacters(seed: string, count: number, alphabet = '0123456789'): string {
  let out = '';
  for (let block = 0; out.length < count; block++) {
    let hash = fnv1a(`${seed}#${block}`);
    // Five characters per 32-bit hash keeps every character close to uniform for alphabets ≤ 36.
    for (let i = 0; i < 5 && out.length < count; i++) {
      out += alphabet[hash % alphabet.length] ?? '0';
      hash = Math.floor(hash / alphabet.length);
    }
  }
  return out;
}

const digitsOf = (text: string): number[] => [...text].map((c) => c.charCodeAt(0) - 48);

// ------------------------------------------------------------------ UPU S10

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10 check digit of an 8-digit serial: C = 11 − (Σ wᵢdᵢ mod 11); 10 → 0, 11 → 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError(`an S10 serial has 8 digits, got "${serial}"`);
  const digits = digitsOf(serial);
  const total = S10_WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  const check = 11 - (total % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

export function isValidS10(trackingNumber: string): boolean {
  const match = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(trackingNumber);
  return match !== null && s10CheckDigit(match[1] ?? '') === Number(match[2]);
}

/** An S10 format for one postal operator and service indicator, e.g. ('RB', 'BR'). */
export function s10Format(serviceIndicator: string, country: string, note: string): TrackingFormat {
  return {
    id: `upu-s10-${serviceIndicator}-${country}`.toLowerCase(),
    name: `UPU S10 (${serviceIndicator}…${country})`,
    pattern: new RegExp(`^${serviceIndicator}\\d{9}${country}$`),
    checkDigit: 'UPU S10: weights 8,6,4,2,3,5,9,7 on the serial, C = 11 − (sum mod 11), 10 → 0, 11 → 5',
    provenance: sourced(
      'UPU S10 standard (13-character identifier); check digit as in its published description',
      `Service indicator ${serviceIndicator}: ${note}`,
    ),
    generate: (seed) => {
      const serial = seededCharacters(seed, 8);
      return `${serviceIndicator}${serial}${s10CheckDigit(serial)}${country}`;
    },
    isValid: (tn) => tn.startsWith(serviceIndicator) && tn.endsWith(country) && isValidS10(tn),
  };
}

// ------------------------------------------------------------------ USPS IMpb

/** USPS mod 10 over the digits before the check digit: weights 3, 1, 3… from the rightmost. */
export function uspsMod10(payload: string): number {
  const digits = digitsOf(payload);
  let total = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) total += (digits[i] ?? 0) * weight;
  return (10 - (total % 10)) % 10;
}

export function isValidImpb(trackingNumber: string): boolean {
  return /^9[2-5]\d{20}$/.test(trackingNumber) && uspsMod10(trackingNumber.slice(0, 21)) === Number(trackingNumber[21]);
}

/**
 * IMpb tracking number: application id (2) + service type code (3) + 9-digit Mailer ID +
 * 7-digit serial + check. The service type code and Mailer ID here are sandbox values.
 */
export function impbFormat(applicationId: '92' | '93' | '94', serviceTypeCode: string, mailerId: string): TrackingFormat {
  return {
    id: 'usps-impb',
    name: 'USPS IMpb (22 digits)',
    pattern: /^9[2-5]\d{20}$/,
    checkDigit: 'USPS mod 10: weights 3,1,3… from the rightmost digit, check = (10 − sum mod 10) mod 10',
    provenance: sourced(
      'USPS Publication 199 (IMpb); test vectors jkeen/tracking_number_data couriers/usps.json',
      'Service type code and Mailer ID are sandbox.',
    ),
    generate: (seed) => {
      const payload = `${applicationId}${serviceTypeCode}${mailerId}${seededCharacters(seed, 7)}`;
      return `${payload}${uspsMod10(payload)}`;
    },
    isValid: isValidImpb,
  };
}

// ------------------------------------------------------------------ UPS 1Z

function upsValue(character: string): number {
  const code = character.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : (code - 63) % 10;
}

/** UPS check digit over the 15 characters after "1Z": odd positions (0-based) doubled, mod 10. */
export function upsCheckDigit(sequence: string): number {
  let total = 0;
  for (let i = 0; i < sequence.length; i++) total += upsValue(sequence[i] ?? '0') * (i % 2 === 1 ? 2 : 1);
  return (10 - (total % 10)) % 10;
}

export function isValidUps(trackingNumber: string): boolean {
  return /^1Z[0-9A-Z]{16}$/.test(trackingNumber) && upsCheckDigit(trackingNumber.slice(2, 17)) === Number(trackingNumber[17]);
}

export function upsFormat(shipperNumber: string, serviceCode: string): TrackingFormat {
  return {
    id: 'ups-1z',
    name: 'UPS 1Z (18 characters)',
    pattern: /^1Z[0-9A-Z]{16}$/,
    checkDigit: 'mod 10 over the 15 characters after 1Z (letters as (code − 63) mod 10), odd positions doubled',
    provenance: sourced(
      'UPS 1Z structure; test vectors jkeen/tracking_number_data couriers/ups.json',
      `Shipper number ${shipperNumber} is sandbox; service code ${serviceCode}.`,
    ),
    generate: (seed) => {
      const sequence = `${shipperNumber}${serviceCode}${seededCharacters(seed, 7)}`;
      return `1Z${sequence}${upsCheckDigit(sequence)}`;
    },
    isValid: isValidUps,
  };
}

// ------------------------------------------------------------------ FedEx Express 12

const FEDEX_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1] as const;

export function fedexCheckDigit(serial: string): number {
  const digits = digitsOf(serial);
  return (FEDEX_WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0) % 11) % 10;
}

export function isValidFedex12(trackingNumber: string): boolean {
  return /^\d{12}$/.test(trackingNumber) && fedexCheckDigit(trackingNumber.slice(0, 11)) === Number(trackingNumber[11]);
}

export const FEDEX_EXPRESS_12: TrackingFormat = {
  id: 'fedex-12',
  name: 'FedEx (12 digits)',
  pattern: /^\d{12}$/,
  checkDigit: 'weights 3,1,7 repeating over the first 11 digits, sum mod 11 mod 10',
  provenance: sourced(
    'FedEx 12-digit tracking number; test vectors jkeen/tracking_number_data couriers/fedex.json',
    'FedEx Ground also issues 12-digit numbers from the same series.',
  ),
  generate: (seed) => {
    const serial = `7${seededCharacters(seed, 10)}`;
    return `${serial}${fedexCheckDigit(serial)}`;
  },
  isValid: isValidFedex12,
};

// ------------------------------------------------------------------ DHL Express 10

export function isValidDhlExpress(trackingNumber: string): boolean {
  return /^\d{10}$/.test(trackingNumber) && Number(trackingNumber.slice(0, 9)) % 7 === Number(trackingNumber[9]);
}

export const DHL_EXPRESS_10: TrackingFormat = {
  id: 'dhl-express-10',
  name: 'DHL Express waybill (10 digits)',
  pattern: /^\d{10}$/,
  checkDigit: 'the first 9 digits as a number, mod 7',
  provenance: sourced('DHL Express waybill; test vectors jkeen/tracking_number_data couriers/dhl.json', 'Serial ranges are sandbox.'),
  generate: (seed) => {
    const serial = `${1 + (fnv1a(seed) % 9)}${seededCharacters(seed, 8)}`;
    return `${serial}${Number(serial) % 7}`;
  },
  isValid: isValidDhlExpress,
};

// ------------------------------------------------------------------ approximations

/**
 * A carrier whose tracking-number structure is not published (or not found): a fixed prefix
 * and a run of characters, no check digit. Marked sandbox; replace with the carrier's spec.
 */
export function approximateFormat(spec: {
  readonly id: string;
  readonly name: string;
  readonly prefix?: string;
  readonly length: number;
  readonly alphanumeric?: boolean;
  readonly note: string;
}): TrackingFormat {
  const prefix = spec.prefix ?? '';
  const body = spec.alphanumeric ? '[0-9A-Z]' : '\\d';
  const pattern = new RegExp(`^${prefix}${body}{${spec.length - prefix.length}}$`);
  return {
    id: spec.id,
    name: spec.name,
    pattern,
    checkDigit: 'none known (sandbox approximation: length and alphabet only)',
    provenance: sandbox(spec.note),
    generate: (seed) => `${prefix}${seededCharacters(seed, spec.length - prefix.length, spec.alphanumeric ? ALPHANUMERIC : '0123456789')}`,
    isValid: (tn) => pattern.test(tn),
  };
}
