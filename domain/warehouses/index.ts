/** Public surface of the warehouses context: Enlace's destination warehouses, as data. */
export { isReceivingAt, localTime, warehouseByCode, WAREHOUSES, type ReceivingWindow, type Warehouse, type WarehouseAcceptance } from './warehouses';
