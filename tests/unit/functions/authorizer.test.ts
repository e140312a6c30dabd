import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import type { Tenant } from '../../../domain/shared/tenant';
import { buildAuthorizer } from '../../../functions/authorizer/authorizer';
import { hashApiKey } from '../../../functions/shared/store/api-key-store';

const tenant: Tenant = { tenantId: 'mkt', kind: 'integration', sellerIds: ['s1', 's2'] };
const event = (authorization: string) => ({ headers: { authorization }, identitySource: [authorization] }) as unknown as APIGatewayRequestAuthorizerEventV2;

function setup(now: { value: number }) {
  const lookups: string[] = [];
  const authorize = buildAuthorizer(
    async (hash) => {
      lookups.push(hash);
      return hash === hashApiKey('good-key') ? tenant : undefined;
    },
    { cacheTtlMs: 1_000, now: () => now.value },
  );
  return { authorize, lookups };
}

describe('API key authorizer', () => {
  it('resolves a known key to its tenant, looking it up by hash', async () => {
    const { authorize, lookups } = setup({ value: 0 });
    const result = await authorize(event('Bearer good-key'));
    expect(result).toEqual({ isAuthorized: true, context: { authenticated: 'true', tenantId: 'mkt', tenantKind: 'integration', sellerIds: 's1,s2' } });
    expect(lookups).toEqual([hashApiKey('good-key')]);
  });

  it('marks unknown keys and malformed headers unauthenticated, so routes answer 401', async () => {
    const { authorize, lookups } = setup({ value: 0 });
    expect((await authorize(event('Bearer bad-key'))).context).toEqual({ authenticated: 'false' });
    expect((await authorize(event('Basic Zm9vOmJhcg=='))).context).toEqual({ authenticated: 'false' });
    expect(lookups).toHaveLength(1);
  });

  it('caches answers for the TTL, then looks again', async () => {
    const clock = { value: 0 };
    const { authorize, lookups } = setup(clock);
    await authorize(event('Bearer good-key'));
    await authorize(event('Bearer good-key'));
    expect(lookups).toHaveLength(1);
    clock.value = 1_001;
    await authorize(event('Bearer good-key'));
    expect(lookups).toHaveLength(2);
  });
});
