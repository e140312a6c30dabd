import type { DutyAssessment } from '../../../../domain/rating';
import { assessDuties, type CustomsDeclaration, DUTY_RULES } from '../../../../domain/rating';
import { type Money, zero } from '../../../../domain/shared/money';
import { parsePostalCode, postalCodeOf } from '../../../../domain/shared/postal-codes';
import type { DestinationCountry } from '../../../../domain/shared/shipping-terms';
import { usd } from './fixtures';
import { expectEvery } from '../../../setup/assertions';

/** A declaration where the whole value is the goods (freight and insurance zero) unless given. */
function declaration(country: DestinationCountry, day: string, fobCents: number, over: Partial<CustomsDeclaration> = {}): CustomsDeclaration {
  return {
    country,
    day,
    seller: {},
    items: [{ value: usd(fobCents), hsCode: '61091000', quantity: 1 }],
    fob: usd(fobCents),
    freight: zero('USD'),
    insurance: zero('USD'),
    totalWeightGrams: 1200,
    ...over,
  };
}

function ok(assessment: DutyAssessment): Extract<DutyAssessment, { ok: true }> {
  if (!assessment.ok) throw new Error(`expected an assessment, got ${assessment.code}: ${assessment.message}`);
  return assessment;
}

const amountOf = (assessment: Extract<DutyAssessment, { ok: true }>, code: string): Money | undefined => assessment.lines.find((l) => l.code === code)?.amount;

describe('Brazil — RTS with ICMS "por dentro" (Portaria MF 1.086/2024; Convênio ICMS 81/2023)', () => {
  const conforme = { remessaConforme: true };

  it('reproduces the UOL check values (2025-07-29) at 17%: US$50 → II 10.00, ICMS 12.29', () => {
    // VA = 50.00 ≤ 50 → II = 20% × 50.00 = 10.00; ICMS = (50.00 + 10.00) × 0.17 / 0.83 = 12.289… → 12.29.
    const result = ok(assessDuties(DUTY_RULES, declaration('BR', '2025-07-29', 5000, { seller: conforme, state: 'SP' })));
    expect(amountOf(result, 'BR.II')).toEqual(usd(1000));
    expect(amountOf(result, 'BR.ICMS')).toEqual(usd(1229));
    expect(result.rule.id).toBe('br-rts-conforme-2025-04-01');
  });

  it('reproduces the UOL check values at 17%: US$100 → II 40.00, ICMS 28.67', () => {
    // VA = 100.00 > 50 → II = 60% × 100.00 − 20.00 = 40.00; ICMS = 140.00 × 17/83 = 28.674… → 28.67.
    const result = ok(assessDuties(DUTY_RULES, declaration('BR', '2025-07-29', 10_000, { seller: conforme, state: 'SP' })));
    expect(amountOf(result, 'BR.II')).toEqual(usd(4000));
    expect(amountOf(result, 'BR.ICMS')).toEqual(usd(2867));
    expect(result.total).toEqual(usd(6867));
  });

  it('counts freight and insurance in the value that picks the band', () => {
    // Goods 45.00 + freight 8.00 = VA 53.00 > 50 → II = 31.80 − 20.00 = 11.80 (not 20% of 53 = 10.60).
    const result = ok(assessDuties(DUTY_RULES, declaration('BR', '2026-11-22', 4500, { seller: conforme, state: 'SP', freight: usd(800) })));
    expect(result.cif).toEqual(usd(5300));
    expect(amountOf(result, 'BR.II')).toEqual(usd(1180));
  });

  it('is continuous at the US$50 band edge', () => {
    // 50.00 → 10.00; 50.01 → 60% × 50.01 = 30.006 → 30.01 − 20.00 = 10.01.
    expect(amountOf(ok(assessDuties(DUTY_RULES, declaration('BR', '2026-11-22', 5000, { seller: conforme }))), 'BR.II')).toEqual(usd(1000));
    expect(amountOf(ok(assessDuties(DUTY_RULES, declaration('BR', '2026-11-22', 5001, { seller: conforme }))), 'BR.II')).toEqual(usd(1001));
  });

  it('charges 60% with no deduction to sellers outside Remessa Conforme', () => {
    // US$50: II = 30.00; ICMS = 80.00 × 17/83 = 16.385… → 16.39.
    const result = ok(assessDuties(DUTY_RULES, declaration('BR', '2026-11-22', 5000, { seller: { remessaConforme: false }, state: 'SP' })));
    expect(result.rule.id).toBe('br-rts-standard-2025-04-01');
    expect(amountOf(result, 'BR.II')).toEqual(usd(3000));
    expect(amountOf(result, 'BR.ICMS')).toEqual(usd(1639));
  });

  it("uses the destination state's ICMS rate: 20% in Minas Gerais from 2025-04-01, 17% before", () => {
    // US$50 to MG: ICMS = 60.00 × 20/80 = 15.00 on 2025-04-01; 60.00 × 17/83 = 12.29 on 2025-03-31.
    const after = ok(assessDuties(DUTY_RULES, declaration('BR', '2025-04-01', 5000, { seller: conforme, state: 'MG' })));
    const before = ok(assessDuties(DUTY_RULES, declaration('BR', '2025-03-31', 5000, { seller: conforme, state: 'MG' })));
    expect(amountOf(after, 'BR.ICMS')).toEqual(usd(1500));
    expect(amountOf(before, 'BR.ICMS')).toEqual(usd(1229));
    expect(before.rule.id).toBe('br-rts-conforme-2024-08-01');
  });

  it('applies 20% in each of the ten states and 17% elsewhere', () => {
    for (const state of ['AC', 'AL', 'BA', 'CE', 'MG', 'PB', 'PI', 'RN', 'RR', 'SE']) {
      expect(amountOf(ok(assessDuties(DUTY_RULES, declaration('BR', '2026-11-22', 5000, { seller: conforme, state }))), 'BR.ICMS')).toEqual(usd(1500));
    }
    for (const state of ['SP', 'RJ', 'PR', 'DF']) {
      expect(amountOf(ok(assessDuties(DUTY_RULES, declaration('BR', '2026-11-22', 5000, { seller: conforme, state }))), 'BR.ICMS')).toEqual(usd(1229));
    }
  });

  it('derives the state from the CEP', () => {
    expect(postalCodeOf('BR', '01310-100').region.code).toBe('SP');
    expect(postalCodeOf('BR', '30130-000').region.code).toBe('MG');
    expect(postalCodeOf('BR', '69900-000').region.code).toBe('AC');
    expect(postalCodeOf('BR', '70040-010').region.code).toBe('DF');
    expect(parsePostalCode('BR', '1234').ok).toBe(false);
  });

  it('refuses parcels above the US$3,000 RTS ceiling', () => {
    const result = assessDuties(DUTY_RULES, declaration('BR', '2026-11-22', 300_001, { seller: conforme }));
    expect(result).toMatchObject({ ok: false, code: 'CUSTOMS_REGIME_LIMIT' });
  });

  it('has no rule before the RTS rates of 2024-08-01', () => {
    expect(assessDuties(DUTY_RULES, declaration('BR', '2024-07-31', 5000))).toMatchObject({ ok: false, code: 'NO_DUTY_RULE' });
  });
});

describe('Mexico — courier regime, global rate for China origin', () => {
  it('charges 33.5% of the customs value from 2025-08-15, with no de minimis', () => {
    // US$10.00 → 3.35; US$68.02 → 22.7867 → 22.79.
    expect(ok(assessDuties(DUTY_RULES, declaration('MX', '2025-08-15', 1000))).total).toEqual(usd(335));
    expect(ok(assessDuties(DUTY_RULES, declaration('MX', '2026-11-22', 6802))).total).toEqual(usd(2279));
  });

  it('has no rule before 2025-08-15 (the 19% period is not in the data) and stops at US$2,500', () => {
    expect(assessDuties(DUTY_RULES, declaration('MX', '2025-08-14', 1000))).toMatchObject({ ok: false, code: 'NO_DUTY_RULE' });
    expect(assessDuties(DUTY_RULES, declaration('MX', '2026-11-22', 250_001))).toMatchObject({ ok: false, code: 'CUSTOMS_REGIME_LIMIT' });
  });
});

describe('Chile — Ley 21.713 from 2025-10-25', () => {
  it('registered platform, sale up to US$500: IVA 19% on product + shipping, no duty', () => {
    // 40.00 + freight 10.00 = 50.00 → IVA 9.50.
    const result = ok(assessDuties(DUTY_RULES, declaration('CL', '2026-11-22', 4000, { seller: { chileVatRegistered: true }, freight: usd(1000) })));
    expect(result.rule.id).toBe('cl-registered-platform-2025-10-25');
    expect(result.lines.map((l) => [l.code, l.amount.amount])).toEqual([['CL.IVA', 950]]);
  });

  it('unregistered seller: 6% duty on CIF, then 19% IVA on CIF + duty', () => {
    // CIF 50.00 → duty 3.00; IVA 19% × 53.00 = 10.07.
    const result = ok(assessDuties(DUTY_RULES, declaration('CL', '2026-11-22', 4000, { freight: usd(1000) })));
    expect(result.rule.id).toBe('cl-customs-2025-10-25');
    expect(result.lines.map((l) => [l.code, l.amount.amount])).toEqual([
      ['CL.DERECHO', 300],
      ['CL.IVA', 1007],
    ]);
  });

  it('registered platform above US$500 falls back to customs', () => {
    const result = ok(assessDuties(DUTY_RULES, declaration('CL', '2026-11-22', 50_001, { seller: { chileVatRegistered: true } })));
    expect(result.rule.id).toBe('cl-customs-2025-10-25');
  });

  it('before 2025-10-25, parcels up to US$41 were exempt', () => {
    const exempt = ok(assessDuties(DUTY_RULES, declaration('CL', '2025-10-24', 4100)));
    expect(exempt.total).toEqual(usd(0));
    expectEvery(exempt.lines, (l) => l.basis.startsWith('exempt'));
    // Same parcel a day later: 6% × 41.00 = 2.46; IVA 19% × 43.46 = 8.2574 → 8.26.
    expect(ok(assessDuties(DUTY_RULES, declaration('CL', '2025-10-25', 4100))).total).toEqual(usd(246 + 826));
  });
});

describe('Colombia — tráfico postal y envíos urgentes', () => {
  it('up to US$200 FOB: no duty, but 19% IVA on product + freight + insurance (China origin)', () => {
    // FOB 150.00 + freight 20.00 = CIF 170.00 → arancel 0 (exempt), IVA 32.30.
    const result = ok(assessDuties(DUTY_RULES, declaration('CO', '2026-11-22', 15_000, { freight: usd(2000) })));
    expect(result.lines.map((l) => [l.code, l.amount.amount])).toEqual([
      ['CO.ARANCEL', 0],
      ['CO.IVA', 3230],
    ]);
  });

  it('the US$200 test is on FOB: freight that lifts CIF above 200 does not remove the exemption', () => {
    const result = ok(assessDuties(DUTY_RULES, declaration('CO', '2026-11-22', 19_000, { freight: usd(3000) })));
    expect(result.lines[0]?.amount).toEqual(usd(0));
  });

  it('above US$200: 10% on CIF, IVA 19% on CIF + duty', () => {
    // CIF 300.00 + 20.00 = 320.00 → 32.00; IVA 19% × 352.00 = 66.88.
    const result = ok(assessDuties(DUTY_RULES, declaration('CO', '2026-11-22', 30_000, { freight: usd(2000) })));
    expect(result.total).toEqual(usd(3200 + 6688));
  });

  it('enforces the regime limits: US$2,000, 50 kg, 6 units of one item', () => {
    expect(assessDuties(DUTY_RULES, declaration('CO', '2026-11-22', 200_001))).toMatchObject({ ok: false, code: 'CUSTOMS_REGIME_LIMIT' });
    expect(assessDuties(DUTY_RULES, declaration('CO', '2026-11-22', 1000, { totalWeightGrams: 50_001 }))).toMatchObject({
      ok: false,
      code: 'CUSTOMS_REGIME_LIMIT',
    });
    const sevenUnits = declaration('CO', '2026-11-22', 1000, { items: [{ value: usd(1000), hsCode: '61091000', quantity: 7 }] });
    expect(assessDuties(DUTY_RULES, sevenUnits)).toMatchObject({ ok: false, code: 'CUSTOMS_REGIME_LIMIT' });
  });
});

describe('Peru — exempt up to US$200, then 4% + IGV 16% + IPM 2%', () => {
  it('exempts up to US$200', () => {
    expect(ok(assessDuties(DUTY_RULES, declaration('PE', '2026-11-22', 20_000))).total).toEqual(usd(0));
  });

  it('above: 4% of CIF, IGV and IPM on CIF + duty (22.72% of CIF)', () => {
    // CIF 1,000.00 → 40.00; IGV 16% × 1,040.00 = 166.40; IPM 2% × 1,040.00 = 20.80; total 227.20.
    const result = ok(assessDuties(DUTY_RULES, declaration('PE', '2026-11-22', 100_000)));
    expect(result.lines.map((l) => [l.code, l.amount.amount])).toEqual([
      ['PE.AD_VALOREM', 4000],
      ['PE.IGV', 16_640],
      ['PE.IPM', 2080],
    ]);
    expect(result.total).toEqual(usd(22_720));
  });
});

describe('United States — no de minimis for China; rules by date', () => {
  const tshirtsAndHeadphones = (day: string): CustomsDeclaration =>
    declaration('US', day, 10_000, {
      items: [
        { value: usd(4000), hsCode: '61091000', quantity: 2 },
        { value: usd(6000), hsCode: '85183000', quantity: 1 },
      ],
    });

  it('2025-11-10 → 2026-02-23: MFN + Section 301 + IEEPA 20%', () => {
    // MFN: 16.5% × 40 = 6.60 + 2.6% × 60 = 1.56 → 8.16. S301: 7.5% × 40 = 3.00 + 25% × 60 = 15.00 → 18.00. IEEPA 20% × 100 = 20.00.
    const result = ok(assessDuties(DUTY_RULES, tshirtsAndHeadphones('2026-01-15')));
    expect(result.rule.id).toBe('us-ieepa-2025-11-10');
    expect(result.lines.map((l) => [l.code, l.amount.amount])).toEqual([
      ['US.MFN', 816],
      ['US.S301', 1800],
      ['US.IEEPA', 2000],
    ]);
  });

  it('2026-02-24 → 2026-07-24: IEEPA replaced by the 10% Section 122 surcharge', () => {
    const result = ok(assessDuties(DUTY_RULES, tshirtsAndHeadphones('2026-02-24')));
    expect(result.rule.id).toBe('us-section-122-2026-02-24');
    expect(amountOf(result, 'US.S122')).toEqual(usd(1000));
    expect(ok(assessDuties(DUTY_RULES, tshirtsAndHeadphones('2026-02-23'))).rule.id).toBe('us-ieepa-2025-11-10');
  });

  it('after 2026-07-24 the rule is an explicit, unverified assumption', () => {
    const result = ok(assessDuties(DUTY_RULES, tshirtsAndHeadphones('2026-07-25')));
    expect(result.rule.id).toBe('us-assumed-after-2026-07-24');
    expect(result.rule.unverified).toBe(true);
    expect(result.rule.uncertain.join(' ')).toMatch(/after 2026-07-24/);
  });

  it('charges duty on a US$1 parcel (no de minimis) and stops at the US$2,500 informal-entry limit', () => {
    expect(ok(assessDuties(DUTY_RULES, declaration('US', '2026-11-22', 100))).total.amount).toBeGreaterThan(0);
    expect(assessDuties(DUTY_RULES, declaration('US', '2026-11-22', 250_001))).toMatchObject({ ok: false, code: 'CUSTOMS_REGIME_LIMIT' });
  });
});

describe('the rules as data', () => {
  it('every rule cites at least one source URL, an ISO effective date and a note', () => {
    for (const rule of DUTY_RULES) {
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const source of rule.sources) expect(source.url).toMatch(/^https?:\/\//);
      expect(rule.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (rule.effectiveTo !== undefined) expect(rule.effectiveTo >= rule.effectiveFrom).toBe(true);
      expect(rule.note.length).toBeGreaterThan(0);
    }
  });

  it('some rule answers for every country and seller on every day from 2025-11-10', () => {
    const days = ['2025-11-10', '2026-02-23', '2026-02-24', '2026-07-24', '2026-07-25', '2026-11-22', '2027-06-30'];
    const sellers = [{}, { remessaConforme: true }, { chileVatRegistered: true }];
    for (const country of ['BR', 'MX', 'CL', 'CO', 'PE', 'US'] as const) {
      for (const day of days) {
        for (const seller of sellers) {
          expect(assessDuties(DUTY_RULES, declaration(country, day, 1000, { seller })).ok).toBe(true);
        }
      }
    }
  });

  it('no two rules with the same conditions overlap in time (the choice never depends on data order alone)', () => {
    const end = (to: string | undefined) => to ?? '9999-12-31';
    for (const a of DUTY_RULES) {
      for (const b of DUTY_RULES) {
        if (a === b || a.country !== b.country || JSON.stringify(a.appliesWhen) !== JSON.stringify(b.appliesWhen)) continue;
        const overlap = a.effectiveFrom <= end(b.effectiveTo) && b.effectiveFrom <= end(a.effectiveTo);
        expect({ a: a.id, b: b.id, overlap }).toEqual({ a: a.id, b: b.id, overlap: false });
      }
    }
  });
});
