/** Local fulfilment: sellers' settings and cancellations, warehouse operators' tasks; served by one function. */
export const FULFILMENT_ROUTES = [
  { method: 'GET', path: '/v1/fulfilment-settings/{sellerId}' },
  { method: 'PUT', path: '/v1/fulfilment-settings/{sellerId}' },
  { method: 'POST', path: '/v1/orders/{id}/cancel' },
  { method: 'GET', path: '/v1/warehouses/{code}/tasks' },
  { method: 'POST', path: '/v1/warehouses/{code}/tasks/{orderId}/pick' },
  { method: 'POST', path: '/v1/warehouses/{code}/tasks/{orderId}/pack' },
  { method: 'POST', path: '/v1/warehouses/{code}/tasks/{orderId}/ship' },
] as const;
