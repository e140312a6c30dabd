/** What a warehouse operator key may call: only under its own warehouse. */
export const WAREHOUSE_ROUTES = [
  { method: 'GET', path: '/v1/warehouses/{code}/inbound-shipments' },
  { method: 'POST', path: '/v1/warehouses/{code}/inbound-shipments/{id}/milestones' },
  { method: 'POST', path: '/v1/warehouses/{code}/receipts' },
  { method: 'POST', path: '/v1/warehouses/{code}/stock-adjustments' },
] as const;
