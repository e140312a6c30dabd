import type { Tenant } from '../domain/shared/tenant';

/** The tenant of the demo key `npm start` creates: a marketplace integration acting for two sellers. */
export const DEMO_TENANT: Tenant = { tenantId: 'demo-integration', kind: 'integration', sellerIds: ['seller-sz-001', 'seller-gz-002'] };
