/** Public surface of the order context. */
export { fulfilmentWarehouse, isDomesticFulfilment, type FulfilmentFacts } from './fulfilment';
export { intakeWarnings } from './intake-warnings';
export { declaredValueProblem, MAX_DECLARED_VALUE } from './limits';
export { MARKETPLACE_PROGRAMMES } from './marketplace-programmes';
export {
  createOrder,
  FULFILMENT_STAGES,
  type FulfilmentStage,
  type Order,
  type OrderFulfilment,
  type OrderItem,
  type OrderStatus,
  type PackedBox,
} from './order';
export { applyCorrection, CORRECTABLE_STATUSES, orderCorrectionSchema } from './order-correction';
export { decimalAmount, dimensionsSchema, hsCode } from './fields';
export { orderInputSchema, type OrderInput } from './order-input';
export type { GetOrder } from './ports';
