import fc from 'fast-check';
import {
  checkCustoms,
  declareBatteries,
  type CustomsCheckContext,
  type CustomsProblem,
  type CustomsProblemCode,
  type CustomsShipment,
} from '../../../../domain/customs/check-order';
import { isVagueDescription } from '../../../../domain/customs/goods-matching';
import { FILLER_WORDS, NOUN_TERMS, VAGUE_WORDS } from '../../../../domain/customs/rules';
import type { Order } from '../../../../domain/order/order';
import { BATTERY_TYPES, type BatteryType, type DestinationCountry } from '../../../../domain/shared/shipping-terms';
import { AT, item, orderTo, sampleOrder, SHIPMENT, toUsd, withItem } from './helpers';

// Tax-id examples come from python-stdnum (https://github.com/arthurdejong/python-stdnum): the module
// docstrings stdnum/<cc>/<id>.py or the doctests tests/test_<cc>_<id>.doctest, named beside each value.

const CONTEXT: CustomsCheckContext = { at: AT, toUsd };

function check(order: Order, shipment: CustomsShipment = SHIPMENT, context: Partial<CustomsCheckContext> = {}) {
  return checkCustoms(order, shipment, { ...CONTEXT, ...context });
}

function codes(problems: readonly CustomsProblem[]): CustomsProblemCode[] {
  return problems.map((problem) => problem.code);
}

function only(problems: readonly CustomsProblem[], code: CustomsProblemCode): CustomsProblem[] {
  return problems.filter((problem) => problem.code === code);
}

describe('checkCustoms: a clean order passes', () => {
  it.each<DestinationCountry>(['BR', 'MX', 'CL', 'CO', 'PE', 'US'])('to %s with a valid recipient id and a plain item', (country) => {
    const result = check(orderTo(country));
    expect(result.problems).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.batteryDeclarations).toEqual([]);
  });

  it('the README sample passes once its ANATEL homologation is on file', () => {
    const order = sampleOrder();
    expect(codes(check(order).problems)).toEqual(['CERTIFICATE_REQUIRED']);
    const result = check(order, SHIPMENT, { certificates: [{ agency: 'ANATEL', reference: '01234-23-12345', skus: ['BT-EARBUDS-X2'] }] });
    expect(result.problems).toEqual([]);
    expect(result.passed).toBe(true);
  });
});

describe('recipient tax id', () => {
  const taxId = (country: DestinationCountry, value: string, type?: string) =>
    check(orderTo(country, [item()], { shipTo: { taxId: type === undefined ? { value } : { type, value } } }));

  it.each([
    ['BR', '390.533.447-05', 'CPF', 'stdnum/br/cpf.py'],
    ['BR', '16.727.230/0001-97', 'CNPJ', 'stdnum/br/cnpj.py'],
    ['BR', '07.195.358/0001-66', undefined, 'tests/test_br_cnpj.doctest'],
    ['MX', 'GODE 561231 GR8', 'RFC', 'stdnum/mx/rfc.py (person)'],
    ['MX', 'MAB-930714-8T4', 'RFC', 'stdnum/mx/rfc.py (company)'],
    ['MX', 'BOXW310820HNERXN09', 'CURP', 'stdnum/mx/curp.py'],
    ['CL', '76086428-5', 'RUT', 'stdnum/cl/rut.py'],
    ['CL', '10626628-K', undefined, 'tests/test_cl_rut.doctest (K check digit)'],
    ['CO', '900.206.480-2', 'NIT', 'tests/test_co_nit.doctest'],
    ['CO', '213.123.432-1', undefined, 'stdnum/co/nit.py'],
    ['PE', '20512333797', 'RUC', 'stdnum/pe/ruc.py'],
    ['PE', '10054148289', 'RUC', 'stdnum/pe/ruc.py (to_dni example)'],
    ['PE', '10117410-2', 'DNI', 'stdnum/pe/cui.py'],
  ] as const)('accepts %s %s (%s, %s)', (country, value, type, _source) => {
    const result = taxId(country, value, type);
    expect(result.problems).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it.each([
    ['BR', '231.002.999-00', 'CPF', 'stdnum/br/cpf.py: invalid check digits'],
    ['BR', '111.111.111-11', 'CPF', 'repeated digits'],
    ['BR', '16.727.230.0001-98', 'CNPJ', 'stdnum/br/cnpj.py: invalid check digit'],
    ['BR', '1234567890', undefined, 'neither CPF nor CNPJ length'],
    ['MX', 'BOXW310820HNERXN08', 'CURP', 'stdnum/mx/curp.py: invalid check digit'],
    ['MX', 'GODE561331GR8', 'RFC', 'month 13'],
    ['CL', '12531909-3', 'RUT', 'stdnum/cl/rut.py: invalid check digit'],
    ['CO', '2131234350', 'NIT', 'stdnum/co/nit.py: invalid check digit'],
    ['PE', '20512333798', 'RUC', 'stdnum/pe/ruc.py: invalid check digit'],
    ['PE', '10117410-3', 'DNI', 'stdnum/pe/cui.py: invalid check digit'],
    ['MX', '390.533.447-05', 'CPF', 'a Brazilian id for a Mexican recipient'],
  ] as const)('rejects %s %s (%s, %s)', (country, value, type, _source) => {
    const result = taxId(country, value, type);
    expect(codes(result.problems)).toEqual(['RECIPIENT_TAX_ID_INVALID']);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ severity: 'error' });
    expect(problem?.path).toMatch(/^shipTo\.taxId\.(value|type)$/);
    expect(problem?.message).toContain(value);
    expect(result.passed).toBe(false);
  });

  it('a missing id blocks Brazil (required since 2020) but only warns where the requirement is unconfirmed', () => {
    const missing = (country: DestinationCountry) => check(orderTo(country, [item()], { shipTo: { taxId: undefined } }));
    const brazil = missing('BR');
    expect(brazil.problems).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_MISSING', path: 'shipTo.taxId', severity: 'error' })]);
    expect(brazil.problems[0]?.message).toContain('CPF or CNPJ');
    expect(brazil.passed).toBe(false);
    for (const country of ['MX', 'CL', 'CO', 'PE'] as const) {
      const result = missing(country);
      expect(result.problems).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_MISSING', severity: 'warning' })]);
      expect(result.passed).toBe(true);
    }
    expect(missing('US').problems).toEqual([]);
  });

  it('accepts ids it cannot fully verify with a warning: RFC failing its check digit, a cédula, a passport', () => {
    // stdnum/mx/rfc.py: VACE-460910-SX6 fails the optional check-digit test but is a real RFC shape.
    const rfc = taxId('MX', 'VACE-460910-SX6', 'RFC');
    expect(rfc.problems).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_UNVERIFIED', severity: 'warning' })]);
    expect(rfc.passed).toBe(true);
    const cedula = taxId('CO', '79.308.960', 'CEDULA');
    expect(codes(cedula.problems)).toEqual(['RECIPIENT_TAX_ID_UNVERIFIED']);
    const passport = taxId('BR', 'FZ123456', 'PASSPORT');
    expect(passport.problems).toEqual([expect.objectContaining({ code: 'RECIPIENT_TAX_ID_UNVERIFIED', path: 'shipTo.taxId.type' })]);
    expect(passport.passed).toBe(true);
  });
});

describe('HS codes', () => {
  it.each(['8518', '85183', '85183012345', 'ABCDEF'])('rejects the malformed code %s', (hsCode) => {
    const result = check(withItem(orderTo('BR'), 0, { hsCode }));
    expect(result.problems).toEqual([expect.objectContaining({ code: 'HS_CODE_MALFORMED', path: 'items[0].hsCode', severity: 'error' })]);
    expect(result.problems[0]?.message).toContain(hsCode);
  });

  it.each(['771234', '000000'])('rejects %s, whose chapter does not exist', (hsCode) => {
    expect(codes(check(orderTo('BR', [item({ hsCode })])).problems)).toEqual(['HS_CODE_MALFORMED']);
  });

  it('warns on a national chapter (98/99) instead of the goods’ own code', () => {
    const result = check(orderTo('CO', [item({ hsCode: '9807.10' })]));
    expect(result.problems).toEqual([expect.objectContaining({ code: 'HS_CODE_NATIONAL_CHAPTER', severity: 'warning' })]);
    expect(result.passed).toBe(true);
  });

  it.each([
    ['electronics', '6109.10', 'mismatch'],
    ['apparel', '8518.30', 'mismatch'],
    ['toys', '3926.90', 'mismatch'],
    ['cosmetics', '9503.00', 'mismatch'],
    ['electronics', '8471.30', 'ok'],
    ['apparel', '6109.10', 'ok'],
    ['toys', '9503.00', 'ok'],
    ['cosmetics', '3304.99', 'ok'],
    ['footwear', '6404.11', 'ok'],
    ['food', '2106.90', 'ok'],
    ['general', '6109.10', 'ok'], // handling categories are not checked
  ])('category %s with %s: %s', (category, hsCode, expected) => {
    const result = check(orderTo('CL', [item({ category, hsCode, description: 'Plush teddy bear made of polyester' })]));
    const mismatches = only(result.problems, 'HS_CODE_CATEGORY_MISMATCH');
    expect(mismatches).toHaveLength(expected === 'mismatch' ? 1 : 0);
    if (expected === 'mismatch') {
      expect(mismatches[0]).toMatchObject({ path: 'items[0].hsCode', severity: 'warning' });
      expect(mismatches[0]?.message).toContain(hsCode);
    }
  });
});

describe('descriptions', () => {
  it.each([
    'Gift',
    'gifts',
    'Sample',
    'Parts',
    'Spare parts',
    'Accessories',
    'goods',
    'Item 1',
    'Various items',
    'Electronic parts',
    'Regalo',
    'Muestra gratis',
    'Presente',
    'Amostra',
    'Peças',
    'Acessórios diversos',
    'X2-500',
  ])('rejects "%s" as too vague', (description) => {
    const result = check(orderTo('BR', [item({ description })]));
    expect(result.problems).toEqual([expect.objectContaining({ code: 'DESCRIPTION_TOO_VAGUE', path: 'items[0].description', severity: 'error' })]);
    expect(result.problems[0]?.message).toContain(description);
    expect(result.passed).toBe(false);
  });

  it.each([
    'Silicone phone case for iPhone 14',
    "Men's cotton T-shirt, short sleeve",
    'Gift box made of cardboard',
    'Camiseta de algodão',
    'Spare parts for bicycle: brake pads',
  ])('accepts "%s"', (description) => {
    expect(check(orderTo('BR', [item({ description })])).problems).toEqual([]);
  });

  it('any mix of vague and filler words is vague; adding a product noun makes it specific', () => {
    const vague = fc.array(fc.constantFrom(...VAGUE_WORDS, ...FILLER_WORDS, '12', '3'), { minLength: 1, maxLength: 5 });
    const noun = fc.constantFrom(...NOUN_TERMS.flatMap((term) => term.en));
    fc.assert(
      fc.property(vague, noun, (words, product) => {
        expect(isVagueDescription(words.join(' '))).toBe(true);
        expect(isVagueDescription([...words, product].join(' '))).toBe(false);
      }),
    );
  });
});

describe('declared values', () => {
  it('rejects a unit value of zero', () => {
    const result = check(orderTo('MX', [item({ unitDeclaredValue: '0.00' })]));
    expect(only(result.problems, 'DECLARED_VALUE_NOT_POSITIVE')).toEqual([expect.objectContaining({ path: 'items[0].unitDeclaredValue', severity: 'error' })]);
    expect(result.passed).toBe(false);
  });

  it('rejects a total that does not match the items and an item in another currency', () => {
    const order = orderTo('MX');
    expect(codes(check({ ...order, declaredValue: { amount: 500, currency: 'USD' } }).problems)).toEqual(['DECLARED_TOTAL_MISMATCH']);
    const mixed = withItem(order, 0, { unitDeclaredValue: { amount: 450, currency: 'CNY' } });
    expect(check(mixed).problems).toEqual([expect.objectContaining({ code: 'DECLARED_VALUE_CURRENCY_MISMATCH', path: 'items[0].unitDeclaredValue' })]);
  });

  it('rejects parcels that do not hold exactly the ordered units', () => {
    const order = orderTo('PE');
    const parcel = order.parcels[0]!;
    const short = {
      ...order,
      parcels: [
        {
          ...parcel,
          items: [
            { sku: 'PHONE-CASE-14', quantity: 1 },
            { sku: 'GHOST', quantity: 1 },
          ],
        },
      ],
    };
    const problems = check(short).problems;
    expect(problems).toEqual([
      expect.objectContaining({ code: 'PARCEL_CONTENTS_MISMATCH', path: 'parcels[0].items[1].sku' }),
      expect.objectContaining({ code: 'PARCEL_CONTENTS_MISMATCH', path: 'items[0].quantity' }),
    ]);
    expect(codes(check({ ...order, parcels: [] }).problems)).toEqual(['PARCELS_MISSING']);
  });

  it('warns when a parcel weighs less than its contents', () => {
    const order = orderTo('PE');
    const light = { ...order, parcels: [{ ...order.parcels[0]!, weightGrams: 50 }] };
    expect(check(light).problems).toEqual([expect.objectContaining({ code: 'PARCEL_WEIGHT_BELOW_CONTENTS', severity: 'warning' })]);
  });
});

describe('restricted goods and certificates', () => {
  const TOY = item({ sku: 'TOY-CAR', description: 'Die-cast toy car for children', hsCode: '9503.00', category: 'toys' });
  const LIPSTICK = item({ sku: 'LIP-01', description: 'Matte lipstick', hsCode: '3304.10', category: 'cosmetics' });
  const SPEAKER = item({ sku: 'SPK-1', description: 'Portable speaker with Bluetooth', hsCode: '8518.22', category: 'electronics' });
  const LAMP = item({ sku: 'LAMP-1', description: 'LED desk lamp', hsCode: '9405.21', category: 'home' });
  const TSHIRT = item({ sku: 'TEE-1', description: "Men's cotton T-shirt", hsCode: '6109.10', category: 'apparel' });
  const GOODS = { TOY, LIPSTICK, SPEAKER, TSHIRT };

  it.each([
    ['BR', 'TOY', 'BR-INMETRO-TOYS', 'error'],
    ['BR', 'SPEAKER', 'BR-ANATEL-RADIO', 'error'],
    ['BR', 'LIPSTICK', 'BR-ANVISA-PERSONAL-USE', 'warning'],
    ['MX', 'SPEAKER', 'MX-NOM-ELECTRONICS', 'error'],
    ['MX', 'TSHIRT', 'MX-NOM-TEXTILES', 'error'],
    ['MX', 'LIPSTICK', 'MX-COFEPRIS', 'warning'],
    ['US', 'TOY', 'US-CPSC-CHILDRENS-PRODUCT', 'error'],
    ['US', 'SPEAKER', 'US-FCC-RF-DEVICE', 'warning'],
    ['US', 'LIPSTICK', 'US-FDA-REGULATED', 'warning'],
  ] as const)('%s: %s needs %s (%s)', (country, goods, ruleId, severity) => {
    const result = check(orderTo(country, [GOODS[goods]]));
    expect(only(result.problems, 'CERTIFICATE_REQUIRED')).toEqual([expect.objectContaining({ ruleId, severity, path: 'items[0]' })]);
    expect(result.passed).toBe(severity !== 'error');
  });

  it('a certificate on file for the agency clears the item; one for another SKU does not', () => {
    const order = orderTo('BR', [TOY, item()]);
    expect(check(order, SHIPMENT, { certificates: [{ agency: 'INMETRO', reference: 'OCP-0001/2025' }] }).problems).toEqual([]);
    expect(codes(check(order, SHIPMENT, { certificates: [{ agency: 'INMETRO', reference: 'X', skus: ['OTHER'] }] }).problems)).toEqual([
      'CERTIFICATE_REQUIRED',
    ]);
    expect(codes(check(order, SHIPMENT, { certificates: [{ agency: 'ANATEL', reference: 'X' }] }).problems)).toEqual(['CERTIFICATE_REQUIRED']);
  });

  it('a radio-less device needs no ANATEL homologation, and goods in other categories no certificate', () => {
    expect(check(orderTo('BR', [LAMP])).problems).toEqual([]);
    expect(check(orderTo('BR', [item({ description: 'USB desk fan', hsCode: '8414.51', category: 'electronics' })])).problems).toEqual([]);
    expect(check(orderTo('CL', [TOY, SPEAKER, LIPSTICK])).problems).toEqual([]);
  });

  it('applies a rule only from its effective date (US CPSC eFiling from 2026-07-08)', () => {
    const order = orderTo('US', [TOY]);
    expect(check(order, SHIPMENT, { at: new Date('2026-07-07T23:59:59Z') }).problems).toEqual([]);
    expect(codes(check(order, SHIPMENT, { at: new Date('2026-07-08T00:00:00Z') }).problems)).toEqual(['CERTIFICATE_REQUIRED']);
  });

  it('refuses goods Brazil does not admit by post, whatever the paperwork', () => {
    const vape = item({ sku: 'VAPE-1', description: 'Disposable vape pen, mint', hsCode: '8543.40', category: 'electronics' });
    const result = check(orderTo('BR', [vape]), SHIPMENT, { certificates: [{ agency: 'ANATEL', reference: 'X' }] });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'GOODS_PROHIBITED', ruleId: 'BR-ANVISA-POST-PROHIBITED', severity: 'error' })]);
  });
});

describe('lithium batteries', () => {
  const EXPECTED: Record<Exclude<BatteryType, 'none'>, [string, string, boolean]> = {
    'lithium-ion-in-equipment': ['UN3481', 'PI 967', false],
    'lithium-ion-with-equipment': ['UN3481', 'PI 966', false],
    'lithium-metal-in-equipment': ['UN3091', 'PI 970', false],
    'lithium-metal-with-equipment': ['UN3091', 'PI 969', false],
    'lithium-ion-standalone': ['UN3480', 'PI 965', true],
    'lithium-metal-standalone': ['UN3090', 'PI 968', true],
  };
  const gadget = (batteryType: BatteryType) => item({ sku: 'GAD-1', description: 'Digital kitchen scale', hsCode: '8423.10', category: 'home', batteryType });

  it.each(Object.entries(EXPECTED))('declares %s as %j', (batteryType, [unNumber, packingInstruction, cargoAircraftOnly]) => {
    const result = check(orderTo('CL', [gadget(batteryType as BatteryType)]), { ...SHIPMENT, acceptsBatteries: BATTERY_TYPES });
    expect(result.problems).toEqual([]);
    expect(result.batteryDeclarations).toEqual([
      expect.objectContaining({ itemIndex: 0, sku: 'GAD-1', quantity: 2, batteryType, unNumber, packingInstruction, cargoAircraftOnly }),
    ]);
    expect(result.batteryDeclarations[0]?.statement).toContain(packingInstruction.replace(' ', ''));
  });

  it('refuses batteries the booked service cannot fly, saying why standalone ones need cargo aircraft', () => {
    const parcelService: CustomsShipment = { ...SHIPMENT, serviceId: 'enlace-economy-cl', carrier: 'Starken', acceptsBatteries: ['lithium-ion-in-equipment'] };
    const order = orderTo(
      'CL',
      [
        gadget('lithium-ion-standalone'),
        item({ sku: 'W-1', description: 'Wrist watch', hsCode: '9102.11', batteryType: 'lithium-metal-in-equipment' }),
        gadget('none'),
      ].map((entry, index) => ({ ...entry, sku: `SKU-${index}` })),
    );
    const result = check(order, parcelService);
    const refused = only(result.problems, 'BATTERY_NOT_ACCEPTED_BY_SERVICE');
    expect(refused.map((problem) => problem.path)).toEqual(['items[0].batteryType', 'items[1].batteryType']);
    expect(refused[0]?.message).toMatch(/UN3480.*cargo aircraft.*enlace-economy-cl/);
    expect(refused[1]?.message).toContain('UN3091');
    expect(result.passed).toBe(false);
    // The declarations are still produced, so the seller sees what would be declared.
    expect(result.batteryDeclarations.map((declaration) => declaration.unNumber)).toEqual(['UN3480', 'UN3091']);
  });

  it('warns about a battery the description mentions but the item does not declare', () => {
    const powerBank = item({ sku: 'PB-1', description: 'Power bank 10000 mAh', hsCode: '8507.60', category: 'electronics' });
    const result = check(orderTo('CL', [powerBank]));
    expect(result.problems).toEqual([expect.objectContaining({ code: 'BATTERY_POSSIBLY_UNDECLARED', severity: 'warning', path: 'items[0].batteryType' })]);
    expect(result.problems[0]?.message).toContain('lithium-ion-standalone');
  });

  it('declareBatteries skips items without batteries', () => {
    expect(declareBatteries(sampleOrder()).map((declaration) => declaration.sku)).toEqual(['BT-EARBUDS-X2']);
  });
});

describe('value limits of the regime', () => {
  const worth = (country: DestinationCountry, unitValue: string, quantity = 1, currency = 'USD') =>
    orderTo(country, [item({ unitDeclaredValue: unitValue, quantity })], { body: { currency } });

  it.each([
    ['BR', '3000.00', '3000.01', 'BR-RTS-VALUE', 'error'],
    ['MX', '2500.00', '2500.01', 'MX-COURIER-VALUE', 'error'],
    ['CO', '2000.00', '2000.01', 'CO-POSTAL-VALUE', 'error'],
    ['PE', '2000.00', '2000.01', 'PE-SIMPLIFIED-VALUE', 'error'],
    ['CL', '500.00', '500.01', 'CL-PLATFORM-IVA-VALUE', 'warning'],
    ['US', '2500.00', '2500.01', 'US-INFORMAL-ENTRY-VALUE', 'warning'],
  ] as const)('%s: %s is within the limit, %s is over it (%s)', (country, within, over, ruleId, severity) => {
    expect(only(check(worth(country, within)).problems, 'VALUE_OVER_REGIME_LIMIT')).toEqual([]);
    const problems = only(check(worth(country, over)).problems, 'VALUE_OVER_REGIME_LIMIT');
    expect(problems).toEqual([expect.objectContaining({ ruleId, severity, path: 'declaredValue' })]);
    expect(problems[0]?.message).toMatch(/over the US\$[\d,]+ limit/);
  });

  it('converts other currencies to USD with the FX passed in', () => {
    // 21,600.00 CNY at 7.2 per USD = US$3,000.00 (within); 21,600.08 CNY = US$3,000.01 (over).
    expect(only(check(worth('BR', '21600.00', 1, 'CNY')).problems, 'VALUE_OVER_REGIME_LIMIT')).toEqual([]);
    const over = only(check(worth('BR', '21600.08', 1, 'CNY')).problems, 'VALUE_OVER_REGIME_LIMIT');
    expect(over).toHaveLength(1);
    expect(over[0]?.message).toContain('about US$3,000.01');
    const toUsdSpy = jest.fn(toUsd);
    check(worth('BR', '10.00', 1, 'CNY'), SHIPMENT, { toUsd: toUsdSpy });
    expect(toUsdSpy).toHaveBeenCalledWith({ amount: 1000, currency: 'CNY' });
  });

  it('Colombia: at most 50 kg and 6 units of one item', () => {
    const units = check(orderTo('CO', [item({ quantity: 7, unitDeclaredValue: '1.00' })]));
    expect(units.problems).toEqual([expect.objectContaining({ code: 'UNITS_OVER_REGIME_LIMIT', path: 'items[0].quantity', ruleId: 'CO-POSTAL-UNITS' })]);
    expect(check(orderTo('CO', [item({ quantity: 6 })])).problems).toEqual([]);
    const heavy = orderTo('CO', [item({ quantity: 2, unitWeightGrams: 25_001 })]);
    expect(codes(check(heavy).problems)).toEqual(['WEIGHT_OVER_REGIME_LIMIT']);
    expect(check(orderTo('CO', [item({ quantity: 2, unitWeightGrams: 25_000 })])).problems).toEqual([]);
  });

  it('Peru: a single order over US$1,000 to a DNI holder warns, to a RUC holder it does not', () => {
    const dni = orderTo('PE', [item({ unitDeclaredValue: '1000.01', quantity: 1 })], { shipTo: { taxId: { type: 'DNI', value: '10117410' } } });
    expect(check(dni).problems).toEqual([expect.objectContaining({ code: 'VALUE_OVER_REGIME_LIMIT', ruleId: 'PE-DNI-ANNUAL-VALUE', severity: 'warning' })]);
    const ruc = orderTo('PE', [item({ unitDeclaredValue: '1000.01', quantity: 1 })]);
    expect(check(ruc).problems).toEqual([]);
  });

  it('Mexico: the courier limit applies from 15 Aug 2025 only', () => {
    const order = worth('MX', '2600.00');
    expect(check(order, SHIPMENT, { at: new Date('2025-08-14T12:00:00Z') }).problems).toEqual([]);
    expect(codes(check(order, SHIPMENT, { at: new Date('2025-08-15T00:00:00Z') }).problems)).toEqual(['VALUE_OVER_REGIME_LIMIT']);
  });
});

describe('every problem at once', () => {
  it('reports all problems of a badly prepared order in one pass, each with a path and a sentence', () => {
    const order = orderTo(
      'BR',
      [
        item({ sku: 'A', description: 'Gift', hsCode: '6109.10', category: 'electronics' }),
        item({ sku: 'B', description: 'Die-cast toy car', hsCode: '9503.00', category: 'toys', unitDeclaredValue: '0.00' }),
        item({
          sku: 'C',
          description: 'Power bank 20000 mAh',
          hsCode: '8507.60',
          category: 'electronics',
          batteryType: 'lithium-ion-standalone',
          unitDeclaredValue: '3100.00',
          quantity: 1,
        }),
      ],
      { shipTo: { taxId: { type: 'CPF', value: '231.002.999-00' } } },
    );
    const broken = withItem(order, 0, { hsCode: '77' });
    const result = check(broken, { ...SHIPMENT, trackingNumber: 'EN 123 ✈' });
    expect(result.passed).toBe(false);
    expect(codes(result.problems)).toEqual([
      'RECIPIENT_TAX_ID_INVALID',
      'DESCRIPTION_TOO_VAGUE',
      'HS_CODE_MALFORMED',
      'DECLARED_VALUE_NOT_POSITIVE',
      'CERTIFICATE_REQUIRED',
      'BATTERY_NOT_ACCEPTED_BY_SERVICE',
      'VALUE_OVER_REGIME_LIMIT',
      'TRACKING_NUMBER_INVALID',
    ]);
    expect(result.problems.map((problem) => problem.path)).toEqual([
      'shipTo.taxId.value',
      'items[0].description',
      'items[0].hsCode',
      'items[1].unitDeclaredValue',
      'items[1]',
      'items[2].batteryType',
      'declaredValue',
      'shipment.trackingNumber',
    ]);
  });

  it('every message is a sentence naming what to change, and the result is deterministic', () => {
    const orders = [
      orderTo('BR', [item({ description: 'Sample', hsCode: '771234' })], { shipTo: { taxId: undefined } }),
      orderTo('MX', [item({ description: 'LED desk lamp', category: 'electronics', hsCode: '9405.21', quantity: 600, unitDeclaredValue: '5.00' })]),
      orderTo('CO', [item({ quantity: 9, unitDeclaredValue: '300.00' })]),
      orderTo('US', [item({ description: 'Toy robot with rechargeable battery', category: 'toys', hsCode: '9503.00' })]),
    ];
    for (const order of orders) {
      const first = check(order);
      expect(first.problems.length).toBeGreaterThan(0);
      for (const problem of first.problems) {
        expect(problem.message).toMatch(/^[A-Z].{20,}[.]$/);
        expect(problem.path).toMatch(/^(shipTo|items\[\d+\]|declaredValue|parcels|shipment)/);
      }
      expect(check(order)).toEqual(first);
    }
  });

  it('refuses an invalid check time rather than guessing', () => {
    expect(() => check(orderTo('BR'), SHIPMENT, { at: new Date('not a date') })).toThrow(RangeError);
  });
});

describe('tracking number', () => {
  it.each(['', '   ', 'EN123✈', 'X'.repeat(49)])('rejects %j', (trackingNumber) => {
    expect(check(orderTo('BR'), { ...SHIPMENT, trackingNumber }).problems).toEqual([
      expect.objectContaining({ code: 'TRACKING_NUMBER_INVALID', path: 'shipment.trackingNumber', severity: 'error' }),
    ]);
  });
});
