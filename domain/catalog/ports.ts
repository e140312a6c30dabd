import type { Page } from '../shared/page';
import type { Product } from './product';

/** Port: one product of a seller, by SKU. */
export type GetProduct = (sellerId: string, sku: string) => Promise<Product | undefined>;

/** Port: several products of a seller at once (missing SKUs are left out of the map). */
export type GetProducts = (sellerId: string, skus: readonly string[]) => Promise<ReadonlyMap<string, Product>>;

/** Port: a seller's products in SKU order, a page at a time. */
export type ListProducts = (sellerId: string, options: { readonly limit: number; readonly cursor?: string }) => Promise<Page<Product>>;
