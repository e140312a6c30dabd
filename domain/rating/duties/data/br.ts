import { fromMajor } from '../../../shared/money';
import type { DutyRule, SourceRef, TaxComponent } from '../types';

/**
 * Brazil: Regime de Tributação Simplificada (RTS) for post and express parcels up to US$3,000,
 * with II (federal import tax) and ICMS (state VAT) "por dentro". Reference: shared/reference/domain-facts.md §1.
 */

const usd = (amount: string) => fromMajor(amount, 'USD');

const RTS_SOURCES: readonly SourceRef[] = [
  {
    url: 'https://tributa.net/legislacao/portaria-mf-no-1-086-de-28-de-junho-de-2024/embed',
    published: '2024-06-28',
    says: 'Portaria MF 1.086/2024, in force 2024-08-01: II 60% in the RTS; for certified (Remessa Conforme) sellers selling to individuals, 20% up to US$50 and 60% minus US$20 from US$50.01 to US$3,000; freight and insurance are part of the value.',
  },
  { url: 'https://guiatributario.net/2024/07/01', published: '2024-07-01', says: 'Table of the RTS bands.' },
  {
    url: 'http://www.legisweb.com.br/?legislacao=446703',
    published: '2023-06-22',
    says: 'Convênio ICMS 81/2023: ICMS of 17% on RTS imports.',
  },
  {
    url: 'https://economia.uol.com.br/noticias/redacao/2025/07/29/e-mail-cobrando-taxa-das-blusinhas-pode-ser-golpe-quando-devo-pagar.htm',
    published: '2025-07-29',
    says: 'Check values at 17%: US$50 → II US$10, ICMS US$12.29; US$100 → II US$40, ICMS US$28.67.',
  },
];

const ICMS_20_SOURCES: readonly SourceRef[] = [
  {
    url: 'https://www.jd1noticias.com/economia/adeus-blusinha-estados-anunciam-aumento-no-icms-de-encomendas/146448/',
    published: '2024-12',
    says: 'AC, AL, BA, CE, MG, PB, PI, RN, RR and SE raise the RTS ICMS to 20% from 2025-04-01.',
  },
  {
    url: 'https://brasilfinanceiro.com.br/taxa-das-blusinhas-dispara-em-diversos-estados-do-brasil',
    published: 'undated',
    says: 'Same ten states at 20%.',
  },
];

const UNCERTAIN: readonly string[] = [
  'Which states moved to 20% ICMS after 2025-04-01 is not confirmed; the others are kept at 17%.',
  'The US$3,000 RTS ceiling is applied to the same value as the bands (goods + freight + insurance).',
  'Receita assesses in BRL at its fiscal exchange rate; this computes in USD and converts, which can differ by a few cents.',
];

/** Why the Remessa Conforme rules are collected at checkout and for individuals only, and what is not confirmed about it. */
const CONFORME_UNCERTAIN: readonly string[] = [
  ...UNCERTAIN,
  'Collection at checkout: under Remessa Conforme (IN RFB 2.146/2023) the certified platform charges the II and ICMS to the buyer with the purchase and pays them in advance, so nothing is due on delivery; this is the programme as reported, not quoted from the instrument.',
  'The 20% band applies to sales to individuals (Portaria MF 1.086/2024, cited above); a company (CNPJ) recipient is rated on the standard rule.',
];

const II_CONFORME: TaxComponent = {
  code: 'BR.II',
  kind: 'duty',
  description: 'Imposto de Importação (RTS, Remessa Conforme seller)',
  base: 'CIF',
  rate: {
    kind: 'banded',
    bands: [
      { upTo: usd('50.00'), percent: '20', deduct: usd('0') },
      { percent: '60', deduct: usd('20.00') },
    ],
  },
};

const II_STANDARD: TaxComponent = {
  code: 'BR.II',
  kind: 'duty',
  description: 'Imposto de Importação (RTS, seller outside Remessa Conforme)',
  base: 'CIF',
  rate: { kind: 'percent', percent: '60' },
};

const ICMS_17: TaxComponent = {
  code: 'BR.ICMS',
  kind: 'tax',
  description: 'ICMS of the destination state, "por dentro" (Convênio ICMS 81/2023)',
  base: 'CIF+duties',
  inclusive: true,
  rate: { kind: 'by-state', defaultPercent: '17', byState: {} },
};

const TWENTY = '20' as const;
const ICMS_FROM_2025_04: TaxComponent = {
  ...ICMS_17,
  rate: {
    kind: 'by-state',
    defaultPercent: '17',
    byState: { AC: TWENTY, AL: TWENTY, BA: TWENTY, CE: TWENTY, MG: TWENTY, PB: TWENTY, PI: TWENTY, RN: TWENTY, RR: TWENTY, SE: TWENTY },
  },
};

const RTS_LIMITS = { maxValue: { value: usd('3000.00'), basis: 'CIF' } } as const;

export const BR_DUTY_RULES: readonly DutyRule[] = [
  {
    id: 'br-rts-conforme-2024-08-01',
    country: 'BR',
    name: 'Brazil RTS, Remessa Conforme seller (ICMS 17%)',
    effectiveFrom: '2024-08-01',
    effectiveTo: '2025-03-31',
    appliesWhen: { seller: { remessaConforme: true }, recipient: 'individual' },
    collectedAtCheckout: true,
    limits: RTS_LIMITS,
    components: [II_CONFORME, ICMS_17],
    sources: RTS_SOURCES,
    note: 'II = 20% of VA up to US$50, else 60% of VA − US$20, VA = goods + freight + insurance; ICMS = (VA + II) × t / (1 − t). Collected by the platform at checkout.',
    uncertain: CONFORME_UNCERTAIN,
  },
  {
    id: 'br-rts-standard-2024-08-01',
    country: 'BR',
    name: 'Brazil RTS, seller outside Remessa Conforme or a company recipient (ICMS 17%)',
    effectiveFrom: '2024-08-01',
    effectiveTo: '2025-03-31',
    // Everything the Remessa Conforme rule above does not take: a platform outside the programme, or a sale to a company (CNPJ).
    limits: RTS_LIMITS,
    components: [II_STANDARD, ICMS_17],
    sources: RTS_SOURCES,
    note: 'II = 60% of VA with no deduction; ICMS "por dentro" as for certified sellers.',
    uncertain: UNCERTAIN,
  },
  {
    id: 'br-rts-conforme-2025-04-01',
    country: 'BR',
    name: 'Brazil RTS, Remessa Conforme seller (ICMS 17%, 20% in ten states)',
    effectiveFrom: '2025-04-01',
    appliesWhen: { seller: { remessaConforme: true }, recipient: 'individual' },
    collectedAtCheckout: true,
    limits: RTS_LIMITS,
    components: [II_CONFORME, ICMS_FROM_2025_04],
    sources: [...RTS_SOURCES, ...ICMS_20_SOURCES],
    note: 'As the 2024-08-01 rule, with ICMS at 20% in AC, AL, BA, CE, MG, PB, PI, RN, RR and SE. Collected by the platform at checkout.',
    uncertain: CONFORME_UNCERTAIN,
  },
  {
    id: 'br-rts-standard-2025-04-01',
    country: 'BR',
    name: 'Brazil RTS, seller outside Remessa Conforme or a company recipient (ICMS 17%, 20% in ten states)',
    effectiveFrom: '2025-04-01',
    // Everything the Remessa Conforme rule above does not take: a platform outside the programme, or a sale to a company (CNPJ).
    limits: RTS_LIMITS,
    components: [II_STANDARD, ICMS_FROM_2025_04],
    sources: [...RTS_SOURCES, ...ICMS_20_SOURCES],
    note: 'II = 60% of VA; ICMS "por dentro" at the destination state\'s rate.',
    uncertain: UNCERTAIN,
  },
];
