import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import type { FindTenantByKeyHash } from '../../domain/shared/api-key';
import type { Tenant } from '../../domain/shared/tenant';
import type { AuthorizerContext } from '../shared/http/http-handler';
import { hashApiKey } from '../shared/store/api-key-store';

type AuthorizerResult = APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * How long an answer about a key may be reused, and so how long a change to the key takes to be
 * seen (docs/api-keys.md): a revoked key stops working within KNOWN_KEY_TTL_MS, a key created after
 * a failed attempt with it works within UNKNOWN_KEY_TTL_MS. API Gateway does not cache the
 * authorizer's answers (its results TTL is 0, infra/stacks/enlace-stack.ts), so these are the
 * bounds, on AWS and locally.
 */
export const KNOWN_KEY_TTL_MS = 30_000;
export const UNKNOWN_KEY_TTL_MS = 5_000;

export interface AuthorizerOptions {
  readonly knownKeyTtlMs?: number;
  readonly unknownKeyTtlMs?: number;
  /** Entries kept per execution environment; the least recently stored is dropped first. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/**
 * Resolves `Authorization: Bearer <key>` to a tenant, keeping each answer for a short, bounded time
 * (KNOWN_KEY_TTL_MS, UNKNOWN_KEY_TTL_MS) so a burst of requests costs one lookup.
 *
 * The authorizer identifies; the routes authorize. An unknown key is let through as
 * `authenticated: "false"`, because an HTTP API authorizer that denies makes API Gateway answer
 * 403, and a client with a wrong key must get 401 (the routes answer it, with WWW-Authenticate).
 * A request without the header never reaches here: API Gateway answers 401 itself.
 */
export function buildAuthorizer(findTenant: FindTenantByKeyHash, options: AuthorizerOptions = {}) {
  const { knownKeyTtlMs = KNOWN_KEY_TTL_MS, unknownKeyTtlMs = UNKNOWN_KEY_TTL_MS, maxEntries = 1_000, now = Date.now } = options;
  const cache = new Map<string, { tenant: Tenant | undefined; expiresAt: number }>();

  const resolve = async (keyHash: string): Promise<Tenant | undefined> => {
    const hit = cache.get(keyHash);
    // An entry is good strictly before its expiry: at the expiry instant the key is looked up again.
    if (hit !== undefined && now() < hit.expiresAt) {
      return hit.tenant;
    }
    const tenant = await findTenant(keyHash);
    // Re-inserted, so the map's order is the order entries were stored: the first one is the oldest.
    cache.delete(keyHash);
    while (cache.size >= maxEntries) {
      cache.delete(cache.keys().next().value!);
    }
    cache.set(keyHash, { tenant, expiresAt: now() + (tenant === undefined ? unknownKeyTtlMs : knownKeyTtlMs) });
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
