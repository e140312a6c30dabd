/** The UPU postal declaration: CN 23 on A4, CN 22 on a 4×6 in label. */
import { type PDFDocument } from 'pdf-lib';
import { type PostalDeclaration } from '../documents';
import { type Code128Encoding } from './code128';
import { A4, a4Header, day, describe, facts, finish, heading, kg, LABEL_4X6, money, newPdf, parties, Sheet, signature, table } from './layout';

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

export async function renderCn23(document: PostalDeclaration, barcode: Code128Encoding): Promise<PDFDocument> {
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

export async function renderCn22(document: PostalDeclaration, barcode: Code128Encoding): Promise<PDFDocument> {
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
