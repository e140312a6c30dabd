/**
 * Printable PDFs of the customs documents, drawn with pdf-lib and the standard Helvetica font: the
 * invoice, packing list and CN 23 on A4, the CN 22 on a 4×6 in label. Each carries the tracking
 * number as a Code 128 barcode (code set B, with code set C for runs of digits) and, in its footer,
 * the JSON document's content hash.
 *
 * Deterministic: the PDF's dates come from the document's `issuedAt` (pdf-lib would otherwise stamp
 * the current time), so rendering the same document twice gives the same bytes.
 *
 * pdf-lib is most of a rendering function's code (about 430 KB minified of its 670), so the
 * renderers are loaded on the first render, not when the module loads: a cold start that never
 * renders (a held order, a correction refused) does not pay for them, and the deployed bundle
 * carries pdf-lib as a separate file (infra/constructs/bundling.ts, LAZY_MODULES).
 */
import { type PDFDocument } from 'pdf-lib';
import { type CustomsDocument, type CustomsDocuments, sha256 } from '../documents';
import { encodeCode128 } from './code128';

export { CODE128_START_B, CODE128_START_C, CODE128_STOP, CODE128_WIDTHS, Code128Error, encodeCode128, encodeCode128B, type Code128Encoding } from './code128';
export { toWinAnsi } from './win-ansi';

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
  const { renderInvoice, renderPackingList, renderCn22, renderCn23 } = await import('./renderers');
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
