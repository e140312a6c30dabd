import type { ApiRoute } from '../registry';
import { FULFILMENT_API_ROUTES } from './fulfilment';
import { INVENTORY_ROUTES } from './inventory';
import { META_ROUTES } from './meta';
import { ORDER_ROUTES } from './orders';
import { RATING_ROUTES } from './rating';
import { SUBSCRIPTION_API_ROUTES } from './subscriptions';
import { TRACKING_ROUTES } from './tracking';

/** Every route of the HTTP API, as the OpenAPI document describes it. Add a route's entry to its family's list. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...ORDER_ROUTES,
  ...RATING_ROUTES,
  ...TRACKING_ROUTES,
  ...SUBSCRIPTION_API_ROUTES,
  ...INVENTORY_ROUTES,
  ...FULFILMENT_API_ROUTES,
  ...META_ROUTES,
];
