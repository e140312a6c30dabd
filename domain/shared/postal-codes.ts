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

export type PostalCodeCheck =
  | { readonly valid: true; readonly normalized: string }
  | { readonly valid: false; readonly message: string };

export function checkPostalCode(country: DestinationCountry, raw: string): PostalCodeCheck {
  const format = POSTAL_CODE_FORMATS[country];
  const normalized = format.normalize(raw);
  if (format.pattern.test(normalized)) {
    return { valid: true, normalized };
  }
  return {
    valid: false,
    message: `"${raw}" is not a valid ${country} postal code: expected ${format.description}, e.g. ${format.example}`,
  };
}
