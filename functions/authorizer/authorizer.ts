import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import type { FindTenantByKeyHash } from '../../domain/shared/api-key';
import type { Tenant } from '../../domain/shared/tenant';
import type { AuthorizerContext } from '../shared/http/http-handler';
import { hashApiKey } from '../shared/store/api-key-store';

type AuthorizerResult = APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Resolves `Authorization: Bearer <key>` to a tenant. API Gateway caches the answer per key (5 min)
 * and this keeps a small cache of its own for warm invocations after that.
 *
 * The authorizer identifies; the routes authorize. An unknown key is let through as
 * `authenticated: "false"`, because an HTTP API authorizer that denies makes API Gateway answer
 * 403, and a client with a wrong key must get 401 (the routes answer it, with WWW-Authenticate).
 * A request without the header never reaches here: API Gateway answers 401 itself.
 */
export function buildAuthorizer(findTenant: FindTenantByKeyHash, options: { cacheTtlMs?: number; maxEntries?: number; now?: () => number } = {}) {
  const { cacheTtlMs = 60_000, maxEntries = 1_000, now = Date.now } = options;
  const cache = new Map<string, { tenant: Tenant | undefined; expiresAt: number }>();

  const resolve = async (keyHash: string): Promise<Tenant | undefined> => {
    const hit = cache.get(keyHash);
    if (hit !== undefined && hit.expiresAt > now()) {
      return hit.tenant;
    }
    const tenant = await findTenant(keyHash);
    if (cache.size >= maxEntries) {
      cache.delete(cache.keys().next().value!);
    }
    cache.set(keyHash, { tenant, expiresAt: now() + cacheTtlMs });
    return tenant;
  };

  return async (event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> => {
    const header = event.headers?.authorization ?? event.headers?.Authorization ?? event.identitySource?.[0];
    const key = header === undefined ? undefined : BEARER.exec(header)?.[1];
    const tenant = key === undefined ? undefined : await resolve(hashApiKey(key));
    if (tenant === undefined) {
      return { isAuthorized: true, context: { authenticated: 'false' } };
    }
    return {
      isAuthorized: true,
      context: {
        authenticated: 'true',
        tenantId: tenant.tenantId,
        tenantKind: tenant.kind,
        sellerIds: tenant.sellerIds.join(','),
        ...(tenant.warehouseCode === undefined ? {} : { warehouseCode: tenant.warehouseCode }),
      },
    };
  };
}
