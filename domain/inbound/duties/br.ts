import type { FixedFee, HsRate, PercentFee, RegimeInfo } from './types';

/**
 * Brazil, importação comum (DI / DUIMP), São Paulo:
 *   VA = FOB + freight + insurance (valor aduaneiro)
 *   II = VA × II(NCM);  IPI = (VA + II) × IPI(NCM)
 *   PIS = VA × 2.1%;   COFINS = VA × (9.65% + additional for listed NCMs)        [Lei 10.865/2004]
 *   Siscomex = R$115.67 per declaration + a fee per adição (one adição per NCM)  [Portaria ME 4.131/2021]
 *   AFRMM = 8% of ocean freight (sea only)                                      [Lei 14.301/2022]
 *   ICMS = (VA + II + IPI + PIS + COFINS + Siscomex + AFRMM) × t / (1 − t), t = 18% in SP ("por dentro")
 */
export const BR_REGIME: RegimeInfo = {
  country: 'BR',
  name: 'importação comum (DI/DUIMP), destination São Paulo',
  currency: 'BRL',
  source: 'http://lidefiscal-old.blogspot.com/2010_09_28_archive.html',
  effectiveFrom: '2022-03-25',
  uncertain: true,
  sandbox: false,
  note: 'The formula chain is sourced; PIS/COFINS on the customs value only (the 2013 change) is assumed, not confirmed by a retrieved source.',
};

const GECEX_2026 = 'https://www.pv-magazine-brasil.com/2026/02/05/baterias-passarao-a-pagar-ate-20-de-imposto-de-importacao';

export const BR_II: readonly HsRate[] = [
  {
    hsPrefix: '8507',
    percent: '20',
    label: 'II accumulators',
    source: GECEX_2026,
    effectiveFrom: '2026-01-28',
    uncertain: true,
    sandbox: false,
    note: 'Gecex 233rd meeting raised BK/BIT battery lines to 20% (that 8507.60 is listed is per the source).',
  },
  {
    hsPrefix: '8507',
    percent: '18',
    label: 'II accumulators',
    source: GECEX_2026,
    effectiveFrom: '2022-01-01',
    effectiveTo: '2026-01-27',
    uncertain: true,
    sandbox: false,
  },
  {
    hsPrefix: '9503',
    percent: '20',
    label: 'II toys',
    source: 'https://cloud-prod.avlr.net/br/pt/blog/2020/11/reducao-do-imposto-de-importacao-sobre-brinquedos.html',
    effectiveFrom: '2021-12-01',
    uncertain: false,
    sandbox: false,
    note: 'Resolução Gecex 121/2020: 35% → 20% in steps, 20% from 2021-12-01.',
  },
  {
    hsPrefix: '61',
    percent: '35',
    label: 'II apparel',
    source: null,
    effectiveFrom: '2007-09-01',
    uncertain: true,
    sandbox: false,
    note: 'Brazil raised apparel to 35% in 2007; the current value was not re-checked.',
  },
  {
    hsPrefix: '8518',
    percent: '16',
    label: 'II headphones',
    source: null,
    effectiveFrom: '2022-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: no TEC rate retrieved for 8518.30.',
  },
  { hsPrefix: '8539', percent: '16', label: 'II LED lamps', source: null, effectiveFrom: '2022-01-01', uncertain: true, sandbox: true, note: 'SANDBOX.' },
  {
    hsPrefix: '3926',
    percent: '18',
    label: 'II plastic articles',
    source: null,
    effectiveFrom: '2022-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX.',
  },
  {
    hsPrefix: '3924',
    percent: '18',
    label: 'II plastic household articles',
    source: null,
    effectiveFrom: '2022-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX.',
  },
  { hsPrefix: '4202', percent: '35', label: 'II bags and cases', source: null, effectiveFrom: '2022-01-01', uncertain: true, sandbox: true, note: 'SANDBOX.' },
  {
    hsPrefix: '',
    percent: '18',
    label: 'II (other goods, sandbox default)',
    source: null,
    effectiveFrom: '2022-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX default: look the NCM up in the TEC.',
  },
];

export const BR_IPI: readonly HsRate[] = [
  { hsPrefix: '8507', percent: '11.5', label: 'IPI accumulators', source: GECEX_2026, effectiveFrom: '2022-01-01', uncertain: true, sandbox: false },
  {
    hsPrefix: '8518',
    percent: '9.75',
    label: 'IPI headphones',
    source: 'https://vriconsulting.com.br/classificacao-fiscal.php?ncm=8518.10.90',
    effectiveFrom: '2022-05-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: the sibling 8518.10.90 is 9.75% in TIPI 2022.',
  },
  {
    hsPrefix: '61',
    percent: '0',
    label: 'IPI apparel',
    source: null,
    effectiveFrom: '2022-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: TIPI ch. 61 not retrieved.',
  },
  { hsPrefix: '9503', percent: '10', label: 'IPI toys', source: null, effectiveFrom: '2022-01-01', uncertain: true, sandbox: true, note: 'SANDBOX.' },
  {
    hsPrefix: '',
    percent: '9.75',
    label: 'IPI (other goods, sandbox default)',
    source: null,
    effectiveFrom: '2022-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX default: look the NCM up in the TIPI.',
  },
];

const PIS_COFINS_SOURCE =
  'https://metafiscal.net/novas-regras-no-comercio-exterior-reducao-do-acrescimo-da-cofins-importacao-a-partir-de-2025-e-a-lista-detalhada-de-ncms-afetadas';

export const BR_PIS: PercentFee = {
  percent: '2.1',
  source: PIS_COFINS_SOURCE,
  effectiveFrom: '2015-05-01',
  uncertain: false,
  sandbox: false,
  note: 'Lei 10.865/2004 art. 8 as amended by Lei 13.137/2015.',
};
export const BR_COFINS: PercentFee = {
  percent: '9.65',
  source: PIS_COFINS_SOURCE,
  effectiveFrom: '2015-05-01',
  uncertain: false,
  sandbox: false,
  note: 'Lei 10.865/2004 art. 8 as amended by Lei 13.137/2015.',
};

const COFINS_ADD_SOURCE =
  'https://machadomeyer.com.br/pt/inteligencia-juridica/publicacoes-ij/tributario-ij/reducao-gradual-do-adicional-de-cofins-importacao-comeca-este-ano';
/** The additional COFINS on listed NCMs (apparel, textiles, footwear, leather…), phased out by Lei 14.973/2024. */
export const BR_COFINS_ADDITIONAL: readonly HsRate[] = ['42', '61', '62', '63', '64'].flatMap((hsPrefix) => [
  {
    hsPrefix,
    percent: '0.8',
    label: 'COFINS additional (listed NCM)',
    source: COFINS_ADD_SOURCE,
    effectiveFrom: '2025-01-01',
    effectiveTo: '2025-12-31',
    uncertain: true,
    sandbox: false,
  },
  {
    hsPrefix,
    percent: '0.6',
    label: 'COFINS additional (listed NCM)',
    source: COFINS_ADD_SOURCE,
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-12-31',
    uncertain: true,
    sandbox: false,
    note: 'Which chapters are listed is summarised, not checked line by line.',
  },
]);

export const BR_SISCOMEX: FixedFee & { readonly perAddition: readonly { readonly upTo: number; readonly amount: string }[] } = {
  amount: '115.67',
  perAddition: [
    { upTo: 2, amount: '38.56' },
    { upTo: 5, amount: '30.85' },
    { upTo: 10, amount: '23.14' },
    { upTo: 20, amount: '15.42' },
    { upTo: 50, amount: '7.71' },
    { upTo: Number.MAX_SAFE_INTEGER, amount: '3.86' },
  ],
  source: 'https://atvi.com.br/blog/alteracao-nas-taxas-do-siscomex-e-adicao-de-mercadorias/',
  effectiveFrom: '2021-06-01',
  uncertain: false,
  sandbox: false,
  note: 'Portaria ME 4.131/2021: per declaration, plus a fee per adição (one per NCM) falling with the count.',
};

export const BR_AFRMM: PercentFee = {
  percent: '8',
  source: 'https://gilli.adv.br/br-do-mar-e-novas-aliquotas-de-afrmm',
  effectiveFrom: '2022-03-25',
  uncertain: false,
  sandbox: false,
  note: 'Lei 14.301/2022: 8% of long-haul ocean freight; not charged on air freight.',
};

export const BR_ICMS_SP: PercentFee = {
  percent: '18',
  source: 'https://tariffpilot.ai/tariffs/br/85',
  effectiveFrom: '2022-01-01',
  uncertain: true,
  sandbox: false,
  note: 'São Paulo internal rate, "por dentro"; only a secondary source was found.',
};
