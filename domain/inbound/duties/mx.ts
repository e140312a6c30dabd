import type { FixedFee, HsRate, PercentFee, RegimeInfo } from './types';

/**
 * Mexico, importación definitiva (pedimento A1), China origin (no trade agreement):
 *   VA (valor en aduana) = price + freight + insurance to the Mexican port   [Ley Aduanera art. 64–65]
 *   IGI = VA × rate(fracción)                                                [LIGIE, decrees below]
 *   DTA = max(VA × 0.8%, minimum)                                            [LFD art. 49 fr. I]
 *   PRV = prevalidación, per pedimento
 *   IVA = 16% × (VA + IGI + DTA)                                             [LIVA art. 27]
 * IVA paid at import is creditable for an IVA-registered importer; the landed cost shows it apart.
 */
export const MX_REGIME: RegimeInfo = {
  country: 'MX',
  name: 'importación definitiva (pedimento A1)',
  currency: 'MXN',
  source: 'https://xpressrelease.mx/2024/08/19/la-base-gravable-del-igi-sus-especificaciones',
  effectiveFrom: '2024-01-01',
  uncertain: false,
  sandbox: false,
  note: 'Base of IGI and DTA: the customs value (price, freight, insurance). Research notes, docs/inbound.md "Duties".',
};

const LIGIE_2026 = 'https://www.mondaq.com/mexico/international-trade-investment/1726384/reforma-a-la-ligie-nuevos-aranceles-para-2026';

/** IGI on China-origin goods. The fracción-level table of the LIGIE reform (DOF 29 Dec 2025) was not retrieved: most rows are SANDBOX. */
export const MX_IGI: readonly HsRate[] = [
  {
    hsPrefix: '9503',
    percent: '30',
    label: 'IGI toys (non-FTA origin)',
    source: LIGIE_2026,
    effectiveFrom: '2026-01-01',
    uncertain: true,
    sandbox: false,
    note: 'LIGIE reform DOF 2025-12-29: toys 30% for non-FTA origins (category level, not fracción level).',
  },
  {
    hsPrefix: '61',
    percent: '35',
    label: 'IGI apparel (non-FTA origin)',
    source: 'https://rivtrev.com/en/decreto-presidencial-sobre-modificacione4s-a-los-aranceles-para-la-industria-textil',
    effectiveFrom: '2024-12-20',
    uncertain: true,
    sandbox: true,
    note: 'Decree DOF 2024-12-19: 35% on made-up apparel until ~2026-04-23; the 2026 LIGIE rate (25% or 35%) is unconfirmed, 35% kept as SANDBOX.',
  },
  {
    hsPrefix: '8518',
    percent: '15',
    label: 'IGI headphones and speakers',
    source: null,
    effectiveFrom: '2024-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: no rate found for 8518.30.',
  },
  {
    hsPrefix: '8507',
    percent: '15',
    label: 'IGI accumulators (batteries)',
    source: null,
    effectiveFrom: '2024-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: no rate found for 8507.60.',
  },
  {
    hsPrefix: '8539',
    percent: '15',
    label: 'IGI LED lamps',
    source: null,
    effectiveFrom: '2024-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: no rate found for 8539.52.',
  },
  { hsPrefix: '9405', percent: '15', label: 'IGI luminaires', source: null, effectiveFrom: '2024-01-01', uncertain: true, sandbox: true, note: 'SANDBOX.' },
  {
    hsPrefix: '3926',
    percent: '25',
    label: 'IGI plastic articles',
    source: LIGIE_2026,
    effectiveFrom: '2026-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: plastic articles are 25–35% in the 2026 package; whether 3926.90 is listed is unconfirmed.',
  },
  {
    hsPrefix: '3924',
    percent: '30',
    label: 'IGI plastic household articles',
    source: LIGIE_2026,
    effectiveFrom: '2026-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: household plastics 25–35% in 2026.',
  },
  {
    hsPrefix: '4202',
    percent: '25',
    label: 'IGI bags and cases',
    source: LIGIE_2026,
    effectiveFrom: '2026-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: bags/leather goods 25% (category level).',
  },
  {
    hsPrefix: '',
    percent: '20',
    label: 'IGI (other goods, sandbox default)',
    source: null,
    effectiveFrom: '2024-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX default for HS codes without a row: look the fracción up in the TIGIE.',
  },
];

export const MX_DTA: PercentFee & { readonly minimum: string } = {
  percent: '0.8',
  minimum: '425',
  source: 'https://mexicoxport.com/derechos-de-tramite-aduanero-2023',
  effectiveFrom: '2019-01-01',
  uncertain: true,
  sandbox: false,
  note: 'LFD art. 49 fr. I: 8 al millar of the customs value. The minimum (the fr. IV quota, MXN 425 in 2024) is uncertain for 2026.',
};

export const MX_PREVALIDATION: FixedFee = {
  amount: '350',
  source: null,
  effectiveFrom: '2024-01-01',
  uncertain: true,
  sandbox: true,
  note: 'SANDBOX: MXN 302 in 2018 (RGCE 1.8.3); the 2026 amount was not found.',
};

export const MX_IVA: PercentFee = {
  percent: '16',
  source: 'https://bado.mx/articulos/1826/ley-del-iva/articulo-27-base-gravable-en-importacion-de-bienes-y/',
  effectiveFrom: '2014-01-01',
  uncertain: false,
  sandbox: false,
  note: 'LIVA art. 27: 16% of the customs value plus IGI and DTA. Creditable for an IVA-registered importer.',
};
