/**
 * The layout kit the customs PDFs are drawn with: a Sheet that flows text, tables and barcodes over
 * pages (A4 or a 4×6 in label), the shared blocks (parties, facts, headings, tables, the A4 header
 * with the barcode, the signature) and the document's metadata, dated by the document, never "now".
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
import { type Amount, type CustomsDocument, type DocumentTitle, type LocalDescription, type Party } from '../documents';
import { type Code128Encoding } from './code128';
import { toWinAnsi } from './win-ansi';

// ---------------------------------------------------------------------------------------------
// Layout

export const A4: readonly [number, number] = [595.28, 841.89];
export const LABEL_4X6: readonly [number, number] = [288, 432];
export const GREY = rgb(0.35, 0.35, 0.35);

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

export interface TextOptions {
  readonly size?: number;
  readonly bold?: boolean;
  readonly grey?: boolean;
}

/** Rounds coordinates so the content streams stay short and stable. */
export function r(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A page flow: writes top to bottom, starting a new page (with its header) when one is full. */
export class Sheet {
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
    for (const word of toWinAnsi(text)
      .split(' ')
      .filter((part) => part !== '')) {
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

export function kg(grams: number): string {
  return `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')}`;
}

export function money(value: Amount): string {
  return `${value.currency} ${value.text}`;
}

export function day(issuedAt: string): string {
  return issuedAt.slice(0, 10);
}

export function titleLine(title: DocumentTitle): string {
  return title.en.toUpperCase();
}

export function partyLines(party: Party): string[] {
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
export function parties(sheet: Sheet, leftTitle: string, left: Party, rightTitle: string, right: Party, size = 8.5): void {
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
export function facts(sheet: Sheet, pairs: readonly (readonly [string, string])[], size = 8.5): void {
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

export function heading(sheet: Sheet, text: string, size = 9.5): void {
  sheet.ensure(size * 2.6);
  sheet.down(size * 0.6);
  sheet.text(text, sheet.left, { size, bold: true });
  sheet.down(size * 1.4);
}

export function localText(local: LocalDescription | null): string | null {
  return local === null || local.method === 'untranslated' ? null : `[${local.language}] ${local.text}`;
}

export interface Column {
  readonly title: string;
  readonly x: number;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

/** A cell's text; a `{ grey }` part is printed in grey (the translation beside the English text). */
export type CellPart = string | { readonly grey: string };
export type Cell = string | readonly CellPart[];

/** A table whose cells wrap within their column; the header repeats on every page the table reaches. */
export function table(sheet: Sheet, columns: readonly Column[], rows: readonly (readonly Cell[])[], size = 8): void {
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
export function describe(english: string, local: LocalDescription | null, ...more: string[]): CellPart[] {
  const translated = localText(local);
  return [english, ...(translated === null ? [] : [{ grey: translated }]), ...more];
}

// ---------------------------------------------------------------------------------------------
// Documents

export async function newPdf(document: CustomsDocument, author: string): Promise<{ pdf: PDFDocument; fonts: Fonts }> {
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
export function a4Header(document: CustomsDocument, barcode: Code128Encoding) {
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

export function finish(sheet: Sheet, document: CustomsDocument): void {
  sheet.footers(document.documentNumber, document.contentHash);
}

export function signature(sheet: Sheet, declaration: DocumentTitle, shipperName: string, issuedAt: string, size = 8): void {
  sheet.paragraph(declaration.en, { size });
  if (declaration.local !== null) sheet.paragraph(declaration.local, { size, grey: true });
  sheet.down(4);
  sheet.paragraph(`Signed electronically for ${shipperName}, ${day(issuedAt)}`, { size, bold: true });
}
