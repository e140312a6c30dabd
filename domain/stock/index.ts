/** Public surface of the stock ledger: buckets, movements, balances and lots (FIFO, landed cost). */
export { emptyBalance, NO_INBOUND, stockView, type InboundQuantities, type StockBalance, type StockView } from './balance';
export {
  applyMovements,
  assertValidMovement,
  crossedReorderPoint,
  EMPTY_BUCKETS,
  InvalidMovementError,
  MOVEMENT_KIND_NAMES,
  MOVEMENT_KINDS,
  netDeltas,
  onHand,
  STOCK_BUCKETS,
  type ApplyResult,
  type Buckets,
  type MovementKind,
  type MovementReference,
  type StockBucket,
  type StockMovement,
} from './ledger';
export { drawFifo, lotAgeDays, NotEnoughInLotsError, type Lot, type LotDraw } from './lots';
