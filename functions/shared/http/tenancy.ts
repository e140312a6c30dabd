import { mayActFor, operatesWarehouse, type Tenant } from '../../../domain/shared/tenant';
import type { HttpEvent, HttpRoute } from './http-handler';
import { badRequest, forbidden, notFound } from './problem';

/**
 * Which seller a request is for: the one it names (`sellerId`), if the key may act for it (403
 * otherwise), or the key's only seller. An integration acting for several sellers must name one.
 */
export function sellerFor(tenant: Tenant, requested: string | undefined): string {
  if (tenant.kind === 'warehouse') {
    throw forbidden('A warehouse operator key cannot act for a seller; use a seller or integration key.');
  }
  if (requested !== undefined) {
    if (!mayActFor(tenant, requested)) throw forbidden(`This API key may not act for seller "${requested}".`);
    return requested;
  }
  const [only, ...others] = tenant.sellerIds;
  if (only === undefined || others.length > 0) {
    throw badRequest('This API key acts for several sellers: name one with the "sellerId" query parameter.', [
      { path: 'sellerId', code: 'required', message: 'name the seller' },
    ]);
  }
  return only;
}

/** The warehouse in the path, which a warehouse operator key must be for; any other key, or another warehouse's, gets 404. */
export function warehouseFor(tenant: Tenant, warehouseCode: string): string {
  if (!operatesWarehouse(tenant, warehouseCode)) {
    throw notFound(`No warehouse "${warehouseCode}" for this API key.`);
  }
  return warehouseCode;
}

export function queryParameter(event: HttpEvent, name: string): string | undefined {
  const value = event.queryStringParameters?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/** `limit` between 1 and `max` (default `fallback`); anything else is a 400 naming it. */
export function limitParameter(event: HttpEvent, fallback = 50, max = 100): number {
  const raw = queryParameter(event, 'limit');
  if (raw === undefined) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw badRequest(`"limit" must be a whole number from 1 to ${max}.`, [{ path: 'limit', code: 'too_big', message: `1 to ${max}` }]);
  }
  return limit;
}

/** One function serving several routes: API Gateway matched the route, so this is a lookup by its routeKey. */
export function routeByKey(routes: Readonly<Record<string, HttpRoute>>): HttpRoute {
  return (request) => {
    const route = routes[request.event.routeKey];
    if (route === undefined) {
      throw notFound(`No route ${request.event.routeKey}.`);
    }
    return route(request);
  };
}
