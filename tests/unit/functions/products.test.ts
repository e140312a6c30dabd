import { createProduct, productInputSchema, type Product } from '../../../domain/catalog';
import type { Tenant } from '../../../domain/shared/tenant';
import { httpHandler } from '../../../functions/shared/http/http-handler';
import { buildProductRoutes, MAX_PRODUCT_BYTES } from '../../../functions/products/products';
import { journeyProducts } from '../../../local/warehouse-journey';
import { httpEvent, lambdaContext } from './http-fixtures';

const SELLER = 'seller-sz-001';
const seller: Tenant = { tenantId: SELLER, kind: 'seller', sellerIds: [SELLER] };

/** The product routes over an in-memory catalogue holding the earbuds at version 1. */
function setup() {
  const { earbuds } = journeyProducts(SELLER);
  const stored = new Map<string, Product>();
  const product = createProduct(productInputSchema.parse({ ...earbuds, reorderPoint: 0 }), '2026-11-01T00:00:00.000Z');
  stored.set(product.sku, product);
  const handler = httpHandler(
    buildProductRoutes({
      createProduct: async (created) => (stored.has(created.sku) ? 'exists' : (stored.set(created.sku, created), 'created')),
      saveProductChange: async (changed, expectedVersion) => {
        if (stored.get(changed.sku)?.version !== expectedVersion) return 'conflict';
        stored.set(changed.sku, changed);
        return 'saved';
      },
      getProduct: async (_, sku) => stored.get(sku),
      listProducts: async () => ({ items: [...stored.values()] }),
      now: () => new Date('2026-11-20T00:00:00.000Z'),
    }),
    { jsonBody: { maxBytes: MAX_PRODUCT_BYTES } },
  );
  const patch = async (ifMatch: string | undefined) => {
    const event = httpEvent({
      method: 'PATCH',
      path: '/v1/products/{sku}',
      pathParameters: { sku: product.sku },
      body: JSON.stringify({ reorderPoint: 7 }),
      tenant: seller,
      headers: { 'content-type': 'application/merge-patch+json', ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
    });
    const response = await handler({ ...event, queryStringParameters: { sellerId: SELLER } }, lambdaContext);
    return { status: response.statusCode, etag: response.headers?.etag, body: JSON.parse(response.body ?? '{}') as Record<string, unknown> };
  };
  return { stored, product, patch };
}

describe('PATCH /v1/products/{sku} with If-Match (RFC 9110, as for orders)', () => {
  it.each([
    ['no If-Match', undefined],
    ['the current strong tag', '"1"'],
    ['*', '*'],
    ['a list holding the current tag', '"0", "1"'],
  ])('applies the change with %s', async (_, ifMatch) => {
    const { patch, stored, product } = setup();
    const answer = await patch(ifMatch);
    expect(answer.status).toBe(200);
    expect(answer.etag).toBe('"2"');
    expect(stored.get(product.sku)).toMatchObject({ reorderPoint: 7, version: 2 });
  });

  it.each([
    ['a weak tag (weak comparison is for If-None-Match)', 'W/"1"'],
    ['a stale tag', '"0"'],
  ])('refuses %s with 412 and the current ETag, changing nothing', async (_, ifMatch) => {
    const { patch, stored, product } = setup();
    const answer = await patch(ifMatch);
    expect(answer.status).toBe(412);
    expect(answer.etag).toBe('"1"');
    expect(stored.get(product.sku)).toMatchObject({ version: 1 });
  });

  it('answers 400 naming If-Match for a header that is not entity tags (a bare version number)', async () => {
    const { patch, stored, product } = setup();
    const answer = await patch('1');
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'If-Match', code: 'invalid_format' })]);
    expect(stored.get(product.sku)).toMatchObject({ version: 1 });
  });
});
