/** Public surface of local fulfilment: which warehouse ships an order, its stages, the stock movements of each step. */
export {
  checkCancel,
  checkStep,
  DEFAULT_FULFILMENT_SETTINGS,
  FulfilmentStepError,
  fulfilmentSettingsSchema,
  orderMovements,
  packInputSchema,
  stepOf,
  type FulfilmentSettings,
  type WarehouseStep,
} from './stages';
export { planBackorderFills, type BackorderLine, type BackorderPlan, type QueuedBackorder } from './backorders';
export {
  candidateWarehouses,
  chooseWarehouse,
  isWarehouseOrder,
  originProblems,
  shortagesAt,
  transitDaysFrom,
  unitsBySku,
  type Shortage,
  type WarehouseChoice,
} from './warehouse-choice';
