/**
 * Printable PDFs of the customs documents, drawn with pdf-lib and the standard Helvetica font: the
 * invoice, packing list and CN 23 on A4, the CN 22 on a 4×6 in label. Each carries the tracking
 * number as a Code 128 barcode (code set B, with code set C for runs of digits) and, in its footer,
 * the JSON document's content hash.
 *
 * Deterministic: the PDF's dates come from the document's `issuedAt` (pdf-lib would otherwise stamp
 * the current time), so rendering the same document twice gives the same bytes.
 */
import {
    type PDFFont,
    type PDFPage,
    fill,
    PDFDocument,
    popGraphicsState,
    pushGraphicsState,
    rectangle,
    rgb,
    setFillingGrayscaleColor,
    StandardFonts,
} from 'pdf-lib';
import {
    type Amount,
    type CommercialInvoice,
    type CustomsDocument,
    type CustomsDocuments,
    type DocumentTitle,
    type LocalDescription,
    type PackingList,
    type Party,
    type PostalDeclaration,
    sha256,
} from './documents';

// ---------------------------------------------------------------------------------------------
// Code 128

/**
 * Bar/space widths (in modules) of the 107 Code 128 symbols, values 0–106 (ISO/IEC 15417 table 1):
 * six elements of 11 modules each, starting with a bar; 103–105 are the start codes A/B/C and 106
 * the stop pattern, which has a seventh element (a final 2-module bar) for 13 modules.
 */
export const CODE128_WIDTHS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const CODE128_START_B = 104;
export const CODE128_START_C = 105;
export const CODE128_STOP = 106;
/** In code set B, switch to C; in code set C, switch to B. */
const CODE_C = 99;
const CODE_B = 100;

export class Code128Error extends Error {
  override readonly name = 'Code128Error';
}

export interface Code128Encoding {
  /** Symbol values: a start code, the data (with any code-set switches), the checksum, stop. */
  readonly values: readonly number[];
  readonly checksum: number;
  /** Element widths in modules, alternating bar, space, bar…, starting and ending with a bar. */
  readonly widths: readonly number[];
  /** The same as a module string: "1" for bar, "0" for space. */
  readonly modules: string;
}

/** Printable ASCII only (space to "~"): what code sets B and C can carry between them. */
function assertPrintable(text: string): void {
  if (text.length === 0) throw new Code128Error('nothing to encode');
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (character.length !== 1 || code < 0x20 || code > 0x7e) {
      throw new Code128Error(`"${character}" cannot be encoded in Code 128 code sets B and C`);
    }
  }
}

/**
 * Adds the checksum and stop to start + data values: the checksum is the start value plus each
 * following value times its position (1-based), modulo 103.
 */
function finishSymbol(startAndData: readonly number[]): Code128Encoding {
  const checksum = startAndData.reduce((sum, value, index) => sum + value * Math.max(index, 1), 0) % 103;
  const values = [...startAndData, checksum, CODE128_STOP];
  const widths = values.flatMap((value) => Array.from(CODE128_WIDTHS[value] ?? '', Number));
  const modules = widths.map((width, index) => (index % 2 === 0 ? '1' : '0').repeat(width)).join('');
  return { values, checksum, widths, modules };
}

/** Encodes printable ASCII in Code 128 code set B only: one symbol per character. */
export function encodeCode128B(text: string): Code128Encoding {
  assertPrintable(text);
  return finishSymbol([CODE128_START_B, ...Array.from(text, (character) => character.charCodeAt(0) - 32)]);
}

function digitsAt(text: string, from: number): number {
  let end = from;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return end - from;
}

/**
 * Encodes printable ASCII in Code 128 using code set B, switching to code set C (two digits per
 * symbol) for runs of digits long enough to gain from it — at least 4 at the start or end, 6 in the
 * middle, after the rules of ISO/IEC 15417 Annex E — so numeric tracking numbers print about half
 * as wide, with wider, easier-to-scan bars.
 */
export function encodeCode128(text: string): Code128Encoding {
  assertPrintable(text);
  const leading = digitsAt(text, 0);
  let set: 'B' | 'C' = leading >= 4 || (leading === text.length && leading % 2 === 0) ? 'C' : 'B';
  const values = [set === 'C' ? CODE128_START_C : CODE128_START_B];
  let i = 0;
  while (i < text.length) {
    const run = digitsAt(text, i);
    if (set === 'C') {
      if (run >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
      } else {
        values.push(CODE_B);
        set = 'B';
      }
      continue;
    }
    if (run >= (i + run === text.length ? 4 : 6)) {
      // An odd run leaves its first digit in code set B, so set C gets whole pairs.
      if (run % 2 === 1) values.push(text.charCodeAt(i++) - 32);
      values.push(CODE_C);
      set = 'C';
      continue;
    }
    values.push(text.charCodeAt(i++) - 32);
  }
  return finishSymbol(values);
}

// ---------------------------------------------------------------------------------------------
// WinAnsi text

/** The characters the standard fonts can draw (WinAnsiEncoding): ASCII, Latin-1 and 27 more. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ŀ: 'l', Ŀ: 'L', ŧ: 't', Ŧ: 'T', ŋ: 'n', Ŋ: 'N',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2015': '-', '\u2212': '-', '\u2032': "'", '\u2033': '"',
  '≤': '<=', '≥': '>=', '→': '->', '←': '<-', '≈': '~', '\u2009': ' ', '\u200a': ' ', '\u202f': ' ', '\u2007': ' ',
};

const LINE_BREAK = /[\t\n\r\v\f]/;
const INVISIBLE = /^[\p{Cc}\p{Cf}]$/u;
const COMBINING_MARKS = /\p{M}/gu;

function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(character);
}

/**
 * Text the standard Helvetica font can draw: accented Latin letters in WinAnsi (ã, ñ, é, ç…) are
 * kept, others lose their accents (ă → a) or are transliterated (ł → l), line breaks become spaces,
 * and anything else (CJK, emoji) becomes "?" so the loss stays visible.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const character of text.normalize('NFC')) {
    if (isWinAnsi(character)) {
      out += character;
      continue;
    }
    if (LINE_BREAK.test(character)) {
      out += ' ';
      continue;
    }
    if (INVISIBLE.test(character)) continue;
    const mapped = TRANSLITERATIONS[character];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const stripped = character.normalize('NFD').replace(COMBINING_MARKS, '');
    out += stripped !== '' && Array.from(stripped).every(isWinAnsi) ? stripped : '?';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Layout

const A4: readonly [number, number] = [595.28, 841.89];
const LABEL_4X6: readonly [number, number] = [288, 432];
const GREY = rgb(0.35, 0.35, 0.35);

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

interface TextOptions {
  readonly size?: number;
  readonly bold?: boolean;
  readonly grey?: boolean;
}

/** Rounds coordinates so the content streams stay short and stable. */
function r(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A page flow: writes top to bottom, starting a new page (with its header) when one is full. */
class Sheet {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    readonly size: readonly [number, number],
    readonly margin: number,
    private readonly footerSpace: number,
    private readonly onNewPage: (sheet: Sheet, pageNumber: number) => void,
  ) {
    this.newPage();
  }

  get left(): number {
    return this.margin;
  }

  get right(): number {
    return this.size[0] - this.margin;
  }

  get width(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.page = this.pdf.addPage([this.size[0], this.size[1]]);
    this.pages.push(this.page);
    this.y = this.size[1] - this.margin;
    this.onNewPage(this, this.pages.length);
  }

  /** Starts a new page unless `height` more points fit on this one; returns true when it did. */
  ensure(height: number): boolean {
    if (this.y - height >= this.margin + this.footerSpace) return false;
    this.newPage();
    return true;
  }

  down(points: number): void {
    this.y -= points;
  }

  font(options: TextOptions): PDFFont {
    return options.bold === true ? this.fonts.bold : this.fonts.regular;
  }

  widthOf(text: string, options: TextOptions = {}): number {
    return this.font(options).widthOfTextAtSize(toWinAnsi(text), options.size ?? 9);
  }

  /** Draws one line of text with its baseline at `y` (default: the current line). */
  text(text: string, x: number, options: TextOptions = {}, y = this.y): void {
    const clean = toWinAnsi(text);
    if (clean === '') return;
    this.page.drawText(clean, {
      x: r(x),
      y: r(y),
      size: options.size ?? 9,
      font: this.font(options),
      ...(options.grey === true ? { color: GREY } : {}),
    });
  }

  textRight(text: string, right: number, options: TextOptions = {}, y = this.y): void {
    this.text(text, right - this.widthOf(text, options), options, y);
  }

  /** Splits text into lines no wider than `width`, breaking over-long words. */
  wrap(text: string, width: number, options: TextOptions = {}): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of toWinAnsi(text).split(' ').filter((part) => part !== '')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (this.widthOf(candidate, options) <= width) {
        current = candidate;
        continue;
      }
      if (current !== '') lines.push(current);
      current = word;
      while (this.widthOf(current, options) > width && current.length > 1) {
        let cut = current.length - 1;
        while (cut > 1 && this.widthOf(current.slice(0, cut), options) > width) cut--;
        lines.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    if (current !== '') lines.push(current);
    return lines.length > 0 ? lines : [''];
  }

  /** The text cut to `width` with an ellipsis when it does not fit. */
  fit(text: string, width: number, options: TextOptions = {}): string {
    const clean = toWinAnsi(text);
    if (this.widthOf(clean, options) <= width) return clean;
    let cut = clean.length;
    while (cut > 0 && this.widthOf(`${clean.slice(0, cut)}…`, options) > width) cut--;
    return `${clean.slice(0, cut)}…`;
  }

  /** A wrapped paragraph across the full width, moving the flow down. */
  paragraph(text: string, options: TextOptions = {}, indent = 0): void {
    const size = options.size ?? 9;
    for (const line of this.wrap(text, this.width - indent, options)) {
      this.ensure(size * 1.3);
      this.text(line, this.left + indent, options);
      this.down(size * 1.3);
    }
  }

  rule(y = this.y, from = this.left, to = this.right): void {
    this.page.drawLine({ start: { x: r(from), y: r(y) }, end: { x: r(to), y: r(y) }, thickness: 0.5, color: GREY });
  }

  /** Draws a Code 128 barcode with its quiet zones inside the box (x, y bottom-left, width × height). */
  barcode(encoding: Code128Encoding, x: number, y: number, maxWidth: number, height: number): void {
    const totalModules = encoding.modules.length + 20; // 10-module quiet zone on each side
    const module = Math.min(1.2, maxWidth / totalModules);
    const operators = [pushGraphicsState(), setFillingGrayscaleColor(0)];
    let cursor = x + 10 * module;
    encoding.widths.forEach((width, index) => {
      if (index % 2 === 0) operators.push(rectangle(r(cursor), r(y), r(width * module), r(height)));
      cursor += width * module;
    });
    operators.push(fill(), popGraphicsState());
    this.page.pushOperators(...operators);
  }

  /** Footers once the page count is known: document number, content hash, page x of n. */
  footers(left: string, hash: string): void {
    const size = this.size[0] < 400 ? 5.5 : 6.5;
    this.pages.forEach((page, index) => {
      const y = this.margin - size * 1.6;
      const pageText = `Page ${index + 1} of ${this.pages.length}`;
      page.drawText(toWinAnsi(`${left}   ${hash}`), { x: this.left, y: r(y + size * 1.3), size, font: this.fonts.regular, color: GREY });
      page.drawText(pageText, {
        x: r(this.right - this.fonts.regular.widthOfTextAtSize(pageText, size)),
        y: r(y),
        size,
        font: this.fonts.regular,
        color: GREY,
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

function kg(grams: number): string {
  return `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')}`;
}

function money(value: Amount): string {
  return `${value.currency} ${value.text}`;
}

function day(issuedAt: string): string {
  return issuedAt.slice(0, 10);
}

function titleLine(title: DocumentTitle): string {
  return title.en.toUpperCase();
}

function partyLines(party: Party): string[] {
  const place = [party.postalCode, party.city, party.state].filter((part): part is string => part !== null && part !== '').join(' ');
  return [
    party.name,
    ...party.streetLines,
    ...(party.neighborhood === null ? [] : [party.neighborhood]),
    `${place}, ${party.country}`,
    ...(party.phone === null ? [] : [`Tel. ${party.phone}`]),
    ...(party.email === null ? [] : [party.email]),
    ...(party.taxId === null ? [] : [`${party.taxId.type}: ${party.taxId.value}`]),
  ];
}

/** Two address blocks side by side (shipper and consignee), moving the flow below the taller one. */
function parties(sheet: Sheet, leftTitle: string, left: Party, rightTitle: string, right: Party, size = 8.5): void {
  const columnWidth = sheet.width / 2 - 8;
  const leftLines = partyLines(left).flatMap((line) => sheet.wrap(line, columnWidth, { size }));
  const rightLines = partyLines(right).flatMap((line) => sheet.wrap(line, columnWidth, { size }));
  const leading = size * 1.3;
  sheet.ensure(leading * (1 + Math.max(leftLines.length, rightLines.length)) + 6);
  const top = sheet.y;
  sheet.text(leftTitle, sheet.left, { size, bold: true });
  sheet.text(rightTitle, sheet.left + sheet.width / 2, { size, bold: true });
  leftLines.forEach((line, index) => sheet.text(line, sheet.left, { size }, top - leading * (index + 1)));
  rightLines.forEach((line, index) => sheet.text(line, sheet.left + sheet.width / 2, { size }, top - leading * (index + 1)));
  sheet.y = top - leading * (1 + Math.max(leftLines.length, rightLines.length)) - 6;
}

/** Label/value pairs in two columns. */
function facts(sheet: Sheet, pairs: readonly (readonly [string, string])[], size = 8.5): void {
  const leading = size * 1.35;
  const half = Math.ceil(pairs.length / 2);
  const columnWidth = sheet.width / 2;
  sheet.ensure(leading * half + 4);
  const top = sheet.y;
  pairs.forEach(([label, value], index) => {
    const column = index < half ? 0 : 1;
    const row = column === 0 ? index : index - half;
    const x = sheet.left + column * columnWidth;
    const y = top - row * leading;
    sheet.text(`${label}:`, x, { size, bold: true }, y);
    sheet.text(sheet.fit(value, columnWidth - 84, { size }), x + 78, { size }, y);
  });
  sheet.y = top - half * leading - 4;
}

function heading(sheet: Sheet, text: string, size = 9.5): void {
  sheet.ensure(size * 2.6);
  sheet.down(size * 0.6);
  sheet.text(text, sheet.left, { size, bold: true });
  sheet.down(size * 1.4);
}

function localText(local: LocalDescription | null): string | null {
  return local === null || local.method === 'untranslated' ? null : `[${local.language}] ${local.text}`;
}

interface Column {
  readonly title: string;
  readonly x: number;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

/** A cell's text; a `{ grey }` part is printed in grey (the translation beside the English text). */
type CellPart = string | { readonly grey: string };
type Cell = string | readonly CellPart[];

/** A table whose cells wrap within their column; the header repeats on every page the table reaches. */
function table(sheet: Sheet, columns: readonly Column[], rows: readonly (readonly Cell[])[], size = 8): void {
  const leading = size * 1.25;
  const drawHeader = (): void => {
    columns.forEach((column) =>
      column.align === 'right'
        ? sheet.textRight(column.title, column.x + column.width, { size, bold: true })
        : sheet.text(column.title, column.x, { size, bold: true }),
    );
    sheet.rule(sheet.y - size * 0.45);
    sheet.down(leading + 2);
  };
  sheet.ensure(leading * 3);
  drawHeader();
  for (const row of rows) {
    const cells = row.map((cell, index) => {
      const column = columns[index];
      if (column === undefined) return [];
      const parts = typeof cell === 'string' ? [cell] : cell;
      return parts.flatMap((part) => {
        const grey = typeof part !== 'string';
        const text = typeof part === 'string' ? part : part.grey;
        return sheet.wrap(text, column.width, { size }).map((line) => ({ line, grey }));
      });
    });
    const height = Math.max(...cells.map((lines) => lines.length)) * leading + 2;
    if (sheet.ensure(height)) drawHeader();
    const top = sheet.y;
    cells.forEach((lines, index) => {
      const column = columns[index];
      if (column === undefined) return;
      lines.forEach(({ line, grey }, lineIndex) => {
        const y = top - lineIndex * leading;
        if (column.align === 'right') sheet.textRight(line, column.x + column.width, { size, grey }, y);
        else sheet.text(line, column.x, { size, grey }, y);
      });
    });
    sheet.y = top - height;
  }
  sheet.rule(sheet.y + leading * 0.55);
  sheet.down(4);
}

/** The English description, then the translation in grey when there is one. */
function describe(english: string, local: LocalDescription | null, ...more: string[]): CellPart[] {
  const translated = localText(local);
  return [english, ...(translated === null ? [] : [{ grey: translated }]), ...more];
}

// ---------------------------------------------------------------------------------------------
// Documents

async function newPdf(document: CustomsDocument, author: string): Promise<{ pdf: PDFDocument; fonts: Fonts }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const issued = new Date(document.issuedAt);
  pdf.setTitle(`${document.title.en} ${document.documentNumber}`);
  pdf.setAuthor(author);
  pdf.setSubject(`Order ${document.orderId} version ${document.orderVersion}, tracking ${document.trackingNumber}`);
  pdf.setKeywords([document.documentNumber, document.trackingNumber, document.contentHash]);
  pdf.setCreator('Enlace customs documents');
  pdf.setProducer('Enlace (pdf-lib)');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  return { pdf, fonts: { regular: pdf.embedStandardFont(StandardFonts.Helvetica), bold: pdf.embedStandardFont(StandardFonts.HelveticaBold) } };
}

/** Title, local title and the barcode at the top of each A4 page. */
function a4Header(document: CustomsDocument, barcode: Code128Encoding) {
  return (sheet: Sheet, pageNumber: number): void => {
    const top = sheet.y;
    const number = `No. ${document.documentNumber}${pageNumber > 1 ? ' (continued)' : ''}`;
    sheet.text(titleLine(document.title), sheet.left, { size: 15, bold: true }, top - 12);
    if (document.title.local !== null) sheet.text(document.title.local, sheet.left, { size: 10, grey: true }, top - 26);
    sheet.text(number, sheet.left, { size: 9 }, top - 40);
    const titleWidth = Math.max(
      sheet.widthOf(titleLine(document.title), { size: 15, bold: true }),
      sheet.widthOf(document.title.local ?? '', { size: 10 }),
      // Measured with "(continued)" so the barcode is the same size on every page.
      sheet.widthOf(`No. ${document.documentNumber} (continued)`, { size: 9 }),
    );
    // 1.2 pt per module (0.42 mm), at most 300 pt and never over the title block on the left.
    const barcodeWidth = Math.min(300, (barcode.modules.length + 20) * 1.2, sheet.width - titleWidth - 14);
    sheet.barcode(barcode, sheet.right - barcodeWidth, top - 38, barcodeWidth, 38);
    const caption = `${document.carrier} ${document.trackingNumber}`;
    sheet.text(caption, sheet.right - barcodeWidth / 2 - sheet.widthOf(caption, { size: 8 }) / 2, { size: 8 }, top - 48);
    sheet.y = top - 58;
    sheet.rule();
    sheet.down(14);
  };
}

function finish(sheet: Sheet, document: CustomsDocument): void {
  sheet.footers(document.documentNumber, document.contentHash);
}

function signature(sheet: Sheet, declaration: DocumentTitle, shipperName: string, issuedAt: string, size = 8): void {
  sheet.paragraph(declaration.en, { size });
  if (declaration.local !== null) sheet.paragraph(declaration.local, { size, grey: true });
  sheet.down(4);
  sheet.paragraph(`Signed electronically for ${shipperName}, ${day(issuedAt)}`, { size, bold: true });
}

async function renderInvoice(document: CommercialInvoice, barcode: Code128Encoding): Promise<PDFDocument> {
  const { pdf, fonts } = await newPdf(document, document.shipper.name);
  const sheet = new Sheet(pdf, fonts, A4, 36, 14, a4Header(document, barcode));
  facts(sheet, [
    ['Invoice no.', document.documentNumber],
    ['Date', day(document.issuedAt)],
    ['Order', `${document.orderId} (version ${document.orderVersion})`],
    ['Marketplace', `${document.marketplace} ${document.externalOrderId}`],
    ['Carrier', `${document.carrier} / ${document.serviceId}`],
    ['Tracking no.', document.trackingNumber],
    ['Incoterm', document.incoterm],
    ['Currency', document.currency],
    ['Reason', document.reasonForExport],
    ['Destination', document.destinationCountry],
  ]);
  sheet.down(4);
  parties(sheet, 'Shipper / exporter', document.shipper, 'Consignee / importer', document.consignee);

  const x = sheet.left;
  table(
    sheet,
    [
      { title: '#', x, width: 16 },
      { title: 'Description', x: x + 18, width: 206 },
      { title: 'HS code', x: x + 228, width: 56 },
      { title: 'Origin', x: x + 288, width: 30 },
      { title: 'Qty', x: x + 318, width: 28, align: 'right' },
      { title: 'Unit value', x: x + 348, width: 58, align: 'right' },
      { title: 'Total', x: x + 408, width: 62, align: 'right' },
      { title: 'Net kg', x: x + 472, width: 51, align: 'right' },
    ],
    document.lines.map((line) => {
      return [
        String(line.lineNumber),
        describe(`${line.description} (SKU ${line.sku})`, line.localDescription),
        line.hsCode,
        line.originCountry,
        String(line.quantity),
        line.unitValue.text,
        line.totalValue.text,
        kg(line.netWeightGrams),
      ];
    }),
  );

  const totals: [string, string][] = [
    ['Total declared value', money(document.totals.declaredValue)],
    ...(document.currency === 'USD' ? [] : ([['Equivalent in USD', money(document.totals.declaredValueUsd)]] as [string, string][])),
    ['Units', String(document.totals.unitCount)],
    ['Net weight', `${kg(document.totals.netWeightGrams)} kg`],
    ['Gross weight', `${kg(document.totals.grossWeightGrams)} kg`],
    ['Parcels', String(document.totals.parcelCount)],
  ];
  sheet.ensure(totals.length * 12 + 4);
  for (const [label, value] of totals) {
    sheet.textRight(`${label}:`, sheet.right - 110, { size: 9, bold: true });
    sheet.textRight(value, sheet.right, { size: 9 });
    sheet.down(12);
  }
  sheet.paragraph(`Terms of sale: ${document.incotermNote}`, { size: 8 });

  if (document.batteryDeclarations.length > 0) {
    heading(sheet, 'Lithium batteries');
    for (const battery of document.batteryDeclarations) {
      const section = battery.section === null ? '' : ` Section ${battery.section}`;
      sheet.paragraph(
        `Line ${battery.itemIndex + 1} (SKU ${battery.sku}, ${battery.quantity} unit(s)): ${battery.unNumber} ${battery.properShippingName}, ${battery.packingInstruction}${section}${battery.cargoAircraftOnly ? ', cargo aircraft only' : ''}. "${battery.statement}".`,
        { size: 8 },
      );
    }
  }
  if (document.certificates.length > 0) {
    heading(sheet, 'Certificates');
    for (const certificate of document.certificates) {
      sheet.paragraph(`${certificate.agency} ${certificate.reference}${certificate.skus === null ? '' : ` (SKU ${certificate.skus.join(', ')})`}`, { size: 8 });
    }
  }
  if (document.notes.length > 0) {
    heading(sheet, 'Notes');
    for (const note of document.notes) sheet.paragraph(note, { size: 8 });
  }
  heading(sheet, 'Declaration');
  signature(sheet, document.declaration, document.shipper.name, document.issuedAt);
  finish(sheet, document);
  return pdf;
}

async function renderPackingList(document: PackingList, barcode: Code128Encoding): Promise<PDFDocument> {
  const { pdf, fonts } = await newPdf(document, document.shipper.name);
  const sheet = new Sheet(pdf, fonts, A4, 36, 14, a4Header(document, barcode));
  facts(sheet, [
    ['Packing list', document.documentNumber],
    ['Invoice no.', document.invoiceNumber],
    ['Date', day(document.issuedAt)],
    ['Order', `${document.orderId} (version ${document.orderVersion})`],
    ['Carrier', `${document.carrier} / ${document.serviceId}`],
    ['Tracking no.', document.trackingNumber],
  ]);
  sheet.down(4);
  parties(sheet, 'Shipper', document.shipper, 'Consignee', document.consignee);
  const x = sheet.left;
  for (const parcel of document.parcels) {
    const size = parcel.dimensionsMm === null ? 'size to be measured' : `${parcel.dimensionsMm.length} x ${parcel.dimensionsMm.width} x ${parcel.dimensionsMm.height} mm`;
    heading(sheet, `Parcel ${parcel.parcelNumber} of ${document.parcels.length}${parcel.reference === null ? '' : ` (ref. ${parcel.reference})`}`);
    sheet.paragraph(`Gross weight ${kg(parcel.grossWeightGrams)} kg, net weight ${kg(parcel.netWeightGrams)} kg, ${size}`, { size: 8.5 });
    for (const statement of parcel.batteryStatements) sheet.paragraph(`Battery mark: ${statement}`, { size: 8.5, bold: true });
    table(
      sheet,
      [
        { title: 'Line', x, width: 24 },
        { title: 'Description', x: x + 26, width: 290 },
        { title: 'SKU', x: x + 320, width: 110 },
        { title: 'Qty', x: x + 432, width: 30, align: 'right' },
        { title: 'Net kg', x: x + 466, width: 57, align: 'right' },
      ],
      parcel.contents.map((content) => [
        String(content.lineNumber),
        describe(content.description, content.localDescription),
        content.sku,
        String(content.quantity),
        kg(content.netWeightGrams),
      ]),
    );
  }
  heading(sheet, 'Totals');
  sheet.paragraph(
    `${document.totals.parcelCount} parcel(s), ${document.totals.unitCount} unit(s), net weight ${kg(document.totals.netWeightGrams)} kg, gross weight ${kg(document.totals.grossWeightGrams)} kg`,
    { size: 9 },
  );
  for (const note of document.notes) sheet.paragraph(note, { size: 8, grey: true });
  finish(sheet, document);
  return pdf;
}

function postalFacts(document: PostalDeclaration): [string, string][] {
  return [
    ['Category', '[X] Sale of goods'],
    ['Invoice no.', document.invoiceNumber],
    ['Importer ref.', document.importerReference ?? '-'],
    ['Tracking no.', document.trackingNumber],
    ['Gross weight', `${kg(document.totalGrossWeightGrams)} kg`],
    ['Total value', money(document.totalValue)],
    ['Value in SDR', `${document.formChoice.valueSdr} SDR`],
    ['Date', day(document.issuedAt)],
  ];
}

async function renderCn23(document: PostalDeclaration, barcode: Code128Encoding): Promise<PDFDocument> {
  const { pdf, fonts } = await newPdf(document, document.sender.name);
  const sheet = new Sheet(pdf, fonts, A4, 36, 14, a4Header(document, barcode));
  facts(sheet, postalFacts(document));
  sheet.down(4);
  parties(sheet, 'From (sender)', document.sender, 'To (addressee)', document.addressee);
  const x = sheet.left;
  table(
    sheet,
    [
      { title: 'Detailed description of contents', x, width: 230 },
      { title: 'Qty', x: x + 232, width: 28, align: 'right' },
      { title: 'Net kg', x: x + 262, width: 46, align: 'right' },
      { title: `Value (${document.totalValue.currency})`, x: x + 310, width: 70, align: 'right' },
      { title: 'HS tariff no.', x: x + 390, width: 72 },
      { title: 'Origin', x: x + 466, width: 57 },
    ],
    document.items.map((item) => [
      describe(item.description, item.localDescription),
      String(item.quantity),
      kg(item.netWeightGrams),
      item.value.text,
      item.hsCode,
      item.originCountry,
    ]),
  );
  sheet.paragraph(
    `Total gross weight ${kg(document.totalGrossWeightGrams)} kg. Total value ${money(document.totalValue)} (${document.formChoice.valueSdr} SDR at ${document.formChoice.usdPerSdr} USD per SDR; CN 22 up to ${document.formChoice.maxSdrForCn22} SDR).`,
    { size: 8.5, bold: true },
  );
  if (document.comments.length > 0) {
    heading(sheet, 'Comments');
    for (const comment of document.comments) sheet.paragraph(comment, { size: 8.5 });
  }
  if (document.certificates.length > 0) {
    heading(sheet, 'Licences and certificates');
    for (const certificate of document.certificates) sheet.paragraph(`${certificate.agency} ${certificate.reference}`, { size: 8.5 });
  }
  heading(sheet, 'Declaration');
  signature(sheet, document.declaration, document.sender.name, document.issuedAt);
  finish(sheet, document);
  return pdf;
}

async function renderCn22(document: PostalDeclaration, barcode: Code128Encoding): Promise<PDFDocument> {
  const { pdf, fonts } = await newPdf(document, document.sender.name);
  const header = (sheet: Sheet, pageNumber: number): void => {
    const top = sheet.y;
    sheet.text('CN 22 CUSTOMS DECLARATION', sheet.left, { size: 10, bold: true }, top - 9);
    if (document.title.local !== null) sheet.text(document.title.local, sheet.left, { size: 7, grey: true }, top - 18);
    sheet.text(`No. ${document.documentNumber}${pageNumber > 1 ? ' (continued)' : ''}`, sheet.left, { size: 6.5 }, top - 26);
    sheet.barcode(barcode, sheet.left, top - 66, sheet.width, 36);
    const caption = `${document.carrier} ${document.trackingNumber}`;
    sheet.text(caption, sheet.left + sheet.width / 2 - sheet.widthOf(caption, { size: 7 }) / 2, { size: 7 }, top - 74);
    sheet.y = top - 80;
    sheet.rule();
    sheet.down(9);
  };
  const sheet = new Sheet(pdf, fonts, LABEL_4X6, 14, 10, header);
  for (const [label, value] of postalFacts(document)) {
    sheet.ensure(9);
    sheet.text(`${label}:`, sheet.left, { size: 6.5, bold: true });
    sheet.text(sheet.fit(value, sheet.width - 58, { size: 6.5 }), sheet.left + 58, { size: 6.5 });
    sheet.down(8.5);
  }
  sheet.down(2);
  parties(sheet, 'From', document.sender, 'To', document.addressee, 6);
  const x = sheet.left;
  table(
    sheet,
    [
      { title: 'Contents (HS code, origin)', x, width: 150 },
      { title: 'Qty', x: x + 152, width: 16, align: 'right' },
      { title: 'kg', x: x + 170, width: 28, align: 'right' },
      { title: document.totalValue.currency, x: x + 200, width: 60, align: 'right' },
    ],
    document.items.map((item) => [
      describe(item.description, item.localDescription, `HS ${item.hsCode}, ${item.originCountry}`),
      String(item.quantity),
      kg(item.netWeightGrams),
      item.value.text,
    ]),
    6,
  );
  for (const comment of document.comments) sheet.paragraph(comment, { size: 6, bold: true });
  for (const certificate of document.certificates) sheet.paragraph(`Certificate: ${certificate.agency} ${certificate.reference}`, { size: 6 });
  signature(sheet, document.declaration, document.sender.name, document.issuedAt, 5.5);
  finish(sheet, document);
  return pdf;
}

// ---------------------------------------------------------------------------------------------

export interface RenderedPdf {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** "sha256:<hex>" of the PDF bytes. */
  readonly sha256: string;
}

/** Renders one customs document. The same document always gives the same bytes. */
export async function renderCustomsPdf(document: CustomsDocument): Promise<RenderedPdf> {
  const barcode = encodeCode128(document.trackingNumber);
  let pdf: PDFDocument;
  switch (document.documentType) {
    case 'commercial-invoice':
      pdf = await renderInvoice(document, barcode);
      break;
    case 'packing-list':
      pdf = await renderPackingList(document, barcode);
      break;
    case 'CN23':
      pdf = await renderCn23(document, barcode);
      break;
    case 'CN22':
      pdf = await renderCn22(document, barcode);
      break;
  }
  const bytes = await pdf.save({ useObjectStreams: false });
  return { fileName: `${document.documentNumber}.pdf`, bytes, sha256: sha256(bytes) };
}

/** Renders the three documents of an order. */
export async function renderCustomsPdfs(
  documents: CustomsDocuments,
): Promise<{ readonly commercialInvoice: RenderedPdf; readonly packingList: RenderedPdf; readonly customsDeclaration: RenderedPdf }> {
  const [commercialInvoice, packingList, customsDeclaration] = await Promise.all([
    renderCustomsPdf(documents.commercialInvoice),
    renderCustomsPdf(documents.packingList),
    renderCustomsPdf(documents.customsDeclaration),
  ]);
  return { commercialInvoice, packingList, customsDeclaration };
}
