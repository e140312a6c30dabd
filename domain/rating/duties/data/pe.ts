import { fromMajor } from '../../../shared/money';
import type { DutyRule } from '../types';

/** Peru: low-value imports through courier (Ley General de Aduanas art. 147(m); Ley 29774). */

const exempt = { value: fromMajor('200.00', 'USD'), basis: 'FOB' } as const;

export const PE_DUTY_RULES: readonly DutyRule[] = [
  {
    id: 'pe-courier-2025-01-01',
    country: 'PE',
    name: 'Peru courier imports: exempt up to US$200, 4% + IGV + IPM up to US$2,000',
    // The law is older; the data asserts it only from the start of its coverage.
    effectiveFrom: '2025-01-01',
    limits: { maxValue: { value: fromMajor('2000.00', 'USD'), basis: 'FOB' } },
    components: [
      { code: 'PE.AD_VALOREM', kind: 'duty', description: 'Ad valorem 4%', base: 'CIF', rate: { kind: 'percent', percent: '4' }, exemptUpTo: exempt },
      { code: 'PE.IGV', kind: 'tax', description: 'IGV 16%', base: 'CIF+duties', rate: { kind: 'percent', percent: '16' }, exemptUpTo: exempt },
      {
        code: 'PE.IPM',
        kind: 'tax',
        description: 'IPM (Impuesto de Promoción Municipal) 2%',
        base: 'CIF+duties',
        rate: { kind: 'percent', percent: '2' },
        exemptUpTo: exempt,
      },
    ],
    sources: [
      {
        url: 'https://abrecht-group.com/2020/12/01/todo-lo-que-debe-saber-sobre-el-pago-de-impuestos-en-tus-compras-online-para-esta-navidad/',
        published: '2020-12-01',
        says: 'Up to US$200: no duty and no IGV (LGA art. 147(m); Ley 29774).',
      },
      {
        url: 'https://larepublica.pe/economia/2025/05/28/este-es-el-monto-maximo-que-establece-sunat-para-realizar-compras-de-productos-por-internet-sin-pagar-impuestos-en-2025-atmp-916216',
        published: '2025-05-28',
        says: 'Confirms US$200; DNI holders get 3 imports a year up to US$1,000 in total.',
      },
      {
        url: 'https://america-retail.com/paises/peru/sunat-endurece-fiscalizacion-de-compras-online-en-temu-y-aliexpress/',
        published: 'undated',
        says: 'US$200–2,000: 4% ad valorem on CIF plus IGV 16% and IPM 2% ("≈24%").',
      },
    ],
    note: 'Above US$200: 4% of CIF, then IGV 16% and IPM 2% on CIF + duty (22.72% of CIF in all).',
    uncertain: [
      'IGV and IPM on CIF + duty is Peru\'s normal rule; the source only says "≈24%".',
      'The US$200 threshold is taken on FOB value.',
      'The DNI allowance (3 imports, US$1,000 a year) cannot be checked from one shipment.',
    ],
  },
];
