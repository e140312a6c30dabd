import { taxIdRequirement } from '../../shared/tax-ids';
import { localLanguage, RADIO_KEYWORDS } from './common';
import { type CountryCustomsRules, REFERENCE, usd } from './types';

/** Brazil: Receita Federal's simplified regime (RTS) for post and express parcels, Remessa Conforme. */
export const BR_CUSTOMS: CountryCustomsRules = {
  country: 'BR',
  taxId: taxIdRequirement('BR'),
  documentLanguage: localLanguage('pt'),
  regimeLimits: [
    {
      id: 'BR-RTS-VALUE',
      regime: 'Regime de Tributação Simplificada (RTS)',
      measure: 'declared-value-usd',
      max: usd(3000),
      severity: 'error',
      advice: 'split it into consignments of at most US$3,000 each, or ship it as a formal import through a customs broker',
      source: 'https://tributa.net/legislacao/portaria-mf-no-1-086-de-28-de-junho-de-2024/embed',
      effectiveFrom: '2024-08-01',
      uncertain: false,
      note:
        `${REFERENCE} §1: RTS covers post/express parcels up to US$3,000 (Portaria MF 1.086, in force 1 Aug 2024). ` +
        'Brazil adds freight and insurance to the goods value; an order carries no freight, so only the declared goods value is compared here.',
    },
  ],
  certificates: [
    {
      id: 'BR-INMETRO-TOYS',
      agency: 'INMETRO',
      certificate: 'an INMETRO conformity certificate and INMETRO registration',
      reason: 'toys may be imported into Brazil only when certified and registered with INMETRO',
      appliesTo: { categories: ['toys'], hsPrefixes: ['9503'] },
      severity: 'error',
      source:
        'https://gov.br/inmetro/pt-br/acesso-a-informacao/perguntas-frequentes/avaliacao-da-conformidade/brinquedos/a-partir-de-quando-os-fabricantes-e-importadores-so-poderao-fabricar-ou-importar-brinquedos-em-conformidade-a-portaria-inmetro-n-5632016',
      effectiveFrom: '2022-01-01',
      uncertain: false,
      note: `${REFERENCE} §3: Portaria Inmetro 302/2021 (page updated 2024-05-27).`,
    },
    {
      id: 'BR-ANATEL-RADIO',
      agency: 'ANATEL',
      certificate: 'ANATEL homologation',
      reason: 'Wi-Fi, Bluetooth and cellular devices need ANATEL homologation, and parcels without it are held',
      appliesTo: { categories: ['electronics'], hsPrefixes: ['8517'], keywords: RADIO_KEYWORDS },
      severity: 'error',
      source: 'https://tecnoblog.net/noticias/2018/11/29/anatel-regras-homologacao-importados/',
      effectiveFrom: '2018-11-29',
      uncertain: true,
      note:
        `${REFERENCE} §3 marks the source as old (2018); effectiveFrom is the article's date. ` +
        'Radio devices are recognised by HS heading 8517 or by keywords in the description (Enlace heuristic).',
    },
    {
      id: 'BR-ANVISA-PERSONAL-USE',
      agency: 'ANVISA',
      certificate: 'ANVISA authorisation if the goods are not for the buyer’s own personal use',
      reason: 'cosmetics and food may come by post without authorisation only for personal use, and ANVISA inspects them',
      appliesTo: { categories: ['cosmetics', 'food'], hsPrefixes: ['33'] },
      severity: 'warning',
      source: 'https://gov.br/anvisa/pt-br/assuntos/paf/anuencia/importacoes-por-pessoa-fisica',
      effectiveFrom: null,
      uncertain: true,
      note: `${REFERENCE} §3: RDC 81/2008 ch. XII and RDC 28/2011; the RDCs may since have been renumbered.`,
    },
  ],
  prohibitions: [
    {
      id: 'BR-ANVISA-POST-PROHIBITED',
      authority: 'ANVISA',
      reason: 'ANVISA does not allow e-cigarettes, cannabis products or prescription and controlled drugs to enter Brazil by post',
      appliesTo: {
        hsPrefixes: ['854340'],
        keywords: [
          'e-cigarette',
          'e-cigarettes',
          'electronic cigarette',
          'vape',
          'vapes',
          'vaporizer',
          'cigarro eletronico',
          'cigarrillo electronico',
          'cannabis',
          'cbd',
          'prescription drug',
          'prescription medicine',
        ],
      },
      source: 'https://agenciagov.ebc.com.br/noticias/202308/anvisa-publica-novo-manual-de-importacao-por-remessa-postal',
      effectiveFrom: '2023-08-01',
      uncertain: false,
      note:
        `${REFERENCE} §3 (ANVISA postal import manual, Aug 2023; effectiveFrom is the month of the source). ` +
        'The keyword list and HS 8543.40 (electronic cigarettes) are how Enlace recognises the goods.',
    },
  ],
};
