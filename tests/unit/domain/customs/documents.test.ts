import {
  type DocumentsContext,
  buildCustomsDocuments,
  serializeCustomsDocument,
  sha256,
  translateDescription,
  verifyContentHash,
} from '../../../../domain/customs/documents';
import type { Order } from '../../../../domain/order/order';
import { sampleOrderBody } from '../../../fixtures/orders';
import { item, orderTo, RECEIVED_AT, sampleOrder, SHIPMENT, SHIPPER, toOrder, toUsd } from './helpers';

const CONTEXT: DocumentsContext = { issuedAt: RECEIVED_AT, shipper: SHIPPER, toUsd };

function build(order: Order, context: Partial<DocumentsContext> = {}) {
  return buildCustomsDocuments(order, SHIPMENT, { ...CONTEXT, ...context });
}

describe('content hash', () => {
  it('hashes with SHA-256 (FIPS 180-2 test vector "abc")', () => {
    expect(sha256('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('buildCustomsDocuments', () => {
  it('regenerating the same order version gives byte-identical JSON and the same hashes', () => {
    const first = build(sampleOrder());
    const second = build(sampleOrder());
    for (const key of ['commercialInvoice', 'packingList', 'customsDeclaration'] as const) {
      expect(serializeCustomsDocument(second[key])).toBe(serializeCustomsDocument(first[key]));
      expect(first[key].contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(verifyContentHash(first[key])).toBe(true);
    }
    // The three documents are different documents.
    expect(new Set([first.commercialInvoice.contentHash, first.packingList.contentHash, first.customsDeclaration.contentHash]).size).toBe(3);
  });

  it('numbers documents from the order id and version, and a new version changes numbers and hashes', () => {
    const order = sampleOrder();
    const v1 = build(order);
    expect(v1.commercialInvoice.documentNumber).toBe('CI-ord_01JCUSTOMS-V1');
    expect(v1.packingList.documentNumber).toBe('PL-ord_01JCUSTOMS-V1');
    expect(v1.customsDeclaration.documentNumber).toBe('CN22-ord_01JCUSTOMS-V1');
    const v2 = build({ ...order, version: 2, updatedAt: '2026-11-21T08:30:00Z' }, { issuedAt: '2026-11-21T08:30:00Z' });
    expect(v2.commercialInvoice.documentNumber).toBe('CI-ord_01JCUSTOMS-V2');
    expect(v2.commercialInvoice.contentHash).not.toBe(v1.commercialInvoice.contentHash);
    expect(v2.commercialInvoice.issuedAt).toBe('2026-11-21T08:30:00.000Z');
  });

  it('detects a tampered document through its content hash', () => {
    const { commercialInvoice } = build(sampleOrder());
    expect(verifyContentHash({ ...commercialInvoice, incoterm: 'DDU' })).toBe(false);
  });

  it('refuses an issue time that is not an ISO instant', () => {
    expect(() => build(sampleOrder(), { issuedAt: 'yesterday' })).toThrow(RangeError);
    expect(() => build(sampleOrder(), { issuedAt: '11/20/2026' })).toThrow(RangeError);
  });

  it('the invoice carries parties, incoterm, currency, lines with HS code and origin, values, weights and batteries', () => {
    const { commercialInvoice: invoice } = build(sampleOrder());
    expect(invoice).toMatchObject({
      documentType: 'commercial-invoice',
      issuedAt: '2026-11-20T10:00:00.000Z',
      orderId: 'ord_01JCUSTOMS',
      orderVersion: 1,
      trackingNumber: 'EN123456789BR',
      carrier: 'Jadlog',
      incoterm: 'DDP',
      currency: 'USD',
      shipper: { name: 'Shenzhen Bright Audio Co., Ltd. (attn. Li Wei)', country: 'CN', taxId: { value: '91440300MA5XXXXXX1' } },
      consignee: { name: 'Ana Paula Ferreira', city: 'São Paulo', country: 'BR', taxId: { type: 'CPF', value: '39053344705' } },
      totals: {
        declaredValue: { amount: 3390, currency: 'USD', text: '33.90' },
        unitCount: 3,
        netWeightGrams: 260,
        grossWeightGrams: 260,
        parcelCount: 1,
      },
    });
    expect(
      invoice.lines.map((line) => [line.hsCode, line.originCountry, line.quantity, line.unitValue.text, line.totalValue.text, line.netWeightGrams]),
    ).toEqual([
      ['8518.30', 'CN', 1, '24.90', '24.90', 180],
      ['3926.90', 'CN', 2, '4.50', '9.00', 80],
    ]);
    expect(invoice.batteryDeclarations).toEqual([expect.objectContaining({ sku: 'BT-EARBUDS-X2', unNumber: 'UN3481', packingInstruction: 'PI 967' })]);
  });

  it('the packing list lists every parcel with its contents, weights and battery marks', () => {
    const body = sampleOrderBody({
      parcels: [
        {
          reference: 'BOX-A',
          weightGrams: 260,
          dimensions: { lengthMm: 200, widthMm: 150, heightMm: 80 },
          items: [
            { sku: 'BT-EARBUDS-X2', quantity: 1 },
            { sku: 'PHONE-CASE-14', quantity: 1 },
          ],
        },
        { weightGrams: 70, dimensions: { lengthMm: 180, widthMm: 100, heightMm: 30 }, items: [{ sku: 'PHONE-CASE-14', quantity: 1 }] },
      ],
    });
    const { packingList, commercialInvoice } = build(toOrder(body));
    expect(packingList.invoiceNumber).toBe(commercialInvoice.documentNumber);
    expect(packingList.totals).toEqual({ parcelCount: 2, unitCount: 3, netWeightGrams: 260, grossWeightGrams: 330 });
    expect(
      packingList.parcels.map((parcel) => [parcel.parcelNumber, parcel.reference, parcel.grossWeightGrams, parcel.netWeightGrams, parcel.batteryStatements]),
    ).toEqual([
      [1, 'BOX-A', 260, 220, ['Lithium ion batteries in compliance with Section II of PI967']],
      [2, null, 70, 40, []],
    ]);
    expect(packingList.parcels[0]?.dimensionsMm).toEqual({ length: 200, width: 150, height: 80 });
    expect(packingList.notes).toEqual([]);
  });

  it('chooses CN 22 up to 300 SDR and CN 23 above (300 SDR = US$408.00 at the sandbox rate of 1.36)', () => {
    const worth = (unitValue: string, currency = 'USD') =>
      build(orderTo('BR', [item({ quantity: 1, unitDeclaredValue: unitValue })], { body: { currency } })).customsDeclaration;
    const at = worth('408.00');
    expect(at).toMatchObject({ documentType: 'CN22', documentNumber: 'CN22-ord_01JCUSTOMS-V1', formChoice: { valueSdr: '300.00', maxSdrForCn22: 300 } });
    const above = worth('408.01');
    expect(above).toMatchObject({ documentType: 'CN23', documentNumber: 'CN23-ord_01JCUSTOMS-V1', formChoice: { valueSdr: '300.01' } });
    expect(above.title.en).toBe('CN 23 customs declaration');
    // Through the FX passed in: 2,937.60 CNY = US$408.00 (CN 22); 2,937.68 CNY = US$408.01 (CN 23).
    expect(worth('2937.60', 'CNY').documentType).toBe('CN22');
    expect(worth('2937.68', 'CNY').documentType).toBe('CN23');
  });

  it('the CN form carries the importer reference, HS codes, origin, values, battery statements and certificates', () => {
    const certificates = [{ agency: 'ANATEL' as const, reference: '01234-23-12345', skus: ['BT-EARBUDS-X2'] }];
    const { customsDeclaration: cn } = build(sampleOrder(), { certificates });
    expect(cn).toMatchObject({
      importerReference: 'CPF 39053344705',
      categoryOfItem: 'sale-of-goods',
      invoiceNumber: 'CI-ord_01JCUSTOMS-V1',
      totalGrossWeightGrams: 260,
      totalValue: { text: '33.90', currency: 'USD' },
      comments: ['Lithium ion batteries in compliance with Section II of PI967'],
      certificates: [{ agency: 'ANATEL', reference: '01234-23-12345', skus: ['BT-EARBUDS-X2'] }],
    });
    expect(cn.items.map((entry) => [entry.hsCode, entry.originCountry, entry.value.text])).toEqual([
      ['8518.30', 'CN', '24.90'],
      ['3926.90', 'CN', '9.00'],
    ]);
  });
});

describe('descriptions beside English', () => {
  it('prints Portuguese for Brazil and Spanish for the Spanish-speaking destinations, nothing for the US', () => {
    const br = build(sampleOrder()).commercialInvoice;
    expect(br.language).toBe('pt');
    expect(br.title).toEqual({ en: 'Commercial invoice', local: 'Fatura comercial' });
    expect(br.lines.map((line) => line.localDescription?.text)).toEqual([
      'Fones de ouvido sem fio Bluetooth com estojo de carregamento',
      'Capa para celular de silicone',
    ]);
    expect(br.declaration.local).toMatch(/^Declaro que as informações/);

    for (const country of ['MX', 'CL', 'CO', 'PE'] as const) {
      const invoice = build(
        orderTo(country, [item(), item({ sku: 'EB', description: 'Wireless Bluetooth earbuds', hsCode: '8518.30', category: 'electronics' })]),
      ).commercialInvoice;
      expect(invoice.language).toBe('es');
      expect(invoice.title.local).toBe('Factura comercial');
      expect(invoice.lines.map((line) => line.localDescription?.text)).toEqual(['Funda para teléfono de silicona', 'Audífonos inalámbricos Bluetooth']);
    }
    const us = build(orderTo('US')).commercialInvoice;
    expect(us.language).toBeNull();
    expect(us.lines[0]?.localDescription).toBeNull();
    expect(us.title.local).toBeNull();
  });

  it.each([
    ["Women's cotton T-shirt", 'es', 'Camiseta de algodón para mujer'],
    ["Women's cotton T-shirt", 'pt', 'Camiseta feminina de algodão'],
    ["Men's leather wallet", 'pt', 'Carteira masculina de couro'],
    ['Rechargeable wireless mouse', 'es', 'Ratón (mouse) recargable inalámbrico'],
    ['Kids wooden puzzle', 'pt', 'Quebra-cabeça infantil de madeira'],
    ['Stainless steel smart watch band', 'es', 'Reloj inteligente de acero inoxidable'],
    ['Running shoes for men', 'pt', 'Tênis masculinos'],
  ] as const)('"%s" in %s is "%s"', (english, language, expected) => {
    expect(translateDescription(english, undefined, language)).toEqual({ language, text: expected, method: 'glossary' });
  });

  it('falls back to the category, then to English, with a note on the invoice', () => {
    expect(translateDescription('Quantum flux capacitor', 'electronics', 'pt')).toEqual({
      language: 'pt',
      text: 'Artigo eletrônico: Quantum flux capacitor',
      method: 'category',
    });
    expect(translateDescription('Quantum flux capacitor', undefined, 'es')).toEqual({ language: 'es', text: 'Quantum flux capacitor', method: 'untranslated' });
    const invoice = build(
      orderTo('MX', [
        item(),
        item({ sku: 'Q1', description: 'Quantum flux capacitor', category: 'electronics', hsCode: '8543.70' }),
        item({ sku: 'Q2', description: 'Zorb', category: undefined }),
      ]),
    ).commercialInvoice;
    expect(invoice.notes).toEqual([
      'Line 2: only the category is given in Spanish; the English description is authoritative.',
      'Line 3: no Spanish translation found; the English description is used.',
    ]);
  });
});
