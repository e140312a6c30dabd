import { taxIdRequirement } from '../../shared/tax-ids';
import { localLanguage } from './common';
import { type CountryCustomsRules, REFERENCE, usd } from './types';

/** Peru: simplified clearance of low-value shipments (envíos de entrega rápida / despacho simplificado). */
export const PE_CUSTOMS: CountryCustomsRules = {
  country: 'PE',
  taxId: taxIdRequirement('PE'),
  documentLanguage: localLanguage('es'),
  regimeLimits: [
    {
      id: 'PE-SIMPLIFIED-VALUE',
      regime: 'despacho simplificado (envíos de entrega rápida)',
      measure: 'declared-value-usd',
      max: usd(2000),
      severity: 'error',
      advice: 'split it into shipments of at most US$2,000 each, or import it formally (DAM) through a customs agent',
      source: 'https://america-retail.com/paises/peru/sunat-endurece-fiscalizacion-de-compras-online-en-temu-y-aliexpress/',
      effectiveFrom: null,
      uncertain: true,
      note:
        `${REFERENCE} §1 gives the 4% band for US$200–2,000 from an undated source; reading US$2,000 as the upper limit ` +
        'of simplified clearance is Enlace’s interpretation. Up to US$200 no duty or IGV (LGA art. 147(m)).',
    },
    {
      id: 'PE-DNI-ANNUAL-VALUE',
      regime: 'imports by a recipient identified with a DNI',
      measure: 'declared-value-usd',
      max: usd(1000),
      severity: 'warning',
      advice: 'a recipient with a DNI may import at most 3 times a year for US$1,000 in total, so ask the buyer for a RUC',
      recipientTaxIdKinds: ['DNI'],
      source:
        'https://larepublica.pe/economia/2025/05/28/este-es-el-monto-maximo-que-establece-sunat-para-realizar-compras-de-productos-por-internet-sin-pagar-impuestos-en-2025-atmp-916216',
      effectiveFrom: '2025-05-28',
      uncertain: true,
      note:
        `${REFERENCE} §1: DNI holders get 3 imports a year up to US$1,000 in total, RUC holders have no limit. The yearly total ` +
        'cannot be checked from one order, so only a single order above US$1,000 is flagged; effectiveFrom is the article’s date.',
    },
  ],
  certificates: [],
  prohibitions: [],
};
