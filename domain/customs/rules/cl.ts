import { taxIdRequirement } from '../../shared/tax-ids';
import { localLanguage } from './common';
import { type CountryCustomsRules, REFERENCE, usd } from './types';

/** Chile: IVA on every import since Ley 21.713; registered platforms collect it at checkout. */
export const CL_CUSTOMS: CountryCustomsRules = {
  country: 'CL',
  taxId: taxIdRequirement('CL'),
  documentLanguage: localLanguage('es'),
  regimeLimits: [
    {
      id: 'CL-PLATFORM-IVA-VALUE',
      regime: 'IVA collected at checkout by SII-registered platforms (Ley 21.713)',
      measure: 'declared-value-usd',
      max: usd(500),
      severity: 'warning',
      advice: 'above it the buyer pays IVA (and any duty) at customs, which is slower, so tell the buyer before shipping',
      source: 'https://www.cnnchile.com/servicios/hoy-es-el-ultimo-dia-para-comprar-sin-iva-en-tiendas-online-extranjeras-como-funcionara-el-cobro_20251024/',
      effectiveFrom: '2025-10-25',
      uncertain: false,
      note:
        `${REFERENCE} §1: registered platforms add 19% IVA at checkout on sales up to US$500. This is a tax-collection ` +
        'limit, not a customs regime limit: the reference gives no per-parcel value limit for Chilean courier clearance.',
    },
  ],
  certificates: [],
  prohibitions: [],
};
