/** Public surface of the order context. */
export { intakeWarnings } from './intake-warnings';
export { declaredValueProblem, MAX_DECLARED_VALUE } from './limits';
export { MARKETPLACE_PROGRAMMES } from './marketplace-programmes';
export { createOrder, type Order, type OrderItem, type OrderStatus } from './order';
export { applyCorrection, CORRECTABLE_STATUSES, orderCorrectionSchema } from './order-correction';
export { decimalAmount, dimensionsSchema, hsCode, orderInputSchema } from './order-input';
export type { GetOrder } from './ports';
