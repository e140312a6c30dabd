import { taxIdRequirement } from '../../shared/tax-ids';
import { localLanguage } from './common';
import { type CountryCustomsRules, REFERENCE, usd } from './types';

const NOM_SOURCE = 'https://idconline.mx/comercio-exterior/2019/06/04/mercancias-de-importacion-seguras';
const NOM_NOTE =
  `${REFERENCE} §3: NOMs are checked at customs by tariff line (Anexo 2.4.1); examples from ` +
  'https://www.rcdcomercioexterior.com/blog-3-1/blog-post-title-four-3bnts (undated). Matching by category is Enlace’s ' +
  'approximation of the tariff-line list, and effectiveFrom is the date of the source article.';

/** Mexico: the simplified courier procedure (RGCE rule 3.7.35). */
export const MX_CUSTOMS: CountryCustomsRules = {
  country: 'MX',
  taxId: taxIdRequirement('MX'),
  documentLanguage: localLanguage('es'),
  regimeLimits: [
    {
      id: 'MX-COURIER-VALUE',
      regime: 'procedimiento simplificado de mensajería y paquetería (RGCE 3.7.35)',
      measure: 'declared-value-usd',
      max: usd(2500),
      severity: 'error',
      advice: 'unless the value is overstated, the goods must be imported formally (pedimento) through a customs broker, which this service does not do',
      source: 'https://asnews.mx/noticias/procedimiento-simplificado-de-mensajeria-y-paqueteria-impacto-de-las-nuevas',
      effectiveFrom: '2025-08-15',
      uncertain: false,
      note:
        `${REFERENCE} §1 (DOF 28 Jul 2025, in force 15 Aug 2025). The limit is per consignee: other parcels to the ` +
        'same consignee cleared together count towards it, and this check sees one order only.',
    },
  ],
  certificates: [
    {
      id: 'MX-NOM-ELECTRONICS',
      agency: 'NOM',
      certificate: 'NOM compliance (NOM-003-SCFI electrical safety, NOM-024-SCFI-2013 labelling of electronics)',
      reason: 'Mexican customs checks NOM compliance for electronics',
      appliesTo: { categories: ['electronics'] },
      severity: 'error',
      source: NOM_SOURCE,
      effectiveFrom: '2019-06-04',
      uncertain: true,
      note: NOM_NOTE,
    },
    {
      id: 'MX-NOM-TEXTILES',
      agency: 'NOM',
      certificate: 'NOM-004 textile labelling compliance',
      reason: 'Mexican customs checks the NOM-004 textile label on clothing',
      appliesTo: { categories: ['apparel'], hsPrefixes: ['61', '62', '63'] },
      severity: 'error',
      source: NOM_SOURCE,
      effectiveFrom: '2019-06-04',
      uncertain: true,
      note: NOM_NOTE,
    },
    {
      id: 'MX-NOM-FOOD',
      agency: 'NOM',
      certificate: 'NOM-051 food and beverage labelling compliance',
      reason: 'Mexican customs checks the NOM-051 label on food and beverages',
      appliesTo: { categories: ['food'] },
      severity: 'error',
      source: NOM_SOURCE,
      effectiveFrom: '2019-06-04',
      uncertain: true,
      note: NOM_NOTE,
    },
    {
      id: 'MX-COFEPRIS',
      agency: 'COFEPRIS',
      certificate: 'a COFEPRIS sanitary permit or notice',
      reason: 'COFEPRIS regulates cosmetics, supplements and food imported into Mexico',
      appliesTo: { categories: ['cosmetics', 'food'], hsPrefixes: ['33'] },
      severity: 'warning',
      source: 'https://www.rcdcomercioexterior.com/blog-3-1/blog-post-title-four-3bnts',
      effectiveFrom: null,
      uncertain: true,
      note: `${REFERENCE} §3 says COFEPRIS covers cosmetics, supplements and food, but not what a courier parcel needs; undated source.`,
    },
  ],
  prohibitions: [],
};
