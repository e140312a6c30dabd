/**
 * Who the customs documents name as shipper. Sellers hand their parcels to Enlace's consolidation
 * warehouse in Shenzhen, which exports them; until sellers have profiles of their own, the
 * warehouse is the exporter printed on every document.
 *
 * SANDBOX: the address, phone and registration below are illustrative, not a real company's.
 * Replace them with the operating entity's registered details before real parcels ship.
 */
import type { Shipper } from './documents';

export const ENLACE_SHENZHEN_WAREHOUSE: Shipper = {
  name: 'Enlace Cross-Border Logistics (Shenzhen) Co., Ltd.',
  contactName: 'Export desk',
  streetLines: ['Warehouse 5, 1 Pinghu Logistics Park', 'Longgang District'],
  city: 'Shenzhen',
  province: 'Guangdong',
  postalCode: '518111',
  country: 'CN',
  phone: '+86 755 0000 0000',
  email: 'export@enlace.example',
  taxId: '91440300SANDBOX0001',
};
