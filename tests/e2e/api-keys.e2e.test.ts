import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { buildRevokeApiKey, buildSaveApiKey, hashApiKey, issueApiKey } from '../../functions/shared/store/api-key-store';
import { keys } from '../../functions/shared/store/keys';
import { localCloud, localDynamoDb } from '../setup/local-cloud-client';

/** The cache bounds the test setup gives the local cloud (global-setup.ts); AWS's are 30 s and 5 s, enforced the same way. */
const KNOWN_KEY_BOUND_MS = 1_000;
const UNKNOWN_KEY_BOUND_MS = 500;
/** Scheduling on a shared machine: how late a request may see a change and still be within the bound. */
const SLACK_MS = 1_500;

const { documents } = localDynamoDb();
const table = () => localCloud().table;
const statusWith = async (key: string) => (await fetch(`${localCloud().api}/v1/subscriptions`, { headers: { authorization: `Bearer ${key}` } })).status;

/** Polls until the key answers `status`; how long that took after `since`. */
async function msUntil(key: string, status: number, since: number, timeoutMs = 10_000): Promise<number> {
  for (;;) {
    if ((await statusWith(key)) === status) {
      return Date.now() - since;
    }
    if (Date.now() - since > timeoutMs) {
      throw new Error(`the key never answered ${status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('API keys through the local cloud (authorizer, its cache, revocation)', () => {
  it('refuses a revoked key within the cache bound, with 401 on every route', async () => {
    const sellerId = `seller-revoke-${randomUUID().slice(0, 8)}`;
    const key = await issueApiKey(
      buildSaveApiKey(documents, table()),
      { tenantId: sellerId, kind: 'seller', sellerIds: [sellerId] },
      { name: 'revocation test', now: new Date() },
    );
    expect(await statusWith(key)).toBe(200);

    const revokedAt = Date.now();
    expect(await buildRevokeApiKey(documents, table())(hashApiKey(key), new Date())).toBe(true);
    expect(await msUntil(key, 401, revokedAt)).toBeLessThanOrEqual(KNOWN_KEY_BOUND_MS + SLACK_MS);
    const order = await fetch(`${localCloud().api}/v1/orders/ord_anything`, { headers: { authorization: `Bearer ${key}` } });
    expect(order.status).toBe(401);
    expect(order.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('accepts a key within the negative bound of its creation, even if it was tried before it existed', async () => {
    const sellerId = `seller-early-${randomUUID().slice(0, 8)}`;
    const key = `enl_test_early_${randomUUID().replaceAll('-', '')}`;
    expect(await statusWith(key)).toBe(401);
    const createdAt = Date.now();
    await issueApiKey(
      buildSaveApiKey(documents, table()),
      { tenantId: sellerId, kind: 'seller', sellerIds: [sellerId] },
      { name: 'early', now: new Date(), key },
    );
    expect(await msUntil(key, 200, createdAt)).toBeLessThanOrEqual(UNKNOWN_KEY_BOUND_MS + SLACK_MS);
  });

  it('answers false for revoking a key that does not exist, and keeps the first revocation time', async () => {
    const revoke = buildRevokeApiKey(documents, table());
    expect(await revoke('0'.repeat(64), new Date())).toBe(false);
    const key = await issueApiKey(buildSaveApiKey(documents, table()), { tenantId: 't', kind: 'seller', sellerIds: ['t'] }, { name: 'twice', now: new Date() });
    expect(await revoke(hashApiKey(key), new Date('2026-01-01T00:00:00.000Z'))).toBe(true);
    expect(await revoke(hashApiKey(key), new Date('2026-02-01T00:00:00.000Z'))).toBe(true);
    const { Item } = await documents.send(new GetCommand({ TableName: table(), Key: keys.apiKey(hashApiKey(key)) }));
    expect(Item?.revokedAt).toBe('2026-01-01T00:00:00.000Z');
  });
});
