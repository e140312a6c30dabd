import { fromMajor } from '../../../shared/money';
import type { DutyRule, SourceRef } from '../types';

/** Chile: IVA on every import from 2025-10-25 (Ley 21.713); registered platforms collect it at checkout. */

const usd = (amount: string) => fromMajor(amount, 'USD');

const LEY_21713: readonly SourceRef[] = [
  {
    url: 'https://www.cnnchile.com/servicios/hoy-es-el-ultimo-dia-para-comprar-sin-iva-en-tiendas-online-extranjeras-como-funcionara-el-cobro_20251024/',
    published: '2025-10-24',
    says: 'From 2025-10-25 the US$41 exemption ends; SII-registered platforms add 19% IVA at checkout on sales up to US$500, on product plus shipping; such parcels owe no duty or import IVA.',
  },
  {
    url: 'https://www.eldinamo.cl/economia/dinero/2025/10/02/compras-online-en-el-extranjero-con-iva-las-plataformas-inscritas-y-como-se-aplicara-el-impuesto/',
    published: '2025-10-02',
    says: 'Registered platforms and how the IVA is applied.',
  },
  {
    url: 'https://www.adnradio.cl/2025/09/30/cuando-empieza-a-aplicarse-el-iva-por-las-compras-por-plataformas-extranjeras-se-trata-del-19-reflejado-en-el-monto-total/',
    published: '2025-09-30',
    says: '19% reflected in the total amount.',
  },
];

const DUTY_6 = {
  code: 'CL.DERECHO',
  kind: 'duty',
  description: 'Derecho ad valorem 6%',
  base: 'CIF',
  rate: { kind: 'percent', percent: '6' },
} as const;

const IVA_ON_CIF_PLUS_DUTY = {
  code: 'CL.IVA',
  kind: 'tax',
  description: 'IVA 19% at customs',
  base: 'CIF+duties',
  rate: { kind: 'percent', percent: '19' },
} as const;

export const CL_DUTY_RULES: readonly DutyRule[] = [
  {
    id: 'cl-low-value-exemption-until-2025-10-24',
    country: 'CL',
    name: 'Chile before Ley 21.713: exempt up to US$41',
    // The exemption is older; the data asserts it only from the start of its coverage.
    effectiveFrom: '2025-01-01',
    effectiveTo: '2025-10-24',
    components: [
      { ...DUTY_6, exemptUpTo: { value: usd('41.00'), basis: 'CIF' } },
      { ...IVA_ON_CIF_PLUS_DUTY, exemptUpTo: { value: usd('41.00'), basis: 'CIF' } },
    ],
    sources: LEY_21713,
    note: 'Up to US$41 no duty and no IVA; above it, 6% duty and 19% IVA.',
    uncertain: [
      'Whether the US$41 threshold was on CIF or FOB value is not confirmed (CIF assumed).',
      'Duty on CIF and IVA on CIF + duty are assumed, not sourced.',
    ],
  },
  {
    id: 'cl-registered-platform-2025-10-25',
    country: 'CL',
    name: 'Chile, SII-registered platform, sale up to US$500 (IVA at checkout)',
    effectiveFrom: '2025-10-25',
    appliesWhen: { seller: { chileVatRegistered: true }, maxValue: { value: usd('500.00'), basis: 'FOB' } },
    collectedAtCheckout: true,
    components: [
      {
        code: 'CL.IVA',
        kind: 'tax',
        description: 'IVA 19% collected by the registered platform (product + shipping)',
        base: 'CIF',
        rate: { kind: 'percent', percent: '19' },
      },
    ],
    sources: LEY_21713,
    note: 'IVA 19% on product plus shipping; no customs duty or import IVA on top.',
    uncertain: ['The US$500 ceiling is taken on the goods (FOB) value.', 'Insurance, when bought, is treated as part of shipping in the IVA base.'],
  },
  {
    id: 'cl-customs-2025-10-25',
    country: 'CL',
    name: 'Chile, unregistered seller or above US$500 (duty and IVA at customs)',
    effectiveFrom: '2025-10-25',
    components: [DUTY_6, IVA_ON_CIF_PLUS_DUTY],
    sources: LEY_21713,
    note: 'No exemption since 2025-10-25: 6% duty and 19% IVA at customs (slower clearance).',
    uncertain: ['Duty on CIF and IVA on CIF + duty are assumed, not sourced (the normal customs bases).'],
  },
];
