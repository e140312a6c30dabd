import {
  createProduct,
  patchProduct,
  productInputSchema,
  productPatchSchema,
  SKU_PATTERN,
  type GetProduct,
  type ListProducts,
  type Product,
} from '../../domain/catalog';
import { InvalidCursorError } from '../../domain/shared/page';
import { header, pathParameter, type HttpEvent, type HttpRoute } from '../shared/http/http-handler';
import { requireIfMatch } from '../shared/http/preconditions';
import { badRequest, conflict, jsonResponse, notFound, validationError } from '../shared/http/problem';
import { limitParameter, queryParameter, routeByKey, sellerFor } from '../shared/http/tenancy';
import type { CreateProduct, SaveProductChange } from '../shared/store/product-store';

/** A product is a few KB; 64 KB leaves room for every certificate and description. */
export const MAX_PRODUCT_BYTES = 64 * 1024;

export interface ProductRoutesDeps {
  readonly createProduct: CreateProduct;
  readonly saveProductChange: SaveProductChange;
  readonly getProduct: GetProduct;
  readonly listProducts: ListProducts;
  readonly now?: () => Date;
}

const productPath = (product: Product) => `/v1/products/${encodeURIComponent(product.sku)}?sellerId=${encodeURIComponent(product.sellerId)}`;
const view = (product: Product) => ({ ...product, links: { self: productPath(product) } });

/**
 * The seller's catalogue: POST creates a SKU (409 if it exists), GET lists or reads, PATCH changes
 * fields as a JSON merge patch (conditional on `If-Match` when sent, compared strongly as RFC 9110
 * says; a concurrent change is a 409).
 * Another seller's SKU answers 404 exactly like a missing one.
 */
export function buildProductRoutes(deps: ProductRoutesDeps): HttpRoute {
  const now = deps.now ?? (() => new Date());

  const own = async (event: HttpEvent, sellerId: string): Promise<Product> => {
    const sku = pathParameter(event, 'sku');
    const product = SKU_PATTERN.test(sku) ? await deps.getProduct(sellerId, sku) : undefined;
    if (product === undefined) throw notFound(`No product "${sku}" for seller "${sellerId}".`);
    return product;
  };

  return routeByKey({
    'POST /v1/products': async ({ body, tenant }) => {
      const parsed = productInputSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      sellerFor(tenant, parsed.data.sellerId);
      const product = createProduct(parsed.data, now().toISOString());
      if ((await deps.createProduct(product)) === 'exists') {
        throw conflict(`Seller "${product.sellerId}" already has a product "${product.sku}"; change it with PATCH ${productPath(product)}.`);
      }
      return jsonResponse(201, view(product), { location: productPath(product), etag: `"${product.version}"` });
    },
    'GET /v1/products': async ({ event, tenant }) => {
      const sellerId = sellerFor(tenant, queryParameter(event, 'sellerId'));
      const cursor = queryParameter(event, 'cursor');
      try {
        const page = await deps.listProducts(sellerId, { limit: limitParameter(event), ...(cursor === undefined ? {} : { cursor }) });
        return jsonResponse(200, { items: page.items.map(view), ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }) });
      } catch (error) {
        if (error instanceof InvalidCursorError) throw badRequest(error.message, [{ path: 'cursor', code: 'invalid', message: error.message }]);
        throw error;
      }
    },
    'GET /v1/products/{sku}': async ({ event, tenant }) => {
      const product = await own(event, sellerFor(tenant, queryParameter(event, 'sellerId')));
      return jsonResponse(200, view(product), { etag: `"${product.version}"` });
    },
    'PATCH /v1/products/{sku}': async ({ event, tenant, body }) => {
      const product = await own(event, sellerFor(tenant, queryParameter(event, 'sellerId')));
      const parsed = productPatchSchema.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues);
      // If-Match as RFC 9110 reads it, as for orders: a weak tag never matches.
      requireIfMatch(header(event, 'if-match'), { name: 'product', version: product.version });
      const result = patchProduct(product, parsed.data, now().toISOString());
      if (!result.ok) {
        throw badRequest(
          `The request has ${result.problems.length} invalid field(s).`,
          result.problems.map((problem) => ({ path: problem.path.join('.'), code: 'custom', message: problem.message })),
        );
      }
      if (result.changed && (await deps.saveProductChange(result.product, product.version)) === 'conflict') {
        throw conflict(`Product "${product.sku}" changed while it was being updated; read it again and retry.`);
      }
      return jsonResponse(200, view(result.product), { etag: `"${result.product.version}"` });
    },
  });
}
