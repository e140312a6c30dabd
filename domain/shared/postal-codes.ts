import { regionOf, type PostalRegion } from './postal-regions';
import type { DestinationCountry } from './shipping-terms';

/**
 * Postal code formats of the destination markets, as data with their sources
 * (shared/reference/domain-facts.md, section 5, gathered 2026-11-22).
 */
export interface PostalCodeFormat {
  readonly country: DestinationCountry;
  /** Matches the code after `normalize` has removed spaces. */
  readonly pattern: RegExp;
  readonly example: string;
  readonly description: string;
  readonly source: string;
  /** Canonical spelling, so that lookups (coverage, remote areas) compare like with like. */
  readonly normalize: (raw: string) => string;
}

const trimmed = (raw: string): string => raw.trim().replace(/\s+/g, '');

export const POSTAL_CODE_FORMATS: Readonly<Record<DestinationCountry, PostalCodeFormat>> = {
  BR: {
    country: 'BR',
    pattern: /^\d{5}-\d{3}$/,
    example: '01310-100',
    description: 'CEP: 8 digits, written 00000-000',
    source: 'https://ipeagit.github.io/geobr/reference/cep_to_state.html',
    normalize: (raw) => {
      const value = trimmed(raw);
      return /^\d{8}$/.test(value) ? `${value.slice(0, 5)}-${value.slice(5)}` : value;
    },
  },
  MX: {
    country: 'MX',
    pattern: /^\d{5}$/,
    example: '06700',
    description: 'código postal: 5 digits, the first two identify the state',
    source: 'https://mapasdemexico.com.mx/blog/correo-postal-mapa-mexico',
    normalize: trimmed,
  },
  CL: {
    country: 'CL',
    pattern: /^\d{7}$/,
    example: '8320000',
    description: 'código postal: 7 digits',
    source: 'https://wikimili.com/en/Postal_codes_in_Chile',
    normalize: (raw) => trimmed(raw).replace(/-/g, ''),
  },
  CO: {
    country: 'CO',
    pattern: /^\d{6}$/,
    example: '110111',
    description: 'código postal: 6 digits (department, zone, district)',
    source: 'http://english.4-72.com.co/?q=content/postal-codes',
    normalize: trimmed,
  },
  PE: {
    country: 'PE',
    pattern: /^\d{5}$/,
    example: '15074',
    description: 'código postal: 5 digits (since February 2011)',
    source: 'http://the-uncensored-wiki.com:20171/2017-wikipedia_en_all_novid_2017-08/A/Postal_codes_in_Peru.html',
    normalize: trimmed,
  },
  US: {
    country: 'US',
    pattern: /^\d{5}(-\d{4})?$/,
    example: '10001',
    description: 'ZIP code: 5 digits, or ZIP+4 written 00000-0000',
    source: 'https://docs.trellix.com/data-and-email/docs/us-zip-code',
    normalize: trimmed,
  },
};

/** Digits that identify a place, as a number (US: the ZIP-5 of a ZIP+4). */
const SIGNIFICANT_DIGITS: Readonly<Record<DestinationCountry, number>> = { BR: 8, MX: 5, CL: 7, CO: 6, PE: 5, US: 5 };

/**
 * A destination postal code, parsed once (at intake, or where a quote request arrives) and used as
 * is by rating, routing and customs: its canonical spelling, the number coverage and remote-area
 * ranges are compared with, and its region (state, department, ZIP area).
 */
export interface PostalCode {
  readonly country: DestinationCountry;
  /** Canonical spelling, e.g. "01310-200". */
  readonly code: string;
  /** The significant digits as a number, e.g. 1310200. */
  readonly number: number;
  readonly region: PostalRegion;
}

export type PostalCodeParse = { readonly ok: true; readonly value: PostalCode } | { readonly ok: false; readonly message: string };

export function parsePostalCode(country: DestinationCountry, raw: string): PostalCodeParse {
  const format = POSTAL_CODE_FORMATS[country];
  const code = format.normalize(raw);
  if (!format.pattern.test(code)) {
    return { ok: false, message: `"${raw}" is not a valid ${country} postal code: expected ${format.description}, e.g. ${format.example}` };
  }
  const number = Number(code.replace(/\D/g, '').slice(0, SIGNIFICANT_DIGITS[country]));
  return { ok: true, value: { country, code, number, region: regionOf(country, number) } };
}

export class InvalidPostalCodeError extends Error {
  override readonly name = 'InvalidPostalCodeError';
}

/** For codes already checked (stored orders, data tables): the parsed value, or InvalidPostalCodeError. */
export function postalCodeOf(country: DestinationCountry, raw: string): PostalCode {
  const parsed = parsePostalCode(country, raw);
  if (!parsed.ok) {
    throw new InvalidPostalCodeError(parsed.message);
  }
  return parsed.value;
}
