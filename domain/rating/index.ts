/** Public surface of the rating and landed-cost engine. */
export { rateShipment } from './rate';
export { InvalidRatingRequestError, ratingRequestIssues, normaliseHsCode } from './validate';
export { chargeableWeight, volumetricWeightGrams, roundUpToIncrement, type ChargeableWeight, type ParcelSize } from './chargeable-weight';
export { assessDuties, selectDutyRule, type CustomsDeclaration, type DutyAssessment, type DutyLine } from './duties/calculate';
export { DUTY_RULES } from './duties/data';
export { RATE_CARDS } from './data';
export { brazilStateFromCep, isValidPostalCode } from '../shared/postal-ranges';
export { cardInEffect } from './rate-card';
export type { RateCard, PriceTable, WeightBreak, Provenance, PostalRange, ChargeableWeightRule } from './rate-card';
export type { DutyRule, TaxComponent, TaxRate, SourceRef } from './duties/types';
export * from './types';
