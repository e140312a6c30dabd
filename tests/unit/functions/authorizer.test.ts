import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import type { Tenant } from '../../../domain/shared/tenant';
import { buildAuthorizer, KNOWN_KEY_TTL_MS, UNKNOWN_KEY_TTL_MS } from '../../../functions/authorizer/authorizer';
import { hashApiKey } from '../../../functions/shared/store/api-key-store';

const tenant: Tenant = { tenantId: 'mkt', kind: 'integration', sellerIds: ['s1', 's2'] };
const event = (authorization: string) => ({ headers: { authorization }, identitySource: [authorization] }) as unknown as APIGatewayRequestAuthorizerEventV2;

/** A key table the test changes (keys created and revoked), and an authorizer over it with a clock the test moves. */
function setup(options: { knownKeyTtlMs?: number; unknownKeyTtlMs?: number; maxEntries?: number } = {}) {
  const clock = { value: 0 };
  const known = new Map<string, Tenant>([[hashApiKey('good-key'), tenant]]);
  const lookups: string[] = [];
  const authorize = buildAuthorizer(
    async (hash) => {
      lookups.push(hash);
      return known.get(hash);
    },
    { knownKeyTtlMs: 1_000, unknownKeyTtlMs: 200, ...options, now: () => clock.value },
  );
  const authenticated = async (key: string) => (await authorize(event(`Bearer ${key}`))).context?.authenticated;
  return { authorize, authenticated, lookups, known, clock };
}

describe('API key authorizer', () => {
  it('resolves a known key to its tenant, looking it up by hash', async () => {
    const { authorize, lookups } = setup();
    const result = await authorize(event('Bearer good-key'));
    expect(result).toEqual({ isAuthorized: true, context: { authenticated: 'true', tenantId: 'mkt', tenantKind: 'integration', sellerIds: 's1,s2' } });
    expect(lookups).toEqual([hashApiKey('good-key')]);
  });

  it('marks unknown keys and malformed headers unauthenticated, so routes answer 401', async () => {
    const { authorize, lookups } = setup();
    expect((await authorize(event('Bearer bad-key'))).context).toEqual({ authenticated: 'false' });
    expect((await authorize(event('Basic Zm9vOmJhcg=='))).context).toEqual({ authenticated: 'false' });
    expect((await authorize(event('Bearer'))).context).toEqual({ authenticated: 'false' });
    expect(lookups).toHaveLength(1);
  });

  it('reuses an answer strictly before its TTL ends and looks again exactly at the end (the boundary)', async () => {
    const { authenticated, lookups, clock } = setup();
    await authenticated('good-key');
    clock.value = 999;
    await authenticated('good-key');
    expect(lookups).toHaveLength(1);
    clock.value = 1_000;
    await authenticated('good-key');
    expect(lookups).toHaveLength(2);
    // The new answer's TTL starts at the new lookup.
    clock.value = 1_999;
    await authenticated('good-key');
    expect(lookups).toHaveLength(2);
  });

  it('sees a revoked key refused once its answer expires, never later (the documented bound)', async () => {
    const { authenticated, known, clock } = setup();
    expect(await authenticated('good-key')).toBe('true');
    known.delete(hashApiKey('good-key')); // revoked
    clock.value = 999;
    expect(await authenticated('good-key')).toBe('true');
    clock.value = 1_000;
    expect(await authenticated('good-key')).toBe('false');
  });

  it('keeps an unknown key unknown only for the shorter negative TTL, so a key created after a failed attempt works soon', async () => {
    const { authenticated, known, lookups, clock } = setup();
    expect(await authenticated('new-key')).toBe('false');
    known.set(hashApiKey('new-key'), tenant); // created after the first attempt
    clock.value = 199;
    expect(await authenticated('new-key')).toBe('false');
    expect(lookups).toHaveLength(1);
    clock.value = 200;
    expect(await authenticated('new-key')).toBe('true');
    // A known answer is then kept for the longer TTL.
    clock.value = 1_199;
    expect(await authenticated('new-key')).toBe('true');
    expect(lookups).toHaveLength(2);
  });

  it('drops the least recently stored entry when full, keeping the others (eviction)', async () => {
    const { authenticated, known, lookups } = setup({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) known.set(hashApiKey(key), { ...tenant, tenantId: key });
    await authenticated('a');
    await authenticated('b');
    await authenticated('c'); // evicts a
    expect(lookups).toHaveLength(3);
    await authenticated('b');
    await authenticated('c');
    expect(lookups).toHaveLength(3);
    await authenticated('a'); // looked up again; evicts b
    expect(lookups).toHaveLength(4);
    await authenticated('c');
    expect(lookups).toHaveLength(4);
    await authenticated('b');
    expect(lookups).toHaveLength(5);
  });

  it('re-stores a refreshed entry as the newest, so refreshing never evicts it next', async () => {
    const { authenticated, known, lookups, clock } = setup({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) known.set(hashApiKey(key), { ...tenant, tenantId: key });
    await authenticated('a');
    clock.value = 500;
    await authenticated('b');
    clock.value = 1_000; // a expired; refreshed, it becomes the newest and does not evict b
    await authenticated('a');
    expect(lookups).toHaveLength(3);
    await authenticated('b');
    expect(lookups).toHaveLength(3);
    await authenticated('c'); // evicts b, the oldest stored
    await authenticated('a');
    expect(lookups).toHaveLength(4);
  });

  it('has documented bounds of 30 s for a known key and 5 s for an unknown one', () => {
    expect(KNOWN_KEY_TTL_MS).toBe(30_000);
    expect(UNKNOWN_KEY_TTL_MS).toBe(5_000);
  });
});
