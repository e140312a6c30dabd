/**
 * Who is calling. Every API key belongs to one tenant: a seller (acting for itself), a marketplace
 * integration acting for the sellers listed on its key, or a warehouse operator acting for one
 * warehouse (receipts, milestones, adjustments) and for no seller.
 */
export interface Tenant {
  readonly tenantId: string;
  readonly kind: 'seller' | 'integration' | 'warehouse';
  /** Sellers this tenant may act for; a seller tenant lists only itself, a warehouse operator none. */
  readonly sellerIds: readonly string[];
  /** The one warehouse a warehouse operator acts for. */
  readonly warehouseCode?: string;
}

export function mayActFor(tenant: Tenant, sellerId: string): boolean {
  return tenant.sellerIds.includes(sellerId);
}

/** A tenant reads a resource only if it may act for the seller who owns it. */
export function mayRead(tenant: Tenant, resource: { readonly sellerId: string }): boolean {
  return mayActFor(tenant, resource.sellerId);
}

/** A warehouse operator acts for its own warehouse only; sellers and integrations for none. */
export function operatesWarehouse(tenant: Tenant, warehouseCode: string): boolean {
  return tenant.kind === 'warehouse' && tenant.warehouseCode === warehouseCode;
}
