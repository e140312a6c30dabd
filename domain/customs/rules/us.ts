import { taxIdRequirement } from '../../shared/tax-ids';
import { localLanguage } from './common';
import { type CountryCustomsRules, REFERENCE, usd } from './types';

/** United States: de minimis suspended, so every parcel is entered (informal entry up to US$2,500). */
export const US_CUSTOMS: CountryCustomsRules = {
  country: 'US',
  taxId: taxIdRequirement('US'),
  documentLanguage: localLanguage(null),
  regimeLimits: [
    {
      id: 'US-INFORMAL-ENTRY-VALUE',
      regime: 'informal entry (19 CFR 143.21)',
      measure: 'declared-value-usd',
      max: usd(2500),
      severity: 'warning',
      advice: 'above it the carrier must file a formal entry with a bond, which costs more and takes longer, so check the service files formal entries',
      source: 'http://federal.elaws.us/citation/77-FR-72719',
      effectiveFrom: '2013-01-07',
      uncertain: true,
      note:
        `Not in ${REFERENCE}: CBP Dec. 12-19 (77 FR 72719) raised the informal entry limit to US$2,500 from 7 Jan 2013. ` +
        'How postal and express parcels from China are entered since the de minimis suspension is not settled in the reference (§1).',
    },
  ],
  certificates: [
    {
      id: 'US-CPSC-CHILDRENS-PRODUCT',
      agency: 'CPSC',
      certificate: 'a Children’s Product Certificate (CPC), eFiled in ACE',
      reason: 'children’s products need a CPC, and eFiling it in ACE is mandatory',
      appliesTo: { categories: ['toys'], hsPrefixes: ['9503'] },
      severity: 'error',
      source: 'http://www.federalregister.com/Browse/Document/usa/na/fr/2025/1/8/2024-30826',
      effectiveFrom: '2026-07-08',
      uncertain: false,
      note: `${REFERENCE} §3: 16 CFR 1110, 90 FR 1800 (2025-01-08); eFiling of CPC/GCC mandatory from 8 Jul 2026.`,
    },
    {
      id: 'US-FCC-RF-DEVICE',
      agency: 'FCC',
      certificate: 'FCC equipment authorization',
      reason: 'electronic devices that emit radio frequencies need FCC authorization to be marketed in the US',
      appliesTo: { categories: ['electronics'], hsPrefixes: ['8517'] },
      severity: 'warning',
      source: null,
      effectiveFrom: null,
      uncertain: true,
      note: `${REFERENCE} §3: FCC requirements were not researched; a warning until they are.`,
    },
    {
      id: 'US-FDA-REGULATED',
      agency: 'FDA',
      certificate: 'FDA compliance (food facility registration and prior notice, cosmetics listing)',
      reason: 'food and cosmetics are FDA-regulated at import',
      appliesTo: { categories: ['food', 'cosmetics'], hsPrefixes: ['33'] },
      severity: 'warning',
      source: null,
      effectiveFrom: null,
      uncertain: true,
      note: `${REFERENCE} §3: FDA requirements were not researched; a warning until they are.`,
    },
  ],
  prohibitions: [],
};
