import { normalizeText } from '../../../../domain/customs/goods-matching';
import {
  BATTERY_RULES,
  CN22_LIMIT,
  CUSTOMS_RULES,
  GLOSSARY_PROVENANCE,
  HS_CATEGORY_CHAPTERS,
  HS_CHAPTERS,
  MODIFIER_TERMS,
  NOUN_TERMS,
  type RuleProvenance,
  SDR_RATE,
  VAGUE_DESCRIPTION_RULE,
  VAGUE_WORDS,
} from '../../../../domain/customs/rules';
import { CERTIFICATE_AGENCIES } from '../../../../domain/shared/certificates';
import { GOODS_CATEGORIES } from '../../../../domain/shared/goods';
import { DESTINATION_COUNTRIES } from '../../../../domain/shared/shipping-terms';
import { taxIdRequirement } from '../../../../domain/shared/tax-ids';

function allRules(): [string, RuleProvenance][] {
  const rules: [string, RuleProvenance][] = [];
  for (const country of DESTINATION_COUNTRIES) {
    const data = CUSTOMS_RULES[country];
    rules.push([`${country} language`, data.documentLanguage]);
    for (const rule of [...data.regimeLimits, ...data.certificates, ...data.prohibitions]) rules.push([rule.id, rule]);
  }
  for (const rule of Object.values(BATTERY_RULES)) rules.push([rule.unNumber + ' ' + rule.batteryType, rule]);
  for (const rule of HS_CATEGORY_CHAPTERS) rules.push([`HS ${rule.category}`, rule]);
  rules.push(
    ['HS chapters', HS_CHAPTERS],
    ['CN22 limit', CN22_LIMIT],
    ['SDR rate', SDR_RATE],
    ['vague words', VAGUE_DESCRIPTION_RULE],
    ['glossary', GLOSSARY_PROVENANCE],
  );
  return rules;
}

describe('customs rules data', () => {
  it.each(allRules())('%s says where it comes from and from when', (_name, rule) => {
    if (rule.source === null) {
      // Unsourced: must say so.
      expect(rule.uncertain).toBe(true);
      expect(rule.note).toMatch(/\w{10,}/);
    } else {
      expect(rule.source).toMatch(/^https?:\/\/[^\s]+$/);
    }
    if (rule.effectiveFrom !== null) {
      expect(rule.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${rule.effectiveFrom}T00:00:00Z`).toISOString().slice(0, 10)).toBe(rule.effectiveFrom);
    }
    if (rule.uncertain) expect(rule.note).toBeDefined();
    if (rule.sandbox === true) expect(rule.uncertain).toBe(true);
  });

  it('reuses the tax-id requirement of tax-ids.ts for every destination', () => {
    for (const country of DESTINATION_COUNTRIES) {
      expect(CUSTOMS_RULES[country].taxId).toEqual(taxIdRequirement(country));
    }
    expect(CUSTOMS_RULES.BR.taxId.required).toBe(true);
  });

  it('holds the regime limits of the reference', () => {
    const limit = (country: keyof typeof CUSTOMS_RULES, id: string) => CUSTOMS_RULES[country].regimeLimits.find((rule) => rule.id === id)?.max;
    expect(limit('BR', 'BR-RTS-VALUE')).toBe(300_000); // US$3,000 in cents
    expect(limit('MX', 'MX-COURIER-VALUE')).toBe(250_000);
    expect(limit('CO', 'CO-POSTAL-VALUE')).toBe(200_000);
    expect(limit('CO', 'CO-POSTAL-WEIGHT')).toBe(50_000);
    expect(limit('CO', 'CO-POSTAL-UNITS')).toBe(6);
    expect(limit('PE', 'PE-SIMPLIFIED-VALUE')).toBe(200_000);
    expect(CUSTOMS_RULES.PE.regimeLimits.find((rule) => rule.id === 'PE-SIMPLIFIED-VALUE')?.uncertain).toBe(true);
  });

  it('rule ids are unique and certificates name a known agency', () => {
    const ids = DESTINATION_COUNTRIES.flatMap((country) => {
      const data = CUSTOMS_RULES[country];
      return [...data.regimeLimits, ...data.certificates, ...data.prohibitions].map((rule) => rule.id);
    });
    expect(new Set(ids).size).toBe(ids.length);
    for (const country of DESTINATION_COUNTRIES) {
      for (const rule of CUSTOMS_RULES[country].certificates) {
        expect(CERTIFICATE_AGENCIES).toContain(rule.agency);
        expect(rule.appliesTo.categories ?? rule.appliesTo.keywords).toBeDefined();
      }
    }
  });

  it('maps the lithium battery types to their UN numbers and packing instructions', () => {
    expect(Object.values(BATTERY_RULES).map((rule) => [rule.batteryType, rule.unNumber, rule.packingInstruction, rule.cargoAircraftOnly])).toEqual([
      ['lithium-ion-in-equipment', 'UN3481', 'PI 967', false],
      ['lithium-ion-with-equipment', 'UN3481', 'PI 966', false],
      ['lithium-metal-in-equipment', 'UN3091', 'PI 970', false],
      ['lithium-metal-with-equipment', 'UN3091', 'PI 969', false],
      ['lithium-ion-standalone', 'UN3480', 'PI 965', true],
      ['lithium-metal-standalone', 'UN3090', 'PI 968', true],
    ]);
  });

  it('HS table: known categories, two-digit chapters that exist', () => {
    for (const rule of HS_CATEGORY_CHAPTERS) {
      expect(GOODS_CATEGORIES).toContain(rule.category);
      for (const chapter of rule.chapters) {
        expect(chapter).toMatch(/^\d{2}$/);
        expect(Number(chapter)).toBeGreaterThanOrEqual(1);
        expect(Number(chapter)).toBeLessThanOrEqual(HS_CHAPTERS.last);
        expect(HS_CHAPTERS.reserved).not.toContain(chapter);
      }
    }
    expect(HS_CATEGORY_CHAPTERS.find((rule) => rule.category === 'electronics')?.chapters).toEqual(['84', '85', '90']);
    expect(HS_CATEGORY_CHAPTERS.find((rule) => rule.category === 'toys')?.chapters).toEqual(['95']);
  });

  it('vague words and glossary keywords are stored in the normalized form they are compared in', () => {
    for (const word of VAGUE_WORDS) expect(normalizeText(word)).toBe(word);
    for (const keyword of [...NOUN_TERMS, ...MODIFIER_TERMS].flatMap((term) => term.en)) expect(normalizeText(keyword)).toBe(keyword);
    expect(VAGUE_WORDS).toEqual(
      expect.arrayContaining(['gift', 'sample', 'parts', 'accessories', 'goods', 'item', 'regalo', 'muestra', 'presente', 'amostra', 'pecas']),
    );
  });

  it('CN 22 up to 300 SDR, with the SDR rate marked as sandbox data', () => {
    expect(CN22_LIMIT.maxSdr).toBe(300);
    expect(SDR_RATE).toMatchObject({ sandbox: true, uncertain: true });
    expect(Number(SDR_RATE.usdPerSdr)).toBeGreaterThan(1);
  });
});
