/**
 * Structural checks of a RatingRequest. Intake validates orders with zod at the edge; the domain
 * still refuses input it cannot rate meaningfully (a zero-weight parcel, an unknown currency)
 * rather than quoting nonsense.
 */
import { GOODS_CATEGORIES } from '../shared/goods';
import { isCurrency, isMoney } from '../shared/money';
import { isBrazilState } from '../shared/postal-regions';
import { BATTERY_TYPES, DESTINATION_COUNTRIES, INCOTERMS } from '../shared/shipping-terms';
import type { RatingRequest } from './types';

export class InvalidRatingRequestError extends Error {
  override readonly name = 'InvalidRatingRequestError';
  constructor(readonly issues: readonly string[]) {
    super(`invalid rating request: ${issues.join('; ')}`);
  }
}

const positiveInteger = (value: number): boolean => Number.isSafeInteger(value) && value > 0;

/** Digits of an HS code ("6109.10.00" → "61091000"), or undefined unless it has 6 to 10 digits. */
export function normaliseHsCode(hsCode: string): string | undefined {
  const digits = hsCode.replace(/[.\s]/g, '');
  return /^\d{6,10}$/.test(digits) ? digits : undefined;
}

export function ratingRequestIssues(request: RatingRequest): string[] {
  const issues: string[] = [];
  const { destination } = request;
  if (!(DESTINATION_COUNTRIES as readonly string[]).includes(destination.country)) {
    issues.push(`unknown destination country ${destination.country}`);
  } else if (destination.country === 'BR' && destination.state !== undefined && !isBrazilState(destination.state)) {
    issues.push(`"${destination.state}" is not a Brazilian state (UF)`);
  }
  if (!(INCOTERMS as readonly string[]).includes(request.incoterm)) issues.push(`unknown incoterm ${request.incoterm}`);
  if (request.quoteCurrency !== undefined && !isCurrency(request.quoteCurrency)) issues.push(`unknown quote currency ${String(request.quoteCurrency)}`);
  if (request.parcels.length === 0) issues.push('at least one parcel is required');
  request.parcels.forEach((parcel, index) => {
    for (const key of ['weightGrams', 'lengthMm', 'widthMm', 'heightMm'] as const) {
      if (!positiveInteger(parcel[key])) issues.push(`parcel ${index}: ${key} must be a positive integer`);
    }
  });
  if (request.items.length === 0) issues.push('at least one item is required');
  request.items.forEach((item, index) => {
    if (!positiveInteger(item.quantity)) issues.push(`item ${index}: quantity must be a positive integer`);
    if (!isMoney(item.unitValue) || item.unitValue.amount < 0) issues.push(`item ${index}: unitValue must be non-negative Money`);
    if (normaliseHsCode(item.hsCode) === undefined) issues.push(`item ${index}: hsCode "${item.hsCode}" must have 6 to 10 digits`);
    if (!(BATTERY_TYPES as readonly string[]).includes(item.battery)) issues.push(`item ${index}: unknown battery type ${item.battery}`);
    if (item.category !== undefined && !(GOODS_CATEGORIES as readonly string[]).includes(item.category)) {
      issues.push(`item ${index}: unknown category ${item.category}`);
    }
  });
  return issues;
}

export function assertValidRatingRequest(request: RatingRequest): void {
  const issues = ratingRequestIssues(request);
  if (issues.length > 0) throw new InvalidRatingRequestError(issues);
}
