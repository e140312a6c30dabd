import type { Tenant } from '../domain/shared/tenant';

/** The tenant of the demo key `npm start` creates: a marketplace integration acting for two sellers. */
export const DEMO_TENANT: Tenant = { tenantId: 'demo-integration', kind: 'integration', sellerIds: ['seller-sz-001', 'seller-gz-002'] };

/** The demo warehouse operator `npm start` creates a key for: the Mexico City (Tepotzotlán) warehouse. */
export const DEMO_WAREHOUSE_OPERATOR: Tenant = { tenantId: 'operator-mx-ctt-01', kind: 'warehouse', sellerIds: [], warehouseCode: 'MX-CTT-01' };
