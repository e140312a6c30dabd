import { fromMajor } from '../../../shared/money';
import type { DutyRule, SourceRef, TaxComponent } from '../types';

/**
 * United States, China origin, express (non-postal) informal entry. No de minimis: suspended for
 * China/HK since 2025-05-02 and for every country since 2025-08-29.
 *
 * MFN and Section 301 rates vary by 10-digit HTSUS line; the per-chapter figures below are
 * INDICATIVE stand-ins (sandbox) for the goods Chinese sellers ship most, to be replaced by a
 * tariff lookup before DDP goes live in the US.
 */

const MFN_BY_CHAPTER: TaxComponent = {
  code: 'US.MFN',
  kind: 'duty',
  description: 'MFN duty (indicative per HS chapter, sandbox)',
  base: 'FOB',
  rate: {
    kind: 'by-hs-chapter',
    defaultPercent: '5',
    // 61 knit apparel (e.g. 6109.10 cotton T-shirts 16.5%), 62 woven apparel, 64 footwear,
    // 85 electrical equipment, 95 toys (9503 free), 42 bags, 71 imitation jewellery.
    byChapter: { '42': '8', '61': '16.5', '62': '16', '64': '20', '71': '8', '85': '2.6', '95': '0' },
  },
};

const SECTION_301_BY_CHAPTER: TaxComponent = {
  code: 'US.S301',
  kind: 'duty',
  description: 'Section 301 duty on Chinese goods (indicative per HS chapter, sandbox)',
  base: 'FOB',
  rate: {
    kind: 'by-hs-chapter',
    defaultPercent: '25',
    // List 4A (7.5%) covers most apparel, footwear and bags; lists 1–3 (25%) most electrical goods; most toys are not covered.
    byChapter: { '42': '7.5', '61': '7.5', '62': '7.5', '64': '7.5', '71': '7.5', '85': '25', '95': '0' },
  },
};

const NO_DE_MINIMIS: SourceRef = {
  url: 'https://www.thompsonhinesmartrade.com/?p=8490',
  published: '2025',
  says: 'From 2025-08-29 (EO 14324) no de minimis for any country; non-postal parcels need an ACE formal or informal entry.',
};

const INFORMAL_ENTRY: SourceRef = {
  url: 'https://www.ecfr.gov/current/title-19/chapter-I/part-143/subpart-C/section-143.21',
  published: 'undated',
  says: '19 CFR 143.21: informal entry for shipments valued up to US$2,500 (not in the team reference; verify).',
};

const LIMITS = { maxValue: { value: fromMajor('2500.00', 'USD'), basis: 'FOB' } } as const;

const COMMON_UNCERTAIN = [
  'MFN and Section 301 rates are per-chapter stand-ins, not the 10-digit HTSUS rates.',
  'Merchandise processing fee and broker fees of the informal entry are not modelled as duties.',
] as const;

export const US_DUTY_RULES: readonly DutyRule[] = [
  {
    id: 'us-ieepa-2025-11-10',
    country: 'US',
    name: 'US, China origin: MFN + Section 301 + IEEPA 20%',
    effectiveFrom: '2025-11-10',
    effectiveTo: '2026-02-23',
    limits: LIMITS,
    components: [
      MFN_BY_CHAPTER,
      SECTION_301_BY_CHAPTER,
      {
        code: 'US.IEEPA',
        kind: 'duty',
        description: 'IEEPA duties on China (10% fentanyl + 10% reciprocal)',
        base: 'FOB',
        rate: { kind: 'percent', percent: '20' },
      },
    ],
    sources: [
      NO_DE_MINIMIS,
      INFORMAL_ENTRY,
      {
        url: 'https://www.strtrade.com/trade-news-resources/str-trade-report/trade-report/november/tariff-changes-for-imports-from-china-made-official',
        published: '2025-11',
        says: "China's IEEPA rate 20% from 2025-11-10; MFN and Section 301 (7.5–100%) still apply.",
      },
    ],
    note: 'Ad valorem on the transaction (FOB) value; no de minimis.',
    uncertain: [...COMMON_UNCERTAIN],
  },
  {
    id: 'us-section-122-2026-02-24',
    country: 'US',
    name: 'US, China origin: MFN + Section 301 + Section 122 10%',
    effectiveFrom: '2026-02-24',
    effectiveTo: '2026-07-24',
    limits: LIMITS,
    components: [
      MFN_BY_CHAPTER,
      SECTION_301_BY_CHAPTER,
      {
        code: 'US.S122',
        kind: 'duty',
        description: 'Section 122 temporary import surcharge (HTS 9903.03.01)',
        base: 'FOB',
        rate: { kind: 'percent', percent: '10' },
      },
    ],
    sources: [
      NO_DE_MINIMIS,
      INFORMAL_ENTRY,
      {
        url: 'https://www.mondaq.com/unitedstates/international-trade-investment/1750326/implications-of-the-us-supreme-courts-tariffs-ruling',
        published: '2026-02-27',
        says: 'Learning Resources v. Trump (2026-02-20): IEEPA does not authorise tariffs; collection stopped 2026-02-24.',
      },
      {
        url: 'https://www.thompsonhinesmartrade.com/2026/02/president-trump-implements-temporary-import-duties-under-section-122-of-the-trade-act-of-1974-and-continues-the-suspension-of-duty-free-de-minimis-exception-for-international-shipments',
        published: '2026-02',
        says: 'Section 122 surcharge of 10% from 2026-02-24 to 2026-07-24; de minimis suspension continues.',
      },
    ],
    note: 'IEEPA duties replaced by the 10% Section 122 surcharge for 150 days.',
    uncertain: [...COMMON_UNCERTAIN, 'A 15% Section 122 rate was announced but not proclaimed; 10% is used.'],
  },
  {
    id: 'us-assumed-after-2026-07-24',
    country: 'US',
    name: 'US, China origin, after 2026-07-24 (UNVERIFIED assumption: Section 122 terms continue)',
    effectiveFrom: '2026-07-25',
    unverified: true,
    limits: LIMITS,
    components: [
      MFN_BY_CHAPTER,
      SECTION_301_BY_CHAPTER,
      {
        code: 'US.SURCHARGE',
        kind: 'duty',
        description: 'Surcharge assumed to continue at the Section 122 rate (unverified)',
        base: 'FOB',
        rate: { kind: 'percent', percent: '10' },
      },
    ],
    sources: [NO_DE_MINIMIS, INFORMAL_ENTRY],
    note: 'No source covers the rules after the Section 122 period ended on 2026-07-24. The previous terms are carried forward so quotes do not silently drop the surcharge; commercial de minimis is repealed by statute from 2027-07-01 (OBBBA) in any case.',
    uncertain: [
      ...COMMON_UNCERTAIN,
      'What applies after 2026-07-24 (extension, Section 301/232 replacements) is unknown; verify before relying on US duty figures.',
    ],
  },
];
