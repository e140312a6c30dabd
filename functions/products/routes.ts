/** The /v1/products family, served by one function; the CDK declares each route and the router looks them up by routeKey. */
export const PRODUCT_ROUTES = [
  { method: 'POST', path: '/v1/products' },
  { method: 'GET', path: '/v1/products' },
  { method: 'GET', path: '/v1/products/{sku}' },
  { method: 'PATCH', path: '/v1/products/{sku}' },
] as const;
