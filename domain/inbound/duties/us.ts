import type { BoundedPercentFee, HsRate, PercentFee, RegimeInfo } from './types';

/**
 * United States, formal entry (type 01), China origin:
 *   duty = entered value × (MFN rate + Section 301 rate + any temporary surcharge)
 *   MPF  = entered value × 0.3464%, within a minimum and maximum per entry (fiscal-year figures)
 *   HMF  = entered value × 0.125%, ocean shipments only                        [19 CFR 24.24]
 * The entered value excludes international freight and insurance.
 */
export const US_REGIME: RegimeInfo = {
  country: 'US',
  name: 'formal entry (type 01)',
  currency: 'USD',
  source: 'https://www.govinfo.gov/content/pkg/FR-2025-07-23/html/2025-13869.htm',
  effectiveFrom: '2025-10-01',
  uncertain: true,
  sandbox: false,
  note: 'IEEPA duties ended on 2026-02-24; the Section 122 surcharge ran to 2026-07-24; what applies after that is unknown (docs/inbound.md).',
};

export const US_MFN: readonly HsRate[] = [
  {
    hsPrefix: '851830',
    percent: '0',
    label: 'MFN headphones and earphones',
    source: 'https://portoria.app/hts/8518302000',
    effectiveFrom: '2025-01-01',
    uncertain: false,
    sandbox: false,
  },
  {
    hsPrefix: '610910',
    percent: '16.5',
    label: 'MFN cotton T-shirts',
    source: 'https://portoria.app/hts/6109100004',
    effectiveFrom: '2025-01-01',
    uncertain: false,
    sandbox: false,
  },
  {
    hsPrefix: '850760',
    percent: '3.4',
    label: 'MFN lithium-ion accumulators',
    source: 'https://vatcheck.io/hts/8507.60.00',
    effectiveFrom: '2025-01-01',
    uncertain: false,
    sandbox: false,
  },
  {
    hsPrefix: '853952',
    percent: '2',
    label: 'MFN LED lamps',
    source: 'https://www.fiowind.com/CN/US/led-lighting',
    effectiveFrom: '2025-01-01',
    uncertain: true,
    sandbox: false,
  },
  {
    hsPrefix: '940542',
    percent: '3.9',
    label: 'MFN LED luminaires',
    source: 'https://htshub.com/us-hs/chapter/94-17',
    effectiveFrom: '2025-01-01',
    uncertain: false,
    sandbox: false,
  },
  {
    hsPrefix: '9503',
    percent: '0',
    label: 'MFN toys',
    source: 'https://etoolsage.com/Query/USHTSC.asp?HTS=NOT&action=ScollDown&pageNo=104',
    effectiveFrom: '2025-01-01',
    uncertain: false,
    sandbox: false,
  },
  {
    hsPrefix: '392690',
    percent: '5.3',
    label: 'MFN other plastic articles',
    source: null,
    effectiveFrom: '2025-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX.',
  },
  {
    hsPrefix: '392410',
    percent: '3.4',
    label: 'MFN plastic tableware and kitchenware',
    source: null,
    effectiveFrom: '2025-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: the .40 ("other") line was not retrieved.',
  },
  {
    hsPrefix: '420232',
    percent: '20',
    label: 'MFN cases with plastic or textile outer surface',
    source: null,
    effectiveFrom: '2025-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX.',
  },
  {
    hsPrefix: '',
    percent: '5',
    label: 'MFN (other goods, sandbox default)',
    source: null,
    effectiveFrom: '2025-01-01',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX default: look the line up in the HTSUS.',
  },
];

const S301 = 'https://greatlakescustomslaw.com/tag/trade/';
export const US_SECTION_301: readonly HsRate[] = [
  {
    hsPrefix: '6109',
    percent: '7.5',
    label: 'Section 301 List 4A',
    source: 'https://cargos.com/tariffs-section301/',
    effectiveFrom: '2020-02-14',
    uncertain: true,
    sandbox: false,
  },
  {
    hsPrefix: '850760',
    percent: '7.5',
    label: 'Section 301 List 4A',
    source: S301,
    effectiveFrom: '2020-02-14',
    effectiveTo: '2025-12-31',
    uncertain: false,
    sandbox: false,
  },
  {
    hsPrefix: '850760',
    percent: '25',
    label: 'Section 301 (four-year review: non-EV lithium-ion batteries)',
    source: S301,
    effectiveFrom: '2026-01-01',
    uncertain: false,
    sandbox: false,
    note: '89 FR 76581.',
  },
  {
    hsPrefix: '940542',
    percent: '25',
    label: 'Section 301',
    source: 'https://www.fiowind.com/CN/US/led-lighting',
    effectiveFrom: '2019-05-10',
    uncertain: true,
    sandbox: false,
  },
  {
    hsPrefix: '392690',
    percent: '25',
    label: 'Section 301 List 3',
    source: null,
    effectiveFrom: '2019-05-10',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: list membership not confirmed.',
  },
  { hsPrefix: '392410', percent: '25', label: 'Section 301', source: null, effectiveFrom: '2019-05-10', uncertain: true, sandbox: true, note: 'SANDBOX.' },
  {
    hsPrefix: '420232',
    percent: '7.5',
    label: 'Section 301 List 4A',
    source: null,
    effectiveFrom: '2020-02-14',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX.',
  },
  {
    hsPrefix: '',
    percent: '0',
    label: 'Section 301 (none for this line)',
    source: 'https://cargos.com/tariffs-section301/',
    effectiveFrom: '2018-07-06',
    uncertain: true,
    sandbox: false,
  },
];

/** The temporary global surcharge under Section 122 (after the IEEPA duties fell). After 2026-07-24 nothing is known. */
export const US_SURCHARGE: readonly HsRate[] = [
  {
    hsPrefix: '',
    percent: '10',
    label: 'Section 122 surcharge',
    source: 'https://www.dutyclaims.com/blog/after-ieepa-section-122-and-section-301',
    effectiveFrom: '2026-02-24',
    effectiveTo: '2026-07-23',
    uncertain: true,
    sandbox: false,
    note: 'Sources conflict on 10% vs 15%.',
  },
  {
    hsPrefix: '',
    percent: '0',
    label: 'Section 122 surcharge (expired; successor unknown)',
    source: 'https://importcostcalc.com/calculator/section-122-tariff-expiry-calculator',
    effectiveFrom: '2026-07-24',
    uncertain: true,
    sandbox: false,
    note: 'The surcharge expired by statute on 2026-07-24; no extension or replacement was found. Check before relying on this figure.',
  },
];

export const US_MPF: readonly BoundedPercentFee[] = [
  {
    percent: '0.3464',
    minimum: '33.58',
    maximum: '651.50',
    source: 'https://www.govinfo.gov/content/pkg/FR-2025-07-23/html/2025-13869.htm',
    effectiveFrom: '2025-10-01',
    effectiveTo: '2026-09-30',
    uncertain: false,
    sandbox: false,
    note: 'FY2026, 90 FR 34665.',
  },
  {
    percent: '0.3464',
    minimum: '34.45',
    maximum: '668.44',
    source: null,
    effectiveFrom: '2026-10-01',
    effectiveTo: '2027-09-30',
    uncertain: true,
    sandbox: true,
    note: 'SANDBOX: FY2027 figures not found; FY2026 inflated by 2.6%.',
  },
];

export const US_HMF: PercentFee = {
  percent: '0.125',
  source: 'http://www.law.cornell.edu/cfr/text/19/24.24',
  effectiveFrom: '1987-04-01',
  uncertain: false,
  sandbox: false,
  note: 'Ocean shipments only.',
};
