/** The /v1/stock family (sellers and integrations), served by one function. */
export const STOCK_ROUTES = [
  { method: 'GET', path: '/v1/stock' },
  { method: 'GET', path: '/v1/stock/{sku}/movements' },
  { method: 'GET', path: '/v1/stock/{sku}/lots' },
] as const;
