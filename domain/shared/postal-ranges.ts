/**
 * Postal codes as rating needs them: checked and normalised by the shared format table
 * (domain/postal-codes.ts, reference §5), reduced to the country's significant digits (US: the
 * ZIP-5 of a ZIP+4) and compared as numbers against inclusive ranges.
 */
import { checkPostalCode } from './postal-codes';
import type { DestinationCountry } from './shipping-terms';

const SIGNIFICANT_DIGITS: Readonly<Record<DestinationCountry, number>> = { BR: 8, MX: 5, CL: 7, CO: 6, PE: 5, US: 5 };

export function isValidPostalCode(country: DestinationCountry, postalCode: string): boolean {
  return checkPostalCode(country, postalCode).valid;
}

/** The postal code as a number of the country's significant digits (US: the ZIP-5); undefined when malformed. */
export function postalNumber(country: DestinationCountry, postalCode: string): number | undefined {
  const check = checkPostalCode(country, postalCode);
  if (!check.valid) return undefined;
  return Number(check.normalized.replace(/\D/g, '').slice(0, SIGNIFICANT_DIGITS[country]));
}

/** A range of postal codes as data writes it ("66000-000".."69999-999"), inclusive. */
export interface PostalRange {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface NumericRange {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

export class InvalidPostalRangeError extends Error {
  override readonly name = 'InvalidPostalRangeError';
}

/** Turns data ranges ("66000-000".."69999-999") into numeric ones, checking them against the format. */
export function compileRanges(country: DestinationCountry, ranges: readonly PostalRange[]): NumericRange[] {
  return ranges.map((range) => {
    const from = postalNumber(country, range.from);
    const to = postalNumber(country, range.to);
    if (from === undefined || to === undefined || from > to) {
      throw new InvalidPostalRangeError(`bad ${country} postal range ${range.from}–${range.to} (${range.label})`);
    }
    return { from, to, label: range.label };
  });
}

export function findRange(ranges: readonly NumericRange[], code: number): NumericRange | undefined {
  for (const range of ranges) if (code >= range.from && code <= range.to) return range;
  return undefined;
}

export const BRAZIL_STATES = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA',
  'PB', 'PE', 'PI', 'PR', 'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
] as const;
export type BrazilState = (typeof BRAZIL_STATES)[number];

/**
 * CEP ranges by state (first five digits), as published by Correios and reproduced by geobr's
 * cep_to_state (https://ipeagit.github.io/geobr/reference/cep_to_state.html).
 */
const CEP_STATES: readonly (readonly [from: number, to: number, state: BrazilState])[] = [
  [1000, 19999, 'SP'],
  [20000, 28999, 'RJ'],
  [29000, 29999, 'ES'],
  [30000, 39999, 'MG'],
  [40000, 48999, 'BA'],
  [49000, 49999, 'SE'],
  [50000, 56999, 'PE'],
  [57000, 57999, 'AL'],
  [58000, 58999, 'PB'],
  [59000, 59999, 'RN'],
  [60000, 63999, 'CE'],
  [64000, 64999, 'PI'],
  [65000, 65999, 'MA'],
  [66000, 68899, 'PA'],
  [68900, 68999, 'AP'],
  [69000, 69299, 'AM'],
  [69300, 69399, 'RR'],
  [69400, 69899, 'AM'],
  [69900, 69999, 'AC'],
  [70000, 72799, 'DF'],
  [72800, 72999, 'GO'],
  [73000, 73699, 'DF'],
  [73700, 76799, 'GO'],
  [76800, 76999, 'RO'],
  [77000, 77999, 'TO'],
  [78000, 78899, 'MT'],
  [79000, 79999, 'MS'],
  [80000, 87999, 'PR'],
  [88000, 89999, 'SC'],
  [90000, 99999, 'RS'],
];

export function isBrazilState(value: string): value is BrazilState {
  return (BRAZIL_STATES as readonly string[]).includes(value);
}

/** The UF a CEP belongs to, or undefined for a malformed or unassigned CEP. */
export function brazilStateFromCep(cep: string): BrazilState | undefined {
  const code = postalNumber('BR', cep);
  if (code === undefined) return undefined;
  const prefix = Math.floor(code / 1000);
  for (const [from, to, state] of CEP_STATES) if (prefix >= from && prefix <= to) return state;
  return undefined;
}
