/**
 * Who is calling. Every API key belongs to one tenant: a seller (acting for itself) or a
 * marketplace integration acting for the sellers listed on its key.
 */
export interface Tenant {
  readonly tenantId: string;
  readonly kind: 'seller' | 'integration';
  /** Sellers this tenant may act for; a seller tenant lists only itself. */
  readonly sellerIds: readonly string[];
}

export function mayActFor(tenant: Tenant, sellerId: string): boolean {
  return tenant.sellerIds.includes(sellerId);
}

/** A tenant reads a resource only if it may act for the seller who owns it. */
export function mayRead(tenant: Tenant, resource: { readonly sellerId: string }): boolean {
  return mayActFor(tenant, resource.sellerId);
}
