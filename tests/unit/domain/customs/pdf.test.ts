import fc from 'fast-check';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { type CustomsDocument, type DocumentsContext, buildCustomsDocuments } from '../../../../domain/customs/documents';
import {
  type Code128Encoding,
  CODE128_START_B,
  CODE128_START_C,
  CODE128_STOP,
  CODE128_WIDTHS,
  Code128Error,
  encodeCode128,
  encodeCode128B,
  renderCustomsPdf,
  renderCustomsPdfs,
  toWinAnsi,
} from '../../../../domain/customs/pdf';
import type { Order } from '../../../../domain/order/order';
import { item, orderTo, RECEIVED_AT, sampleOrder, SHIPMENT, SHIPPER, toUsd } from './helpers';

const CONTEXT: DocumentsContext = { issuedAt: RECEIVED_AT, shipper: SHIPPER, toUsd };
const A4 = { width: 595.28, height: 841.89 };
const LABEL_4X6 = { width: 288, height: 432 };

function documentsOf(order: Order, context: Partial<DocumentsContext> = {}) {
  return buildCustomsDocuments(order, SHIPMENT, { ...CONTEXT, ...context });
}

interface PageContent {
  readonly width: number;
  readonly height: number;
  /** Every string drawn with Tj, decoded from WinAnsi (windows-1252). */
  readonly strings: string[];
  readonly rectangles: { x: number; y: number; w: number; h: number }[];
}

const WIN_ANSI = new TextDecoder('windows-1252');

/** Reads a PDF back: pdf-lib parses it, the content streams are inflated and their operators read. */
async function readPdf(bytes: Uint8Array): Promise<{ document: PDFDocument; pages: PageContent[]; text: string }> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = document.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
    const operators = streams
      .map((stream) => {
        if (!(stream instanceof PDFRawStream)) throw new Error('expected a raw content stream');
        const flate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
        return Buffer.from(flate ? inflateSync(stream.contents) : stream.contents).toString('latin1');
      })
      .join('\n');
    const strings = [...operators.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((match) => WIN_ANSI.decode(Buffer.from(match[1] ?? '', 'hex')));
    const rectangles = [...operators.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((match) => ({
      x: Number(match[1]),
      y: Number(match[2]),
      w: Number(match[3]),
      h: Number(match[4]),
    }));
    return { ...page.getSize(), strings, rectangles };
  });
  return { document, pages, text: pages.flatMap((page) => page.strings).join('\n') };
}

/** Rebuilds the module string ("1" bar, "0" space) of the first barcode drawn on a page. */
function barcodeModules(rectangles: PageContent['rectangles']): string {
  const bars = [...rectangles].sort((a, b) => a.x - b.x);
  const first = bars[0];
  if (first === undefined) return '';
  const module = first.w / 2; // every Code 128 symbol starts with a 2-module bar
  let modules = '';
  let end = first.x;
  for (const bar of bars) {
    if (bar.y !== first.y || bar.h !== first.h) continue;
    modules += '0'.repeat(Math.round((bar.x - end) / module)) + '1'.repeat(Math.round(bar.w / module));
    end = bar.x + bar.w;
  }
  return modules;
}

describe('Code 128 (code set B)', () => {
  // Expected bar patterns from JsBarcode's test suite (lindell/JsBarcode, test/node/CODE128.test.js).
  it.each([
    ['a@B=1', '110100100001001011000011000110110100010110001110011001010011100110110111001001100011101011'],
    ['12', '110100100001001110011011001110010111010110001100011101011'],
  ])('encodes %s as the published pattern', (text, modules) => {
    expect(encodeCode128B(text).modules).toBe(modules);
  });

  it('computes the checksum: start B + Σ value × position, mod 103 (nuscien/trivial docs/data/code128: "Kingcean" → 64)', () => {
    const encoding = encodeCode128B('Kingcean');
    expect(encoding.values).toEqual([104, 43, 73, 78, 71, 67, 69, 65, 78, 64, 106]);
    expect(encoding.checksum).toBe(64);
    expect(encodeCode128B('PJJ123C').checksum).toBe((104 + 48 * 1 + 42 * 2 + 42 * 3 + 17 * 4 + 18 * 5 + 19 * 6 + 35 * 7) % 103);
  });

  it('has 107 distinct symbols of 11 modules (the stop 13), bars with an even module count', () => {
    expect(CODE128_WIDTHS).toHaveLength(107);
    expect(new Set(CODE128_WIDTHS).size).toBe(107);
    CODE128_WIDTHS.forEach((pattern, value) => {
      const widths = Array.from(pattern, Number);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(value === CODE128_STOP ? 13 : 11);
      expect(widths.filter((_, index) => index % 2 === 0).reduce((a, b) => a + b, 0) % 2).toBe(0);
      expect(Math.max(...widths)).toBeLessThanOrEqual(4);
    });
  });

  it('round-trips: any printable ASCII text decodes back from its modules, checksum included', () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(printable, (text) => {
        expect(decodeCode128(encodeCode128B(text).modules)).toBe(text);
        expect(encodeCode128B(text).values[0]).toBe(CODE128_START_B);
      }),
    );
  });

  it.each(['', 'São', 'EN\n123', '包裹'])('refuses %j', (text) => {
    expect(() => encodeCode128B(text)).toThrow(Code128Error);
    expect(() => encodeCode128(text)).toThrow(Code128Error);
  });
});

/** An independent reader: module string → text, following code-set switches and checking the checksum. */
function decodeCode128(modules: string): string {
  const byPattern = new Map(CODE128_WIDTHS.map((pattern, value) => [pattern, value]));
  const runs = modules.match(/1+|0+/g)?.map((run) => run.length) ?? [];
  expect(runs.slice(-7).join('')).toBe(CODE128_WIDTHS[CODE128_STOP]);
  const values: number[] = [];
  for (let i = 0; i + 6 <= runs.length - 7; i += 6) values.push(byPattern.get(runs.slice(i, i + 6).join('')) ?? -1);
  const checksum = values.pop();
  expect(checksum).toBe(values.reduce((sum, value, index) => sum + value * Math.max(index, 1), 0) % 103);
  const [start, ...data] = values;
  let set = start === CODE128_START_C ? 'C' : start === CODE128_START_B ? 'B' : '?';
  let text = '';
  for (const value of data) {
    if (set === 'B' && value === 99) set = 'C';
    else if (set === 'C' && value === 100) set = 'B';
    else if (set === 'C') text += String(value).padStart(2, '0');
    else if (set === 'B' && value < 95) text += String.fromCharCode(value + 32);
    else throw new Error(`unexpected value ${value} in code set ${set}`);
  }
  return text;
}

describe('Code 128 with code set C for digits', () => {
  it('encodes an all-digit number in code set C (JsBarcode CODE128C "123456")', () => {
    const encoding: Code128Encoding = encodeCode128('123456');
    expect(encoding.values).toEqual([CODE128_START_C, 12, 34, 56, (105 + 12 + 34 * 2 + 56 * 3) % 103, CODE128_STOP]);
    expect(encoding.modules).toBe('11010011100101100111001000101100011100010110100011011101100011101011');
  });

  it.each([
    ['EN123456789BR', [104, 37, 46, 17, 99, 23, 45, 67, 89, 100, 34, 50]],
    ['9400111899223344556677', [105, 94, 0, 11, 18, 99, 22, 33, 44, 55, 66, 77]],
    ['AB1234', [104, 33, 34, 99, 12, 34]],
    ['AB12345CD', [104, 33, 34, 17, 18, 19, 20, 21, 35, 36]], // 5 digits in the middle: not worth switching
    ['12345', [105, 12, 34, 100, 21]],
  ] as const)('%s → start, data and switches %j', (text, expected) => {
    const encoding = encodeCode128(text);
    expect(encoding.values.slice(0, -2)).toEqual(expected);
    expect(decodeCode128(encoding.modules)).toBe(text);
  });

  it('round-trips any printable ASCII and is never wider than code set B alone', () => {
    const character = fc.oneof(
      fc.constantFrom(...'0123456789'),
      fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    );
    fc.assert(
      fc.property(fc.array(character, { minLength: 1, maxLength: 40 }), (characters) => {
        const text = characters.join('');
        const encoding = encodeCode128(text);
        expect(decodeCode128(encoding.modules)).toBe(text);
        expect(encoding.modules.length).toBeLessThanOrEqual(encodeCode128B(text).modules.length);
      }),
    );
  });
});

describe('toWinAnsi', () => {
  it('keeps Portuguese and Spanish letters, strips or transliterates others, marks the rest', () => {
    expect(toWinAnsi('São Paulo')).toBe('São Paulo');
    expect(toWinAnsi('José Peña Núñez, Bogotá')).toBe('José Peña Núñez, Bogotá');
    expect(toWinAnsi('Sa\u0303o Paulo')).toBe('São Paulo'); // decomposed input is composed first
    expect(toWinAnsi('Łódź – “Ștefan”')).toBe('Lódz – “Stefan”'); // ó is in WinAnsi, Ł and ź are not
    expect(toWinAnsi('深圳 Nanshan\nline 2')).toBe('?? Nanshan line 2');
    expect(toWinAnsi('≤ 100 Wh')).toBe('<= 100 Wh');
  });

  it('always yields text the standard Helvetica font can encode', async () => {
    const pdf = await PDFDocument.create();
    const font = pdf.embedStandardFont(StandardFonts.Helvetica);
    // Any Unicode scalar value (surrogates excluded), weighted towards the Latin, Greek, Cyrillic and punctuation blocks.
    const codePoint = fc
      .oneof({ arbitrary: fc.integer({ min: 0, max: 0x2fff }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 0x10ffff - 0x800 }), weight: 1 })
      .map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));
    fc.assert(
      fc.property(fc.array(codePoint, { maxLength: 30 }), (characters) => {
        expect(() => font.encodeText(toWinAnsi(characters.join('')))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('rendered PDFs', () => {
  it('the invoice is A4 and shows the tracking number, HS codes, incoterm, values, parties and batteries', async () => {
    const { commercialInvoice } = documentsOf(sampleOrder());
    const rendered = await renderCustomsPdf(commercialInvoice);
    expect(rendered.fileName).toBe('CI-ord_01JCUSTOMS-V1.pdf');
    expect(rendered.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    const { pages, text } = await readPdf(rendered.bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject(A4);
    for (const expected of [
      'COMMERCIAL INVOICE',
      'Fatura comercial',
      'EN123456789BR',
      '8518.30',
      '3926.90',
      'DDP',
      '24.90',
      '9.00',
      'USD 33.90',
      'Ana Paula Ferreira',
      '01310-200 São Paulo SP, BR',
      'CPF: 39053344705',
      '[pt] Capa para celular de silicone',
      'UN3481',
      commercialInvoice.contentHash,
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws the tracking number as the Code 128 bars of its encoding', async () => {
    const { commercialInvoice } = documentsOf(sampleOrder());
    const { pages } = await readPdf((await renderCustomsPdf(commercialInvoice)).bytes);
    expect(barcodeModules(pages[0]?.rectangles ?? [])).toBe(encodeCode128('EN123456789BR').modules);
    expect(decodeCode128(barcodeModules(pages[0]?.rectangles ?? []))).toBe('EN123456789BR');
  });

  it('stamps the document’s issue time, not the current time, in the metadata', async () => {
    const { packingList } = documentsOf(sampleOrder());
    const { document } = await readPdf((await renderCustomsPdf(packingList)).bytes);
    expect(document.getCreationDate()?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(document.getModificationDate()?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(document.getTitle()).toBe('Packing list PL-ord_01JCUSTOMS-V1');
    expect(document.getKeywords()).toContain(packingList.contentHash);
  });

  it('renders the same document to the same bytes, and a new order version to different ones', async () => {
    const order = sampleOrder();
    const first = await renderCustomsPdfs(documentsOf(order));
    const again = await renderCustomsPdfs(documentsOf(order));
    for (const key of ['commercialInvoice', 'packingList', 'customsDeclaration'] as const) {
      expect(Buffer.compare(Buffer.from(again[key].bytes), Buffer.from(first[key].bytes))).toBe(0);
      expect(again[key].sha256).toBe(first[key].sha256);
    }
    const v2 = await renderCustomsPdf(documentsOf({ ...order, version: 2 }, { issuedAt: '2026-11-21T08:30:00Z' }).commercialInvoice);
    expect(v2.sha256).not.toBe(first.commercialInvoice.sha256);
  });

  it('the packing list shows each parcel with its contents and battery mark', async () => {
    const { text } = await readPdf((await renderCustomsPdf(documentsOf(sampleOrder()).packingList)).bytes);
    for (const expected of [
      'PACKING LIST',
      'Parcel 1 of 1',
      'BT-EARBUDS-X2',
      'PHONE-CASE-14',
      'Battery mark: Lithium ion batteries in compliance with Section II of PI967',
      'EN123456789BR',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('a low-value order gets a CN 22 on a 4×6 in label; a high-value one a CN 23 on A4', async () => {
    const low = await readPdf((await renderCustomsPdf(documentsOf(sampleOrder()).customsDeclaration)).bytes);
    expect(low.pages[0]).toMatchObject(LABEL_4X6);
    for (const expected of ['CN 22 CUSTOMS DECLARATION', '[X] Sale of goods', 'HS 8518.30, CN', 'USD 33.90', '24.93 SDR', 'EN123456789BR'])
      expect(low.text).toContain(expected);
    expect(barcodeModules(low.pages[0]?.rectangles ?? [])).toBe(encodeCode128('EN123456789BR').modules);

    const high = documentsOf(
      orderTo('MX', [item({ quantity: 1, unitDeclaredValue: '450.00' })], { shipTo: { name: 'José Peña Núñez', city: 'Ciudad de México' } }),
    );
    expect(high.customsDeclaration.documentType).toBe('CN23');
    const cn23 = await readPdf((await renderCustomsPdf(high.customsDeclaration)).bytes);
    expect(cn23.pages[0]).toMatchObject(A4);
    for (const expected of [
      'CN 23 CUSTOMS DECLARATION',
      'Declaración de aduana CN 23',
      'José Peña Núñez',
      'Ciudad de México',
      '3926.90',
      '450.00',
      'RFC GODE561231GR8',
    ]) {
      expect(cn23.text).toContain(expected);
    }
  });

  it('prints what WinAnsi cannot encode as transliterations or "?", never failing', async () => {
    const documents = documentsOf(orderTo('CL', [item()], { shipTo: { name: 'Łukasz Peña 陈' } }), { shipper: { ...SHIPPER, name: '深圳 Bright Audio' } });
    const { text } = await readPdf((await renderCustomsPdf(documents.commercialInvoice)).bytes);
    expect(text).toContain('Lukasz Peña ?');
    expect(text).toContain('?? Bright Audio (attn. Li Wei)');
  });

  it('continues a long invoice on further pages, repeating the header and numbering the pages', async () => {
    const items = Array.from({ length: 60 }, (_, index) =>
      item({
        sku: `SKU-${String(index + 1).padStart(3, '0')}`,
        description: `Silicone phone case model ${index + 1} with a long description that wraps onto a second line`,
        quantity: 1,
        unitDeclaredValue: '1.00',
      }),
    );
    const document: CustomsDocument = documentsOf(orderTo('PE', items)).commercialInvoice;
    const { pages, text } = await readPdf((await renderCustomsPdf(document)).bytes);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page.strings).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(barcodeModules(page.rectangles)).toBe(encodeCode128('EN123456789BR').modules);
      if (index > 0) expect(page.strings).toContain('No. CI-ord_01JCUSTOMS-V1 (continued)');
    });
    for (let index = 1; index <= 60; index++) expect(text).toContain(`SKU-${String(index).padStart(3, '0')}`);
    expect(text).toContain('USD 60.00');
  });
});
