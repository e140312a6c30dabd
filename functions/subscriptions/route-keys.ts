/**
 * The /v1/subscriptions family, served by one function: the CDK declares each of these routes on
 * the HTTP API (so API Gateway answers 404 for anything else), and the function's router picks the
 * route by the `routeKey` API Gateway puts in the event. One list, read by both.
 */
export const SUBSCRIPTION_ROUTES = [
  { method: 'POST', path: '/v1/subscriptions' },
  { method: 'GET', path: '/v1/subscriptions' },
  { method: 'GET', path: '/v1/subscriptions/{id}' },
  { method: 'DELETE', path: '/v1/subscriptions/{id}' },
  { method: 'POST', path: '/v1/subscriptions/{id}/verify' },
  { method: 'POST', path: '/v1/subscriptions/{id}/rotate-secret' },
  { method: 'GET', path: '/v1/subscriptions/{id}/dead-letters' },
  { method: 'POST', path: '/v1/subscriptions/{id}/replay' },
] as const;

type RouteKeyOf<R> = R extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;
/** `POST /v1/subscriptions/{id}/verify`…: the routeKey API Gateway sends. */
export type SubscriptionRouteKey = RouteKeyOf<(typeof SUBSCRIPTION_ROUTES)[number]>;
