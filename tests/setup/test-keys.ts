import type { Tenant } from '../../domain/shared/tenant';
import { DEMO_TENANT } from '../../local/demo-tenant';

/** API keys the test setup stores in the local cloud: two sellers and an integration acting for one of them. */
export const TEST_KEYS = {
  sellerA: { key: 'enl_test_seller_a_0000000000000000000000', tenant: { tenantId: 'seller-a', kind: 'seller', sellerIds: ['seller-a'] } as Tenant },
  sellerB: { key: 'enl_test_seller_b_0000000000000000000000', tenant: { tenantId: 'seller-b', kind: 'seller', sellerIds: ['seller-b'] } as Tenant },
  integration: {
    key: 'enl_test_integration_000000000000000000',
    tenant: { tenantId: 'marketplace-x', kind: 'integration', sellerIds: ['seller-a', 'seller-c'] } as Tenant,
  },
  /** Warehouse operators: one for the Mexico warehouse, one for São Paulo. */
  warehouseMx: {
    key: 'enl_test_wh_mx_00000000000000000000000000',
    tenant: { tenantId: 'op-mx', kind: 'warehouse', sellerIds: [], warehouseCode: 'MX-CTT-01' } as Tenant,
  },
  warehouseBr: {
    key: 'enl_test_wh_br_00000000000000000000000000',
    tenant: { tenantId: 'op-br', kind: 'warehouse', sellerIds: [], warehouseCode: 'BR-SP-01' } as Tenant,
  },
  /** The same tenant as the key `npm start` prints, so the README's sample order works as is. */
  demo: { key: 'enl_test_demo_000000000000000000000000000', tenant: DEMO_TENANT },
} as const;
