import type { DestinationCountry } from '../shared/shipping-terms';

/**
 * The numbers an inbound shipment is followed by, checked where a standard defines them: ISO 6346
 * container numbers and IATA air waybills carry check digits; bills of lading and customs entry
 * numbers are checked by pattern only (docs/inbound.md, "References", says which parts are sourced).
 */

export type ReferenceCheck = { readonly valid: true; readonly normalized: string } | { readonly valid: false; readonly message: string };

const ok = (normalized: string): ReferenceCheck => ({ valid: true, normalized });
const bad = (message: string): ReferenceCheck => ({ valid: false, message });

/** ISO 6346 letter values: A=10 … Z=38, skipping multiples of 11. */
function letterValue(letter: string): number {
  let value = 10;
  for (let code = 65; code < letter.charCodeAt(0); code += 1) {
    value += 1;
    if (value % 11 === 0) value += 1;
  }
  return value;
}

/** An ISO 6346 container number: owner code (3 letters), category (U, J or Z), 6 digits and the check digit. */
export function checkContainerNumber(raw: string): ReferenceCheck {
  const value = raw.replace(/[\s-]/g, '').toUpperCase();
  const match = /^([A-Z]{3}[UJZ])(\d{6})(\d)$/.exec(value);
  if (match === null) return bad(`"${raw}" is not a container number: 4 letters (the 4th U, J or Z), 6 digits and a check digit, e.g. CSQU3054383`);
  const body = match[1]! + match[2]!;
  let total = 0;
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index]!;
    const value = /\d/.test(character) ? Number(character) : letterValue(character);
    total += value * 2 ** index;
  }
  const expected = (total % 11) % 10;
  return expected === Number(match[3]) ? ok(value) : bad(`container number "${raw}" fails its ISO 6346 check digit (expected ${expected})`);
}

/** An IATA air waybill: 3-digit airline prefix and an 8-digit serial whose last digit is the first seven mod 7. */
export function checkAirWaybill(raw: string): ReferenceCheck {
  const value = raw.replace(/[\s-]/g, '');
  const match = /^(\d{3})(\d{7})(\d)$/.exec(value);
  if (match === null) return bad(`"${raw}" is not an air waybill number: a 3-digit airline prefix and 8 digits, e.g. 020-12345675`);
  const expected = Number(match[2]) % 7;
  return expected === Number(match[3])
    ? ok(`${match[1]}-${match[2]}${match[3]}`)
    : bad(`air waybill "${raw}" fails its check digit (the serial's first 7 digits mod 7 = ${expected})`);
}

/** A bill of lading: carriers number them their own way; a SCAC-style prefix and 6–16 letters or digits (pattern only). */
export function checkBillOfLading(raw: string): ReferenceCheck {
  const value = raw.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z]{4}[A-Z0-9]{6,16}$/.test(value)
    ? ok(value)
    : bad(`"${raw}" is not a bill of lading number: the carrier's 4-letter code and 6 to 16 letters or digits`);
}

/** A UN/LOCODE port or airport: the country and 3 letters or digits 2–9, e.g. MXZLO (Manzanillo), BRSSZ (Santos). */
export function checkLocode(raw: string): ReferenceCheck {
  const value = raw.replace(/\s/g, '').toUpperCase();
  return /^[A-Z]{2}[A-Z2-9]{3}$/.test(value) ? ok(value) : bad(`"${raw}" is not a UN/LOCODE such as MXZLO or BRSSZ`);
}

/**
 * The customs entry number of the destination:
 * - MX: the pedimento, 15 digits: year (2), customs office (2), broker's patent (4), sequence (7) —
 *   Anexo 22, form G-2 instructions (docs/inbound.md);
 * - BR: a DI (YY/NNNNNNN-D) or a DUIMP (YYBRNNNNNNNNNN-D) — patterns only, not confirmed by a source;
 * - US: an entry number, filer code (3), transaction (7) and check digit — the check-digit rule is in
 *   CBP's appendix and is not applied here.
 */
export function checkCustomsEntry(country: DestinationCountry, raw: string): ReferenceCheck {
  const value = raw.trim().toUpperCase();
  switch (country) {
    case 'MX': {
      const digits = value.replace(/\s/g, '');
      return /^\d{15}$/.test(digits)
        ? ok(`${digits.slice(0, 2)}  ${digits.slice(2, 4)}  ${digits.slice(4, 8)}  ${digits.slice(8)}`)
        : bad(`"${raw}" is not a pedimento number: 15 digits, year, customs office, patent and sequence, e.g. "26 47 3063 6000123"`);
    }
    case 'BR':
      return /^\d{2}\/\d{7}-\d$/.test(value) || /^\d{2}BR\d{10}-\d$/.test(value)
        ? ok(value)
        : bad(`"${raw}" is not a DI (YY/NNNNNNN-D) or DUIMP (YYBRNNNNNNNNNN-D) number`);
    case 'US':
      return /^[A-Z0-9]{3}-?\d{7}-?\d$/.test(value)
        ? ok(value.replace(/^([A-Z0-9]{3})-?(\d{7})-?(\d)$/, '$1-$2-$3'))
        : bad(`"${raw}" is not a US entry number: filer code, 7 digits and a check digit, e.g. ABC-1234567-8`);
    default:
      return value.length > 0 && value.length <= 40 ? ok(value) : bad(`"${raw}" is not a customs entry number`);
  }
}
