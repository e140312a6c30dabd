/** Public surface of the rating and landed-cost engine. */
export { chargeableWeight, roundUpToIncrement, volumetricWeightGrams, type ChargeableWeight, type ParcelSize } from './chargeable-weight';
export { RATE_CARDS } from './data';
export { BR_REMOTE_RANGES } from './data/br';
export { CL_REMOTE_RANGES } from './data/cl';
export { CO_REMOTE_RANGES } from './data/co';
export { ALL_LITHIUM, LITHIUM_METAL, LITHIUM_STANDALONE, REFERENCE } from './data/common';
export { MX_REMOTE_RANGES, NINETY_NINE_MINUTOS_METROS } from './data/mx';
export { PE_REMOTE_RANGES } from './data/pe';
export { US_REMOTE_RANGES } from './data/us';
export { assessDuties, selectDutyRule, type CustomsDeclaration, type DutyAssessment, type DutyLine } from './duties/calculate';
export { DUTY_RULES } from './duties/data';
export type { DutyRule, RecipientKind, SourceRef, TaxComponent, TaxRate } from './duties/types';
export { rateShipment } from './rate';
export {
  cardInEffect,
  domesticZone,
  isDomesticCard,
  type ChargeableWeightRule,
  type CrossBorderRateCard,
  type DomesticRateCard,
  type DomesticZone,
  type PostalRange,
  type PriceTable,
  type Provenance,
  type RateCard,
  type WeightBreak,
} from './rate-card';
export { DOMESTIC_DUTY_RULE_ID } from './domestic';
export { recipientKind } from './from-order';
export { rateOrder, summariseQuote } from './rate-order';
export { ratesInputSchema, ratingRequestFromRatesInput } from './rates-input';
export * from './types';
export { InvalidRatingRequestError, normaliseHsCode, ratingRequestIssues } from './validate';
