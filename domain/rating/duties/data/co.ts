import { fromMajor } from '../../../shared/money';
import type { DutyRule } from '../types';

/** Colombia: tráfico postal y envíos urgentes (Decreto 1090 de 2020). */
export const CO_DUTY_RULES: readonly DutyRule[] = [
  {
    id: 'co-trafico-postal-2025-01-01',
    country: 'CO',
    name: 'Colombia postal / express shipments (tráfico postal y envíos urgentes)',
    // Decreto 1090 is from 2020; the data asserts the rule only from the start of its coverage.
    effectiveFrom: '2025-01-01',
    limits: { maxValue: { value: fromMajor('2000.00', 'USD'), basis: 'FOB' }, maxTotalWeightGrams: 50_000, maxUnitsPerItem: 6 },
    components: [
      {
        code: 'CO.ARANCEL',
        kind: 'duty',
        description: 'Arancel 10% (subpartidas 9807.10 / 9807.20)',
        base: 'CIF',
        rate: { kind: 'percent', percent: '10' },
        exemptUpTo: { value: fromMajor('200.00', 'USD'), basis: 'FOB' },
      },
      {
        code: 'CO.IVA',
        kind: 'tax',
        description: 'IVA 19% (China origin: no US$200 IVA exemption)',
        base: 'CIF+duties',
        rate: { kind: 'percent', percent: '19' },
      },
    ],
    sources: [
      {
        url: 'http://www.excelsio.net/2017/11/si-va-realizar-compras-en-linea-en-el.html',
        published: '2017-11',
        says: 'Eligibility: up to US$2,000, 50 kg and 6 units of the same item.',
      },
      {
        url: 'https://world-today-news.com/learn-about-the-new-provisions-on-postal-traffic-and-express-shipments',
        published: 'undated',
        says: 'Up to US$200 FOB (delivery costs excluded): no duty (Decreto 1090/2020).',
      },
      {
        url: 'https://www.decconsultores.com/enviosusd200/',
        published: 'undated',
        says: 'Above US$200: 10% under 9807.10/9807.20 or the specific subheading; IVA 19% on customs value + duty (ET art. 459).',
      },
      {
        url: 'https://gda.com/detalle-de-la-noticia/?article=5916732',
        published: 'undated',
        says: 'The US$200 IVA exemption covers only FTA partners whose agreement includes it; China-origin parcels pay 19% IVA on product + freight + insurance.',
      },
    ],
    note: 'Up to US$200 FOB: no duty, IVA 19% on CIF. Above: 10% duty on CIF, IVA 19% on CIF + duty.',
    uncertain: [
      'The 19% IVA on China-origin parcels under US$200 comes from an undated source that mentions a pending reform.',
      'The flat 10% (9807) is used; a specific subheading may have another rate.',
      'The US$2,000 ceiling is taken on FOB value.',
    ],
  },
];
