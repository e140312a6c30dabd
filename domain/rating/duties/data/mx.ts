import { fromMajor } from '../../../shared/money';
import type { DutyRule } from '../types';

/** Mexico: simplified courier procedure (RGCE rule 3.7.35), global rate for non-treaty origins such as China. */
export const MX_DUTY_RULES: readonly DutyRule[] = [
  {
    id: 'mx-courier-non-treaty-2025-08-15',
    country: 'MX',
    name: 'Mexico courier regime, global rate for China origin (33.5%)',
    effectiveFrom: '2025-08-15',
    limits: { maxValue: { value: fromMajor('2500.00', 'USD'), basis: 'CIF' } },
    components: [
      {
        code: 'MX.GLOBAL',
        kind: 'tax',
        description: 'Tasa global del procedimiento simplificado (replaces IGI and IVA)',
        base: 'CIF',
        rate: { kind: 'percent', percent: '33.5' },
      },
    ],
    sources: [
      {
        url: 'https://asnews.mx/noticias/procedimiento-simplificado-de-mensajeria-y-paqueteria-impacto-de-las-nuevas',
        published: '2025-10-03',
        says: 'From 2025-08-15 (DOF 2025-07-28) the global rate for non-treaty origins rose from 19% to 33.5% of customs value, parcels up to US$2,500 per consignee; it stands in for IGI and IVA.',
      },
      {
        url: 'https://www.unotv.com/negocios/impuesto-de-33-5-a-paquetes-de-china-entra-en-vigor-este-viernes/',
        published: '2025-08-13',
        says: '33.5% on parcels from China in force from Friday 2025-08-15.',
      },
      { url: 'https://notidex.com/?p=15171', published: 'undated', says: 'Restricted goods over US$117 pay 33.5%.' },
    ],
    note: 'No de minimis for China origin. tax = 33.5% × customs value.',
    uncertain: [
      'Whether the customs value for this procedure includes freight and insurance is not confirmed; it is taken as CIF (the general valuation rule), which errs on the high side.',
      'The RGCE 2026 text of the rule was not found; 33.5% is assumed to still apply.',
      'Parcels over US$117 with an air waybill and no non-tariff restrictions may use 19%; not applied here (the estimate stays conservative).',
      'The US$2,500 ceiling is per consignee; it is checked per shipment here.',
    ],
  },
];
