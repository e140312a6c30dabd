/**
 * Postal ranges as data writes them (coverage, remote areas), compiled to numbers once and compared
 * with a parsed code's `number` (postal-codes.ts).
 */
import { parsePostalCode } from './postal-codes';
import type { DestinationCountry } from './shipping-terms';

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
    const from = parsePostalCode(country, range.from);
    const to = parsePostalCode(country, range.to);
    if (!from.ok || !to.ok || from.value.number > to.value.number) {
      throw new InvalidPostalRangeError(`bad ${country} postal range ${range.from}–${range.to} (${range.label})`);
    }
    return { from: from.value.number, to: to.value.number, label: range.label };
  });
}

export function findRange(ranges: readonly NumericRange[], code: number): NumericRange | undefined {
  for (const range of ranges) if (code >= range.from && code <= range.to) return range;
  return undefined;
}
