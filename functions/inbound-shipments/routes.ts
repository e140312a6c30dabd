/** The /v1/inbound-shipments family (sellers and integrations), served by one function. */
export const INBOUND_ROUTES = [
  { method: 'POST', path: '/v1/inbound-shipments' },
  { method: 'GET', path: '/v1/inbound-shipments' },
  { method: 'GET', path: '/v1/inbound-shipments/{id}' },
  { method: 'POST', path: '/v1/inbound-shipments/{id}/cancel' },
  { method: 'POST', path: '/v1/inbound-shipments/{id}/discrepancies' },
] as const;
